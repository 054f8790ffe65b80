// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "url_encoding.hpp"

#include "call_failure.hpp"
#include "utf8.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

namespace flowcore::detail {

std::string percent_encode(std::string_view text) {
  // "." and ".." are dot segments in a path (RFC 3986 section 3.3): a normalising proxy
  // or server resolves "/api/v1/data-cores/.." to "/api/v1/", another resource.
  // Encoded, dot-segment removal (section 5.2.4, on the literal path) leaves them alone
  // and the server decodes the segment back to the id. In a query the encoding is merely
  // unneeded, so it is applied to every value alike.
  if (text == ".") return "%2E";
  if (text == "..") return "%2E%2E";
  // RFC 3986 section 2.3 "unreserved" is all that stays. Everything else is encoded,
  // including the sub-delimiters RFC 3986 would allow in a path: one fixed set for paths
  // and queries alike (docs/protocol.md section 4.3), so a value never changes meaning ('/'
  // in an id, '+' read as a space in a query). Byte-wise, so UTF-8 input is encoded one
  // byte at a time (RFC 3986 section 2.5); the default options give upper-case hex and
  // never '+' for a space.
  return boost::urls::encode(text, boost::urls::unreserved_chars);
}

std::string path_segment(std::string_view value, std::string_view field) {
  if (!is_valid_utf8(value))
    fail(error::invalid_argument, std::string(field) + " is not valid UTF-8");
  return percent_encode(value);
}

query_builder& query_builder::add(std::string_view key, std::string_view value) {
  if (!is_valid_utf8(value))
    fail(error::invalid_argument, "query parameter " + std::string(key) + " is not valid UTF-8");
  text_ += text_.empty() ? '?' : '&';
  text_ += percent_encode(key);
  text_ += '=';
  text_ += percent_encode(value);
  return *this;
}

query_builder& query_builder::add(std::string_view key, bool value) {
  return add(key, std::string_view(value ? "true" : "false"));
}

query_builder& query_builder::add(std::string_view key, std::int64_t value) {
  const std::string text = std::to_string(value);
  return add(key, std::string_view(text));
}

std::string query_builder::str() const { return text_; }

}  // namespace flowcore::detail
