// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// EventType commands (docs/protocol.md section 6.6): paths, bodies, JSON mapping, delete-
// and truncate-and-poll.
#include "commands/delete_and_poll.hpp"
#include "commands/resource.hpp"
#include "execute.hpp"

#include <flowcore/commands/event_type.hpp>
#include <flowcore/wait_until_truncated.hpp>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

struct event_type_resource {
  using value = event_type;
  static constexpr std::string_view name = "EventType";
  static constexpr service where = service::event_type;
  static constexpr std::string_view collection = "/api/v1/event-types";
  static constexpr std::string_view id_field = "event_type_id";

  static event_type read(const json_object_reader& r) {
    event_type e;
    e.id = r.string("id");
    e.tenant_id = r.string("tenantId");
    e.data_core_id = r.string("dataCoreId");
    e.flow_type_id = r.string("flowTypeId");
    e.name = r.string("name");
    e.description = r.string("description");
    e.created_at = r.string("createdAt");
    e.updated_at = r.nullable_string("updatedAt");
    e.is_truncating = r.boolean("isTruncating");
    e.is_deleting = r.boolean("isDeleting");
    if (auto mask = r.optional_object("sensitiveDataMask"))
      e.sensitive_data_mask =
          sensitive_data_mask{.key = mask->string("key"), .schema = mask->object_text("schema")};
    e.sensitive_data_enabled = r.optional_boolean("sensitiveDataEnabled");
    return e;
  }
};
using event_types = resource<event_type_resource>;

// {"key":..., "schema":{...}}; the schema text must be a JSON object.
json::object mask_json(const sensitive_data_mask& mask) {
  boost::system::error_code ec;
  json::value schema = json::parse(mask.schema, ec);
  if (ec || !schema.is_object())
    fail(error::invalid_argument, "sensitive_data_mask.schema must be a JSON object");
  if (mask.key.empty()) fail(error::invalid_argument, "sensitive_data_mask.key is required");
  json::object out;
  out["key"] = mask.key;
  out["schema"] = std::move(schema);
  return out;
}

// The event type's isTruncating now, fetched by `until`.
asio::awaitable<bool> truncating_now(call& c, std::string id, steady_clock::time_point until) {
  single_request<event_type> fetch = event_types::fetch(id);
  std::string answer = co_await c.send(fetch.spec, until);
  co_return fetch.read(answer, fetch.spec).is_truncating;
}

// The truncate wait's check: still pending while the truncation has not started.
asio::awaitable<bool> truncation_not_started(call& c, std::string id,
                                             steady_clock::time_point until) {
  co_return !co_await truncating_now(c, std::move(id), until);
}

}  // namespace

single_request<event_type> request_for(call&, const event_type_create& cmd) {
  require_nonempty(cmd.flow_type_id, "flow_type_id");
  require_nonempty(cmd.name, "name");
  json::object body;
  body["flowTypeId"] = cmd.flow_type_id;
  body["name"] = cmd.name;
  body["description"] = cmd.description;
  if (cmd.sensitive_data_mask) body["sensitiveDataMask"] = mask_json(*cmd.sensitive_data_mask);
  if (cmd.sensitive_data_enabled) body["sensitiveDataEnabled"] = *cmd.sensitive_data_enabled;
  return event_types::create(body);
}

single_request<event_type> request_for(call&, const event_type_fetch& cmd) {
  if (!cmd.event_type_id.empty()) return event_types::fetch(cmd.event_type_id);
  if (cmd.flow_type_id.empty() || cmd.event_type.empty())
    fail(error::invalid_argument,
         "event_type_fetch: set event_type_id, or flow_type_id and event_type");
  return event_types::find(
      query_builder().add("flowTypeId", cmd.flow_type_id).add("name", cmd.event_type),
      not_found_text("EventType", {{"name", cmd.event_type}}));
}

single_request<std::vector<event_type>> request_for(call&, const event_type_list& cmd) {
  require_nonempty(cmd.flow_type_id, "flow_type_id");
  return event_types::list(query_builder().add("flowTypeId", cmd.flow_type_id));
}

single_request<event_type> request_for(call&, const event_type_update& cmd) {
  require_nonempty(cmd.event_type_id, "event_type_id");
  json::object body;  // may be {}: an empty update is allowed here (docs/protocol.md 6.6)
  if (cmd.description) body["description"] = *cmd.description;
  if (cmd.sensitive_data_mask) body["sensitiveDataMask"] = mask_json(*cmd.sensitive_data_mask);
  if (cmd.sensitive_data_enabled) body["sensitiveDataEnabled"] = *cmd.sensitive_data_enabled;
  return event_types::update(cmd.event_type_id, body);
}

asio::awaitable<bool> run(call& c, event_type_exists cmd) {
  deletion_target target =
      event_type_target(std::move(cmd.event_type_id));  // named: see call::send
  co_return co_await exists_command(c, std::move(target));
}

asio::awaitable<bool> run(call& c, event_type_request_delete cmd) {
  deletion_target target =
      event_type_target(std::move(cmd.event_type_id));  // named: see call::send
  co_return co_await request_delete(c, std::move(cmd.tenant), std::move(target), cmd.wait,
                                    cmd.wait_options);
}

asio::awaitable<bool> run(call& c, event_type_request_truncate cmd) {
  deletion_target target = event_type_target(cmd.event_type_id);
  const bool success = co_await send_delete_manager_request(
      c, std::move(cmd.tenant), std::move(target), "request-truncate", "waitForTruncate", cmd.wait,
      cmd.wait_options);
  if (!cmd.wait || !success) co_return success;
  // Polls at once (the TypeScript SDK sleeps 1 s first) until the truncation has started.
  const auto started = c.client().now();
  pending_check not_started = [&c, id = cmd.event_type_id](steady_clock::time_point until) {
    return truncation_not_started(c, id, until);
  };
  co_await poll_until_done(c, cmd.wait_options, started,
                           "truncation of EventType " + cmd.event_type_id, not_started);
  co_return true;
}

// fc::wait_until_truncated: polls until the truncation is no longer in progress.
asio::awaitable<bool> run(call& c, truncation_wait wait) {
  require_nonempty(wait.event_type_id, "event_type_id");
  check_wait_options(c, wait.options);
  const auto started = c.client().now();
  pending_check truncating = [&c, id = wait.event_type_id](steady_clock::time_point until) {
    return truncating_now(c, id, until);
  };
  co_await poll_until_done(c, wait.options, started,
                           "truncation of EventType " + wait.event_type_id, truncating);
  co_return true;
}

asio::awaitable<void> wait_until_truncated(truncation_wait wait, call_options opts, client c) {
  co_await c.execute(wait, opts);
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::detail::truncation_wait);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_create);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_fetch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_update);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_exists);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_request_delete);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_request_truncate);
