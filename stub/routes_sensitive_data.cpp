// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Sensitive-data removal routes under /api/v1/event-types (docs/protocol.md sections 6.7
// and 6.10). The router prefers their literal `sensitive-data` segment to the
// `{eventTypeId}` routes.
#include "context.hpp"
#include "json_util.hpp"
#include "lookups.hpp"
#include "query_checks.hpp"
#include "router.hpp"
#include "routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace flowcore::stub::detail {
namespace {
namespace json = boost::json;

constexpr std::int64_t default_page_size = 20;
constexpr std::int64_t max_page_size = 1000;

json::object to_json(const removal_record& r) {
  return {{"id", r.id},
          {"tenantId", r.tenant_id},
          {"dataCoreId", r.data_core_id},
          {"flowTypeId", r.flow_type_id},
          {"eventTypeId", r.event_type_id},
          {"application", r.application},
          {"parentKey", r.parent_key},
          {"key", r.key},
          {"type", r.type},
          {"createdAt", r.created_at}};
}

// Records the request; the stub keeps events as they are (no payload is rewritten).
http_response remove(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  const std::string event_type_id = required_name(body, "eventTypeId");
  std::string application = required_name(body, "application");
  std::string parent_key = required_name(body, "parentKey");
  std::string key = required_name(body, "key");
  std::string type = required_string(body, "type");
  check_one_of("type", type, {"remove", "scramble"});
  const event_type& e = event_type_or_404(ctx.model, event_type_id);
  const auto now = std::chrono::system_clock::now();
  const removal_record& r = ctx.model.removals().add(removal_record{.id = ctx.model.ids().uuid(),
                                                                    .tenant_id = e.tenant_id,
                                                                    .data_core_id = e.data_core_id,
                                                                    .flow_type_id = e.flow_type_id,
                                                                    .event_type_id = e.id,
                                                                    .application = std::move(application),
                                                                    .parent_key = std::move(parent_key),
                                                                    .key = std::move(key),
                                                                    .type = std::move(type),
                                                                    .created = now,
                                                                    .created_at = iso_timestamp(now)});
  return json_answer(200, json::object{{"success", true}, {"id", r.id}});
}

std::optional<std::chrono::system_clock::time_point> optional_query_time(const api_request& req,
                                                                         std::string_view key) {
  const std::optional<std::string> text = optional_query(req, key);
  if (!text) return std::nullopt;
  if (auto t = parse_iso_timestamp(*text)) return t;
  throw http_error(400, quoted(key) + " must be an ISO-8601 date");
}

// Filters (each optional, all must hold), then `sort` by creation (default "asc", the
// order of every other stub list), then the page: `page` from 1, `pageSize` 1..1000.
http_response list(context& ctx, const api_request& req) {
  const std::optional<std::string> data_core_id = optional_query(req, "dataCoreId");
  const std::optional<std::string> flow_type_id = optional_query(req, "flowTypeId");
  const std::optional<std::string> event_type_id = optional_query(req, "eventTypeId");
  const std::optional<std::string> parent_key = optional_query(req, "parentKey");
  const std::optional<std::string> application = optional_query(req, "application");
  const std::int64_t page = optional_query_int(req, "page").value_or(1);
  if (page < 1) throw http_error(400, R"("page" must be at least 1)");
  const std::int64_t page_size = optional_query_int(req, "pageSize").value_or(default_page_size);
  if (page_size < 1 || page_size > max_page_size)
    throw http_error(400, R"("pageSize" must be from 1 to 1000)");
  const std::optional<std::string> type = optional_query(req, "type");
  if (type) check_one_of("type", *type, {"remove", "scramble"});
  const std::string sort = optional_query(req, "sort").value_or("asc");
  check_one_of("sort", sort, {"asc", "desc"});
  const auto from = optional_query_time(req, "createdAtFrom");
  const auto to = optional_query_time(req, "createdAtTo");
  const tenant& owner = tenant_or_404(ctx.model, req.param("tenantId"));

  std::vector<const removal_record*> matches;
  for (const removal_record& r : ctx.model.removals().all()) {
    if (r.tenant_id != owner.id) continue;
    if (data_core_id && r.data_core_id != *data_core_id) continue;
    if (flow_type_id && r.flow_type_id != *flow_type_id) continue;
    if (event_type_id && r.event_type_id != *event_type_id) continue;
    if (parent_key && r.parent_key != *parent_key) continue;
    if (application && r.application != *application) continue;
    if (type && r.type != *type) continue;
    if (from && r.created < *from) continue;
    if (to && r.created > *to) continue;
    matches.push_back(&r);
  }
  if (sort == "desc") std::reverse(matches.begin(), matches.end());

  // `page` may be huge: compare before multiplying. Past the end is an empty page.
  const auto total = static_cast<std::int64_t>(matches.size());
  const std::int64_t first = page - 1 > total / page_size ? total : std::min(total, (page - 1) * page_size);
  const std::int64_t last = std::min(total, first + page_size);
  json::array data;
  for (std::int64_t i = first; i < last; ++i) data.push_back(to_json(*matches[static_cast<std::size_t>(i)]));
  json::object pagination{{"page", page},
                          {"pageSize", page_size},
                          {"hasNextPage", last < total},
                          {"hasPreviousPage", page > 1}};
  return json_answer(200, json::object{{"data", std::move(data)}, {"pagination", std::move(pagination)}});
}

}  // namespace

void add_sensitive_data_routes(router& r) {
  r.add("POST", "/api/v1/event-types/sensitive-data/remove", remove);
  r.add("GET", "/api/v1/event-types/sensitive-data/{tenantId}", list);
}

}  // namespace flowcore::stub::detail
