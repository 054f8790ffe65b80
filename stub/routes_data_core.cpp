// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Data core routes (docs/protocol.md sections 6.4 and 13.3) and their wire shapes
// (sections 6.10 and 13.1).
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

json::object to_json(context& ctx, const data_core& d) {
  const tenant* owner = ctx.model.find_tenant_by_id(d.tenant_id);
  return {{"id", d.id},
          {"tenantId", d.tenant_id},
          {"tenant", owner ? owner->name : std::string()},
          {"name", d.name},
          {"description", d.description},
          {"accessControl", d.is_public ? "public" : "private"},
          {"deleteProtection", d.delete_protection},
          {"isDeleting", d.is_deleting},
          {"isFlowcoreManaged", d.is_flowcore_managed}};
}

// accessControl is a closed set (docs/protocol.md section 5.2): "public" or "private",
// nothing else.
std::optional<bool> optional_is_public(const json::object& body) {
  const std::optional<std::string> access = optional_string(body, "accessControl");
  if (!access) return std::nullopt;
  check_one_of("accessControl", *access, {"public", "private"});
  return *access == "public";
}

http_response create(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  std::string tenant_id = required_name(body, "tenantId");
  std::string name = required_name(body, "name");
  std::string description = required_string(body, "description");
  const std::optional<bool> is_public = optional_is_public(body);
  if (!is_public) throw http_error(400, R"("accessControl" is required)");
  const bool delete_protection = required_bool(body, "deleteProtection");
  const bool flowcore_managed = optional_bool(body, "isFlowcoreManaged").value_or(false);
  tenant_or_404(ctx.model, tenant_id);
  if (ctx.model.resources().find_data_core(tenant_id, name))
    throw http_error(409, "Data core already exists");
  const data_core& d = ctx.model.resources().add(data_core{.id = ctx.model.ids().uuid(),
                                                           .tenant_id = std::move(tenant_id),
                                                           .name = std::move(name),
                                                           .description = std::move(description),
                                                           .is_public = *is_public,
                                                           .delete_protection = delete_protection,
                                                           .is_deleting = false,
                                                           .is_flowcore_managed = flowcore_managed});
  return json_answer(201, to_json(ctx, d));
}

http_response fetch(context& ctx, const api_request& req) {
  return json_answer(200, to_json(ctx, data_core_or_404(ctx.model, req.param("dataCoreId"))));
}

// Every filter given must hold; no filter lists every data core. An unknown tenant matches
// nothing: fetch-by-name reads `[]` as not found (docs/protocol.md section 5.1).
http_response list(context& ctx, const api_request& req) {
  const std::optional<std::string> tenant_id = optional_query(req, "tenantId");
  const std::optional<std::string> tenant_name = optional_query(req, "tenant");
  const std::optional<std::string> name = optional_query(req, "name");
  const tenant* named = tenant_name ? ctx.model.find_tenant_by_name(*tenant_name) : nullptr;
  json::array items;
  if (tenant_name && !named) return json_answer(200, items);
  for (const data_core& d : ctx.model.resources().data_cores()) {
    if (tenant_id && d.tenant_id != *tenant_id) continue;
    if (named && d.tenant_id != named->id) continue;
    if (name && d.name != *name) continue;
    json::object item = to_json(ctx, d);
    // The stub has no users: whoever asks may do everything (docs/protocol.md section 13.1).
    item["access"] = json::array{"read", "write", "fetch", "ingest"};
    items.push_back(std::move(item));
  }
  return json_answer(200, items);
}

// The set fields; none is allowed here (the client refuses to send it).
http_response update(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  std::optional<std::string> description = optional_string(body, "description");
  const std::optional<bool> is_public = optional_is_public(body);
  const std::optional<bool> delete_protection = optional_bool(body, "deleteProtection");
  data_core& d = data_core_or_404(ctx.model, req.param("dataCoreId"));
  if (description) d.description = std::move(*description);
  if (is_public) d.is_public = *is_public;
  if (delete_protection) d.delete_protection = *delete_protection;
  return json_answer(200, to_json(ctx, d));
}

http_response exists(context& ctx, const api_request& req) {
  const bool found = ctx.model.resources().find_data_core(req.param("dataCoreId")) != nullptr;
  return json_answer(200, json::object{{"exists", found}});
}

http_response request_delete(context& ctx, const api_request& req) {
  data_core& d = data_core_or_404(ctx.model, req.param("dataCoreId"));
  if (d.delete_protection) throw http_error(409, "Data core is delete protected");
  if (!d.is_deleting) {  // a repeat starts no second timer (docs/protocol.md 13.3)
    d.is_deleting = true;
    ctx.later.after(ctx.delete_delay, [&model = ctx.model, id = d.id] { model.remove_data_core(id); });
  }
  return json_answer(200, json::object{{"success", true}});
}

}  // namespace

void add_data_core_routes(router& r) {
  r.add("POST", "/api/v1/data-cores", create);
  r.add("GET", "/api/v1/data-cores", list);
  r.add("GET", "/api/v1/data-cores/{dataCoreId}", fetch);
  r.add("PATCH", "/api/v1/data-cores/{dataCoreId}", update);
  r.add("GET", "/api/v1/data-cores/{dataCoreId}/exists", exists);
  r.add("DELETE", "/api/v1/data-cores/{dataCoreId}/request-delete", request_delete);
}

}  // namespace flowcore::stub::detail
