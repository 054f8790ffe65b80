// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Identifiers and timestamps in the stub's wire formats (docs/protocol.md section 13.1).

#include <boost/uuid/random_generator.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <string_view>

namespace flowcore::stub::detail {

/// Ids, one generator per server: no global state. Without a seed it is seeded from
/// std::random_device, so two servers in one test process never hand out the same ids.
/// With one (server_options::id_seed) every id comes from one engine seeded with it: two
/// servers with the same seed answering the same requests in the same order hand out the
/// same ids, and a test can compare them with ids it recorded.
class id_generator {
 public:
  explicit id_generator(std::optional<std::uint64_t> seed = std::nullopt);
  // The UUID generator points at the engine inside this object.
  id_generator(const id_generator&) = delete;
  id_generator& operator=(const id_generator&) = delete;

  /// A random (version 4) UUID in lowercase: "3f6a0c1e-8b2d-4e5f-9a7b-1c2d3e4f5a6b".
  std::string uuid();
  /// `digits` random lowercase hex digits (API key secrets).
  std::string hex(std::size_t digits);

  /// The seed, if the ids are deterministic.
  std::optional<std::uint64_t> seed() const { return seed_; }
  /// Numbers drawn from the engine since it was seeded: where a seeded sequence stands.
  std::uint64_t draws() const { return engine_.draws; }
  /// Puts a seeded sequence at `draws` numbers after its seed, so that a stub restarted
  /// from a state file goes on where it stopped instead of handing out its ids again.
  /// Nothing for an unseeded generator, whose ids no restart repeats.
  void resume_at(std::uint64_t draws);

 private:
  // mt19937_64 that counts its draws: a position resume_at() can return to without
  // storing the engine's 312 words of state.
  struct counting_engine {
    using result_type = std::mt19937_64::result_type;
    static constexpr result_type min() { return std::mt19937_64::min(); }
    static constexpr result_type max() { return std::mt19937_64::max(); }
    result_type operator()() {
      ++draws;
      return engine();
    }
    std::mt19937_64 engine;
    std::uint64_t draws = 0;
  };

  std::optional<std::uint64_t> seed_;
  counting_engine engine_;
  boost::uuids::basic_random_generator<counting_engine> uuids_{engine_};
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
