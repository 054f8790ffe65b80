// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "exchange.hpp"

#include "base64.hpp"

#include <boost/beast/core/string.hpp>

namespace flowcore::stub::detail {

// Field names are case-insensitive (RFC 9110 section 5.1); beast::iequals folds ASCII
// letters only, as a field name is a token.
std::optional<std::string_view> find_header(const header_list& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (boost::beast::iequals(key, name)) return std::string_view(value);
  return std::nullopt;
}

namespace {

// Whether the comma-separated header `list` holds `token` ("keep-alive, Upgrade"); the
// tokens compare case-insensitively (RFC 9110 section 7.6.1, RFC 6455 section 4.2.1).
// Boost 1.81's beast::iequals reads one byte past both views once it meets a case
// difference; `item` lies inside the header's std::string and `token` is a literal, so that
// byte is always there.
bool has_token(std::string_view list, std::string_view token) {
  while (!list.empty()) {
    const std::size_t comma = list.find(',');
    std::string_view item = list.substr(0, comma);
    list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (boost::beast::iequals(item, token)) return true;
  }
  return false;
}

}  // namespace

bool is_websocket_upgrade(const http_request& request) {
  if (request.method != "GET") return false;
  const auto upgrade = request.header("Upgrade");
  const auto connection = request.header("Connection");
  return upgrade && connection && has_token(*upgrade, "websocket") &&
         has_token(*connection, "upgrade");
}

// The base64 of 16 bytes (RFC 6455 section 4.1), canonical: the strict decoder refuses
// non-zero pad bits ("...Q==" is the only form of its last byte, "...R==" is refused).
bool valid_websocket_key(std::string_view key) {
  std::string bytes;
  return key.size() == 24 && base64_decode(key, bytes) && bytes.size() == 16;
}

std::string_view http_request::raw_path() const {
  const std::string_view t(target);
  return t.substr(0, t.find('?'));
}

}  // namespace flowcore::stub::detail
