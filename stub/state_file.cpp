// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The state file's format, version 1:
//
//   {"version":1,
//    "ids":{"seed":42,"draws":18},              seed null: random ids
//    "acme_tenant_id":"<id>",
//    "tenants":[{"id":…,"name":…,"display_name":…,"description":…,"website_url":…,
//                "sensitive_data_enabled":…,"configured":…}, …],
//    "api_keys":[{"id":…,"tenant_id":…,"name":…,"description":…,"key":…,"masked":…,
//                 "created_at":…,"last_used_at":null|…}, …],
//    "secrets":[{"tenant_id":…,"key":…,"value":…,"description":…,"created_at":…,
//                "updated_at":null|…}, …],
//    "variables":[ same as secrets ],
//    "data_cores":[{"id":…,"tenant_id":…,"name":…,"description":…,"is_public":…,
//                   "delete_protection":…,"is_deleting":…,"is_flowcore_managed":…}, …],
//    "flow_types":[{"id":…,"data_core_id":…,"name":…,"description":…,"is_deleting":…}, …],
//    "event_types":[{"id":…,"flow_type_id":…,"name":…,"description":…,"created_at":…,
//                    "updated_at":null|…,"is_truncating":…,"is_deleting":…,
//                    "sensitive_data_mask":null|{…},"sensitive_data_enabled":…}, …],
//    "sensitive_data_removals":[{"id":…,"tenant_id":…,"data_core_id":…,"flow_type_id":…,
//                                "event_type_id":…,"application":…,"parent_key":…,
//                                "key":…,"type":…,"created_at":…}, …]}
//
// Records in creation order, one per line, so that a file kept as a test fixture diffs
// well. A flow type's tenant and an event type's tenant and data core are not written:
// they follow from the parent, so a hand-edited file cannot contradict itself. Reading is
// strict (every field present with its type, no unknown field, every parent present):
// a typo must fail the start, not come back as a different topology.
#include "state_file.hpp"

#include "ids.hpp"
#include "state.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/stream_parser.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

namespace flowcore::stub::detail {
namespace {
namespace json = boost::json;

// What is wrong with the file's content; load() adds the file's name.
class bad_content : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

json::value nullable(const std::optional<std::string>& text) {
  return text ? json::value(*text) : json::value(nullptr);
}

// ---- writing

json::object to_json(const tenant& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"display_name", t.display_name},
          {"description", t.description},
          {"website_url", t.website_url},
          {"sensitive_data_enabled", t.sensitive_data_enabled},
          {"configured", t.configured}};
}

json::object to_json(const api_key_record& k) {
  return {{"id", k.id},
          {"tenant_id", k.tenant_id},
          {"name", k.name},
          {"description", k.description},
          {"key", k.key},
          {"masked", k.masked},
          {"created_at", k.created_at},
          {"last_used_at", nullable(k.last_used_at)}};
}

json::object to_json(const keyed_value& v) {
  return {{"tenant_id", v.tenant_id},   {"key", v.key},
          {"value", v.value},           {"description", v.description},
          {"created_at", v.created_at}, {"updated_at", nullable(v.updated_at)}};
}

json::object to_json(const data_core& d) {
  return {{"id", d.id},
          {"tenant_id", d.tenant_id},
          {"name", d.name},
          {"description", d.description},
          {"is_public", d.is_public},
          {"delete_protection", d.delete_protection},
          {"is_deleting", d.is_deleting},
          {"is_flowcore_managed", d.is_flowcore_managed}};
}

json::object to_json(const flow_type& f) {
  return {{"id", f.id},
          {"data_core_id", f.data_core_id},
          {"name", f.name},
          {"description", f.description},
          {"is_deleting", f.is_deleting}};
}

json::object to_json(const event_type& e) {
  return {{"id", e.id},
          {"flow_type_id", e.flow_type_id},
          {"name", e.name},
          {"description", e.description},
          {"created_at", e.created_at},
          {"updated_at", nullable(e.updated_at)},
          {"is_truncating", e.is_truncating},
          {"is_deleting", e.is_deleting},
          {"sensitive_data_mask",
           e.sensitive_data_mask ? json::value(*e.sensitive_data_mask) : json::value(nullptr)},
          {"sensitive_data_enabled", e.sensitive_data_enabled}};
}

json::object to_json(const removal_record& r) {
  return {{"id", r.id},
          {"tenant_id", r.tenant_id},
          {"data_core_id", r.data_core_id},
          {"flow_type_id", r.flow_type_id},
          {"event_type_id", r.event_type_id},
          {"application", r.application},
          {"parent_key", r.parent_key},
          {"key", r.key},
          {"type", r.type},
          {"created_at", r.created_at}};
}

