// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Ingestion routes (docs/protocol.md section 6.8, and section 13.2 step 7): `/event/...`
// stores one event, `/events/...` a batch, each announced through the state's event
// listener (section 10.10). The dispatcher has already checked the raw-key Authorization
// header (section 13.2 step 4).
#include "base64.hpp"
#include "context.hpp"
#include "json_util.hpp"
#include "lookups.hpp"
#include "router.hpp"
#include "routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <chrono>

namespace flowcore::stub::detail {
namespace {
namespace json = boost::json;

// Where the path's names lead; 404 for a name that leads nowhere, or into something
// being deleted (docs/protocol.md section 13.3).
struct destination {
  const tenant& owner;
  const data_core& core;
  const flow_type& flow;
  const event_type& type;
};

destination resolve(context& ctx, const api_request& req) {
  const named_flow_type named = resolve_flow_type(
      ctx.model, req.param("tenantName"), req.param("dataCoreId"), req.param("flowTypeName"));
  const event_type& type =
      event_type_by_name_or_404(ctx.model, named.flow, req.param("eventTypeName"));
  if (named.core.is_deleting) throw http_error(404, "Data core not found");
  if (named.flow.is_deleting) throw http_error(404, "Flow type not found");
  if (type.is_deleting) throw http_error(404, "Event type not found");
  return {named.owner, named.core, named.flow, type};
}

// What the headers say about every event of the request.
struct event_headers {
  json::object metadata;
  std::string time_bucket;
  std::string valid_time;
};

event_headers read_headers(const api_request& req) {
  event_headers h;
  if (const auto encoded = req.http.header("x-flowcore-metadata-json")) {
    std::string text;
    boost::system::error_code ec;
    json::value metadata;
    if (base64_decode(*encoded, text)) metadata = parse_json(text, ec);
    if (ec || !metadata.is_object())
      throw http_error(400, R"("x-flowcore-metadata-json" must be base64 of a JSON object)");
    h.metadata = std::move(metadata.get_object());
  }
  auto event_time = std::chrono::system_clock::now();
  if (const auto text = req.http.header("x-flowcore-event-time")) {
    const auto parsed = parse_iso_timestamp(*text);
    if (!parsed) throw http_error(400, R"("x-flowcore-event-time" must be an ISO-8601 date)");
    event_time = *parsed;
  }
  h.time_bucket = time_bucket(event_time);
  const auto valid_time = req.http.header("x-flowcore-valid-time");
  h.valid_time = valid_time && !valid_time->empty() ? std::string(*valid_time) : iso_now();
  return h;
}

const stored_event& store(context& ctx, const destination& to, const event_headers& h,
                          const json::object& payload) {
  return ctx.model.store_event(stored_event{.seq = 0,
                                            .event_id = ctx.model.ids().uuid(),
                                            .time_bucket = h.time_bucket,
                                            .tenant_id = to.owner.id,
                                            .tenant = to.owner.name,
                                            .data_core_id = to.core.id,
                                            .flow_type_id = to.flow.id,
                                            .flow_type = to.flow.name,
                                            .event_type_id = to.type.id,
                                            .event_type = to.type.name,
                                            .valid_time = h.valid_time,
                                            .metadata = h.metadata,
                                            .payload = payload});
}

http_response ingest_event(context& ctx, const api_request& req) {
  const destination to = resolve(ctx, req);
  const json::object* payload = req.body.if_object();
  if (!payload) throw http_error(400, "the event must be a JSON object");
  const event_headers h = read_headers(req);
  const stored_event& e = store(ctx, to, h, *payload);
  return json_answer(200, json::object{{"eventId", e.event_id}, {"success", true}});
}

// All or nothing: every element is checked before the first is stored.
http_response ingest_batch(context& ctx, const api_request& req) {
  const destination to = resolve(ctx, req);
  const json::array* events = req.body.if_array();
  if (!events || events->empty())
    throw http_error(400, "the events must be a non-empty JSON array");
  for (std::size_t i = 0; i < events->size(); ++i)
    if (!(*events)[i].is_object())
      throw http_error(400, "event " + std::to_string(i) + " must be a JSON object");
  const event_headers h = read_headers(req);
  json::array ids;
  for (const json::value& payload : *events)
    ids.push_back(json::string(store(ctx, to, h, payload.get_object()).event_id));
  return json_answer(200, json::object{{"eventIds", std::move(ids)}, {"success", true}});
}

}  // namespace

void add_ingestion_routes(router& r) {
  r.add("POST", "/event/{tenantName}/{dataCoreId}/{flowTypeName}/{eventTypeName}", ingest_event);
  r.add("POST", "/events/{tenantName}/{dataCoreId}/{flowTypeName}/{eventTypeName}", ingest_batch);
}

}  // namespace flowcore::stub::detail
