// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The not_found texts of API-CONTRACT.md 3.3: `DataCore not found: {"id":"9b2f..."}`,
// filters in the contract's fixed key order.

#include "call_failure.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::detail {

std::string not_found_text(
    std::string_view resource,
    std::initializer_list<std::pair<std::string_view, std::string_view>> filters);

/// Fetch-by-name answers are arrays (API-CONTRACT.md 3.2): the first element is the
/// result and `[]` is not_found with `not_found_message`.
template <class T>
T first_match(std::vector<T> matches, const std::string& not_found_message) {
  if (matches.empty()) fail(error::not_found, not_found_message);
  return std::move(matches.front());
}

}  // namespace flowcore::detail
