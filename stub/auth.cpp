// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "auth.hpp"

namespace flowcore::stub::detail {
namespace {

// Non-empty, and no whitespace or control character anywhere.
bool is_token(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text)
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  return true;
}

}  // namespace

bool is_ingestion_path(const std::vector<std::string>& segments) {
  return !segments.empty() && (segments.front() == "event" || segments.front() == "events");
}

std::optional<presented_credentials> check_authorization(std::optional<std::string_view> header,
                                                         bool ingestion) {
  using scheme = presented_credentials::scheme;
  if (!header) return std::nullopt;
  const std::string_view value = *header;
  if (ingestion) {
    if (!is_token(value)) return std::nullopt;
    return presented_credentials{scheme::raw_key, {}};
  }
  // Scheme names exactly as the client sends them: a stub that accepted "bearer" would
  // hide a client bug the real service might not forgive.
  constexpr std::string_view bearer = "Bearer ";
  constexpr std::string_view api_key = "ApiKey ";
  if (value.substr(0, bearer.size()) == bearer) {
    if (!is_token(value.substr(bearer.size()))) return std::nullopt;
    return presented_credentials{scheme::bearer, {}};
  }
  if (value.substr(0, api_key.size()) == api_key) {
    const std::string_view rest = value.substr(api_key.size());
    const std::size_t colon = rest.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    const std::string_view id = rest.substr(0, colon);
    if (!is_token(id) || !is_token(rest.substr(colon + 1))) return std::nullopt;
    return presented_credentials{scheme::api_key, std::string(id)};
  }
  return std::nullopt;
}

}  // namespace flowcore::stub::detail
