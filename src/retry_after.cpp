// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "retry_after.hpp"

#include <array>
#include <cstdint>

namespace flowcore::detail {
namespace {

using std::chrono::milliseconds;

// Anything longer is "forever" for a retry hint; saturating here keeps the arithmetic far
// from overflow while staying far above any max_retry_after.
constexpr milliseconds saturation = std::chrono::years(100);
constexpr std::int64_t saturation_seconds =
    std::chrono::duration_cast<std::chrono::seconds>(saturation).count();

constexpr std::array<std::string_view, 7> short_day_names = {"Mon", "Tue", "Wed", "Thu",
                                                             "Fri", "Sat", "Sun"};
constexpr std::array<std::string_view, 7> long_day_names = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> month_names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// RFC 9110 section 5.6.3: OWS is spaces and horizontal tabs only.
std::string_view trim_ows(std::string_view text) noexcept {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// The fields of an HTTP-date as read, before range checks.
struct date_fields {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;
  int hour = 0;
  int minute = 0;
  int second = 0;
};

// A forward-only reader over the header value; every step fails instead of reading past
// the end, so no input can make it throw or overrun.
class cursor {
 public:
  explicit cursor(std::string_view text) noexcept : text_(text) {}

  bool done() const noexcept { return text_.empty(); }

  bool literal(std::string_view expected) noexcept {
    // HTTP-date is case-sensitive (RFC 9110 section 5.6.7).
    if (text_.substr(0, expected.size()) != expected) return false;
    text_.remove_prefix(expected.size());
    return true;
  }

  // Exactly `count` ASCII digits.
  bool digits(int count, int& out) noexcept {
    if (text_.size() < static_cast<std::size_t>(count)) return false;
    int value = 0;
    for (int i = 0; i < count; ++i) {
      if (!is_digit(text_[i])) return false;
      value = value * 10 + (text_[i] - '0');
    }
    text_.remove_prefix(count);
    out = value;
    return true;
  }

  template <std::size_t N>
  bool one_of(const std::array<std::string_view, N>& names, int& index) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
      if (literal(names[i])) {
        index = static_cast<int>(i);
        return true;
      }
    }
    return false;
  }

  // time-of-day = hour ":" minute ":" second, each 2DIGIT.
  bool time_of_day(date_fields& f) noexcept {
    return digits(2, f.hour) && literal(":") && digits(2, f.minute) && literal(":") &&
           digits(2, f.second);
  }

  bool month(date_fields& f) noexcept {
    int index = 0;
    if (!one_of(month_names, index)) return false;
    f.month = index + 1;
    return true;
  }

