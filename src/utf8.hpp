// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// UTF-8 validity of the text a request carries. Paths, queries and JSON bodies are UTF-8
// on the wire; a byte sequence that is not would be stored as garbage or rejected by the
// server with an unhelpful error, so it is refused before anything is sent.

#include <boost/json/fwd.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace flowcore::detail {

/// The offset of the first byte that does not start a well-formed UTF-8 sequence
/// (RFC 3629: no overlong forms, no surrogates U+D800..U+DFFF, nothing above U+10FFFF,
/// no truncated sequence), or std::string_view::npos when `text` is valid.
std::size_t invalid_utf8_offset(std::string_view text) noexcept;

inline bool is_valid_utf8(std::string_view text) noexcept {
  return invalid_utf8_offset(text) == std::string_view::npos;
}

/// Where the first string of `value` (an object key or a string value) that is not valid
/// UTF-8 sits.
struct invalid_utf8_location {
  /// JSON pointer (RFC 6901) of the bad string value, or of the object holding the bad
  /// key; only valid keys are in it, so it is itself printable.
  std::string pointer;
  bool in_key = false;  ///< The bad string is a key of the object at `pointer`.

  /// "/name" or "a key of /metadata" ("the root" for the empty pointer).
  std::string describe() const;
};

/// Walks `value` in document order; nullopt when every string and key is valid UTF-8.
std::optional<invalid_utf8_location> find_invalid_utf8(const boost::json::value& value);
std::optional<invalid_utf8_location> find_invalid_utf8(const boost::json::object& object);

}  // namespace flowcore::detail