template <class Records>
json::array array_of(const Records& records) {
  json::array out;
  out.reserve(records.size());
  for (const auto& r : records) out.push_back(to_json(r));
  return out;
}

json::object to_json(const state& model) {
  const id_generator& ids = model.ids();
  return {
      {"version", state_file::version},
      {"ids", json::object{{"seed", ids.seed() ? json::value(*ids.seed()) : json::value(nullptr)},
                           {"draws", ids.draws()}}},
      {"acme_tenant_id", model.acme_id()},
      {"tenants", array_of(model.tenants())},
      {"api_keys", array_of(model.api_keys().all())},
      {"secrets", array_of(model.secrets().all())},
      {"variables", array_of(model.variables().all())},
      {"data_cores", array_of(model.resources().data_cores())},
      {"flow_types", array_of(model.resources().flow_types())},
      {"event_types", array_of(model.resources().event_types())},
      {"sensitive_data_removals", array_of(model.removals().all())}};
}

// One top-level member per line, and one array element per line.
std::string layout(const json::object& document) {
  std::string out = "{";
  bool first = true;
  for (const auto& member : document) {
    out += first ? "" : ",\n ";
    first = false;
    out += json::serialize(json::string(member.key()));
    out += ':';
    const json::array* records = member.value().if_array();
    if (!records || records->empty()) {
      out += json::serialize(member.value());
      continue;
    }
    out += '[';
    for (std::size_t i = 0; i < records->size(); ++i)
      out += (i == 0 ? "\n  " : ",\n  ") + json::serialize((*records)[i]);
    out += ']';
  }
  return out + "}\n";
}

// ---- reading

// The members of one object of the file, each read once and checked for its type; done()
// refuses what was not read. `where` names the object in messages ("tenants[2]").
class fields {
 public:
  fields(const json::value& v, std::string where) : where_(std::move(where)) {
    object_ = v.if_object();
    if (!object_)
      throw bad_content(where_.empty() ? "must hold a JSON object" : where_ + " must be an object");
  }

  std::string text(std::string_view key) {
    const json::value& v = get(key);
    if (!v.is_string()) wrong_type(key, "a string");
    return std::string(v.get_string());
  }
  std::optional<std::string> nullable_text(std::string_view key) {
    const json::value& v = get(key);
    if (v.is_null()) return std::nullopt;
    if (!v.is_string()) wrong_type(key, "a string or null");
    return std::string(v.get_string());
  }
  bool flag(std::string_view key) {
    const json::value& v = get(key);
    if (!v.is_bool()) wrong_type(key, "true or false");
    return v.get_bool();
  }
  std::uint64_t count(std::string_view key) {
    const json::value& v = get(key);
    if (v.is_uint64()) return v.get_uint64();
    if (v.is_int64() && v.get_int64() >= 0) return static_cast<std::uint64_t>(v.get_int64());
    wrong_type(key, "an integer from 0 to 18446744073709551615");
  }
  std::optional<std::uint64_t> nullable_count(std::string_view key) {
    if (get(key).is_null()) return std::nullopt;
    return count(key);
  }
  std::optional<json::object> nullable_object(std::string_view key) {
    const json::value& v = get(key);
    if (v.is_null()) return std::nullopt;
    if (!v.is_object()) wrong_type(key, "an object or null");
    return v.get_object();
  }
  const json::value& value(std::string_view key) { return get(key); }
  const json::array& records(std::string_view key) {
    const json::value& v = get(key);
    if (!v.is_array()) wrong_type(key, "an array");
    return v.get_array();
  }
  std::string name(std::string_view key) const {
    return where_.empty() ? std::string(key) : where_ + "." + std::string(key);
  }

  void done() const {
    for (const auto& member : *object_)
      if (std::find(read_.begin(), read_.end(), member.key()) == read_.end())
        throw bad_content("unknown field " + name(member.key()));
  }

 private:
  const json::value& get(std::string_view key) {
    const json::value* v = object_->if_contains(key);
    if (!v) throw bad_content(name(key) + " is missing");
    read_.push_back(key);
    return *v;
  }
  [[noreturn]] void wrong_type(std::string_view key, std::string_view type) const {
    throw bad_content(name(key) + " must be " + std::string(type));
  }

  const json::object* object_ = nullptr;
  std::string where_;
  std::vector<std::string_view> read_;
};

