// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// DataCore commands (API-CONTRACT.md 4.4): paths, bodies, JSON mapping, delete-and-poll.
#include "commands/delete_and_poll.hpp"
#include "commands/not_found.hpp"
#include "execute.hpp"
#include "json_body.hpp"
#include "json_reader.hpp"
#include "url_encoding.hpp"

#include <flowcore/commands/data_core.hpp>

#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

const char* wire_name(access_control a) {
  return a == access_control::public_access ? "public" : "private";
}

data_core read_data_core(const json_object_reader& r) {
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

data_core map_one(const std::string& body) {
  return map_response(
      body, [](const json::value& v) { return read_data_core(json_object_reader(v, "")); });
}

std::vector<data_core> map_many(const std::string& body) {
  return map_response(
      body, [](const json::value& v) { return map_object_array(v, "", read_data_core); });
}

std::string data_core_path(const std::string& id) {
  return "/api/v1/data-cores/" + path_segment(id, "data_core_id");
}

}  // namespace

asio::awaitable<data_core> run(call& c, data_core_create cmd) {
  c.require(cmd.tenant_id, "tenant_id");
  c.require(cmd.name, "name");
  json::object body;
  body["tenantId"] = cmd.tenant_id;
  body["name"] = cmd.name;
  body["description"] = cmd.description;
  body["accessControl"] = wire_name(cmd.access_control);
  body["deleteProtection"] = cmd.delete_protection;
  if (cmd.is_flowcore_managed) body["isFlowcoreManaged"] = *cmd.is_flowcore_managed;
  request_spec spec{.method = "POST",
                    .service = service::data_core,
                    .target = "/api/v1/data-cores",
                    .body = json_body(body),
                    .idempotent = false};
  std::string answer = co_await c.send(spec);
  co_return map_one(answer);
}

asio::awaitable<data_core> run(call& c, data_core_fetch cmd) {
  request_spec spec{.service = service::data_core};
  const bool by_name = cmd.data_core_id.empty();
  if (!by_name) {
    spec.target = data_core_path(cmd.data_core_id);
    spec.not_found_message = not_found_text("DataCore", {{"id", cmd.data_core_id}});
  } else if (!cmd.tenant_id.empty() && !cmd.data_core.empty()) {
    spec.target = "/api/v1/data-cores" +
                  query_builder().add("tenantId", cmd.tenant_id).add("name", cmd.data_core).str();
    spec.not_found_message =
        not_found_text("DataCore", {{"name", cmd.data_core}, {"tenantId", cmd.tenant_id}});
  } else if (!cmd.tenant.empty() && !cmd.data_core.empty()) {
    spec.target = "/api/v1/data-cores" +
                  query_builder().add("tenant", cmd.tenant).add("name", cmd.data_core).str();
    spec.not_found_message =
        not_found_text("DataCore", {{"name", cmd.data_core}, {"tenant", cmd.tenant}});
  } else {
    fail(error::invalid_argument,
         "data_core_fetch: set data_core_id, or data_core with tenant_id or tenant");
  }
  std::string answer = co_await c.send(spec);
  if (!by_name) co_return map_one(answer);
  co_return first_match(map_many(answer), *spec.not_found_message);
}

asio::awaitable<std::vector<data_core>> run(call& c, data_core_list cmd) {
  query_builder query;
  if (cmd.tenant_id) query.add("tenantId", *cmd.tenant_id);
  if (cmd.tenant) query.add("tenant", *cmd.tenant);
  if (cmd.name) query.add("name", *cmd.name);
  request_spec spec{.service = service::data_core, .target = "/api/v1/data-cores" + query.str()};
  std::string answer = co_await c.send(spec);
  co_return map_many(answer);
}

asio::awaitable<data_core> run(call& c, data_core_update cmd) {
  c.require(cmd.data_core_id, "data_core_id");
  json::object body;
  if (cmd.description) body["description"] = *cmd.description;
  if (cmd.access_control) body["accessControl"] = wire_name(*cmd.access_control);
  if (cmd.delete_protection) body["deleteProtection"] = *cmd.delete_protection;
  if (body.empty()) fail(error::invalid_argument, "data_core_update: no fields to update");
  request_spec spec{.method = "PATCH",
                    .service = service::data_core,
                    .target = data_core_path(cmd.data_core_id),
                    .body = json_body(body)};
  std::string answer = co_await c.send(spec);
  co_return map_one(answer);
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
