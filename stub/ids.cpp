// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "ids.hpp"

#include <cstdio>
#include <ctime>

namespace flowcore::stub::detail {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

}  // namespace

id_generator::id_generator() {
  std::random_device device;
  std::seed_seq seed{device(), device(), device(), device()};
  rng_.seed(seed);
}

std::string id_generator::uuid() {
  std::uint64_t hi = rng_();
  std::uint64_t lo = rng_();
  hi = (hi & ~0xF000ull) | 0x4000ull;                          // version 4
  lo = (lo & ~(0xC000ull << 48)) | (0x8000ull << 48);          // RFC 4122 variant
  std::string out;
  out.reserve(36);
  for (int i = 15; i >= 0; --i) {
    out.push_back(hex_digits[(hi >> (i * 4)) & 0xF]);
    if (i == 8 || i == 4) out.push_back('-');
  }
  out.push_back('-');
  for (int i = 15; i >= 0; --i) {
    out.push_back(hex_digits[(lo >> (i * 4)) & 0xF]);
    if (i == 12) out.push_back('-');
  }
  return out;
}

std::string id_generator::hex(std::size_t digits) {
  std::string out;
  out.reserve(digits);
  while (out.size() < digits) {
    std::uint64_t bits = rng_();
    for (int i = 0; i < 16 && out.size() < digits; ++i, bits >>= 4)
      out.push_back(hex_digits[bits & 0xF]);
  }
  return out;
}

std::string iso_timestamp(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto ms = duration_cast<milliseconds>(t.time_since_epoch()).count();
  // Floor division, so instants before 1970 still get a millisecond part in [0, 999].
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  long long millis = ms % 1000;
  if (millis < 0) {
    millis += 1000;
    --seconds;
  }
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  // Sized for the widest values GCC can prove (-Wformat-truncation at -O3), not the
  // realistic ones.
  char text[96];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03lldZ", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
  return text;
}

std::string iso_now() { return iso_timestamp(std::chrono::system_clock::now()); }

}  // namespace flowcore::stub::detail