// Everything the file holds, read and checked before the model is touched.
struct contents {
  std::optional<std::uint64_t> seed;
  std::uint64_t draws = 0;
  std::string acme_id;
  std::vector<tenant> tenants;
  std::vector<api_key_record> api_keys;
  std::vector<keyed_value> secrets;
  std::vector<keyed_value> variables;
  std::vector<data_core> data_cores;
  std::vector<flow_type> flow_types;
  std::vector<event_type> event_types;
  std::vector<removal_record> removals;
};

std::string element(std::string_view array, std::size_t i) {
  return std::string(array) + "[" + std::to_string(i) + "]";
}

// Reads each element of the array `key` with `read(fields&)`, which must read every field.
template <class Record, class Read>
std::vector<Record> read_records(fields& document, std::string_view key, Read read) {
  std::vector<Record> out;
  const json::array& items = document.records(key);
  for (std::size_t i = 0; i < items.size(); ++i) {
    fields f(items[i], element(key, i));
    out.push_back(read(f));
    f.done();
  }
  return out;
}

tenant read_tenant(fields& f) {
  return tenant{.id = f.text("id"),
                .name = f.text("name"),
                .display_name = f.text("display_name"),
                .description = f.text("description"),
                .website_url = f.text("website_url"),
                .sensitive_data_enabled = f.flag("sensitive_data_enabled"),
                .configured = f.flag("configured")};
}

api_key_record read_api_key(fields& f) {
  return api_key_record{.id = f.text("id"),
                        .tenant_id = f.text("tenant_id"),
                        .name = f.text("name"),
                        .description = f.text("description"),
                        .key = f.text("key"),
                        .masked = f.text("masked"),
                        .created_at = f.text("created_at"),
                        .last_used_at = f.nullable_text("last_used_at")};
}

keyed_value read_keyed_value(fields& f) {
  return keyed_value{.tenant_id = f.text("tenant_id"),
                     .key = f.text("key"),
                     .value = f.text("value"),
                     .description = f.text("description"),
                     .created_at = f.text("created_at"),
                     .updated_at = f.nullable_text("updated_at")};
}

data_core read_data_core(fields& f) {
  return data_core{.id = f.text("id"),
                   .tenant_id = f.text("tenant_id"),
                   .name = f.text("name"),
                   .description = f.text("description"),
                   .is_public = f.flag("is_public"),
                   .delete_protection = f.flag("delete_protection"),
                   .is_deleting = f.flag("is_deleting"),
                   .is_flowcore_managed = f.flag("is_flowcore_managed")};
}

// The tenant is filled in from the data core by link_parents().
flow_type read_flow_type(fields& f) {
  return flow_type{.id = f.text("id"),
                   .tenant_id = {},
                   .data_core_id = f.text("data_core_id"),
                   .name = f.text("name"),
                   .description = f.text("description"),
                   .is_deleting = f.flag("is_deleting")};
}

// The tenant and data core are filled in from the flow type by link_parents().
event_type read_event_type(fields& f) {
  return event_type{.id = f.text("id"),
                    .tenant_id = {},
                    .data_core_id = {},
                    .flow_type_id = f.text("flow_type_id"),
                    .name = f.text("name"),
                    .description = f.text("description"),
                    .created_at = f.text("created_at"),
                    .updated_at = f.nullable_text("updated_at"),
                    .is_truncating = f.flag("is_truncating"),
                    .is_deleting = f.flag("is_deleting"),
                    .sensitive_data_mask = f.nullable_object("sensitive_data_mask"),
                    .sensitive_data_enabled = f.flag("sensitive_data_enabled")};
}

removal_record read_removal(fields& f) {
  removal_record r{.id = f.text("id"),
                   .tenant_id = f.text("tenant_id"),
                   .data_core_id = f.text("data_core_id"),
                   .flow_type_id = f.text("flow_type_id"),
                   .event_type_id = f.text("event_type_id"),
                   .application = f.text("application"),
                   .parent_key = f.text("parent_key"),
                   .key = f.text("key"),
                   .type = f.text("type"),
                   .created = {},
                   .created_at = f.text("created_at")};
  // The list route filters on the instant, so it must be one.
  const auto created = parse_iso_timestamp(r.created_at);
  if (!created) throw bad_content(f.name("created_at") + " must be an ISO-8601 timestamp");
  r.created = *created;
  return r;
}

// Each `id_of(record)` unique within `records`.
template <class Record, class Id>
void check_unique(const std::vector<Record>& records, std::string_view array, std::string_view what,
                  Id id_of) {
  std::set<std::string, std::less<>> seen;
  for (std::size_t i = 0; i < records.size(); ++i)
    if (!seen.insert(id_of(records[i])).second)
      throw bad_content(element(array, i) + ": " + std::string(what) + " is not unique");
}

