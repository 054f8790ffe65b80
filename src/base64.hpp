// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Base64 for the ingestion metadata header (docs/protocol.md section 6.8): the standard
// alphabet of RFC 4648 section 4, padded with '='. OpenSSL's EVP_EncodeBlock does the
// encoding, behind this header so that command files include neither OpenSSL nor Beast
// (whose encoder is only in its `detail` namespace; docs/design.md "Compile time: where
// Beast lives").

#include <climits>
#include <cstddef>
#include <string>
#include <string_view>

namespace flowcore::detail {

/// The longest input base64_encode takes: EVP_EncodeBlock counts its output in an `int`,
/// and every 3 input bytes give 4 output characters.
inline constexpr std::size_t max_base64_input = std::size_t(INT_MAX) / 4 * 3;

/// The length of the base64 of `size` bytes: four characters per started group of three.
constexpr std::size_t base64_encoded_size(std::size_t size) noexcept {
  return size / 3 * 4 + (size % 3 != 0 ? 4 : 0);
}

/// `bytes` in base64 (RFC 4648 section 4: `A-Z a-z 0-9 + /`, padded to a multiple of
/// four characters with '='). The empty input gives the empty string. Throws
/// std::length_error for more than max_base64_input bytes.
std::string base64_encode(std::string_view bytes);

}  // namespace flowcore::detail
