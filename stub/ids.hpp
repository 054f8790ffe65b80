// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Identifiers and timestamps in the stub's wire formats (docs/protocol.md section 13.1).

#include <chrono>
#include <cstddef>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace flowcore::stub::detail {

/// Random ids. One per server, seeded from std::random_device: no global state, and two
/// servers in one test process never hand out the same ids.
class id_generator {
 public:
  id_generator();
  /// A random (version 4) UUID in lowercase: "3f6a0c1e-8b2d-4e5f-9a7b-1c2d3e4f5a6b".
  std::string uuid();
  /// `digits` random lowercase hex digits (API key secrets).
  std::string hex(std::size_t digits);

 private:
  std::mt19937_64 rng_;
};

/// ISO-8601 UTC with milliseconds: "2025-01-01T12:00:00.000Z".
std::string iso_timestamp(std::chrono::system_clock::time_point t);

/// iso_timestamp of now.
std::string iso_now();

/// Reads an ISO-8601 date or date-time: `YYYY-MM-DD`, optionally followed by `T` (or a
/// space) and `hh:mm`, `:ss`, `.fraction` (any number of digits), and a zone (`Z`, `+hh:mm`,
/// `+hhmm`, `+hh`); no zone means UTC. nullopt for anything else or an impossible date
/// ("2025-02-30", "24:00").
std::optional<std::chrono::system_clock::time_point> parse_iso_timestamp(std::string_view text);

/// The UTC hour of `t` as a time bucket: "YYYYMMDDhh0000" (docs/protocol.md section 6.9).
std::string time_bucket(std::chrono::system_clock::time_point t);

}  // namespace flowcore::stub::detail