template <class Record>
const Record* find_id(const std::vector<Record>& records, std::string_view id) {
  auto it =
      std::find_if(records.begin(), records.end(), [&](const Record& r) { return r.id == id; });
  return it == records.end() ? nullptr : &*it;
}

// Every parent present; the ids children inherit from their parents filled in.
void link_parents(contents& c) {
  check_unique(c.tenants, "tenants", "id", [](const tenant& t) { return t.id; });
  check_unique(c.tenants, "tenants", "name", [](const tenant& t) { return t.name; });
  check_unique(c.api_keys, "api_keys", "id", [](const api_key_record& k) { return k.id; });
  check_unique(c.data_cores, "data_cores", "id", [](const data_core& d) { return d.id; });
  check_unique(c.flow_types, "flow_types", "id", [](const flow_type& f) { return f.id; });
  check_unique(c.event_types, "event_types", "id", [](const event_type& e) { return e.id; });
  if (!find_id(c.tenants, c.acme_id)) throw bad_content("acme_tenant_id names no tenant");
  const auto need_tenant = [&](std::string_view array, std::size_t i, const std::string& id) {
    if (!find_id(c.tenants, id))
      throw bad_content(element(array, i) + ".tenant_id names no tenant");
  };
  for (std::size_t i = 0; i < c.api_keys.size(); ++i)
    need_tenant("api_keys", i, c.api_keys[i].tenant_id);
  for (std::size_t i = 0; i < c.secrets.size(); ++i)
    need_tenant("secrets", i, c.secrets[i].tenant_id);
  for (std::size_t i = 0; i < c.variables.size(); ++i)
    need_tenant("variables", i, c.variables[i].tenant_id);
  for (std::size_t i = 0; i < c.data_cores.size(); ++i)
    need_tenant("data_cores", i, c.data_cores[i].tenant_id);
  // The sensitive-data log outlives the resources it names, not its tenant.
  for (std::size_t i = 0; i < c.removals.size(); ++i)
    need_tenant("sensitive_data_removals", i, c.removals[i].tenant_id);
  for (std::size_t i = 0; i < c.flow_types.size(); ++i) {
    flow_type& f = c.flow_types[i];
    const data_core* parent = find_id(c.data_cores, f.data_core_id);
    if (!parent) throw bad_content(element("flow_types", i) + ".data_core_id names no data core");
    f.tenant_id = parent->tenant_id;
  }
  for (std::size_t i = 0; i < c.event_types.size(); ++i) {
    event_type& e = c.event_types[i];
    const flow_type* parent = find_id(c.flow_types, e.flow_type_id);
    if (!parent) throw bad_content(element("event_types", i) + ".flow_type_id names no flow type");
    e.tenant_id = parent->tenant_id;
    e.data_core_id = parent->data_core_id;
  }
}

contents read_contents(const json::value& document_value) {
  fields document(document_value, "");
  // The version first: a file of another version is refused as such, not for the first
  // field it names differently.
  const json::value& version = document.value("version");
  if (!version.is_int64() || version.get_int64() != state_file::version)
    throw bad_content("version " + json::serialize(version) +
                      " is not supported: this stub reads version " +
                      std::to_string(state_file::version));
  contents c;
  fields ids(document.value("ids"), "ids");
  c.seed = ids.nullable_count("seed");
  c.draws = ids.count("draws");
  ids.done();
  c.acme_id = document.text("acme_tenant_id");
  c.tenants = read_records<tenant>(document, "tenants", read_tenant);
  c.api_keys = read_records<api_key_record>(document, "api_keys", read_api_key);
  c.secrets = read_records<keyed_value>(document, "secrets", read_keyed_value);
  c.variables = read_records<keyed_value>(document, "variables", read_keyed_value);
  c.data_cores = read_records<data_core>(document, "data_cores", read_data_core);
  c.flow_types = read_records<flow_type>(document, "flow_types", read_flow_type);
  c.event_types = read_records<event_type>(document, "event_types", read_event_type);
  c.removals = read_records<removal_record>(document, "sensitive_data_removals", read_removal);
  document.done();
  link_parents(c);
  return c;
}

// Line and column (from 1) of `offset` in `text`.
std::string position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const std::size_t line =
      static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column =
      offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

