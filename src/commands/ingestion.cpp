// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Ingestion commands (docs/protocol.md section 6.8): the raw-key POSTs to the webhook
// service, their headers, the JSON checks made before anything is sent, and the answers.
#include "base64.hpp"
#include "commands/not_found.hpp"
#include "commands/prepared_batch.hpp"
#include "execute.hpp"
#include "json_reader.hpp"
#include "transport/http_types.hpp"
#include "url_encoding.hpp"
#include "utf8.hpp"

#include <flowcore/commands/ingestion.hpp>

#include <boost/json/monotonic_resource.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <map>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

// The depth the event-reading commands accept in event pages (docs/protocol.md section
// 5.3): an event nested deeper could be stored but never read back by this library.
constexpr unsigned max_event_depth = 256;

// Whether `text` is one JSON value. Only the verdict is kept: the event is sent as the
// caller wrote it, so numbers and key order reach the server untouched.
boost::system::error_code json_error(std::string_view text) {
  boost::json::monotonic_resource scratch;
  boost::json::parse_options options;
  options.max_depth = max_event_depth;
  boost::system::error_code ec;
  boost::json::parse(text, ec, &scratch, options);
  return ec;
}

// The event's text is never quoted: it may hold personal data.
void require_json(std::string_view text, const std::string& field) {
  if (boost::system::error_code ec = json_error(text))
    fail(error::invalid_argument,
         field + " is not valid JSON (" + ec.message() + ")");
}

// A CR or LF in a header value would end the header and start another (header injection).
void require_header_safe(const std::optional<std::string>& value,
                         const char* field) {
  if (!value) return;
  if (std::any_of(value->begin(), value->end(),
                  [](unsigned char ch) { return ch < 0x20 || ch == 0x7f; }))
    fail(error::invalid_argument,
         std::string(field) + " contains a control character");
  if (!is_valid_utf8(*value))
    fail(error::invalid_argument, std::string(field) + " is not valid UTF-8");
}

// The transport refuses any header over max_header_bytes; checked here first so that the
// message names the field, not the header.
void require_header_size(std::size_t size, const char* field,
                         const char* form = " bytes") {
  if (size > max_header_bytes)
    fail(error::invalid_argument, std::string(field) + " is too large for an HTTP header (" +
                                      std::to_string(size) + form + ", limit " +
                                      std::to_string(max_header_bytes) + ")");
}

// Metadata travels as JSON in a header: its keys and values must be UTF-8 like any JSON.
// A value is never quoted; its key names it.
void require_utf8_metadata(const std::map<std::string, std::string>& metadata) {
  for (const auto& [key, value] : metadata) {
    if (!is_valid_utf8(key))
      fail(error::invalid_argument, "metadata has a key that is not valid UTF-8");
    if (!is_valid_utf8(value))
      fail(error::invalid_argument, "metadata[\"" + key + "\"] is not valid UTF-8");
  }
}

// Like the TypeScript SDK, an empty optional text counts as unset.
bool is_set(const std::optional<std::string>& value) { return value && !value->empty(); }

// The checks of the fields ingest_event and ingest_batch share, made before anything is
// sent (the metadata header's size is checked once it is built).
template <class Command>
void check_destination(const Command& cmd) {
  require_nonempty(cmd.tenant_name, "tenant_name");
  require_nonempty(cmd.data_core_id, "data_core_id");
  require_nonempty(cmd.flow_type_name, "flow_type_name");
  require_nonempty(cmd.event_type_name, "event_type_name");
  require_header_safe(cmd.event_time, "event_time");
  require_header_safe(cmd.valid_time, "valid_time");
  if (cmd.event_time) require_header_size(cmd.event_time->size(), "event_time");
  if (cmd.valid_time) require_header_size(cmd.valid_time->size(), "valid_time");
  require_utf8_metadata(cmd.metadata);
}

