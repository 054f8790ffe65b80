// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Small ASCII text helpers: the decoders whose strictness the stub checks for. Nothing here
// is locale-aware on purpose. Case-insensitive comparison is boost::beast::iequals.

#include <string>
#include <string_view>

namespace flowcore::stub::detail {

/// Decodes `%XX` escapes (either hex case); with `plus_is_space` also '+' as ' ', the
/// form encoding of query strings (docs/protocol.md section 4.3). False on a malformed
/// escape.
bool percent_decode(std::string_view in, bool plus_is_space, std::string& out);

/// Decodes standard, padded base64 (RFC 4648 section 4: `A-Z a-z 0-9 + /`, '=' padding,
/// length a multiple of 4) in its canonical form only: no whitespace, pad bits zero
/// (section 3.5). False for anything else.
bool base64_decode(std::string_view in, std::string& out);

}  // namespace flowcore::stub::detail
