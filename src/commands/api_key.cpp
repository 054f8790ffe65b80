// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// ApiKey commands (docs/protocol.md section 6.2): paths, bodies, JSON mapping. All go to
// tenant-store.api and none is retried unless it provably never left (idempotent = false).
#include "commands/answers.hpp"
#include "commands/not_found.hpp"
#include "execute.hpp"
#include "json_body.hpp"
#include "json_reader.hpp"
#include "url_encoding.hpp"

#include <flowcore/commands/api_key.hpp>

#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace {

void read_api_key_info(const json_object_reader& r, api_key_info& k) {
  k.id = r.string("id");
  k.tenant_id = r.string("tenantId");
  k.name = r.string("name");
  k.description = r.string("description");
  k.masked_api_key = r.string("maskedApiKey");
  k.created_at = r.string("createdAt");
  k.last_used_at = r.nullable_string("lastUsedAt");
}

api_key_info read_info(const json_object_reader& r) {
  api_key_info k;
  read_api_key_info(r, k);
  return k;
}

api_key_created read_created(const json_object_reader& r) {
  api_key_created k;
  read_api_key_info(r, k);
  k.api_key = r.string("apiKey");
  return k;
}

api_key_validation read_validation(const json_object_reader& r) {
  return api_key_validation{.valid = r.boolean("valid"),
                            .api_key_id = r.optional_string("apiKeyId"),
                            .tenant_id = r.optional_string("tenantId")};
}

std::string api_key_path(const std::string& id) {
  return "/api/v1/api-keys/" + path_segment(id, "api_key_id");
}

// Every tenant-store request is re-sent only when nothing was sent.
request_spec tenant_store_request(std::string_view method, std::string target) {
  return request_spec{.method = method,
                      .service = service::tenant_store,
                      .target = std::move(target),
                      .idempotent = false};
}

single_request<api_key_validation> validate(std::string target, const json::object& body) {
  request_spec spec = tenant_store_request("POST", std::move(target));
  spec.body = json_body(body);
  return {std::move(spec), &one_object<read_validation>};
}

}  // namespace

single_request<api_key_created> request_for(call& c, const api_key_create& cmd) {
  c.require_bearer();
  require_nonempty(cmd.tenant_id, "tenant_id");
  require_nonempty(cmd.name, "name");
  json::object body;
  body["tenantId"] = cmd.tenant_id;
  body["name"] = cmd.name;
  if (cmd.description) body["description"] = *cmd.description;
  request_spec spec = tenant_store_request("POST", "/api/v1/api-keys");
  spec.body = json_body(body);
  return {std::move(spec), &one_object<read_created>};
}

single_request<std::vector<api_key_info>> request_for(call& c, const api_key_list& cmd) {
  c.require_bearer();
  require_nonempty(cmd.tenant_id, "tenant_id");
  return {tenant_store_request(
              "GET", "/api/v1/api-keys" + query_builder().add("tenantId", cmd.tenant_id).str()),
          &object_array<read_info>};
}

single_request<api_key_info> request_for(call& c, const api_key_fetch& cmd) {
  c.require_bearer();
  require_nonempty(cmd.api_key_id, "api_key_id");
  request_spec spec = tenant_store_request("GET", api_key_path(cmd.api_key_id));
  spec.not_found_message = not_found_text("ApiKey", {{"id", cmd.api_key_id}});
  return {std::move(spec), &one_object<read_info>};
}

single_request<api_key_info> request_for(call& c, const api_key_edit& cmd) {
  c.require_bearer();
  require_nonempty(cmd.api_key_id, "api_key_id");
  json::object body;
  body["apiKeyId"] = cmd.api_key_id;
  body["description"] = cmd.description;
  request_spec spec = tenant_store_request("PATCH", api_key_path(cmd.api_key_id));
  spec.body = json_body(body);
  return {std::move(spec), &one_object<read_info>};
}

single_request<bool> request_for(call& c, const api_key_delete& cmd) {
  c.require_bearer();
  require_nonempty(cmd.api_key_id, "api_key_id");
  json::object body;
  body["apiKeyId"] = cmd.api_key_id;
  request_spec spec = tenant_store_request("DELETE", api_key_path(cmd.api_key_id));
  spec.body = json_body(body);
  return {std::move(spec), &any_answer};
}

single_request<api_key_validation> request_for(call& c, const api_key_validate& cmd) {
  require_nonempty(cmd.api_key, "api_key");
  c.add_secret(cmd.api_key);
  json::object body;
  body["apiKey"] = cmd.api_key;
  return validate("/api/v1/api-keys/validate", body);
}

single_request<api_key_validation> request_for(call& c,
                                               const api_key_validate_with_tenant_id& cmd) {
  require_nonempty(cmd.api_key, "api_key");
  require_nonempty(cmd.tenant_id, "tenant_id");
  c.add_secret(cmd.api_key);
  json::object body;
  body["apiKey"] = cmd.api_key;
  body["tenantId"] = cmd.tenant_id;
  return validate("/api/v1/api-keys/validate-with-tenant-id", body);
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::api_key_create);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::api_key_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::api_key_fetch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::api_key_edit);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::api_key_delete);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::api_key_validate);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::api_key_validate_with_tenant_id);
