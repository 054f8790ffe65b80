// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "auth_headers.hpp"

#include "url_encoding.hpp"

namespace flowcore::detail {
namespace {

// Beyond the `fc_<id>_<secret>` split rule (docs/protocol.md section 3.1): a space, tab,
// CR, LF or other control byte would end or split the Authorization header (header
// injection), and the stub rejects a value with spaces anyway (docs/protocol.md section
// 13.2 step 4). Such a key is refused as malformed before any I/O instead.
bool is_header_safe(std::string_view text) noexcept {
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) return false;
  }
  return true;
}

// The id is followed by ':' in "ApiKey <id>:<key>", so an id holding ':' would be read as
// a different, shorter id by the server.
bool is_valid_id(std::string_view id) noexcept {
  return !id.empty() && is_header_safe(id) && id.find(':') == std::string_view::npos;
}

}  // namespace

std::optional<parsed_api_key> parse_api_key(const api_key& credentials) {
  const std::string_view key = credentials.key;
  if (key.empty() || !is_header_safe(key)) return std::nullopt;

  if (!credentials.id.empty()) {
    // Legacy explicit id: the key has no required shape (docs/protocol.md section 3.1).
    if (!is_valid_id(credentials.id)) return std::nullopt;
    return parsed_api_key{credentials.id, credentials.key, credentials.key};
  }

  // "fc_<id>_<secret>": exactly three '_'-separated parts, the first "fc", the others
  // non-empty. A secret holding '_' makes a fourth part: "fc_a_b_c" is invalid.
  constexpr std::string_view prefix = "fc_";
  if (key.substr(0, prefix.size()) != prefix) return std::nullopt;
  const std::string_view rest = key.substr(prefix.size());
  const std::size_t separator = rest.find('_');
  if (separator == std::string_view::npos) return std::nullopt;
  const std::string_view id = rest.substr(0, separator);
  const std::string_view secret = rest.substr(separator + 1);
  if (!is_valid_id(id) || secret.empty() || secret.find('_') != std::string_view::npos)
    return std::nullopt;
  return parsed_api_key{std::string(id), credentials.key, std::string(secret)};
}

std::string api_key_authorization(const parsed_api_key& key) {
  return "ApiKey " + key.id + ":" + key.key;
}

std::string bearer_authorization(std::string_view token) {
  std::string value = "Bearer ";
  value += token;
  return value;
}

std::string api_key_query(const parsed_api_key& key, bool legacy_id) {
  std::string query = "api_key=" + percent_encode(key.key);
  if (legacy_id) query += "&api_key_id=" + percent_encode(key.id);
  return query;
}

}  // namespace flowcore::detail
