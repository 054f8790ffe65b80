// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Small ASCII text helpers. HTTP names and methods are ASCII; nothing here is locale-aware
// on purpose.

#include <string>
#include <string_view>

namespace flowcore::stub::detail {

/// ASCII case-insensitive equality (header names, fault methods).
bool iequals(std::string_view a, std::string_view b);

/// ASCII case-insensitive prefix test.
bool istarts_with(std::string_view text, std::string_view prefix);

/// Decodes standard, padded base64 (RFC 4648 section 4: `A-Z a-z 0-9 + /`, '=' padding,
/// length a multiple of 4). False for anything else.
bool base64_decode(std::string_view in, std::string& out);

}  // namespace flowcore::stub::detail