 private:
  std::string_view text_;
};

// IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
bool parse_imf_fixdate(std::string_view text, date_fields& f) noexcept {
  cursor c(text);
  int day_name = 0;
  return c.one_of(short_day_names, day_name) && c.literal(", ") && c.digits(2, f.day) &&
         c.literal(" ") && c.month(f) && c.literal(" ") && c.digits(4, f.year) && c.literal(" ") &&
         c.time_of_day(f) && c.literal(" GMT") && c.done();
}

// Obsolete RFC 850 form: "Sunday, 06-Nov-94 08:49:37 GMT". The year has two digits and
// is resolved later against `now`.
bool parse_rfc850_date(std::string_view text, date_fields& f) noexcept {
  cursor c(text);
  int day_name = 0;
  return c.one_of(long_day_names, day_name) && c.literal(", ") && c.digits(2, f.day) &&
         c.literal("-") && c.month(f) && c.literal("-") && c.digits(2, f.year) && c.literal(" ") &&
         c.time_of_day(f) && c.literal(" GMT") && c.done();
}

// Obsolete asctime form: "Sun Nov  6 08:49:37 1994"; the day is 2DIGIT or SP DIGIT.
bool parse_asctime_date(std::string_view text, date_fields& f) noexcept {
  cursor c(text);
  int day_name = 0;
  bool ok = c.one_of(short_day_names, day_name) && c.literal(" ") && c.month(f) && c.literal(" ");
  if (ok) ok = c.literal(" ") ? c.digits(1, f.day) : c.digits(2, f.day);
  return ok && c.literal(" ") && c.time_of_day(f) && c.literal(" ") && c.digits(4, f.year) &&
         c.done();
}

std::chrono::year_month_day calendar_date(const date_fields& f) noexcept {
  return {std::chrono::year{f.year}, std::chrono::month{static_cast<unsigned>(f.month)},
          std::chrono::day{static_cast<unsigned>(f.day)}};
}

// The instant the fields name, as seconds since the epoch (the proleptic Gregorian calendar
// of std::chrono; timegm() is not standard and mktime() depends on the local time zone).
// The fields need not be in range yet: for a valid year and month, sys_days counts a day
// past the month's end on into the next month ([time.cal.ymd.nonmembers]), and the time
// of day is plain addition, so 29 February of a common year is 1 March.
std::chrono::sys_seconds to_sys_seconds(const date_fields& f) noexcept {
  return std::chrono::sys_days(calendar_date(f)) + std::chrono::hours(f.hour) +
         std::chrono::minutes(f.minute) + std::chrono::seconds(f.second);
}

// RFC 9110 section 5.6.7: a two-digit year that "appears to be more than 50 years in the
// future" means the most recent past year with the same last two digits. So the year is
// the one with those digits whose date falls in (now - 50 years, now + 50 years].
void resolve_two_digit_year(date_fields& f, std::chrono::sys_seconds now) noexcept {
  const std::chrono::sys_days now_day = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::year_month_day today{now_day};
  // "now + 50 years" on the calendar; 29 February of a common year counts as 1 March,
  // which is close enough for a window.
  const std::chrono::sys_seconds limit =
      std::chrono::sys_days(today + std::chrono::years(50)) + (now - now_day);

  const auto in_year = [&](int year) {
    date_fields candidate = f;
    candidate.year = year;
    return to_sys_seconds(candidate);
  };
  // system_clock's range (1677..2262 for nanoseconds) keeps the year positive, so
  // truncating division is the floor.
  int year = static_cast<int>(today.year()) / 100 * 100 + f.year;
  if (in_year(year) > limit) {
    year -= 100;
  } else if (in_year(year + 100) <= limit) {
    year += 100;
  }
  // The day (29 February) is checked against the resolved year by the caller.
  f.year = year;
}

bool fields_in_range(const date_fields& f) noexcept {
  // year_month_day::ok() checks the month and the day against the month's length in that
  // year (leap years included). Second 60 is a leap second, allowed by RFC 9110's grammar
  // comment; it simply rolls over into the next minute.
  return calendar_date(f).ok() && f.hour <= 23 && f.minute <= 59 && f.second <= 60;
}

std::optional<milliseconds> parse_delta_seconds(std::string_view text) noexcept {
  std::int64_t seconds = 0;
  for (char c : text) {
    // RFC 9110 section 10.2.3: delta-seconds = 1*DIGIT. A sign, a decimal point or trailing
    // junk makes the whole value garbage, ignored rather than guessed at.
    if (!is_digit(c)) return std::nullopt;
    // Saturate instead of overflowing; the digits after still have to be digits.
    if (seconds < saturation_seconds) seconds = seconds * 10 + (c - '0');
  }
  if (seconds >= saturation_seconds) return saturation;
  return std::chrono::seconds(seconds);
}

std::optional<milliseconds> parse_http_date(std::string_view text,
                                            std::chrono::system_clock::time_point now) {
  // Truncated, not floored, to the millisecond, as before: only a `now` before 1970 with a
  // sub-millisecond part can tell the difference.
  const auto now_ms = std::chrono::duration_cast<milliseconds>(now.time_since_epoch());

  date_fields f;
  if (parse_imf_fixdate(text, f) || parse_asctime_date(text, f)) {
    // Four-digit year, used as it is.
  } else if (parse_rfc850_date(text, f)) {
    resolve_two_digit_year(
        f, std::chrono::floor<std::chrono::seconds>(std::chrono::sys_time<milliseconds>(now_ms)));
  } else {
    return std::nullopt;
  }
  // The day name is not checked against the date: the date itself is what counts.
  if (!fields_in_range(f)) return std::nullopt;

  // Years 0..9999 in milliseconds stay within +-3e14, and now_ms within +-9.3e15 (the
  // range of system_clock's nanoseconds), so this difference cannot overflow. A time_point
  // of the date could: nanoseconds end in 2262.
  const milliseconds delta = to_sys_seconds(f).time_since_epoch() - now_ms;
  if (delta <= milliseconds(0)) return milliseconds(0);
  if (delta >= saturation) return saturation;
  return delta;
}

}  // namespace

std::optional<milliseconds> parse_retry_after(std::string_view value,
                                              std::chrono::system_clock::time_point now) {
  const std::string_view text = trim_ows(value);
  if (text.empty()) return std::nullopt;
  // Delta-seconds starts with a digit, every HTTP-date form with a day name.
  if (is_digit(text.front())) return parse_delta_seconds(text);
  return parse_http_date(text, now);
}

}  // namespace flowcore::detail
