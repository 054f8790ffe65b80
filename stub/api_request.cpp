// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "api_request.hpp"

#include "text.hpp"

namespace flowcore::stub::detail {

std::string_view api_request::param(std::string_view name) const {
  for (const auto& [key, value] : params)
    if (key == name) return value;
  return {};
}

std::optional<std::string_view> api_request::query_value(std::string_view key) const {
  for (const auto& [k, value] : query)
    if (k == key) return std::string_view(value);
  return std::nullopt;
}

std::vector<std::string_view> api_request::query_values(std::string_view key) const {
  std::vector<std::string_view> values;
  for (const auto& [k, value] : query)
    if (k == key) values.emplace_back(value);
  return values;
}

bool parse_target(std::string_view target, std::vector<std::string>& segments, param_list& query) {
  segments.clear();
  query.clear();
  if (target.empty() || target.front() != '/') return false;
  const std::size_t question = target.find('?');
  std::string_view path = target.substr(1, question == std::string_view::npos ? question
                                                                              : question - 1);
  // Split first, decode after: an encoded '/' (%2F) stays inside its segment
  // (docs/protocol.md section 4.3).
  for (;;) {
    const std::size_t slash = path.find('/');
    std::string decoded;
    if (!percent_decode(path.substr(0, slash), false, decoded)) return false;
    segments.push_back(std::move(decoded));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  if (question == std::string_view::npos) return true;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2"
    const std::size_t eq = pair.find('=');
    std::string key, value;
    if (!percent_decode(pair.substr(0, eq), true, key)) return false;
    if (eq != std::string_view::npos && !percent_decode(pair.substr(eq + 1), true, value))
      return false;
    query.emplace_back(std::move(key), std::move(value));
  }
  return true;
}

}  // namespace flowcore::stub::detail
