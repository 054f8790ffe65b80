// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// API key routes (docs/protocol.md section 6.2) and their wire shapes (sections 6.10, 13.1).
#include "context.hpp"
#include "json_util.hpp"
#include "lookups.hpp"
#include "query_checks.hpp"
#include "router.hpp"
#include "routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace flowcore::stub::detail {
namespace {
namespace json = boost::json;

json::object info_json(const api_key_record& k) {
  json::object o{{"id", k.id},
                 {"tenantId", k.tenant_id},
                 {"name", k.name},
                 {"description", k.description},
                 {"maskedApiKey", k.masked},
                 {"createdAt", k.created_at}};
  if (k.last_used_at)
    o["lastUsedAt"] = *k.last_used_at;
  else
    o["lastUsedAt"] = nullptr;
  return o;
}

api_key_record& key_or_404(context& ctx, std::string_view id) {
  if (api_key_record* k = ctx.model.api_keys().find(id)) return *k;
  throw http_error(404, "API key not found");
}

http_response create(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  std::string tenant_id = required_name(body, "tenantId");
  std::string name = required_name(body, "name");
  std::string description = optional_string(body, "description").value_or("");
  tenant_or_404(ctx.model, tenant_id);
  if (ctx.model.api_keys().find_by_name(tenant_id, name))
    throw http_error(409, "API key already exists");
  const api_key_record& k = ctx.model.api_keys().create(ctx.model.ids(), std::move(tenant_id),
                                                        std::move(name), std::move(description));
  json::object answer = info_json(k);
  answer["apiKey"] = k.key;
  return json_answer(201, answer);
}

http_response list(context& ctx, const api_request& req) {
  const std::string tenant_id = required_query(req, "tenantId");
  json::array items;
  for (const api_key_record& k : ctx.model.api_keys().all())
    if (k.tenant_id == tenant_id) items.push_back(info_json(k));
  return json_answer(200, items);
}

http_response fetch(context& ctx, const api_request& req) {
  return json_answer(200, info_json(key_or_404(ctx, req.param("apiKeyId"))));
}

http_response edit(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  const std::optional<std::string> body_id = optional_string(body, "apiKeyId");
  std::string description = required_string(body, "description");
  if (body_id && *body_id != req.param("apiKeyId"))
    throw http_error(400, R"("apiKeyId" does not match the path)");
  api_key_record& k = key_or_404(ctx, req.param("apiKeyId"));
  k.description = std::move(description);
  return json_answer(200, info_json(k));
}

http_response erase(context& ctx, const api_request& req) {
  // The body repeats the id; servers ignore DELETE bodies (docs/protocol.md section 4.2).
  if (!ctx.model.api_keys().erase(req.param("apiKeyId"))) throw http_error(404, "API key not found");
  return {204, {}, {}};
}

json::object validation(const api_key_record* k) {
  if (!k) return {{"valid", false}};
  return {{"valid", true}, {"apiKeyId", k->id}, {"tenantId", k->tenant_id}};
}

http_response validate(context& ctx, const api_request& req) {
  const std::string key = required_string(body_object(req), "apiKey");
  return json_answer(200, validation(ctx.model.api_keys().find_by_key(key)));
}

http_response validate_with_tenant_id(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  const std::string key = required_string(body, "apiKey");
  const std::string tenant_id = required_string(body, "tenantId");
  const api_key_record* k = ctx.model.api_keys().find_by_key(key);
  return json_answer(200, validation(k && k->tenant_id == tenant_id ? k : nullptr));
}

}  // namespace

void add_api_key_routes(router& r) {
  r.add("POST", "/api/v1/api-keys", create);
  r.add("GET", "/api/v1/api-keys", list);
  r.add("GET", "/api/v1/api-keys/{apiKeyId}", fetch);
  r.add("PATCH", "/api/v1/api-keys/{apiKeyId}", edit);
  r.add("DELETE", "/api/v1/api-keys/{apiKeyId}", erase);
  r.add("POST", "/api/v1/api-keys/validate", validate);
  r.add("POST", "/api/v1/api-keys/validate-with-tenant-id", validate_with_tenant_id);
}

}  // namespace flowcore::stub::detail
