// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Event type routes (docs/protocol.md sections 6.6 and 13.3) and their wire shapes
// (sections 6.10 and 13.1). The sensitive-data routes under /api/v1/event-types are in
// routes_sensitive_data.cpp.
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

json::object to_json(const event_type& e) {
  json::object o{{"id", e.id},
                 {"tenantId", e.tenant_id},
                 {"dataCoreId", e.data_core_id},
                 {"flowTypeId", e.flow_type_id},
                 {"name", e.name},
                 {"description", e.description},
                 {"isTruncating", e.is_truncating},
                 {"isDeleting", e.is_deleting},
                 {"createdAt", e.created_at},
                 {"sensitiveDataEnabled", e.sensitive_data_enabled}};
  if (e.updated_at)
    o["updatedAt"] = *e.updated_at;
  else
    o["updatedAt"] = nullptr;
  if (e.sensitive_data_mask)
    o["sensitiveDataMask"] = *e.sensitive_data_mask;
  else
    o["sensitiveDataMask"] = nullptr;
  return o;
}

// A schema member (docs/protocol.md section 6.6): true, "string", "number", "boolean", or a
// detail object.
bool is_mask_definition(const json::value& v) {
  if (const bool* b = v.if_bool()) return *b;
  if (const json::string* s = v.if_string()) return *s == "string" || *s == "number" || *s == "boolean";
  return v.is_object();
}

// `{"key": "<field>", "schema": {...}}`; absent or null: nullopt. Stored as checked, with
// only those two members.
std::optional<json::object> optional_mask(const json::object& body) {
  const json::value* v = body.if_contains("sensitiveDataMask");
  if (!v || v->is_null()) return std::nullopt;
  const json::object* mask = v->if_object();
  if (!mask) throw http_error(400, R"("sensitiveDataMask" must be an object)");
  const json::value* key = mask->if_contains("key");
  if (!key || key->is_null()) throw http_error(400, R"("sensitiveDataMask.key" is required)");
  if (!key->is_string()) throw http_error(400, R"("sensitiveDataMask.key" must be a string)");
  if (key->get_string().empty())
    throw http_error(400, R"("sensitiveDataMask.key" must not be empty)");
  const json::value* schema = mask->if_contains("schema");
  if (!schema || schema->is_null())
    throw http_error(400, R"("sensitiveDataMask.schema" is required)");
  if (!schema->is_object())
    throw http_error(400, R"("sensitiveDataMask.schema" must be an object)");
  for (const auto& member : schema->get_object())
    if (!is_mask_definition(member.value()))
      throw http_error(400, "\"sensitiveDataMask.schema." + std::string(member.key()) +
                                R"(" must be true, "string", "number", "boolean" or an object)");
  return json::object{{"key", *key}, {"schema", *schema}};
}

http_response create(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  const std::string flow_type_id = required_name(body, "flowTypeId");
  std::string name = required_name(body, "name");
  std::string description = required_string(body, "description");
  std::optional<json::object> mask = optional_mask(body);
  const bool sensitive_data_enabled = optional_bool(body, "sensitiveDataEnabled").value_or(false);
  const flow_type& parent = flow_type_or_404(ctx.model, flow_type_id);
  if (ctx.model.resources().find_event_type(parent.id, name))
    throw http_error(409, "Event type already exists");
  const event_type& e = ctx.model.resources().add(event_type{
      .id = ctx.model.ids().uuid(),
      .tenant_id = parent.tenant_id,
      .data_core_id = parent.data_core_id,
      .flow_type_id = parent.id,
      .name = std::move(name),
      .description = std::move(description),
      .created_at = iso_now(),
      .updated_at = std::nullopt,
      .is_truncating = false,
      .is_deleting = false,
      .sensitive_data_mask = std::move(mask),
      .sensitive_data_enabled = sensitive_data_enabled});
  return json_answer(201, to_json(e));
}

http_response fetch(context& ctx, const api_request& req) {
  return json_answer(200, to_json(event_type_or_404(ctx.model, req.param("eventTypeId"))));
}

// `flowTypeId` is required (docs/protocol.md section 13.2 step 6); `name` narrows to
// fetch-by-name's answer.
http_response list(context& ctx, const api_request& req) {
  const std::string flow_type_id = required_query(req, "flowTypeId");
  const std::optional<std::string> name = optional_query(req, "name");
  json::array items;
  for (const event_type& e : ctx.model.resources().event_types())
    if (e.flow_type_id == flow_type_id && (!name || e.name == *name)) items.push_back(to_json(e));
  return json_answer(200, items);
}

// The set fields, possibly none; any PATCH sets updatedAt (docs/protocol.md section 13.1).
http_response update(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  std::optional<std::string> description = optional_string(body, "description");
  std::optional<json::object> mask = optional_mask(body);
  const std::optional<bool> sensitive_data_enabled = optional_bool(body, "sensitiveDataEnabled");
  event_type& e = event_type_or_404(ctx.model, req.param("eventTypeId"));
  if (description) e.description = std::move(*description);
  if (mask) e.sensitive_data_mask = std::move(*mask);
  if (sensitive_data_enabled) e.sensitive_data_enabled = *sensitive_data_enabled;
  e.updated_at = iso_now();
  return json_answer(200, to_json(e));
}

http_response exists(context& ctx, const api_request& req) {
  const bool found = ctx.model.resources().find_event_type(req.param("eventTypeId")) != nullptr;
  return json_answer(200, json::object{{"exists", found}});
}

http_response request_delete(context& ctx, const api_request& req) {
  event_type& e = event_type_or_404(ctx.model, req.param("eventTypeId"));
  if (!e.is_deleting) {  // a repeat starts no second timer (docs/protocol.md 13.3)
    e.is_deleting = true;
    ctx.later.after(ctx.delete_delay, [&model = ctx.model, id = e.id] { model.remove_event_type(id); });
  }
  return json_answer(200, json::object{{"success", true}});
}

// Events stored before this request go when the delay has passed; later ones stay.
http_response request_truncate(context& ctx, const api_request& req) {
  event_type& e = event_type_or_404(ctx.model, req.param("eventTypeId"));
  if (!e.is_truncating) {  // a repeat starts no second timer (docs/protocol.md 13.3)
    e.is_truncating = true;
    ctx.later.after(ctx.truncate_delay,
                    [&model = ctx.model, id = e.id, cut = ctx.model.truncate_point()] {
                      model.finish_truncate(id, cut);
                    });
  }
  return json_answer(200, json::object{{"success", true}});
}

}  // namespace

void add_event_type_routes(router& r) {
  r.add("POST", "/api/v1/event-types", create);
  r.add("GET", "/api/v1/event-types", list);
  r.add("GET", "/api/v1/event-types/{eventTypeId}", fetch);
  r.add("PATCH", "/api/v1/event-types/{eventTypeId}", update);
  r.add("GET", "/api/v1/event-types/{eventTypeId}/exists", exists);
  r.add("DELETE", "/api/v1/event-types/{eventTypeId}/request-delete", request_delete);
  r.add("DELETE", "/api/v1/event-types/{eventTypeId}/request-truncate", request_truncate);
}

}  // namespace flowcore::stub::detail
