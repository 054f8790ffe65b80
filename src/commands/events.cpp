// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Event reading commands (docs/protocol.md section 6.9): time buckets and events from the
// event-source service, by event type ids (GET) or by names (POST), and their pages.
#include "commands/tenant_instance.hpp"
#include "execute.hpp"
#include "json_body.hpp"
#include "json_reader.hpp"
#include "time_bucket.hpp"
#include "url_encoding.hpp"

#include <flowcore/commands/events.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <algorithm>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

// Events may nest as deep as ingestion accepts, plus the page around them (docs/protocol.md
// section 5.3).
constexpr unsigned max_page_depth = 256 + 4;
constexpr std::size_t max_event_page_bytes = std::size_t(64) << 20;

const char* wire_name(read_order order) { return order == read_order::desc ? "desc" : "asc"; }

void invalid(const call&, const std::string& problem) { fail(error::invalid_argument, problem); }

void check_time_bucket(const call& c, const std::optional<std::string>& value, const char* field) {
  if (value && !is_time_bucket(*value))
    invalid(c, std::string(field) + " must be a time bucket, YYYYMMDDhh0000");
}

void check_names(const call& c, const std::vector<std::string>& names, const char* field) {
  if (names.empty()) invalid(c, std::string(field) + " needs at least one entry");
  for (const auto& name : names)
    if (name.empty()) invalid(c, std::string(field) + " holds an empty entry");
}

void check_paging(const call& c, std::optional<int> page_size) {
  if (page_size && *page_size < 1) invalid(c, "page_size must be positive");
}

time_bucket_page read_bucket_page(const json::value& v) {
  json_object_reader r(v, "");
  return {.time_buckets = r.string_array("timeBuckets"),
          .next_cursor = r.optional_integer("nextCursor")};
}

flowcore::event read_event(const json_object_reader& r) {
  return {.event_id = r.string("eventId"),
          .time_bucket = r.string("timeBucket"),
          .tenant = r.string("tenant"),
          .data_core_id = r.string("dataCoreId"),
          .flow_type = r.string("flowType"),
          .event_type = r.string("eventType"),
          .valid_time = r.string("validTime"),
          .metadata = r.object_text("metadata"),
          .payload = r.object_text("payload")};
}

event_page read_event_page(const json::value& v) {
  json_object_reader r(v, "");
  std::string pointer;
  const json::array& events = r.array("events", pointer);
  return {.events = map_object_array(events, pointer, read_event),
          .next_cursor = r.optional_string("nextCursor")};
}

// A server that hands back the cursor it was sent would page forever (docs/protocol.md
// section 6.9).
template <class Cursor>
void check_progress(const std::optional<Cursor>& sent, const std::optional<Cursor>& next) {
  if (sent && next && *sent == *next)
    fail_schema("/nextCursor", "repeats the cursor just sent; paging would never end");
}

// A tenant's name reaches its dedicated event-source host (docs/protocol.md section 2.3);
// none: the shared host.
asio::awaitable<std::optional<origin>> event_source_origin(call& c, std::string tenant) {
  if (tenant.empty()) co_return std::nullopt;
  co_return co_await dedicated_origin_for(c, std::move(tenant), "event-source");
}

// The by-names body of both POST commands.
template <class Command>
json::object names_body(const call& c, const Command& cmd) {
  require_nonempty(cmd.tenant, "tenant");
  require_nonempty(cmd.data_core_id, "data_core_id");
  require_nonempty(cmd.flow_type, "flow_type");
  check_names(c, cmd.event_types, "event_types");
  json::object body;
  body["tenant"] = cmd.tenant;
  body["dataCoreId"] = cmd.data_core_id;
  body["flowType"] = cmd.flow_type;
  json::array types;
  for (const auto& name : cmd.event_types) types.emplace_back(name);
  body["eventTypes"] = std::move(types);
  return body;
}

// The event-range parameters both event commands send in their query, in the wire order of
// docs/protocol.md section 6.9.
template <class Command>
void add_event_range(query_builder& query, const Command& cmd) {
  if (cmd.cursor) query.add("cursor", *cmd.cursor);
  if (cmd.page_size) query.add("pageSize", *cmd.page_size);
  if (cmd.from_event_id) query.add("fromEventId", *cmd.from_event_id);
  if (cmd.after_event_id) query.add("afterEventId", *cmd.after_event_id);
  if (cmd.to_event_id) query.add("toEventId", *cmd.to_event_id);
}

asio::awaitable<time_bucket_page> fetch_buckets(call& c, request_spec spec,
                                                std::optional<std::int64_t> cursor) {
  std::string answer = co_await c.send(spec);
  time_bucket_page page = map_response(answer, read_bucket_page);
  check_progress(cursor, page.next_cursor);
  co_return page;
}

