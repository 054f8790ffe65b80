// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Base64 for the ingestion metadata header (docs/protocol.md section 6.8): the standard
// alphabet of RFC 4648 section 4, padded with '='. Beast has a base64 encoder, but only in
// its `detail` namespace; this keeps ingestion free of Beast (docs/design.md "Compile time:
// where Beast lives").

#include <string>
#include <string_view>

namespace flowcore::detail {

/// `bytes` in base64 (RFC 4648 section 4: `A-Z a-z 0-9 + /`, padded to a multiple of
/// four characters with '='). The empty input gives the empty string.
std::string base64_encode(std::string_view bytes);

}  // namespace flowcore::detail
