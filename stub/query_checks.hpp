// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Field checks for query parameters (docs/protocol.md section 13.2 step 6), with the same
// 400 messages as the body checks of json_util.hpp. An empty value counts as absent:
// clients omit unset parameters (section 4.3), so `name=` is nobody's filter.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowcore::stub::detail {

struct api_request;

std::optional<std::string> optional_query(const api_request& req, std::string_view key);
/// 400 `"key" is required` when absent or empty.
std::string required_query(const api_request& req, std::string_view key);
/// Decimal digits with an optional '-', fitting int64; else 400 `"key" must be an integer`.
std::optional<std::int64_t> optional_query_int(const api_request& req, std::string_view key);
/// `true` or `false`; else 400.
std::optional<bool> optional_query_bool(const api_request& req, std::string_view key);

}  // namespace flowcore::stub::detail
