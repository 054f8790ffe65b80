// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// FlowType commands (API-CONTRACT.md 4.5): paths, bodies, JSON mapping, delete-and-poll.
#include "commands/delete_and_poll.hpp"
#include "commands/not_found.hpp"
#include "execute.hpp"
#include "json_body.hpp"
#include "json_reader.hpp"
#include "url_encoding.hpp"

#include <flowcore/commands/flow_type.hpp>

#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

flow_type read_flow_type(const json_object_reader& r) {
  return flow_type{.id = r.string("id"),
                   .tenant_id = r.string("tenantId"),
                   .data_core_id = r.string("dataCoreId"),
                   .name = r.string("name"),
                   .description = r.string("description"),
                   .is_deleting = r.boolean("isDeleting")};
}

flow_type map_one(const std::string& body) {
  return map_response(body,
                      [](const json::value& v) { return read_flow_type(json_object_reader(v, "")); });
}

std::vector<flow_type> map_many(const std::string& body) {
  return map_response(body,
                      [](const json::value& v) { return map_object_array(v, "", read_flow_type); });
}

std::string flow_type_path(const std::string& id) {
  return "/api/v1/flow-types/" + path_segment(id, "flow_type_id");
}

}  // namespace

asio::awaitable<flow_type> run(call& c, flow_type_create cmd) {
  c.require(cmd.data_core_id, "data_core_id");
  c.require(cmd.name, "name");
  json::object body;
  body["dataCoreId"] = cmd.data_core_id;
  body["name"] = cmd.name;
  body["description"] = cmd.description;
  request_spec spec{.method = "POST",
                    .service = service::flow_type,
                    .target = "/api/v1/flow-types",
                    .body = json_body(body),
                    .idempotent = false};
  std::string answer = co_await c.send(spec);
  co_return map_one(answer);
}

asio::awaitable<flow_type> run(call& c, flow_type_fetch cmd) {
  if (!cmd.flow_type_id.empty()) {
    request_spec spec{.service = service::flow_type,
                      .target = flow_type_path(cmd.flow_type_id),
                      .not_found_message = not_found_text("FlowType", {{"id", cmd.flow_type_id}})};
    std::string answer = co_await c.send(spec);
    co_return map_one(answer);
  }
  if (cmd.data_core_id.empty() || cmd.flow_type.empty())
    fail(error::invalid_argument, "flow_type_fetch: set flow_type_id, or data_core_id and flow_type");
  request_spec spec{
      .service = service::flow_type,
      .target = "/api/v1/flow-types" +
                query_builder().add("dataCoreId", cmd.data_core_id).add("name", cmd.flow_type).str(),
      .not_found_message = not_found_text("FlowType", {{"name", cmd.flow_type}})};
  std::string answer = co_await c.send(spec);
  co_return first_match(map_many(answer), *spec.not_found_message);
}

asio::awaitable<std::vector<flow_type>> run(call& c, flow_type_list cmd) {
  c.require(cmd.data_core_id, "data_core_id");
  request_spec spec{
      .service = service::flow_type,
      .target = "/api/v1/flow-types" + query_builder().add("dataCoreId", cmd.data_core_id).str()};
  std::string answer = co_await c.send(spec);
  co_return map_many(answer);
}

asio::awaitable<flow_type> run(call& c, flow_type_update cmd) {
  c.require(cmd.flow_type_id, "flow_type_id");
  json::object body;  // may be {}: the contract allows an empty update here
  if (cmd.description) body["description"] = *cmd.description;
  request_spec spec{.method = "PATCH",
                    .service = service::flow_type,
                    .target = flow_type_path(cmd.flow_type_id),
                    .body = json_body(body)};
  std::string answer = co_await c.send(spec);
  co_return map_one(answer);
}

asio::awaitable<bool> run(call& c, flow_type_exists cmd) {
  deletion_target target = flow_type_target(std::move(cmd.flow_type_id));  // named: see call::send
  co_return co_await exists_command(c, std::move(target));
}

asio::awaitable<bool> run(call& c, flow_type_request_delete cmd) {
  deletion_target target = flow_type_target(std::move(cmd.flow_type_id));  // named: see call::send
  co_return co_await request_delete(c, std::move(cmd.tenant), std::move(target), cmd.wait,
                                    cmd.wait_options);
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::flow_type_create);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::flow_type_fetch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::flow_type_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::flow_type_update);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::flow_type_exists);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::flow_type_request_delete);
