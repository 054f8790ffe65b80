// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands/delete_and_poll.hpp"

#include "call_failure.hpp"
#include "commands/not_found.hpp"
#include "commands/tenant_instance.hpp"
#include "json_body.hpp"
#include "json_reader.hpp"
#include "url_encoding.hpp"
#include "wait_decision.hpp"

#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace {

[[noreturn]] void fail_wait_timeout(call& c, const std::string& what, int polls,
                                    steady_clock::time_point started) {
  auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(c.client().now() - started);
  c.diag().phase = "wait";
  fail(error::wait_timeout, what + " was requested and is still in progress after " +
                                std::to_string(polls) + " checks in " +
                                std::to_string(elapsed.count()) + " ms");
}

}  // namespace

void check_wait_options(const call&, const wait_options& options) {
  if (!valid_wait_options(options))
    fail(error::invalid_argument, "wait_options::poll_interval and cap must be positive");
}

boost::asio::awaitable<void> poll_until_done(call& c, wait_options options,
                                             steady_clock::time_point started, std::string what,
                                             const pending_check& still_pending) {
  const steady_clock::time_point cap_end = poll_deadline(options, started);
  int polls = 0;
  for (;;) {
    poll_step step = next_poll_step(options, started, polls, c.client().now());
    if (step.action == poll_action::give_up) fail_wait_timeout(c, what, polls, started);
    if (step.action == poll_action::sleep) co_await c.sleep(step.delay);
    bool pending = true;
    try {
      pending = co_await still_pending(cap_end);
    } catch (const call_failure& failure) {
      // A check cut short by the cap is the cap's doing, not the server's.
      if (failure.code == error::timeout && c.client().now() >= cap_end)
        fail_wait_timeout(c, what, polls, started);
      throw;
    }
    ++polls;
    if (!pending) co_return;
  }
}

deletion_target data_core_target(std::string id) {
  return deletion_target{.resource = "DataCore",
                         .id_field = "dataCoreId",
                         .id_name = "data_core_id",
                         .collection = "/api/v1/data-cores",
                         .service = service::data_core,
                         .id = std::move(id)};
}

deletion_target flow_type_target(std::string id) {
  return deletion_target{.resource = "FlowType",
                         .id_field = "flowTypeId",
                         .id_name = "flow_type_id",
                         .collection = "/api/v1/flow-types",
                         .service = service::flow_type,
                         .id = std::move(id)};
}

deletion_target event_type_target(std::string id) {
  return deletion_target{.resource = "EventType",
                         .id_field = "eventTypeId",
                         .id_name = "event_type_id",
                         .collection = "/api/v1/event-types",
                         .service = service::event_type,
                         .id = std::move(id)};
}

namespace {
std::string resource_path(const deletion_target& target) {
  return std::string(target.collection) + "/" + path_segment(target.id, target.id_name);
}
}  // namespace

boost::asio::awaitable<bool> exists_command(call& c, deletion_target target) {
  require_nonempty(target.id, target.id_name);
  co_return co_await exists(c, std::move(target), c.deadline());
}

boost::asio::awaitable<void> wait_until_gone(call& c, deletion_target target,
                                             wait_options options) {
  const auto started = c.client().now();
  pending_check still_exists = [&c, target](steady_clock::time_point until) {
    return exists(c, target, until);
  };
  co_await poll_until_done(c, options, started,
                           "deletion of " + std::string(target.resource) + " " + target.id,
                           still_exists);
}

boost::asio::awaitable<bool> exists(call& c, deletion_target target,
                                    steady_clock::time_point until) {
  request_spec spec{.service = target.service, .target = resource_path(target) + "/exists"};
  std::string body = co_await c.send(spec, until);
  co_return map_response(
      body, [](const json::value& v) { return json_object_reader(v, "").boolean("exists"); });
}

boost::asio::awaitable<bool> send_delete_manager_request(call& c, std::string tenant,
                                                         deletion_target target,
                                                         std::string action,
                                                         std::string wait_field, bool wait,
                                                         wait_options options) {
  require_nonempty(tenant, "tenant");
  require_nonempty(target.id, target.id_name);
  check_wait_options(c, options);
  json::object body;
  body["tenant"] = tenant;
  body[target.id_field] = target.id;
  body[wait_field] = wait;
  // The request is built before the lookup: text it cannot carry fails before any I/O.
  request_spec spec{.method = "DELETE",
                    .service = service::delete_manager,
                    .target = resource_path(target) + "/" + action,
                    .body = json_body(body),
                    .not_found_message = not_found_text(target.resource, {{"id", target.id}})};
  const std::optional<origin> dedicated =
      co_await dedicated_origin_for(c, tenant, "delete-manager");
  spec.dedicated = dedicated ? &*dedicated : nullptr;
  std::string answer = co_await c.send(spec);
  co_return map_response(
      answer, [](const json::value& v) { return json_object_reader(v, "").boolean("success"); });
}

boost::asio::awaitable<bool> request_delete(call& c, std::string tenant, deletion_target target,
                                            bool wait, wait_options options) {
  const bool success = co_await send_delete_manager_request(
      c, std::move(tenant), target, "request-delete", "waitForDelete", wait, options);
  if (!wait || !success) co_return success;  // {"success":false} is not polled
  co_await wait_until_gone(c, std::move(target), options);
  co_return true;
}

}  // namespace flowcore::detail
