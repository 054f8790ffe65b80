// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// DataCore commands (docs/protocol.md section 6.4): paths, bodies, JSON mapping,
// delete-and-poll.
#include "commands/delete_and_poll.hpp"
#include "commands/resource.hpp"
#include "execute.hpp"

#include <flowcore/commands/data_core.hpp>

#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

const char* wire_name(access_control a) {
  return a == access_control::public_access ? "public" : "private";
}

struct data_core_resource {
  using value = data_core;
  static constexpr std::string_view name = "DataCore";
  static constexpr service where = service::data_core;
  static constexpr std::string_view collection = "/api/v1/data-cores";
  static constexpr std::string_view id_field = "data_core_id";

  static data_core read(const json_object_reader& r) {
    data_core d;
    d.id = r.string("id");
    d.tenant_id = r.string("tenantId");
    d.tenant = r.string("tenant");
    d.name = r.string("name");
    d.description = r.string("description");
    const std::string access = r.string("accessControl");
    if (access == "public")
      d.access_control = access_control::public_access;
    else if (access == "private")
      d.access_control = access_control::private_access;
    else
      fail_schema(r.pointer() + "/accessControl", "expected \"public\" or \"private\"");
    d.delete_protection = r.boolean("deleteProtection");
    d.is_deleting = r.boolean("isDeleting");
    d.is_flowcore_managed = r.boolean("isFlowcoreManaged");
    d.access = r.optional_string_array("access");
    return d;
  }
};
using data_cores = resource<data_core_resource>;

}  // namespace

single_request<data_core> request_for(call&, const data_core_create& cmd) {
  require_nonempty(cmd.tenant_id, "tenant_id");
  require_nonempty(cmd.name, "name");
  json::object body;
  body["tenantId"] = cmd.tenant_id;
  body["name"] = cmd.name;
  body["description"] = cmd.description;
  body["accessControl"] = wire_name(cmd.access_control);
  body["deleteProtection"] = cmd.delete_protection;
  if (cmd.is_flowcore_managed) body["isFlowcoreManaged"] = *cmd.is_flowcore_managed;
  return data_cores::create(body);
}

single_request<data_core> request_for(call&, const data_core_fetch& cmd) {
  if (!cmd.data_core_id.empty()) return data_cores::fetch(cmd.data_core_id);
  if (!cmd.tenant_id.empty() && !cmd.data_core.empty())
    return data_cores::find(
        query_builder().add("tenantId", cmd.tenant_id).add("name", cmd.data_core),
        not_found_text("DataCore", {{"name", cmd.data_core}, {"tenantId", cmd.tenant_id}}));
  if (!cmd.tenant.empty() && !cmd.data_core.empty())
    return data_cores::find(
        query_builder().add("tenant", cmd.tenant).add("name", cmd.data_core),
        not_found_text("DataCore", {{"name", cmd.data_core}, {"tenant", cmd.tenant}}));
  fail(error::invalid_argument,
       "data_core_fetch: set data_core_id, or data_core with tenant_id or tenant");
}

single_request<std::vector<data_core>> request_for(call&, const data_core_list& cmd) {
  query_builder query;
  if (cmd.tenant_id) query.add("tenantId", *cmd.tenant_id);
  if (cmd.tenant) query.add("tenant", *cmd.tenant);
  if (cmd.name) query.add("name", *cmd.name);
  return data_cores::list(query);
}

single_request<data_core> request_for(call&, const data_core_update& cmd) {
  require_nonempty(cmd.data_core_id, "data_core_id");
  json::object body;
  if (cmd.description) body["description"] = *cmd.description;
  if (cmd.access_control) body["accessControl"] = wire_name(*cmd.access_control);
  if (cmd.delete_protection) body["deleteProtection"] = *cmd.delete_protection;
  if (body.empty()) fail(error::invalid_argument, "data_core_update: no fields to update");
  return data_cores::update(cmd.data_core_id, body);
}

asio::awaitable<bool> run(call& c, data_core_exists cmd) {
  deletion_target target = data_core_target(std::move(cmd.data_core_id));  // named: see call::send
  co_return co_await exists_command(c, std::move(target));
}

asio::awaitable<bool> run(call& c, data_core_request_delete cmd) {
  deletion_target target = data_core_target(std::move(cmd.data_core_id));  // named: see call::send
  co_return co_await request_delete(c, std::move(cmd.tenant), std::move(target), cmd.wait,
                                    cmd.wait_options);
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::data_core_create);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::data_core_fetch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::data_core_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::data_core_update);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::data_core_exists);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::data_core_request_delete);
