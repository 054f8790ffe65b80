// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Tenant routes (docs/protocol.md section 6.1) and their wire shapes (sections 6.10, 13.1).
#include "context.hpp"
#include "json_util.hpp"
#include "lookups.hpp"
#include "router.hpp"
#include "routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace flowcore::stub::detail {
namespace {
namespace json = boost::json;

// Nobody is dedicated in the stub (docs/protocol.md section 13.1), hence the fixed
// isDedicated/dedicated.
json::object tenant_json(const tenant& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"displayName", t.display_name},
          {"description", t.description},
          {"websiteUrl", t.website_url},
          {"isDedicated", false},
          {"dedicated", nullptr},
          {"sensitiveDataEnabled", t.sensitive_data_enabled},
          {"configured", t.configured}};
}

json::object list_item_json(const tenant& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"displayName", t.display_name},
          {"description", t.description},
          {"websiteUrl", t.website_url},
          {"isDedicated", false},
          {"sensitiveDataEnabled", t.sensitive_data_enabled},
          {"domain", nullptr},
          // The stub has no users: whoever asks may do everything.
          {"permissions", json::array{"read", "write"}}};
}

http_response fetch_by_id(context& ctx, const api_request& req) {
  return json_answer(200, tenant_json(tenant_or_404(ctx.model, req.param("tenantId"))));
}

http_response fetch_by_name(context& ctx, const api_request& req) {
  return json_answer(200, tenant_json(tenant_by_name_or_404(ctx.model, req.param("tenant"))));
}

http_response list(context& ctx, const api_request&) {
  json::array items;
  for (const tenant& t : ctx.model.tenants()) items.push_back(list_item_json(t));
  return json_answer(200, items);
}

http_response not_dedicated() {
  return json_answer(200, json::object{{"isDedicated", false}, {"instance", nullptr}});
}

http_response instance_by_name(context& ctx, const api_request& req) {
  tenant_by_name_or_404(ctx.model, req.param("tenant"));
  return not_dedicated();
}

http_response instance_by_id(context& ctx, const api_request& req) {
  tenant_or_404(ctx.model, req.param("tenantId"));
  return not_dedicated();
}

http_response translate_name_to_id(context& ctx, const api_request& req) {
  const tenant& t = tenant_by_name_or_404(ctx.model, req.param("tenant"));
  return json_answer(200, json::object{{"id", t.id}, {"name", t.name}});
}

http_response preview(context& ctx, const api_request& req) {
  const tenant& t = tenant_by_name_or_404(ctx.model, req.param("name"));
  return json_answer(200, json::object{{"displayName", t.display_name},
                                       {"websiteUrl", t.website_url},
                                       {"description", t.description}});
}

http_response create(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  std::string slug = required_name(body, "tenant_slug");
  std::optional<std::string> description = optional_string(body, "description");
  std::optional<std::string> display_name = optional_string(body, "displayName");
  if (ctx.model.find_tenant_by_name(slug)) throw http_error(409, "Tenant already exists");
  tenant t{.id = ctx.model.ids().uuid(),
           .name = slug,
           .display_name = display_name.value_or(slug),
           .description = description.value_or(""),
           .website_url = "",
           .sensitive_data_enabled = false,
           .configured = true};
  return json_answer(201, tenant_json(ctx.model.add_tenant(std::move(t))));
}

http_response update(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  std::optional<std::string> description = optional_string(body, "description");
  std::optional<std::string> display_name = optional_string(body, "displayName");
  std::optional<std::string> website = optional_string(body, "website");
  if (!description && !display_name && !website)
    throw http_error(400, R"(one of "description", "displayName" or "website" is required)");
  tenant& t = tenant_or_404(ctx.model, req.param("tenantId"));
  if (description) t.description = std::move(*description);
  if (display_name) t.display_name = std::move(*display_name);
  if (website) t.website_url = std::move(*website);  // the request's `website` is `websiteUrl`
  return json_answer(200, tenant_json(t));
}

http_response set_sensitive_data(context& ctx, const api_request& req, bool enabled) {
  const json::object& body = body_object(req);
  const std::string body_id = required_name(body, "tenantId");
  if (body_id != req.param("tenantId"))
    throw http_error(400, R"("tenantId" does not match the path)");
  tenant& t = tenant_or_404(ctx.model, body_id);
  t.sensitive_data_enabled = enabled;
  return json_answer(200, json::object{{"sensitiveDataEnabled", enabled}});
}

http_response enable_sensitive_data(context& ctx, const api_request& req) {
  return set_sensitive_data(ctx, req, true);
}

http_response disable_sensitive_data(context& ctx, const api_request& req) {
  return set_sensitive_data(ctx, req, false);
}

}  // namespace

void add_tenant_routes(router& r) {
  r.add("GET", "/api/v1/tenants/by-id/{tenantId}", fetch_by_id);
  r.add("GET", "/api/v1/tenants/by-name/{tenant}", fetch_by_name);
  r.add("GET", "/api/v1/tenants/list", list);
  r.add("GET", "/api/v1/tenants/by-name/{tenant}/instance", instance_by_name);
  r.add("GET", "/api/v1/tenants/by-id/{tenantId}/instance", instance_by_id);
  r.add("GET", "/api/v1/tenants/translate-name-to-id/{tenant}", translate_name_to_id);
  r.add("GET", "/api/v1/tenants/preview/{name}", preview);
  r.add("POST", "/api/v1/tenants", create);
  r.add("PATCH", "/api/v1/tenants/{tenantId}", update);
  r.add("POST", "/api/v1/tenants/{tenantId}/enable-sensitive-data", enable_sensitive_data);
  r.add("POST", "/api/v1/tenants/{tenantId}/disable-sensitive-data", disable_sensitive_data);
}

}  // namespace flowcore::stub::detail
