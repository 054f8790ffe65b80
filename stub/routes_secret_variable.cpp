// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Secret and variable routes (docs/protocol.md section 6.3) and their wire shapes (section
// 6.10): one set of handlers, instantiated per kind. Secrets never show their value.
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

enum class kind { secret, variable };

template <kind K>
keyed_value_store& store(context& ctx) {
  return K == kind::secret ? ctx.model.secrets() : ctx.model.variables();
}

template <kind K>
[[noreturn]] void not_found() {
  throw http_error(404, K == kind::secret ? "Secret not found" : "Variable not found");
}

template <kind K>
json::object to_json(const keyed_value& v) {
  json::object o{{"tenantId", v.tenant_id},
                 {"key", v.key},
                 {"description", v.description},
                 {"createdAt", v.created_at}};
  if (v.updated_at)
    o["updatedAt"] = *v.updated_at;
  else
    o["updatedAt"] = nullptr;
  if constexpr (K == kind::variable) o["value"] = v.value;
  return o;
}

// The body's copy of a path parameter: required, and equal to the path's (docs/protocol.md
// section 13.2 step 6).
void check_matches_path(const json::object& body, std::string_view key, std::string_view path_value) {
  if (required_name(body, key) != path_value)
    throw http_error(400, quoted(key) + " does not match the path");
}

template <kind K>
keyed_value& item_or_404(context& ctx, const api_request& req) {
  tenant_or_404(ctx.model, req.param("tenantId"));
  if (keyed_value* v = store<K>(ctx).find(req.param("tenantId"), req.param("key"))) return *v;
  not_found<K>();
}

template <kind K>
http_response create(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  check_matches_path(body, "tenantId", req.param("tenantId"));
  std::string key = required_name(body, "key");
  std::string value = required_string(body, "value");
  std::string description = optional_string(body, "description").value_or("");
  const tenant& owner = tenant_or_404(ctx.model, req.param("tenantId"));
  if (store<K>(ctx).find(owner.id, key))
    throw http_error(409, K == kind::secret ? "Secret already exists" : "Variable already exists");
  const keyed_value& v = store<K>(ctx).add(keyed_value{.tenant_id = owner.id,
                                                       .key = std::move(key),
                                                       .value = std::move(value),
                                                       .description = std::move(description),
                                                       .created_at = iso_now(),
                                                       .updated_at = std::nullopt});
  return json_answer(201, to_json<K>(v));
}

template <kind K>
http_response list(context& ctx, const api_request& req) {
  const tenant& owner = tenant_or_404(ctx.model, req.param("tenantId"));
  json::array items;
  for (const keyed_value* v : store<K>(ctx).of_tenant(owner.id)) items.push_back(to_json<K>(*v));
  return json_answer(200, items);
}

template <kind K>
http_response fetch(context& ctx, const api_request& req) {
  return json_answer(200, to_json<K>(item_or_404<K>(ctx, req)));
}

template <kind K>
http_response edit(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  check_matches_path(body, "tenantId", req.param("tenantId"));
  check_matches_path(body, "key", req.param("key"));
  std::optional<std::string> value = optional_string(body, "value");
  std::optional<std::string> description = optional_string(body, "description");
  keyed_value& v = item_or_404<K>(ctx, req);
  if (value) v.value = std::move(*value);
  if (description) v.description = std::move(*description);
  v.updated_at = iso_now();
  return json_answer(200, to_json<K>(v));
}

template <kind K>
http_response erase(context& ctx, const api_request& req) {
  // The body repeats tenantId and key; servers ignore DELETE bodies (docs/protocol.md
  // section 4.2).
  item_or_404<K>(ctx, req);
  store<K>(ctx).erase(req.param("tenantId"), req.param("key"));
  return {204, {}, {}};
}

template <kind K>
void add_routes(router& r, const std::string& collection) {
  const std::string item = collection + "/{key}";
  r.add("POST", collection, create<K>);
  r.add("GET", collection, list<K>);
  r.add("GET", item, fetch<K>);
  r.add("PATCH", item, edit<K>);
  r.add("DELETE", item, erase<K>);
}

}  // namespace

void add_secret_variable_routes(router& r) {
  add_routes<kind::secret>(r, "/api/v1/tenants/{tenantId}/secrets");
  add_routes<kind::variable>(r, "/api/v1/tenants/{tenantId}/variables");
}

}  // namespace flowcore::stub::detail
