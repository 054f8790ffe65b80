// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Secret and Variable commands (docs/protocol.md section 6.3). The two families have the
// same paths under /api/v1/tenants/{tenantId}/<kind>, the same bodies and rules (bearer
// only, not retryable); they differ in the path segment, the resource name and whether the
// value comes back. The request builders are shared; each run() only sends and maps.
#include "commands/answers.hpp"
#include "commands/not_found.hpp"
#include "execute.hpp"
#include "json_body.hpp"
#include "json_reader.hpp"
#include "url_encoding.hpp"

#include <flowcore/commands/secret.hpp>
#include <flowcore/commands/variable.hpp>

#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace {

struct kind {
  const char* segment;   ///< "secrets": the path segment.
  const char* resource;  ///< "Secret": not_found texts.
  bool value_is_secret;  ///< Hide the value in this call's logs and diagnostics.
};

constexpr kind secrets{.segment = "secrets", .resource = "Secret", .value_is_secret = true};
constexpr kind variables{.segment = "variables", .resource = "Variable", .value_is_secret = false};

secret read_secret(const json_object_reader& r) {
  return secret{.tenant_id = r.string("tenantId"),
                .key = r.string("key"),
                .description = r.string("description"),
                .created_at = r.string("createdAt"),
                .updated_at = r.nullable_string("updatedAt")};
}

variable read_variable(const json_object_reader& r) {
  return variable{.tenant_id = r.string("tenantId"),
                  .key = r.string("key"),
                  .description = r.string("description"),
                  .value = r.string("value"),
                  .created_at = r.string("createdAt"),
                  .updated_at = r.nullable_string("updatedAt")};
}

std::string collection_path(const kind& k, const std::string& tenant_id) {
  return "/api/v1/tenants/" + path_segment(tenant_id, "tenant_id") + "/" + k.segment;
}

std::string item_path(const kind& k, const std::string& tenant_id, const std::string& key) {
  return collection_path(k, tenant_id) + "/" + path_segment(key, "key");
}

request_spec request(std::string_view method, std::string target) {
  return request_spec{.method = method,
                      .service = service::tenant_store,
                      .target = std::move(target),
                      .idempotent = false};
}

// The checks every command runs first: bearer mode, then the required fields.
void check(call& c, const std::string& tenant_id, const std::string* key) {
  c.require_bearer();
  require_nonempty(tenant_id, "tenant_id");
  if (key) require_nonempty(*key, "key");
}

template <class Create>
request_spec create_request(call& c, const kind& k, const Create& cmd) {
  check(c, cmd.tenant_id, &cmd.key);
  if (k.value_is_secret) c.add_secret(cmd.value);
  json::object body;
  body["tenantId"] = cmd.tenant_id;
  body["key"] = cmd.key;
  body["value"] = cmd.value;
  if (cmd.description) body["description"] = *cmd.description;
  request_spec spec = request("POST", collection_path(k, cmd.tenant_id));
  spec.body = json_body(body);
  return spec;
}

request_spec list_request(call& c, const kind& k, const std::string& tenant_id) {
  check(c, tenant_id, nullptr);
  return request("GET", collection_path(k, tenant_id));
}

template <class Fetch>
request_spec fetch_request(call& c, const kind& k, const Fetch& cmd) {
  check(c, cmd.tenant_id, &cmd.key);
  request_spec spec = request("GET", item_path(k, cmd.tenant_id, cmd.key));
  spec.not_found_message =
      not_found_text(k.resource, {{"tenantId", cmd.tenant_id}, {"key", cmd.key}});
  return spec;
}

template <class Edit>
request_spec edit_request(call& c, const kind& k, const Edit& cmd) {
  check(c, cmd.tenant_id, &cmd.key);
  if (k.value_is_secret && cmd.value) c.add_secret(*cmd.value);
  json::object body;
  body["tenantId"] = cmd.tenant_id;
  body["key"] = cmd.key;
  if (cmd.value) body["value"] = *cmd.value;
  if (cmd.description) body["description"] = *cmd.description;
  request_spec spec = request("PATCH", item_path(k, cmd.tenant_id, cmd.key));
  spec.body = json_body(body);
  return spec;
}

template <class Delete>
request_spec delete_request(call& c, const kind& k, const Delete& cmd) {
  check(c, cmd.tenant_id, &cmd.key);
  json::object body;
  body["tenantId"] = cmd.tenant_id;
  body["key"] = cmd.key;
  request_spec spec = request("DELETE", item_path(k, cmd.tenant_id, cmd.key));
  spec.body = json_body(body);
  return spec;
}

}  // namespace

single_request<secret> request_for(call& c, const secret_create& cmd) {
  return {create_request(c, secrets, cmd), &one_object<read_secret>};
}

single_request<std::vector<secret>> request_for(call& c, const secret_list& cmd) {
  return {list_request(c, secrets, cmd.tenant_id), &object_array<read_secret>};
}

single_request<secret> request_for(call& c, const secret_fetch& cmd) {
  return {fetch_request(c, secrets, cmd), &one_object<read_secret>};
}

single_request<secret> request_for(call& c, const secret_edit& cmd) {
  return {edit_request(c, secrets, cmd), &one_object<read_secret>};
}

single_request<bool> request_for(call& c, const secret_delete& cmd) {
  return {delete_request(c, secrets, cmd), &any_answer};
}

single_request<variable> request_for(call& c, const variable_create& cmd) {
  return {create_request(c, variables, cmd), &one_object<read_variable>};
}

single_request<std::vector<variable>> request_for(call& c, const variable_list& cmd) {
  return {list_request(c, variables, cmd.tenant_id), &object_array<read_variable>};
}

single_request<variable> request_for(call& c, const variable_fetch& cmd) {
  return {fetch_request(c, variables, cmd), &one_object<read_variable>};
}

single_request<variable> request_for(call& c, const variable_edit& cmd) {
  return {edit_request(c, variables, cmd), &one_object<read_variable>};
}

single_request<bool> request_for(call& c, const variable_delete& cmd) {
  return {delete_request(c, variables, cmd), &any_answer};
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::secret_create);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::secret_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::secret_fetch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::secret_edit);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::secret_delete);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::variable_create);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::variable_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::variable_fetch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::variable_edit);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::variable_delete);
