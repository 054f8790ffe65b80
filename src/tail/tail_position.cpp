// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The text form of a tail position: "t1", then per event type ";<name>=<bucket>/<id>",
// names and ids percent-encoded, so the line is printable ASCII with no separator inside a
// field, and a future form can change the "t1" tag without being misread as this one.
#include <flowcore/event_tail.hpp>

#include "time_bucket.hpp"
#include "url_encoding.hpp"

#include <algorithm>
#include <string>

namespace flowcore {

namespace {

constexpr std::string_view version_tag = "t1";

[[noreturn]] void malformed(std::string why) {
  diagnostics diag{.command = "tail_position", .message = "not a tail position: " + std::move(why)};
  throw client_error(error::invalid_argument, std::move(diag));
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The inverse of percent_encode; a field must not be empty.
std::string decode_field(std::string_view text, const std::string& what) {
  if (text.empty()) malformed(what + " is empty");
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    const int hi = i + 1 < text.size() ? hex_value(text[i + 1]) : -1;
    const int lo = i + 2 < text.size() ? hex_value(text[i + 2]) : -1;
    if (hi < 0 || lo < 0) malformed("a bad %-escape in " + what);
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

}  // namespace

std::string tail_position::to_string() const {
  std::string text(version_tag);
  for (const auto& [name, point] : event_types) {
    text += ';';
    text += detail::percent_encode(name);
    text += '=';
    text += point.time_bucket;
    text += '/';
    text += detail::percent_encode(point.event_id);
  }
  return text;
}

tail_position tail_position::parse(std::string_view text) {
  if (text.substr(0, version_tag.size()) != version_tag)
    malformed("it does not start with \"" + std::string(version_tag) + "\"");
  text.remove_prefix(version_tag.size());
  tail_position position;
  while (!text.empty()) {
    if (text.front() != ';') malformed("expected ';' before each event type");
    text.remove_prefix(1);
    const std::size_t end = std::min(text.find(';'), text.size());
    const std::string_view entry = text.substr(0, end);
    text.remove_prefix(end);
    const std::size_t eq = entry.find('=');
    const std::size_t slash = entry.find('/');
    if (eq == std::string_view::npos || slash == std::string_view::npos || slash < eq)
      malformed("an entry is not <event type>=<time bucket>/<event id>");
    std::string name = decode_field(entry.substr(0, eq), "an event type name");
    const std::string_view bucket = entry.substr(eq + 1, slash - eq - 1);
    if (!detail::is_time_bucket(bucket))
      malformed("the time bucket of \"" + name + "\" is not 14 digits (YYYYMMDDhh0000)");
    std::string id = decode_field(entry.substr(slash + 1), "the event id of \"" + name + "\"");
    if (position.event_types.contains(name)) malformed("\"" + name + "\" appears twice");
    position.event_types.emplace(std::move(name), tail_point{std::string(bucket), std::move(id)});
  }
  return position;
}

}  // namespace flowcore
