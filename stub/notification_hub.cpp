// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "notification_hub.hpp"

#include "json_util.hpp"
#include "state.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <string_view>
#include <utility>
#include <variant>

namespace flowcore::stub::detail {
namespace {
namespace json = boost::json;

// Why a subscription was refused: a JSON pointer into it and what is wrong there.
struct problem {
  std::string path;
  std::string message;
};

// A string member, absent, or a problem (present but not a string; null included, since
// the client omits unsubscribed keys rather than sending null, docs/protocol.md section
// 10.4).
std::variant<std::optional<std::string>, problem> string_member(const json::object& o,
                                                                std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (!v) return std::optional<std::string>();
  if (const json::string* s = v->if_string()) return std::optional<std::string>(std::string(*s));
  return problem{"/" + std::string(key), "Expected a string"};
}

// docs/protocol.md section 10.10: the frame's shape first, then that each id exists where
// the frame puts it.
std::variant<subscription, problem> check_subscription(state& model, std::string_view text) {
  boost::system::error_code ec;
  const json::value parsed = parse_json(text, ec);
  const json::object* o = ec ? nullptr : parsed.if_object();
  if (!o) return problem{"", "Expected a JSON object"};

  std::optional<std::string> tenant_name, core_id, flow_id, type_id;
  const std::pair<std::string_view, std::optional<std::string>*> members[] = {
      {"tenant", &tenant_name},
      {"dataCoreId", &core_id},
      {"flowTypeId", &flow_id},
      {"eventTypeId", &type_id}};
  for (const auto& [key, out] : members) {
    auto member = string_member(*o, key);
    if (auto* p = std::get_if<problem>(&member)) return std::move(*p);
    *out = std::move(std::get<std::optional<std::string>>(member));
  }
  if (!tenant_name) return problem{"/tenant", "Required"};
  if (!core_id) return problem{"/dataCoreId", "Required"};
  // The TypeScript SDK silently widened such a subscription to the whole data core
  // (docs/protocol.md section 12); the stub refuses it so that a client doing the same is
  // caught.
  if (type_id && !flow_id) return problem{"/eventTypeId", "Requires flowTypeId"};

  const tenant* owner = model.find_tenant_by_name(*tenant_name);
  if (!owner) return problem{"/tenant", "Unknown tenant"};
  const data_core* core = model.resources().find_data_core(*core_id);
  if (!core || core->tenant_id != owner->id) return problem{"/dataCoreId", "Unknown data core"};
  if (flow_id) {
    const flow_type* flow = model.resources().find_flow_type(*flow_id);
    if (!flow || flow->data_core_id != core->id) return problem{"/flowTypeId", "Unknown flow type"};
  }
  if (type_id) {
    const event_type* type = model.resources().find_event_type(*type_id);
    if (!type || type->flow_type_id != *flow_id)
      return problem{"/eventTypeId", "Unknown event type"};
  }
  return subscription{.tenant = std::move(*tenant_name),
                      .data_core_id = std::move(*core_id),
                      .flow_type_id = std::move(flow_id),
                      .event_type_id = std::move(type_id)};
}

// docs/protocol.md section 10.5: the server's answer to a refused subscription, quoting it.
std::string validation_frame(const problem& p, std::string_view found) {
  const std::string message = p.path.empty() ? p.message : p.path + ": " + p.message;
  json::object error;
  error["path"] = p.path;
  error["message"] = p.message;
  json::object frame;
  frame["type"] = "validation";
  frame["summary"] = "Invalid subscription";
  frame["message"] = message;
  frame["found"] = found;
  frame["errors"] = json::array{std::move(error)};
  return json::serialize(frame);
}

}  // namespace

bool subscription::matches(const stored_event& e) const {
  return tenant == e.tenant && data_core_id == e.data_core_id &&
         (!flow_type_id || *flow_type_id == e.flow_type_id) &&
         (!event_type_id || *event_type_id == e.event_type_id);
}

bool valid_close_code(std::int64_t code) {
  return (code >= 1000 && code <= 1003) || (code >= 1006 && code <= 1014) ||
         (code >= 3000 && code <= 4999);
}

std::string event_frame(const stored_event& e) {
  json::object data;
  data["tenantId"] = e.tenant_id;
  data["eventId"] = e.event_id;
  data["dataCore"] = e.data_core_id;
  data["aggregator"] = e.flow_type;
  data["eventType"] = e.event_type;
  data["validTime"] = e.valid_time;
  json::object inner;
  inner["pattern"] =
      "stored.event.notify.0." + e.data_core_id + "." + e.flow_type + "." + e.event_type;
  inner["data"] = std::move(data);
  // Double-encoded on purpose: Flowcore's `message` is a string holding JSON text, the
  // shape that crashed clients parsing it unguarded (docs/protocol.md section 12).
  json::object outer;
  outer["message"] = json::serialize(inner);
  return json::serialize(outer);
}

notification_hub::notification_hub(state& model, bool record_frames)
    : model_(model), record_frames_(record_frames) {}

std::uint64_t notification_hub::attach(std::shared_ptr<notification_peer> peer) {
  const std::uint64_t id = ++accepted_;
  sockets_.emplace(id, socket_entry{std::move(peer), std::nullopt, false});
  return id;
}

void notification_hub::detach(std::uint64_t id) { sockets_.erase(id); }

void notification_hub::receive(std::uint64_t id, std::string text) {
  ++frames_received_;
  if (record_frames_) frames_.push_back(text);
  const auto it = sockets_.find(id);
  if (it == sockets_.end() || it->second.closing) return;
  auto checked = check_subscription(model_, text);
  if (auto* sub = std::get_if<subscription>(&checked))
    it->second.current = std::move(*sub);
  else
    it->second.peer->send(validation_frame(std::get<problem>(checked), text));
}

void notification_hub::notify(const stored_event& e) {
  if (drop_left_ != 0) {
    if (drop_left_ > 0) --drop_left_;
    ++dropped_;
    return;
  }
  std::optional<std::string> frame;  // built once, for the first match
  for (auto& [id, s] : sockets_) {
    if (s.closing || !s.current || !s.current->matches(e)) continue;
    if (!frame) frame = event_frame(e);
    s.peer->send(*frame);
  }
}

std::size_t notification_hub::broadcast(const std::string& text) {
  std::size_t n = 0;
  for (auto& [id, s] : sockets_) {
    if (s.closing) continue;
    s.peer->send(text);
    ++n;
  }
  return n;
}

std::size_t notification_hub::close_all(int code) {
  std::size_t n = 0;
  for (auto& [id, s] : sockets_) {
    if (s.closing) continue;
    s.closing = true;
    s.peer->close(code);
    ++n;
  }
  return n;
}

std::size_t notification_hub::open() const {
  std::size_t n = 0;
  for (const auto& [id, s] : sockets_) n += s.closing ? 0 : 1;
  return n;
}

std::size_t notification_hub::subscribed() const {
  std::size_t n = 0;
  for (const auto& [id, s] : sockets_) n += !s.closing && s.current ? 1 : 0;
  return n;
}

}  // namespace flowcore::stub::detail
