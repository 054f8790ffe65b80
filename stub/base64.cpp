// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "base64.hpp"

#include <cstdint>

namespace flowcore::stub::detail {
namespace {

int base64_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

}  // namespace

bool base64_decode(std::string_view in, std::string& out) {
  out.clear();
  if (in.size() % 4 != 0) return false;
  out.reserve(in.size() / 4 * 3);
  for (std::size_t i = 0; i < in.size(); i += 4) {
    const bool last = i + 4 == in.size();
    std::uint32_t bits = 0;
    int padding = 0;
    for (std::size_t j = 0; j < 4; ++j) {
      const int v = base64_value(in[i + j]);
      if (in[i + j] == '=' && last && j >= 2) {
        ++padding;
      } else if (v < 0 || padding > 0) {
        return false;  // not the alphabet, or data after padding
      }
      bits = (bits << 6) | static_cast<std::uint32_t>(v < 0 ? 0 : v);
    }
    // RFC 4648 section 3.5: the bits after the last byte must be zero, else two texts
    // would decode to the same bytes.
    const std::uint32_t pad_bits = padding == 2 ? 0xFFFF : padding == 1 ? 0xFF : 0;
    if ((bits & pad_bits) != 0) return false;
    out.push_back(static_cast<char>((bits >> 16) & 0xFF));
    if (padding < 2) out.push_back(static_cast<char>((bits >> 8) & 0xFF));
    if (padding < 1) out.push_back(static_cast<char>(bits & 0xFF));
  }
  return true;
}

}  // namespace flowcore::stub::detail
