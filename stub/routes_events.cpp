// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Event reading routes (docs/protocol.md section 6.9, and section 13.2 step 8): time
// buckets and events, by event type ids (GET) or by names (POST). Cursors are offsets into
// the filtered, ordered list; `nextCursor` is present only when more remain (a number for
// buckets, a decimal string for events). A page is full unless it is the last, or the
// `short_pages` control shortened it.
#include "context.hpp"
#include "json_util.hpp"
#include "lookups.hpp"
#include "query_checks.hpp"
#include "router.hpp"
#include "routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>
#include <limits>

namespace flowcore::stub::detail {
namespace {
namespace json = boost::json;

constexpr std::int64_t max_page_size = 10000;  // also the default

std::size_t read_page_size(std::optional<std::int64_t> n) {
  if (!n) return max_page_size;
  if (*n < 1 || *n > max_page_size) throw http_error(400, R"("pageSize" must be from 1 to 10000)");
  return static_cast<std::size_t>(*n);
}

std::size_t read_cursor(std::optional<std::int64_t> n) {
  if (n && *n < 0) throw http_error(400, R"("cursor" must not be negative)");
  return static_cast<std::size_t>(n.value_or(0));
}

bool descending(const api_request& req) {
  const std::string order = optional_query(req, "order").value_or("asc");
  check_one_of("order", order, {"asc", "desc"});
  return order == "desc";
}

// `eventTypeId`, repeated, at least once.
std::vector<std::string> event_type_ids(const api_request& req) {
  std::vector<std::string> ids;
  for (const std::string_view id : req.query_values("eventTypeId"))
    if (!id.empty()) ids.emplace_back(id);
  if (ids.empty()) throw http_error(400, R"("eventTypeId" is required)");
  return ids;
}

// The event type ids behind a by-names body (docs/protocol.md section 13.2: step 8 resolves
// them as step 7 does).
std::vector<std::string> resolve_event_types(context& ctx, const json::object& body) {
  const std::string tenant_name = required_name(body, "tenant");
  const std::string data_core_id = required_name(body, "dataCoreId");
  const std::string flow_type_name = required_name(body, "flowType");
  const std::vector<std::string> names = required_name_list(body, "eventTypes");
  const named_flow_type named = resolve_flow_type(ctx.model, tenant_name, data_core_id, flow_type_name);
  std::vector<std::string> ids;
  for (const std::string& name : names)
    ids.push_back(event_type_by_name_or_404(ctx.model, named.flow, name).id);
  return ids;
}

struct bucket_query {
  std::vector<std::string> event_type_ids;
  std::optional<std::string> from, to;  // inclusive, compared as strings
  bool desc = false;
  std::size_t cursor = 0;
  std::size_t page_size = max_page_size;
};

http_response bucket_page(context& ctx, const bucket_query& q) {
  std::vector<std::string> buckets = ctx.model.events().buckets(q.event_type_ids);
  std::erase_if(buckets, [&](const std::string& b) {
    return (q.from && b < *q.from) || (q.to && b > *q.to);
  });
  if (q.desc) std::reverse(buckets.begin(), buckets.end());
  json::array page;
  const std::size_t first = std::min(q.cursor, buckets.size());
  const std::size_t size = ctx.faults.take_page_size(q.page_size);
  const std::size_t last = first + std::min(size, buckets.size() - first);
  for (std::size_t i = first; i < last; ++i) page.push_back(json::string(buckets[i]));
  json::object answer{{"timeBuckets", std::move(page)}};
  if (last < buckets.size()) answer["nextCursor"] = static_cast<std::uint64_t>(last);
  return json_answer(200, answer);
}

struct event_query {
  std::vector<std::string> event_type_ids;
  std::string time_bucket;
  std::optional<std::string> from_event_id;   // inclusive
  std::optional<std::string> after_event_id;  // exclusive; ignored when from is set
  std::optional<std::string> to_event_id;     // inclusive
  bool desc = false;
  std::size_t cursor = 0;
  std::size_t page_size = max_page_size;
};

// Reads the GET query, or the POST query, parameters shared by both event routes.
void read_event_paging(const api_request& req, event_query& q) {
  q.cursor = read_cursor(optional_query_int(req, "cursor"));
  q.page_size = read_page_size(optional_query_int(req, "pageSize"));
  q.from_event_id = optional_query(req, "fromEventId");
  q.after_event_id = optional_query(req, "afterEventId");
  q.to_event_id = optional_query(req, "toEventId");
  optional_query_bool(req, "includeSensitiveData");  // checked; the stub masks nothing
}

json::object to_json(const stored_event& e) {
  return {{"eventId", e.event_id},
          {"timeBucket", e.time_bucket},
          {"tenant", e.tenant},
          {"dataCoreId", e.data_core_id},
          {"flowType", e.flow_type},
          {"eventType", e.event_type},
          {"metadata", e.metadata},
          {"payload", e.payload},
          {"validTime", e.valid_time}};
}

// The storage position of an event named by a from/after/to parameter: one of the requested
// event types' events, in any bucket; else 400 (docs/protocol.md section 13.2 step 8).
std::uint64_t position(context& ctx, const event_query& q, const std::string& id,
                       std::string_view key) {
  if (const stored_event* e = ctx.model.events().find(q.event_type_ids, id)) return e->seq;
  throw http_error(400, quoted(key) + " names no stored event");
}

// Positions are storage order: from/after/to bound the range before `desc` reverses it.
http_response event_page(context& ctx, const event_query& q) {
  std::uint64_t lo = 0;
  std::uint64_t hi = std::numeric_limits<std::uint64_t>::max();
  if (q.from_event_id)
    lo = position(ctx, q, *q.from_event_id, "fromEventId");
  else if (q.after_event_id)
    lo = position(ctx, q, *q.after_event_id, "afterEventId") + 1;
  if (q.to_event_id) hi = position(ctx, q, *q.to_event_id, "toEventId");

  std::vector<const stored_event*> events = ctx.model.events().in_bucket(q.event_type_ids, q.time_bucket);
  std::erase_if(events, [&](const stored_event* e) { return e->seq < lo || e->seq > hi; });
  if (q.desc) std::reverse(events.begin(), events.end());
  json::array page;
  const std::size_t first = std::min(q.cursor, events.size());
  const std::size_t size = ctx.faults.take_page_size(q.page_size);
  const std::size_t last = first + std::min(size, events.size() - first);
  for (std::size_t i = first; i < last; ++i) page.push_back(to_json(*events[i]));
  json::object answer{{"events", std::move(page)}};
  if (last < events.size()) answer["nextCursor"] = std::to_string(last);
  return json_answer(200, answer);
}

http_response list_time_buckets(context& ctx, const api_request& req) {
  bucket_query q;
  q.event_type_ids = event_type_ids(req);
  q.from = optional_query(req, "fromTimeBucket");
  q.to = optional_query(req, "toTimeBucket");
  q.desc = descending(req);
  q.page_size = read_page_size(optional_query_int(req, "pageSize"));
  q.cursor = read_cursor(optional_query_int(req, "cursor"));
  return bucket_page(ctx, q);
}

http_response list_events(context& ctx, const api_request& req) {
  event_query q;
  q.event_type_ids = event_type_ids(req);
  q.time_bucket = required_query(req, "timeBucket");
  read_event_paging(req, q);
  q.desc = descending(req);
  return event_page(ctx, q);
}

http_response time_buckets_by_names(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  bucket_query q;
  q.cursor = read_cursor(optional_int(body, "cursor"));
  q.page_size = read_page_size(optional_int(body, "pageSize"));
  q.from = optional_string(body, "fromTimeBucket");
  q.to = optional_string(body, "toTimeBucket");
  q.event_type_ids = resolve_event_types(ctx, body);
  return bucket_page(ctx, q);
}

http_response events_by_names(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  event_query q;
  read_event_paging(req, q);
  q.time_bucket = required_name(body, "timeBucket");
  q.event_type_ids = resolve_event_types(ctx, body);
  return event_page(ctx, q);
}

}  // namespace

void add_event_routes(router& r) {
  r.add("GET", "/api/v1/time-buckets", list_time_buckets);
  r.add("GET", "/api/v1/events", list_events);
  r.add("POST", "/api/v1/time-buckets/by-names", time_buckets_by_names);
  r.add("POST", "/api/v1/events", events_by_names);
}

}  // namespace flowcore::stub::detail
