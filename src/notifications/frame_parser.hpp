// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Decoding of one notification frame (docs/protocol.md sections 10.5 and 10.6). A pure
// function of the frame's text: no socket, no logging. It never throws (except
// std::bad_alloc) and never ends the stream: one bad frame must not take down the
// consumer. A frame it cannot use comes back as dropped_frame with a reason that holds no
// frame content, since events may carry personal data (docs/protocol.md section 11).

#include "redact.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

namespace flowcore::detail {

/// Frames larger than this close the socket and reconnect (docs/protocol.md section 10.3).
/// Enforced by the socket layer (`read_message_max`) before a frame ever reaches
/// parse_frame.
inline constexpr std::size_t max_frame_bytes = std::size_t{1} << 20;

/// Nesting limit of both parses (the outer frame and the JSON text inside `message`). An
/// event frame nests two or three levels; the bound stops depth bombs cheaply.
inline constexpr unsigned max_frame_depth = 32;

/// `data` of an event, named as `fc::notification_event` names it (the table of
/// docs/protocol.md section 10.5). Absent fields are empty strings.
struct event_frame_data {
  std::string tenant;        ///< `data.tenantId`: the tenant's id, not its name.
  std::string event_id;      ///< `data.eventId`: never empty.
  std::string data_core_id;  ///< `data.dataCore`.
  std::string flow_type;     ///< `data.aggregator`: the flow type's name.
  std::string event_type;    ///< `data.eventType`: the event type's name.
  std::string valid_time;    ///< `data.validTime`, as sent (ISO 8601 text).

  friend bool operator==(const event_frame_data&, const event_frame_data&) = default;
};

/// An event frame; `fc::notification_event` will mirror it field for field.
struct event_frame {
  std::string pattern;  ///< Opaque routing key; empty when absent.
  event_frame_data data;

  friend bool operator==(const event_frame&, const event_frame&) = default;
};

/// `{"type":"validation",...}`: the server rejected the subscription. Logged, counted as
/// dropped; the stream goes on. Both texts are the server's words, redacted, escaped into
/// one line and cut to 512 bytes, empty when absent or not strings.
struct validation_frame {
  std::string summary;
  std::string message;
};

/// A frame with any other string `type`: ignored and counted. Its content is not kept.
struct other_type_frame {};

/// Why a frame was dropped. Each value names a rule of docs/protocol.md section 10.6.
enum class frame_drop_reason {
  not_json,            ///< The outer text is empty or not valid JSON (UTF-8 included).
  too_deep,            ///< The outer or inner JSON nests deeper than max_frame_depth.
  not_an_object,       ///< The outer JSON is not an object.
  message_missing,     ///< No `message` member.
  message_not_string,  ///< `message` is not a string (an object, a number, null, ...).
  message_not_json,    ///< `message` is a string that does not hold JSON.
  data_not_object,     ///< The inner value is not an object with an object `data`.
  event_id_invalid,    ///< `data.eventId` is missing, not a string or empty.
  field_not_string,    ///< `pattern` or another mapped `data` field is present but not a string.
  decode_failed,       ///< An unexpected exception while decoding (never std::bad_alloc).
};

/// A short, fixed description of `reason` for log lines; it never contains frame content.
std::string_view describe(frame_drop_reason reason) noexcept;

struct dropped_frame {
  frame_drop_reason reason = frame_drop_reason::not_json;
};

using parsed_frame = std::variant<event_frame, validation_frame, other_type_frame, dropped_frame>;

/// Decodes one text frame (binary frames are passed as text too).
///
/// - The outer text must be a JSON object. A string `type` member makes it a typed frame:
///   "validation" gives validation_frame, any other value other_type_frame.
/// - Otherwise it is an event frame: `message` must be a string holding JSON whose value is
///   an object with an object `data`; `data.eventId` must be a non-empty string; `pattern`
///   and the other mapped `data` members must be strings when present, empty when absent.
/// - Unknown members are ignored at every level.
///
/// The texts of a validation frame are redacted with `secrets` (the stream's key and
/// tokens, which a hostile server may echo) and the generic patterns.
///
/// Throws only std::bad_alloc.
parsed_frame parse_frame(std::string_view text, const redactor& secrets = {});

}  // namespace flowcore::detail
