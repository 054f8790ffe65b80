// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Percent-encoding of path segments and query strings (docs/protocol.md section 4.3).

#include <cstdint>
#include <string>
#include <string_view>

namespace flowcore::detail {

/// Encodes `text` as one path segment or query component: every byte except
/// `A-Z a-z 0-9 - . _ ~` becomes `%XX` (upper-case hex) of its UTF-8 byte, and the dot
/// segments "." and ".." become "%2E" and "%2E%2E".
std::string percent_encode(std::string_view text);

/// percent_encode(value) for a path segment inside a call: fails with invalid_argument
/// ("<field> is not valid UTF-8") when `value` is not UTF-8, before anything is sent.
std::string path_segment(std::string_view value, std::string_view field);

/// Builds a query string in insertion order. Empty values are still added; callers omit
/// unset optional parameters by not calling add().
class query_builder {
 public:
  /// Used inside a call: a value that is not valid UTF-8 fails with invalid_argument
  /// ("query parameter <key> is not valid UTF-8").
  query_builder& add(std::string_view key, std::string_view value);
  /// Without this overload a string literal would convert to bool (a standard conversion
  /// beats the user-defined one to string_view) and be sent as "true".
  query_builder& add(std::string_view key, const char* value) {
    return add(key, std::string_view(value));
  }
  query_builder& add(std::string_view key, bool value);          ///< "true" / "false".
  query_builder& add(std::string_view key, std::int64_t value);  ///< Decimal.
  /// An `int` converts equally well to bool and to std::int64_t, which would make
  /// add(key, 10) ambiguous; this picks the decimal form.
  query_builder& add(std::string_view key, int value) {
    return add(key, static_cast<std::int64_t>(value));
  }

  /// "" when nothing was added, else "?k=v&k2=v2".
  std::string str() const;

 private:
  std::string text_;
};

}  // namespace flowcore::detail
