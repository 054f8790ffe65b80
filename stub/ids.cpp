// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "ids.hpp"

#include <boost/uuid/uuid_io.hpp>

#include <cstdio>

namespace flowcore::stub::detail {
namespace {

constexpr char hex_digits[] = "0123456789abcdef";

}  // namespace

id_generator::id_generator(std::optional<std::uint64_t> seed) : seed_(seed) {
  if (seed_) {
    engine_.engine.seed(*seed_);
    return;
  }
  std::random_device device;
  std::seed_seq seq{device(), device(), device(), device()};
  engine_.engine.seed(seq);
}

void id_generator::resume_at(std::uint64_t draws) {
  if (!seed_) return;
  engine_.engine.seed(*seed_);
  engine_.engine.discard(draws);
  engine_.draws = draws;
}

// Boost.UUID sets the version and variant bits; to_string writes lowercase hex.
std::string id_generator::uuid() { return boost::uuids::to_string(uuids_()); }

std::string id_generator::hex(std::size_t digits) {
  std::string out;
  out.reserve(digits);
  while (out.size() < digits) {
    std::uint64_t bits = engine_();
    for (int i = 0; i < 16 && out.size() < digits; ++i, bits >>= 4)
      out.push_back(hex_digits[bits & 0xF]);
  }
  return out;
}

std::string iso_timestamp(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  // Milliseconds truncated toward zero, then split by floor: an instant before 1970 still
  // gets a time of day, and a millisecond part, in range. std::chrono's calendar is the
  // proleptic Gregorian one of UTC without leap seconds, as gmtime is.
  const sys_time<milliseconds> ms{duration_cast<milliseconds>(t.time_since_epoch())};
  const sys_days day = floor<days>(ms);
  const year_month_day date{day};
  const hh_mm_ss<milliseconds> time{ms - day};
  // Sized for the widest values GCC can prove (-Wformat-truncation at -O3), not the
  // realistic ones.
  char text[96];
  std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d.%03dZ",
                static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                static_cast<unsigned>(date.day()), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()),
                static_cast<int>(time.subseconds().count()));
  return text;
}

std::string iso_now() { return iso_timestamp(std::chrono::system_clock::now()); }

namespace {

// A cursor over the text being parsed; every reader leaves it unchanged on failure.
struct scanner {
  std::string_view text;
  std::size_t pos = 0;

  bool done() const { return pos == text.size(); }
  bool peek(char c) const { return pos < text.size() && text[pos] == c; }
  bool eat(char c) {
    if (!peek(c)) return false;
    ++pos;
    return true;
  }
  // Exactly `width` decimal digits.
  std::optional<int> digits(std::size_t width) {
    if (text.size() - pos < width) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
      const char c = text[pos + i];
      if (c < '0' || c > '9') return std::nullopt;
      value = value * 10 + (c - '0');
    }
    pos += width;
    return value;
  }
};

// Milliseconds from one or more fraction digits (the rest truncated, as JavaScript does).
std::optional<int> fraction_millis(scanner& s) {
  const std::size_t start = s.pos;
  int millis = 0;
  while (!s.done() && s.text[s.pos] >= '0' && s.text[s.pos] <= '9') {
    if (s.pos - start < 3) millis = millis * 10 + (s.text[s.pos] - '0');
    ++s.pos;
  }
  const std::size_t count = s.pos - start;
  if (count == 0) return std::nullopt;
  for (std::size_t i = count; i < 3; ++i) millis *= 10;
  return millis;
}

// The zone's offset east of UTC in minutes; 0 for none or `Z`.
std::optional<int> zone_minutes(scanner& s) {
  if (s.done() || s.eat('Z') || s.eat('z')) return 0;
  const int sign = s.eat('+') ? 1 : s.eat('-') ? -1 : 0;
  if (sign == 0) return std::nullopt;
  const auto hours = s.digits(2);
  if (!hours || *hours > 23) return std::nullopt;
  int minutes = 0;
  if (!s.done()) {
    s.eat(':');
    const auto m = s.digits(2);
    if (!m || *m > 59) return std::nullopt;
    minutes = *m;
  }
  return sign * (*hours * 60 + minutes);
}

}  // namespace

std::optional<std::chrono::system_clock::time_point> parse_iso_timestamp(std::string_view text) {
  using namespace std::chrono;
  scanner s{text};
  const auto y = s.digits(4);
  if (!y || !s.eat('-')) return std::nullopt;
  const auto mo = s.digits(2);
  if (!mo || !s.eat('-')) return std::nullopt;
  const auto d = s.digits(2);
  if (!d) return std::nullopt;
  const year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)},
                            day{static_cast<unsigned>(*d)}};
  if (!date.ok()) return std::nullopt;
  sys_time<milliseconds> t = sys_days(date);
  if (s.done()) return t;

  if (!s.eat('T') && !s.eat('t') && !s.eat(' ')) return std::nullopt;
  const auto h = s.digits(2);
  if (!h || *h > 23 || !s.eat(':')) return std::nullopt;
  const auto mi = s.digits(2);
  if (!mi || *mi > 59) return std::nullopt;
  int sec = 0;
  int millis = 0;
  if (s.eat(':')) {
    const auto sc = s.digits(2);
    if (!sc || *sc > 59) return std::nullopt;
    sec = *sc;
    if (s.eat('.')) {
      const auto ms = fraction_millis(s);
      if (!ms) return std::nullopt;
      millis = *ms;
    }
  }
  const auto zone = zone_minutes(s);
  if (!zone || !s.done()) return std::nullopt;
  t += hours(*h) + minutes(*mi) + seconds(sec) + milliseconds(millis) - minutes(*zone);
  return t;
}

std::string time_bucket(std::chrono::system_clock::time_point t) {
  using namespace std::chrono;
  const auto hour = floor<hours>(t);
  const year_month_day date{floor<days>(hour)};
  const auto h = (hour - floor<days>(hour)).count();
  char text[64];
  std::snprintf(text, sizeof text, "%04d%02u%02u%02d0000", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                static_cast<int>(h));
  return text;
}

}  // namespace flowcore::stub::detail
