// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "json_reader.hpp"


#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <limits>

namespace flowcore::detail {

json::value parse_json_body(std::string_view body, unsigned max_depth, json::storage_ptr storage) {
  if (body.empty()) fail(error::invalid_response, "empty body where JSON was expected");
  json::parse_options options;
  options.max_depth = max_depth;
  boost::system::error_code ec;
  json::value value = json::parse(body, ec, std::move(storage), options);
  if (ec)
    fail_quoting(error::invalid_response, "body is not valid JSON (" + ec.message() + ")", body);
  return value;
}

void fail_schema(std::string_view pointer, std::string_view problem) {
  std::string where = pointer.empty() ? std::string("(root)") : std::string(pointer);
  fail(error::invalid_response, where + ": " + std::string(problem));
}

json_object_reader::json_object_reader(const json::value& value, std::string pointer)
    : object_(value.if_object()), pointer_(std::move(pointer)) {
  if (!object_) fail_schema(pointer_, "expected an object");
}

void append_pointer_token(std::string& pointer, std::string_view key) {
  // RFC 6901 section 3: '~' is written "~0" and '/' "~1".
  pointer += '/';
  for (char c : key) {
    if (c == '~')
      pointer += "~0";
    else if (c == '/')
      pointer += "~1";
    else
      pointer += c;
  }
}

std::string json_object_reader::member_pointer(std::string_view key) const {
  std::string out = pointer_;
  append_pointer_token(out, key);
  return out;
}

const json::value* json_object_reader::find(std::string_view key) const {
  return object_->if_contains(key);
}

const json::value& json_object_reader::required(std::string_view key) const {
  const json::value* v = find(key);
  if (!v) fail_schema(member_pointer(key), "required field is missing");
  return *v;
}

std::string json_object_reader::string(std::string_view key) const {
  const json::string* s = required(key).if_string();
  if (!s) fail_schema(member_pointer(key), "expected a string");
  return std::string(*s);
}

std::optional<std::string> json_object_reader::nullable_string(std::string_view key) const {
  const json::value& v = required(key);
  if (v.is_null()) return std::nullopt;
  if (const json::string* s = v.if_string()) return std::string(*s);
  fail_schema(member_pointer(key), "expected a string or null");
}

std::optional<std::string> json_object_reader::optional_string(std::string_view key) const {
  const json::value* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (const json::string* s = v->if_string()) return std::string(*s);
  fail_schema(member_pointer(key), "expected a string");
}

bool json_object_reader::boolean(std::string_view key) const {
  const bool* b = required(key).if_bool();
  if (!b) fail_schema(member_pointer(key), "expected a boolean");
  return *b;
}

std::optional<bool> json_object_reader::optional_boolean(std::string_view key) const {
  const json::value* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  if (const bool* b = v->if_bool()) return *b;
  fail_schema(member_pointer(key), "expected a boolean");
}

namespace {
std::optional<std::int64_t> as_int64(const json::value& v) {
  if (const std::int64_t* i = v.if_int64()) return *i;
  if (const std::uint64_t* u = v.if_uint64()) {
    if (*u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
      return static_cast<std::int64_t>(*u);
  }
  return std::nullopt;  // doubles (1.5, 1e400) and out-of-range integers
}
}  // namespace

std::int64_t json_object_reader::integer(std::string_view key) const {
  std::optional<std::int64_t> i = as_int64(required(key));
  if (!i) fail_schema(member_pointer(key), "expected an integer that fits 64 bits");
  return *i;
}

std::optional<std::int64_t> json_object_reader::optional_integer(std::string_view key) const {
  const json::value* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  std::optional<std::int64_t> i = as_int64(*v);
  if (!i) fail_schema(member_pointer(key), "expected an integer that fits 64 bits");
  return i;
}

namespace {
std::vector<std::string> read_string_array(const json::value& v, const std::string& pointer) {
  const json::array* items = v.if_array();
  if (!items) fail_schema(pointer, "expected an array of strings");
  std::vector<std::string> out;
  out.reserve(items->size());
  for (std::size_t i = 0; i < items->size(); ++i) {
    const json::string* s = (*items)[i].if_string();
    if (!s) fail_schema(pointer + "/" + std::to_string(i), "expected a string");
    out.emplace_back(*s);
  }
  return out;
}
}  // namespace

std::vector<std::string> json_object_reader::string_array(std::string_view key) const {
  return read_string_array(required(key), member_pointer(key));
}

std::vector<std::string> json_object_reader::optional_string_array(std::string_view key) const {
  const json::value* v = find(key);
  if (!v || v->is_null()) return {};
  return read_string_array(*v, member_pointer(key));
}

json_object_reader json_object_reader::object(std::string_view key) const {
  return json_object_reader(required(key), member_pointer(key));
}

std::optional<json_object_reader> json_object_reader::nullable_object(std::string_view key) const {
  const json::value& v = required(key);
  if (v.is_null()) return std::nullopt;
  return json_object_reader(v, member_pointer(key));
}

std::optional<json_object_reader> json_object_reader::optional_object(std::string_view key) const {
  const json::value* v = find(key);
  if (!v || v->is_null()) return std::nullopt;
  return json_object_reader(*v, member_pointer(key));
}

std::string json_object_reader::object_text(std::string_view key) const {
  const json::value& v = required(key);
  if (!v.is_object()) fail_schema(member_pointer(key), "expected an object");
  return json::serialize(v);
}

const json::array& json_object_reader::array(std::string_view key, std::string& pointer_out) const {
  pointer_out = member_pointer(key);
  const json::array* items = required(key).if_array();
  if (!items) fail_schema(pointer_out, "expected an array");
  return *items;
}

}  // namespace flowcore::detail
