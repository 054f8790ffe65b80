// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The not_found texts of API-CONTRACT.md 3.3: `DataCore not found: {"id":"9b2f..."}`,
// filters in the contract's fixed key order.

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace flowcore::detail {

std::string not_found_text(
    std::string_view resource,
    std::initializer_list<std::pair<std::string_view, std::string_view>> filters);

}  // namespace flowcore::detail
