// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "notifications/frame_parser.hpp"

#include "redact.hpp"

#include <boost/json/error.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <exception>
#include <new>
#include <optional>

namespace flowcore::detail {

namespace json = boost::json;

namespace {

// The server's words in a validation frame go to logs: redacted and bounded like every
// other server text (docs/protocol.md section 11).
constexpr std::size_t max_logged_text_bytes = 512;

// Parses with the error_code overload: the throwing one is how a bad frame killed the
// TypeScript SDK's host before 4.2.4 (docs/protocol.md section 12).
std::optional<frame_drop_reason> parse_bounded(std::string_view text, json::value& out,
                                               frame_drop_reason if_invalid) {
  json::parse_options options;
  options.max_depth = max_frame_depth;
  boost::system::error_code ec;
  out = json::parse(text, ec, json::storage_ptr(), options);
  if (!ec) return std::nullopt;
  if (ec == json::error::too_deep) return frame_drop_reason::too_deep;
  return if_invalid;
}

// Absent: empty. Present and a string: its text. Anything else (null included) is a broken
// frame, and a half-filled event would mislead the consumer, so the frame is dropped.
bool read_optional_string(const json::object& object, std::string_view key, std::string& out) {
  const json::value* value = object.if_contains(key);
  if (!value) return true;
  const json::string* text = value->if_string();
  if (!text) return false;
  out.assign(text->data(), text->size());
  return true;
}

// Known secrets are hidden before the cut: a cut made first could leave the start of a
// token the server echoed, which the redactor would then no longer recognise.
std::string logged_text(const json::object& object, std::string_view key,
                        const redactor& secrets) {
  const json::value* value = object.if_contains(key);
  const json::string* text = value ? value->if_string() : nullptr;
  if (!text) return {};
  constexpr std::size_t redacted_prefix = std::size_t(64) << 10;
  return redacted_sample(secrets(std::string_view(*text).substr(0, redacted_prefix)),
                         max_logged_text_bytes);
}

parsed_frame typed_frame(const json::object& outer, std::string_view type,
                         const redactor& secrets) {
  if (type == "validation")
    return validation_frame{logged_text(outer, "summary", secrets),
                            logged_text(outer, "message", secrets)};
  return other_type_frame{};
}

parsed_frame event_from_inner(const json::value& inner_value) {
  const json::object* inner = inner_value.if_object();
  const json::value* data_value = inner ? inner->if_contains("data") : nullptr;
  const json::object* data = data_value ? data_value->if_object() : nullptr;
  if (!data) return dropped_frame{frame_drop_reason::data_not_object};

  event_frame event;
  const json::value* event_id = data->if_contains("eventId");
  const json::string* event_id_text = event_id ? event_id->if_string() : nullptr;
  if (!event_id_text || event_id_text->empty())
    return dropped_frame{frame_drop_reason::event_id_invalid};
  event.data.event_id.assign(event_id_text->data(), event_id_text->size());

  const bool mapped = read_optional_string(*inner, "pattern", event.pattern) &&
                      read_optional_string(*data, "tenantId", event.data.tenant) &&
                      read_optional_string(*data, "dataCore", event.data.data_core_id) &&
                      read_optional_string(*data, "aggregator", event.data.flow_type) &&
                      read_optional_string(*data, "eventType", event.data.event_type) &&
                      read_optional_string(*data, "validTime", event.data.valid_time);
  if (!mapped) return dropped_frame{frame_drop_reason::field_not_string};
  return event;
}

parsed_frame decode(std::string_view text, const redactor& secrets) {
  json::value outer_value;
  if (auto failed = parse_bounded(text, outer_value, frame_drop_reason::not_json))
    return dropped_frame{*failed};
  const json::object* outer = outer_value.if_object();
  if (!outer) return dropped_frame{frame_drop_reason::not_an_object};

  // Only a string `type` marks a typed frame; event frames carry no `type`.
  if (const json::value* type = outer->if_contains("type"))
    if (const json::string* type_text = type->if_string())
      return typed_frame(*outer, std::string_view(*type_text), secrets);

  const json::value* message = outer->if_contains("message");
  if (!message) return dropped_frame{frame_drop_reason::message_missing};
  // The event is double-encoded: `message` is a string holding JSON text
  // (docs/protocol.md section 10.5).
  const json::string* message_text = message->if_string();
  if (!message_text) return dropped_frame{frame_drop_reason::message_not_string};

  json::value inner_value;
  if (auto failed = parse_bounded(std::string_view(*message_text), inner_value,
                                  frame_drop_reason::message_not_json))
    return dropped_frame{*failed};
  return event_from_inner(inner_value);
}

}  // namespace

std::string_view describe(frame_drop_reason reason) noexcept {
  switch (reason) {
    case frame_drop_reason::not_json:
      return "frame is not valid JSON";
    case frame_drop_reason::too_deep:
      return "frame JSON nests too deep";
    case frame_drop_reason::not_an_object:
      return "frame is not a JSON object";
    case frame_drop_reason::message_missing:
      return "frame has no message";
    case frame_drop_reason::message_not_string:
      return "frame message is not a string";
    case frame_drop_reason::message_not_json:
      return "frame message is not valid JSON";
    case frame_drop_reason::data_not_object:
      return "event has no data object";
    case frame_drop_reason::event_id_invalid:
      return "event has no non-empty eventId string";
    case frame_drop_reason::field_not_string:
      return "event field is not a string";
    case frame_drop_reason::decode_failed:
      return "frame could not be decoded";
  }
  return "frame dropped";
}

parsed_frame parse_frame(std::string_view text, const redactor& secrets) {
  try {
    return decode(text, secrets);
  } catch (const std::bad_alloc&) {
    // Out of memory is the process's problem, not this frame's: let the caller see it.
    throw;
  } catch (...) {
    // Decoding must never end the stream (docs/protocol.md section 10.6): any other
    // surprise, such as a length_error from a library, costs one frame.
    return dropped_frame{frame_drop_reason::decode_failed};
  }
}

}  // namespace flowcore::detail
