// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "query_checks.hpp"

#include "api_request.hpp"
#include "json_util.hpp"

#include <charconv>

namespace flowcore::stub::detail {

std::optional<std::string> optional_query(const api_request& req, std::string_view key) {
  const std::optional<std::string_view> value = req.query_value(key);
  if (!value || value->empty()) return std::nullopt;
  return std::string(*value);
}

std::string required_query(const api_request& req, std::string_view key) {
  if (auto value = optional_query(req, key)) return std::move(*value);
  throw http_error(400, quoted(key) + " is required");
}

std::optional<std::int64_t> optional_query_int(const api_request& req, std::string_view key) {
  const std::optional<std::string> text = optional_query(req, key);
  if (!text) return std::nullopt;
  std::int64_t n = 0;
  const char* end = text->data() + text->size();
  const auto [ptr, ec] = std::from_chars(text->data(), end, n);
  if (ec != std::errc() || ptr != end) throw http_error(400, quoted(key) + " must be an integer");
  return n;
}

std::optional<bool> optional_query_bool(const api_request& req, std::string_view key) {
  const std::optional<std::string> text = optional_query(req, key);
  if (!text) return std::nullopt;
  if (*text == "true") return true;
  if (*text == "false") return false;
  throw http_error(400, quoted(key) + " must be true or false");
}

}  // namespace flowcore::stub::detail