asio::awaitable<event_page> fetch_events(call& c, request_spec spec,
                                         std::optional<std::string> cursor) {
  // A page carries whole event payloads: up to 64 MiB, where every other answer stops at
  // the default 8 MiB.
  spec.body_limit = max_event_page_bytes;
  std::string answer = co_await c.send(spec);
  event_page page = map_response(answer, read_event_page, max_page_depth);
  check_progress(cursor, page.next_cursor);
  co_return page;
}

}  // namespace

asio::awaitable<time_bucket_page> run(call& c, time_bucket_list cmd) {
  check_names(c, cmd.event_type_ids, "event_type_ids");
  check_time_bucket(c, cmd.from_time_bucket, "from_time_bucket");
  check_time_bucket(c, cmd.to_time_bucket, "to_time_bucket");
  check_paging(c, cmd.page_size);
  if (cmd.cursor && *cmd.cursor < 0) invalid(c, "cursor must not be negative");
  query_builder query;
  for (const auto& id : cmd.event_type_ids) query.add("eventTypeId", id);
  if (cmd.from_time_bucket) query.add("fromTimeBucket", *cmd.from_time_bucket);
  if (cmd.to_time_bucket) query.add("toTimeBucket", *cmd.to_time_bucket);
  if (cmd.order) query.add("order", wire_name(*cmd.order));
  if (cmd.page_size) query.add("pageSize", *cmd.page_size);
  if (cmd.cursor) query.add("cursor", *cmd.cursor);
  const std::optional<origin> dedicated = co_await event_source_origin(c, cmd.tenant);
  request_spec spec{.service = service::event_source,
                    .target = "/api/v1/time-buckets" + query.str(),
                    .dedicated = dedicated ? &*dedicated : nullptr};
  co_return co_await fetch_buckets(c, std::move(spec), cmd.cursor);
}

asio::awaitable<event_page> run(call& c, event_list cmd) {
  check_names(c, cmd.event_type_ids, "event_type_ids");
  require_nonempty(cmd.time_bucket, "time_bucket");
  check_time_bucket(c, cmd.time_bucket, "time_bucket");
  check_paging(c, cmd.page_size);
  query_builder query;
  for (const auto& id : cmd.event_type_ids) query.add("eventTypeId", id);
  query.add("timeBucket", cmd.time_bucket);
  add_event_range(query, cmd);
  if (cmd.order) query.add("order", wire_name(*cmd.order));
  if (cmd.include_sensitive_data) query.add("includeSensitiveData", true);
  const std::optional<origin> dedicated = co_await event_source_origin(c, cmd.tenant);
  request_spec spec{.service = service::event_source,
                    .target = "/api/v1/events" + query.str(),
                    .dedicated = dedicated ? &*dedicated : nullptr};
  co_return co_await fetch_events(c, std::move(spec), cmd.cursor);
}

asio::awaitable<time_bucket_page> run(call& c, events_fetch_time_buckets_by_names cmd) {
  json::object body = names_body(c, cmd);
  check_time_bucket(c, cmd.from_time_bucket, "from_time_bucket");
  check_time_bucket(c, cmd.to_time_bucket, "to_time_bucket");
  check_paging(c, cmd.page_size);
  if (cmd.cursor && *cmd.cursor < 0) invalid(c, "cursor must not be negative");
  if (cmd.cursor) body["cursor"] = *cmd.cursor;
  if (cmd.page_size) body["pageSize"] = *cmd.page_size;
  if (cmd.from_time_bucket) body["fromTimeBucket"] = *cmd.from_time_bucket;
  if (cmd.to_time_bucket) body["toTimeBucket"] = *cmd.to_time_bucket;
  // The body is built before the lookup: text it cannot carry fails before any I/O.
  request_spec spec{.method = "POST",
                    .service = service::event_source,
                    .target = "/api/v1/time-buckets/by-names",
                    .body = json_body(body)};
  const std::optional<origin> dedicated = co_await event_source_origin(c, cmd.tenant);
  spec.dedicated = dedicated ? &*dedicated : nullptr;
  co_return co_await fetch_buckets(c, std::move(spec), cmd.cursor);
}

asio::awaitable<event_page> run(call& c, events_fetch cmd) {
  json::object body = names_body(c, cmd);
  require_nonempty(cmd.time_bucket, "time_bucket");
  check_time_bucket(c, cmd.time_bucket, "time_bucket");
  check_paging(c, cmd.page_size);
  body["timeBucket"] = cmd.time_bucket;
  query_builder query;
  add_event_range(query, cmd);
  if (cmd.include_sensitive_data) query.add("includeSensitiveData", true);
  request_spec spec{.method = "POST",
                    .service = service::event_source,
                    .target = "/api/v1/events" + query.str(),
                    .body = json_body(body)};
  const std::optional<origin> dedicated = co_await event_source_origin(c, cmd.tenant);
  spec.dedicated = dedicated ? &*dedicated : nullptr;
  co_return co_await fetch_events(c, std::move(spec), cmd.cursor);
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::time_bucket_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::events_fetch_time_buckets_by_names);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::events_fetch);
