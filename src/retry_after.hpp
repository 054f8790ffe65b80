// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Strict parsing of the Retry-After header (RFC 9110 section 10.2.3).

#include <chrono>
#include <optional>
#include <string_view>

namespace flowcore::detail {

/// Parses a Retry-After value: delta-seconds (ASCII digits only, optional surrounding
/// whitespace) or an HTTP-date in any of the three forms of RFC 9110 section 5.6.7
/// (IMF-fixdate, RFC 850, asctime). A date in the past gives 0. Huge values saturate
/// (they are then rejected by max_retry_after, never overflow). Garbage gives nullopt.
/// `now` is passed in so tests need no clock.
std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now);

}  // namespace flowcore::detail