json::value parse(std::string_view text) {
  json::parse_options options;
  options.max_depth = 1024;  // as deep as a request body may be: masks are user data
  json::stream_parser parser(json::storage_ptr(), options);
  boost::system::error_code ec;
  const std::size_t consumed = parser.write(text.data(), text.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) throw bad_content("not JSON: " + ec.message() + " at " + position(text, consumed));
  return parser.release();
}

void apply(contents c, state& model) {
  model.reset();  // also drops the events, which the file does not hold
  model.replace_tenants(std::move(c.acme_id), std::move(c.tenants));
  for (api_key_record& k : c.api_keys) model.api_keys().add(std::move(k));
  for (keyed_value& v : c.secrets) model.secrets().add(std::move(v));
  for (keyed_value& v : c.variables) model.variables().add(std::move(v));
  for (data_core& d : c.data_cores) model.resources().add(std::move(d));
  for (flow_type& f : c.flow_types) model.resources().add(std::move(f));
  for (event_type& e : c.event_types) model.resources().add(std::move(e));
  for (removal_record& r : c.removals) model.removals().add(std::move(r));
  // Another seed (or none) starts a sequence of its own, which does not meet this one.
  if (c.seed && model.ids().seed() == c.seed) model.ids().resume_at(c.draws);

  // What was pending when the file was written completes now (see load()). Ids first:
  // each removal changes the vectors.
  std::vector<std::string> deleting;
  for (const data_core& d : model.resources().data_cores())
    if (d.is_deleting) deleting.push_back(d.id);
  for (const std::string& id : deleting) model.remove_data_core(id);
  deleting.clear();
  for (const flow_type& f : model.resources().flow_types())
    if (f.is_deleting) deleting.push_back(f.id);
  for (const std::string& id : deleting) model.remove_flow_type(id);
  deleting.clear();
  std::vector<std::string> truncating;
  for (const event_type& e : model.resources().event_types()) {
    if (e.is_deleting) deleting.push_back(e.id);
    if (e.is_truncating) truncating.push_back(e.id);
  }
  for (const std::string& id : deleting) model.remove_event_type(id);
  // No event survived the restart, so every cut has nothing left to drop.
  for (const std::string& id : truncating) model.finish_truncate(id, 0);
}

[[noreturn]] void failure(const std::filesystem::path& path, const std::string& what) {
  throw std::runtime_error("state file " + path.string() + ": " + what);
}

[[noreturn]] void system_failure(const std::filesystem::path& path, const std::string& what,
                                 int err) {
  failure(path, what + ": " + std::generic_category().message(err));
}

// Closes on every way out, so a failed read or write leaks no descriptor.
struct fd_guard {
  int fd;
  ~fd_guard() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

bool state_file::load(state& model) const {
  fd_guard file{::open(path_.c_str(), O_RDONLY | O_CLOEXEC)};
  if (file.fd < 0) {
    const int err = errno;
    if (err == ENOENT) return false;
    system_failure(path_, "cannot be opened", err);
  }
  std::string text;
  char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(file.fd, buffer, sizeof buffer);
    const int err = errno;
    if (n < 0 && err == EINTR) continue;
    if (n < 0) system_failure(path_, "cannot be read", err);
    if (n == 0) break;
    text.append(buffer, static_cast<std::size_t>(n));
  }
  try {
    apply(read_contents(parse(text)), model);
  } catch (const bad_content& e) {
    failure(path_, e.what());
  }
  return true;
}

void state_file::save(const state& model) const {
  const std::string text = layout(to_json(model));
  std::filesystem::path temporary = path_;
  temporary += ".tmp";
  {
    // 0600: the file holds API keys and secret values.
    fd_guard file{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600)};
    if (file.fd < 0) {
      const int err = errno;
      system_failure(path_, "cannot create " + temporary.string(), err);
    }
    std::string_view rest = text;
    while (!rest.empty()) {
      const ssize_t n = ::write(file.fd, rest.data(), rest.size());
      const int err = errno;
      if (n < 0 && err == EINTR) continue;
      if (n < 0) system_failure(path_, "cannot write " + temporary.string(), err);
      rest.remove_prefix(static_cast<std::size_t>(n));
    }
    // No fsync: the file must survive the stub being killed, which the page cache does,
    // not the machine losing power, and an fsync per change would make every create wait
    // for the disk.
    const int closed = ::close(file.fd);
    const int err = errno;
    file.fd = -1;
    if (closed != 0) system_failure(path_, "cannot write " + temporary.string(), err);
  }
  if (::rename(temporary.c_str(), path_.c_str()) != 0) {
    const int err = errno;
    system_failure(path_, "cannot be replaced", err);
  }
}

}  // namespace flowcore::stub::detail
