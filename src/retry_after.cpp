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

// Days since 1970-01-01 of a proleptic Gregorian date; Howard Hinnant's days_from_civil
// (http://howardhinnant.github.io/date_algorithms.html). Used instead of timegm(), which is
// not standard, and mktime(), which depends on the local time zone.
std::int64_t days_from_civil(std::int64_t y, int m, int d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;                                    // [0, 399]
  const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;  // [0, 365]
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;            // [0, 146096]
  return era * 146097 + doe - 719468;
}

struct civil_date {
  std::int64_t year;
  int month;  // 1..12
  int day;    // 1..31
};

// The inverse, civil_from_days, from the same source.
civil_date civil_from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;                                       // [0, 146096]
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  // [0, 399]
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);                // [0, 365]
  const std::int64_t mp = (5 * doy + 2) / 153;                                     // [0, 11]
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

bool is_leap_year(std::int64_t y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(std::int64_t year, int month) noexcept {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

// The fields of an HTTP-date as read, before range checks.
struct date_fields {
  std::int64_t year = 0;
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
  int year = 0;
  const bool ok = c.one_of(short_day_names, day_name) && c.literal(", ") && c.digits(2, f.day) &&
                  c.literal(" ") && c.month(f) && c.literal(" ") && c.digits(4, year) &&
                  c.literal(" ") && c.time_of_day(f) && c.literal(" GMT") && c.done();
  f.year = year;
  return ok;
}

// Obsolete RFC 850 form: "Sunday, 06-Nov-94 08:49:37 GMT". The year has two digits and
// is resolved later against `now`.
bool parse_rfc850_date(std::string_view text, date_fields& f) noexcept {
  cursor c(text);
  int day_name = 0;
  int year = 0;
  const bool ok = c.one_of(long_day_names, day_name) && c.literal(", ") && c.digits(2, f.day) &&
                  c.literal("-") && c.month(f) && c.literal("-") && c.digits(2, year) &&
                  c.literal(" ") && c.time_of_day(f) && c.literal(" GMT") && c.done();
  f.year = year;
  return ok;
}

// Obsolete asctime form: "Sun Nov  6 08:49:37 1994"; the day is 2DIGIT or SP DIGIT.
bool parse_asctime_date(std::string_view text, date_fields& f) noexcept {
  cursor c(text);
  int day_name = 0;
  int year = 0;
  bool ok = c.one_of(short_day_names, day_name) && c.literal(" ") && c.month(f) && c.literal(" ");
  if (ok) ok = c.literal(" ") ? c.digits(1, f.day) : c.digits(2, f.day);
  ok = ok && c.literal(" ") && c.time_of_day(f) && c.literal(" ") && c.digits(4, year) && c.done();
  f.year = year;
  return ok;
}

// Seconds since the epoch; the fields must already be in range.
std::int64_t to_epoch_seconds(const date_fields& f) noexcept {
  return days_from_civil(f.year, f.month, f.day) * 86400 + f.hour * 3600 + f.minute * 60 + f.second;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
  return a / b - ((a % b != 0 && (a < 0) != (b < 0)) ? 1 : 0);
}

// RFC 9110 section 5.6.7: a two-digit year that "appears to be more than 50 years in the
// future" means the most recent past year with the same last two digits. So the year is
// the one with those digits whose date falls in (now - 50 years, now + 50 years].
void resolve_two_digit_year(date_fields& f, std::int64_t now_seconds) noexcept {
  const std::int64_t now_days = floor_div(now_seconds, 86400);
  const civil_date today = civil_from_days(now_days);
  // "now + 50 years" on the calendar. days_from_civil takes an out-of-range day such as
  // 29 February of a common year as the next day, which is close enough for a window.
  date_fields limit;
  limit.year = today.year + 50;
  limit.month = today.month;
  limit.day = today.day;
  const std::int64_t limit_seconds = to_epoch_seconds(limit) + (now_seconds - now_days * 86400);

  const auto in_year = [&](std::int64_t year) {
    date_fields candidate = f;
    candidate.year = year;
    return to_epoch_seconds(candidate);
  };
  std::int64_t year = floor_div(today.year, 100) * 100 + f.year;
  if (in_year(year) > limit_seconds) {
    year -= 100;
  } else if (in_year(year + 100) <= limit_seconds) {
    year += 100;
  }
  // The day (29 February) is checked against the resolved year by the caller.
  f.year = year;
}

bool fields_in_range(const date_fields& f) noexcept {
  // Second 60 is a leap second, allowed by RFC 9110's grammar comment; it simply rolls
  // over into the next minute.
  return f.month >= 1 && f.month <= 12 && f.day >= 1 && f.day <= days_in_month(f.year, f.month) &&
         f.hour <= 23 && f.minute <= 59 && f.second <= 60;
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
  const std::int64_t now_ms =
      std::chrono::duration_cast<milliseconds>(now.time_since_epoch()).count();

  date_fields f;
  if (parse_imf_fixdate(text, f) || parse_asctime_date(text, f)) {
    // Four-digit year, used as it is.
  } else if (parse_rfc850_date(text, f)) {
    resolve_two_digit_year(f, floor_div(now_ms, 1000));
  } else {
    return std::nullopt;
  }
  // The day name is not checked against the date: the date itself is what counts.
  if (!fields_in_range(f)) return std::nullopt;

  // Years 0..9999 in milliseconds stay within +-3e14, and now_ms within +-9.3e15 (the
  // range of system_clock's nanoseconds), so this difference cannot overflow. A time_point
  // of the date could: nanoseconds end in 2262.
  const std::int64_t date_ms = to_epoch_seconds(f) * 1000;
  const std::int64_t delta = date_ms - now_ms;
  if (delta <= 0) return milliseconds(0);
  if (delta >= saturation.count()) return saturation;
  return milliseconds(delta);
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
