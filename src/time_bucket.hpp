// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Time bucket names: the hour an event is stored under, `YYYYMMDDhh0000` (UTC), compared
// as strings. Checked where a caller passes one and where the event tail keeps one.

#include <algorithm>
#include <string_view>

namespace flowcore::detail {

/// True for a time bucket name: 14 digits.
inline bool is_time_bucket(std::string_view text) noexcept {
  return text.size() == 14 &&
         std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

}  // namespace flowcore::detail