// The fields ingest_event and ingest_batch share: path, headers, mode and name checks.
template <class Command>
request_spec ingestion_spec(const call& c, const Command& cmd, const char* route) {
  // The mode check comes before every other check: a bearer client fails with
  // not_allowed_in_mode whatever else is wrong.
  c.require_api_key();
  check_destination(cmd);

  request_spec spec{.method = "POST",
                    .service = service::webhook,
                    .target = std::string(route) + "/" +
                              path_segment(cmd.tenant_name, "tenant_name") + "/" +
                              path_segment(cmd.data_core_id, "data_core_id") + "/" +
                              path_segment(cmd.flow_type_name, "flow_type_name") + "/" +
                              path_segment(cmd.event_type_name, "event_type_name"),
                    // A re-sent ingest may store its events twice (docs/protocol.md 7.6).
                    .idempotent = false,
                    .raw_key_auth = true};
  // The path names one event type; a 404 means that some part of it does not exist.
  spec.not_found_message = not_found_text("EventType", {{"tenant", cmd.tenant_name},
                                                        {"dataCoreId", cmd.data_core_id},
                                                        {"flowType", cmd.flow_type_name},
                                                        {"eventType", cmd.event_type_name}});
  // The tenant named `flowcore` has its own webhook host (docs/protocol.md section 2.5); a
  // base_url replaces it like every other origin.
  static const origin flowcore_webhook = dedicated_origin("flowcore", "webhook.flowcore.io");
  if (cmd.tenant_name == "flowcore") spec.dedicated = &flowcore_webhook;

  // Content-Type: application/json comes with every body (the transport sets it).
  if (cmd.flowcore_managed.value_or(false)) spec.headers.emplace_back("X-Flowcore-Managed", "true");
  boost::json::object metadata;
  for (const auto& [key, value] : cmd.metadata) metadata[key] = value;
  // The markers win over a caller's entry of the same name: the flag is what was asked.
  if (is_set(cmd.ttl)) metadata["ttl-on/stored-event"] = "true";
  if (cmd.is_ephemeral.value_or(false)) metadata["do-not-archive-on/stored-event"] = "true";
  // The TypeScript SDK drops ttl and is_ephemeral without other metadata; we send them
  // (docs/protocol.md section 12).
  if (!metadata.empty()) {
    const std::string text = boost::json::serialize(metadata);
    // Checked before encoding: metadata too large for a header never reaches the encoder,
    // however large it is.
    require_header_size(base64_encoded_size(text.size()), "metadata", " bytes after base64");
    spec.headers.emplace_back("x-flowcore-metadata-json", base64_encode(text));
  }
  if (is_set(cmd.event_time)) spec.headers.emplace_back("x-flowcore-event-time", *cmd.event_time);
  if (is_set(cmd.valid_time)) spec.headers.emplace_back("x-flowcore-valid-time", *cmd.valid_time);
  return spec;
}

ingest_result read_ingest_result(const json::value& v) {
  json_object_reader r(v, "");
  ingest_result out;
  out.event_id = r.string("eventId");
  out.success = r.boolean("success");
  return out;
}

ingest_batch_result read_batch_result(const json::value& v, std::size_t sent) {
  json_object_reader r(v, "");
  ingest_batch_result out;
  out.event_ids = r.string_array("eventIds");
  out.success = r.boolean("success");
  // Ids are matched to events by position: a short or long list would pair them wrongly.
  if (out.event_ids.size() != sent)
    fail_schema("/eventIds", "expected " + std::to_string(sent) + " ids, one per event sent, got " +
                                 std::to_string(out.event_ids.size()));
  return out;
}

}  // namespace

// Takes the call's own copy of the command: the payload moves into the request.
single_request<ingest_result> request_for(call& c, ingest_event& cmd) {
  request_spec spec = ingestion_spec(c, cmd, "/event");
  require_json(cmd.event_data, "event_data");
  spec.body = std::move(cmd.event_data);
  return {std::move(spec), [](std::string_view answer, const request_spec&) {
            return map_response(answer, read_ingest_result);
          }};
}

std::string event_data_problem(std::string_view data) {
  if (boost::system::error_code ec = json_error(data))
    return "event_data is not valid JSON (" + ec.message() + ")";
  return {};
}

std::string destination_problem(const ingest_batch& destination) {
  try {
    check_destination(destination);
  } catch (const call_failure& f) {
    return f.message;
  }
  return {};
}

asio::awaitable<ingest_batch_result> run(call& c, prepared_batch cmd) {
  request_spec spec = ingestion_spec(c, cmd.destination, "/events");
  spec.body = std::move(cmd.body);
  const std::size_t sent = cmd.count;
  std::string answer = co_await c.send(spec);
  co_return map_response(answer,
                         [sent](const json::value& v) { return read_batch_result(v, sent); });
}

// A coroutine of its own: reading the answer needs the number of events sent.
asio::awaitable<ingest_batch_result> run(call& c, ingest_batch cmd) {
  request_spec spec = ingestion_spec(c, cmd, "/events");
  if (cmd.events.empty())
    fail(error::invalid_argument, "events must not be empty");
  std::size_t size = 2;
  for (std::size_t i = 0; i < cmd.events.size(); ++i) {
    require_json(cmd.events[i], "events[" + std::to_string(i) + "]");
    size += cmd.events[i].size() + 1;
  }
  // Each event verbatim, as the array's elements in order.
  std::string body;
  body.reserve(size);
  body += '[';
  for (std::size_t i = 0; i < cmd.events.size(); ++i) {
    if (i > 0) body += ',';
    body += cmd.events[i];
  }
  body += ']';
  spec.body = std::move(body);
  const std::size_t sent = cmd.events.size();
  std::string answer = co_await c.send(spec);
  co_return map_response(answer,
                         [sent](const json::value& v) { return read_batch_result(v, sent); });
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::ingest_event);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::ingest_batch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::detail::prepared_batch);
