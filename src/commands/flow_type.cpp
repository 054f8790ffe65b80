// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// FlowType commands (docs/protocol.md section 6.5): paths, bodies, JSON mapping,
// delete-and-poll.
#include "commands/delete_and_poll.hpp"
#include "commands/resource.hpp"
#include "execute.hpp"

#include <flowcore/commands/flow_type.hpp>

#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

struct flow_type_resource {
  using value = flow_type;
  static constexpr std::string_view name = "FlowType";
  static constexpr service where = service::flow_type;
  static constexpr std::string_view collection = "/api/v1/flow-types";
  static constexpr std::string_view id_field = "flow_type_id";

  static flow_type read(const json_object_reader& r) {
    return flow_type{.id = r.string("id"),
                     .tenant_id = r.string("tenantId"),
                     .data_core_id = r.string("dataCoreId"),
                     .name = r.string("name"),
                     .description = r.string("description"),
                     .is_deleting = r.boolean("isDeleting")};
  }
};
using flow_types = resource<flow_type_resource>;

}  // namespace

single_request<flow_type> request_for(call&, const flow_type_create& cmd) {
  require_nonempty(cmd.data_core_id, "data_core_id");
  require_nonempty(cmd.name, "name");
  json::object body;
  body["dataCoreId"] = cmd.data_core_id;
  body["name"] = cmd.name;
  body["description"] = cmd.description;
  return flow_types::create(body);
}

single_request<flow_type> request_for(call&, const flow_type_fetch& cmd) {
  if (!cmd.flow_type_id.empty()) return flow_types::fetch(cmd.flow_type_id);
  if (cmd.data_core_id.empty() || cmd.flow_type.empty())
    fail(error::invalid_argument,
         "flow_type_fetch: set flow_type_id, or data_core_id and flow_type");
  return flow_types::find(
      query_builder().add("dataCoreId", cmd.data_core_id).add("name", cmd.flow_type),
      not_found_text("FlowType", {{"name", cmd.flow_type}}));
}

single_request<std::vector<flow_type>> request_for(call&, const flow_type_list& cmd) {
  require_nonempty(cmd.data_core_id, "data_core_id");
  return flow_types::list(query_builder().add("dataCoreId", cmd.data_core_id));
}

single_request<flow_type> request_for(call&, const flow_type_update& cmd) {
  require_nonempty(cmd.flow_type_id, "flow_type_id");
  json::object body;  // may be {}: an empty update is allowed here (docs/protocol.md 6.5)
  if (cmd.description) body["description"] = *cmd.description;
  return flow_types::update(cmd.flow_type_id, body);
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
