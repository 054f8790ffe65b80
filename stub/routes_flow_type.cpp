// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Flow type routes (docs/protocol.md sections 6.5 and 13.3) and their wire shapes
// (section 6.10).
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

json::object to_json(const flow_type& f) {
  return {{"id", f.id},
          {"tenantId", f.tenant_id},
          {"dataCoreId", f.data_core_id},
          {"name", f.name},
          {"description", f.description},
          {"isDeleting", f.is_deleting}};
}

http_response create(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  const std::string data_core_id = required_name(body, "dataCoreId");
  std::string name = required_name(body, "name");
  std::string description = required_string(body, "description");
  const data_core& parent = data_core_or_404(ctx.model, data_core_id);
  if (ctx.model.resources().find_flow_type(parent.id, name))
    throw http_error(409, "Flow type already exists");
  const flow_type& f = ctx.model.resources().add(flow_type{.id = ctx.model.ids().uuid(),
                                                           .tenant_id = parent.tenant_id,
                                                           .data_core_id = parent.id,
                                                           .name = std::move(name),
                                                           .description = std::move(description),
                                                           .is_deleting = false});
  return json_answer(201, to_json(f));
}

http_response fetch(context& ctx, const api_request& req) {
  return json_answer(200, to_json(flow_type_or_404(ctx.model, req.param("flowTypeId"))));
}

// `dataCoreId` is required (docs/protocol.md section 13.2 step 6); `name` narrows to
// fetch-by-name's answer.
http_response list(context& ctx, const api_request& req) {
  const std::string data_core_id = required_query(req, "dataCoreId");
  const std::optional<std::string> name = optional_query(req, "name");
  json::array items;
  for (const flow_type& f : ctx.model.resources().flow_types())
    if (f.data_core_id == data_core_id && (!name || f.name == *name)) items.push_back(to_json(f));
  return json_answer(200, items);
}

http_response update(context& ctx, const api_request& req) {
  std::optional<std::string> description = optional_string(body_object(req), "description");
  flow_type& f = flow_type_or_404(ctx.model, req.param("flowTypeId"));
  if (description) f.description = std::move(*description);
  return json_answer(200, to_json(f));
}

http_response exists(context& ctx, const api_request& req) {
  const bool found = ctx.model.resources().find_flow_type(req.param("flowTypeId")) != nullptr;
  return json_answer(200, json::object{{"exists", found}});
}

http_response request_delete(context& ctx, const api_request& req) {
  flow_type& f = flow_type_or_404(ctx.model, req.param("flowTypeId"));
  if (!f.is_deleting) {  // a repeat starts no second timer (docs/protocol.md 13.3)
    f.is_deleting = true;
    ctx.later.after(ctx.delete_delay, [&model = ctx.model, id = f.id] { model.remove_flow_type(id); });
  }
  return json_answer(200, json::object{{"success", true}});
}

}  // namespace

void add_flow_type_routes(router& r) {
  r.add("POST", "/api/v1/flow-types", create);
  r.add("GET", "/api/v1/flow-types", list);
  r.add("GET", "/api/v1/flow-types/{flowTypeId}", fetch);
  r.add("PATCH", "/api/v1/flow-types/{flowTypeId}", update);
  r.add("GET", "/api/v1/flow-types/{flowTypeId}/exists", exists);
  r.add("DELETE", "/api/v1/flow-types/{flowTypeId}/request-delete", request_delete);
}

}  // namespace flowcore::stub::detail
