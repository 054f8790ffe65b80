// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The not_found texts, `DataCore not found: {"id":"9b2f..."}`: the resource, then the
// filters that named it, in a fixed key order per command.

#include "call_failure.hpp"

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::detail {

/// A not_found text, kept as views until a call fails with it: most calls succeed, and
/// building it up front cost allocations on every call. The viewed strings (a command's
/// fields, a coroutine's parameters, literals) must outlive it; a request_spec holding
/// one lives no longer than the call that built it.
class not_found_text {
 public:
  using filter = std::pair<std::string_view, std::string_view>;

  /// At most four filters (the ingestion path names four).
  not_found_text(std::string_view resource, std::initializer_list<filter> filters);

  /// "<resource> not found: {"<key>":"<value>",...}", values JSON-escaped.
  std::string str() const;

 private:
  std::string_view resource_;
  std::array<filter, 4> filters_{};
  std::size_t count_ = 0;
};

/// Fetch-by-name answers are arrays (the services filter a list): the first element is the
/// result and `[]` is not_found with `text`.
template <class T>
T first_match(std::vector<T> matches, const not_found_text& text) {
  if (matches.empty()) fail(error::not_found, text.str());
  return std::move(matches.front());
}

}  // namespace flowcore::detail
