// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The stub's base64 decoder for the ingestion metadata header. Our own rather than a
// library's: it must refuse every non-canonical form, which lenient decoders accept, so
// that the stub catches a client that sends one.

#include <string>
#include <string_view>

namespace flowcore::stub::detail {

/// Decodes standard, padded base64 (RFC 4648 section 4: `A-Z a-z 0-9 + /`, '=' padding,
/// length a multiple of 4) in its canonical form only: no whitespace, pad bits zero
/// (section 3.5). False for anything else.
bool base64_decode(std::string_view in, std::string& out);

}  // namespace flowcore::stub::detail
