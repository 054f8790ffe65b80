// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "server_message.hpp"

#include "redact.hpp"

#include <boost/json.hpp>

namespace flowcore::detail {
namespace {

// The longest server message kept in diagnostics (docs/protocol.md section 5.6).
constexpr std::size_t max_message_bytes = 512;

// A non-empty string member, else nothing. An empty "message" says nothing, so the next
// candidate is tried.
std::string_view string_member(const boost::json::object& object, std::string_view name) {
  const boost::json::value* member = object.if_contains(name);
  if (member == nullptr) return {};
  const boost::json::string* text = member->if_string();
  if (text == nullptr) return {};
  return std::string_view(text->data(), text->size());
}

}  // namespace

std::string server_message_from_body(std::string_view body) {
  // The error_code overload: an error body is whatever the server (or a proxy in front of
  // it) sent, HTML included, and must never throw (docs/protocol.md section 5.6).
  boost::system::error_code ec;
  const boost::json::value parsed = boost::json::parse(body, ec);
  if (!ec) {
    if (const boost::json::object* object = parsed.if_object()) {
      std::string_view message = string_member(*object, "message");
      if (message.empty()) message = string_member(*object, "error");
      // Redacted: servers echo requests back, tokens and keys included.
      if (!message.empty()) return redacted_sample(message, max_message_bytes);
    }
  }
  return redacted_sample(body, max_message_bytes);
}

error error_for_status(int status, bool maps_404) noexcept {
  return status == 404 && maps_404 ? error::not_found : error::http_status;
}

}  // namespace flowcore::detail
