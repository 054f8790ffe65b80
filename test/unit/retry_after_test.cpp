// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "retry_after.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

using flowcore::detail::parse_retry_after;
using std::chrono::milliseconds;
using std::chrono::seconds;
using std::chrono::system_clock;

// Sun, 06 Nov 1994 08:49:37 GMT, RFC 9110's example date.
constexpr std::int64_t example_epoch = 784111777;

system_clock::time_point at(std::int64_t epoch_seconds, std::int64_t extra_ms = 0) {
  return system_clock::time_point(seconds(epoch_seconds)) + milliseconds(extra_ms);
}

// -1 for nullopt, so that BOOST_TEST can print the result; a parse never gives a negative.
long long parse(std::string_view value, system_clock::time_point now = at(example_epoch)) {
  const auto parsed = parse_retry_after(value, now);
  return parsed ? static_cast<long long>(parsed->count()) : -1;
}

const long long hundred_years_ms = milliseconds(std::chrono::years(100)).count();

}  // namespace

BOOST_AUTO_TEST_SUITE(retry_after)

BOOST_AUTO_TEST_CASE(delta_seconds) {
  BOOST_TEST(parse("0") == 0);
  BOOST_TEST(parse("1") == 1000);
  BOOST_TEST(parse("120") == 120'000);
  BOOST_TEST(parse("007") == 7000);
}

BOOST_AUTO_TEST_CASE(delta_seconds_with_surrounding_whitespace) {
  BOOST_TEST(parse(" 5") == 5000);
  BOOST_TEST(parse("5 ") == 5000);
  BOOST_TEST(parse("\t 5 \t") == 5000);
}

BOOST_AUTO_TEST_CASE(garbage_is_rejected) {
  // Nothing; signs; other number forms; spaces inside or trailing junk; CR and LF, which
  // are not OWS; words; a fullwidth digit one.
  for (std::string_view bad :
       {"",    " ",  "\t",  "+5", "-5",  "1+2", "12-",   "1.5", "1,5",  "1e3", "0x10",
        "1 2", "5s", "5 s", "5;", "\n5", "5\r", "5\r\n", "abc", "five", "NaN", "\xEF\xBC\x91"}) {
    BOOST_TEST(parse(bad) == -1, "value [" << std::string(bad) << "]");
  }
  BOOST_TEST(parse(std::string_view("5\0", 2)) == -1);
}

BOOST_AUTO_TEST_CASE(huge_delta_saturates) {
  BOOST_TEST(parse("99999999999999999999999999999999999999") == hundred_years_ms);
  BOOST_TEST(parse("18446744073709551617") == hundred_years_ms);  // 2^64 + 1
  BOOST_TEST(parse("3155695200") == hundred_years_ms);            // exactly 100 years
  BOOST_TEST(parse("3155695199") == hundred_years_ms - 1000);
  // Saturating must not relax the digits-only rule.
  BOOST_TEST(parse("99999999999999999999999x") == -1);
}

BOOST_AUTO_TEST_CASE(imf_fixdate) {
  BOOST_TEST(parse("Sun, 06 Nov 1994 08:49:37 GMT", at(example_epoch - 37)) == 37'000);
  BOOST_TEST(parse("  Sun, 06 Nov 1994 08:49:37 GMT\t", at(example_epoch - 37)) == 37'000);
  // Sub-second precision of `now` is kept.
  BOOST_TEST(parse("Sun, 06 Nov 1994 08:49:37 GMT", at(example_epoch, -1500)) == 1500);
}

BOOST_AUTO_TEST_CASE(rfc850_date) {
  BOOST_TEST(parse("Sunday, 06-Nov-94 08:49:37 GMT", at(example_epoch - 37)) == 37'000);
}

BOOST_AUTO_TEST_CASE(asctime_date) {
  BOOST_TEST(parse("Sun Nov  6 08:49:37 1994", at(example_epoch - 37)) == 37'000);
  BOOST_TEST(parse("Sun Nov 06 08:49:37 1994", at(example_epoch - 37)) == 37'000);
  BOOST_TEST(parse("Wed Nov 16 08:49:37 1994", at(example_epoch)) == 10LL * 86'400'000);
}

BOOST_AUTO_TEST_CASE(date_in_the_past_is_zero) {
  BOOST_TEST(parse("Sun, 06 Nov 1994 08:49:37 GMT", at(example_epoch + 3600)) == 0);
  BOOST_TEST(parse("Sun, 06 Nov 1994 08:49:37 GMT", at(example_epoch)) == 0);
  BOOST_TEST(parse("Thu, 01 Jan 1970 00:00:00 GMT", at(example_epoch)) == 0);
  BOOST_TEST(parse("Sat, 01 Jan 0000 00:00:00 GMT", at(example_epoch)) == 0);
}

BOOST_AUTO_TEST_CASE(days_from_civil_matches_known_timestamps) {
  const auto epoch = system_clock::time_point();
  BOOST_TEST(parse("Thu, 01 Jan 1970 00:00:10 GMT", epoch) == 10'000);
  BOOST_TEST(parse("Sat, 01 Jan 2000 00:00:00 GMT", epoch) == 946'684'800'000LL);
  BOOST_TEST(parse("Thu, 29 Feb 2024 12:00:00 GMT", epoch) == 1'709'208'000'000LL);
  BOOST_TEST(parse("Sun, 06 Nov 1994 08:49:37 GMT", epoch) == example_epoch * 1000);
}

BOOST_AUTO_TEST_CASE(far_future_date_saturates) {
  BOOST_TEST(parse("Fri, 31 Dec 9999 23:59:59 GMT") == hundred_years_ms);
}

BOOST_AUTO_TEST_CASE(out_of_range_fields_are_rejected) {
  for (std::string_view bad : {
           "Sun, 31 Nov 1994 08:49:37 GMT",  // November has 30 days
           "Sun, 00 Nov 1994 08:49:37 GMT",  // no day 0
           "Sun, 32 Dec 1994 08:49:37 GMT",
           "Sun, 06 Nov 1994 24:00:00 GMT",  // hour
           "Sun, 06 Nov 1994 08:60:00 GMT",  // minute
           "Sun, 06 Nov 1994 08:49:61 GMT",  // second
           "Wed, 29 Feb 1995 00:00:00 GMT",  // not a leap year
           "Thu, 29 Feb 1900 00:00:00 GMT",  // century, not a leap year
           "Sun, 06 Foo 1994 08:49:37 GMT",  // month name
           "Sun Nov 31 08:49:37 1994",
           "Sunday, 31-Apr-94 08:49:37 GMT",
       }) {
    BOOST_TEST(parse(bad) == -1, "value [" << std::string(bad) << "]");
  }
}

BOOST_AUTO_TEST_CASE(leap_days_and_leap_seconds_are_accepted) {
  const auto epoch = system_clock::time_point();
  BOOST_TEST(parse("Tue, 29 Feb 2000 00:00:00 GMT", epoch) == 951'782'400'000LL);
  BOOST_TEST(parse("Thu, 29 Feb 1996 00:00:00 GMT", epoch) > 0);
  // Second 60 (a leap second) rolls over into the next minute.
  BOOST_TEST(parse("Thu, 01 Jan 1970 00:00:60 GMT", epoch) == 60'000);
}

BOOST_AUTO_TEST_CASE(malformed_dates_are_rejected) {
  for (std::string_view bad : {
           "sun, 06 nov 1994 08:49:37 gmt",     // HTTP-date is case-sensitive
           "Sun, 06 Nov 1994 08:49:37 UTC",     // only GMT
           "Sun, 06 Nov 1994 08:49:37",         // no zone
           "Sun 06 Nov 1994 08:49:37 GMT",      // no comma
           "Sun, 6 Nov 1994 08:49:37 GMT",      // one-digit day
           "Sun, 06 Nov 94 08:49:37 GMT",       // two-digit year in IMF-fixdate
           "Sun, 06 Nov 1994 8:49:37 GMT",      // one-digit hour
           "Sun, 06 Nov 1994 08:49:37 GMT x",   // trailing junk
           "Sun, 06  Nov 1994 08:49:37 GMT",    // double space
           "Xyz, 06 Nov 1994 08:49:37 GMT",     // day name
           "Sun, 06-Nov-94 08:49:37 GMT",       // RFC 850 needs the long day name
           "Sunday, 06-Nov-1994 08:49:37 GMT",  // RFC 850 year has two digits
           "Sun Nov 6 08:49:37 1994",           // asctime day is 2DIGIT or SP DIGIT
           "Sun Nov  6 08:49:37 1994 GMT",
           "Sun Nov  6 08:49:37 94",
           "2024-02-29T12:00:00Z",  // ISO 8601 is not an HTTP-date
           "Sun,",
           "Sun, 06 Nov 1994 08:49:3",
       }) {
    BOOST_TEST(parse(bad) == -1, "value [" << std::string(bad) << "]");
  }
}

BOOST_AUTO_TEST_CASE(day_name_is_not_checked_against_the_date) {
  // Documented leniency: the date decides, a wrong weekday name does not.
  BOOST_TEST(parse("Mon, 06 Nov 1994 08:49:37 GMT", at(example_epoch - 1)) == 1000);
}

// RFC 9110 section 5.6.7: a two-digit year more than 50 years in the future is read as
// the most recent past year with the same last two digits.
BOOST_AUTO_TEST_CASE(rfc850_two_digit_year_window) {
  const auto now = at(1'772'323'200);  // 2026-03-01 00:00:00 UTC
  // 2030: in the near future.
  BOOST_TEST(parse("Tuesday, 01-Jan-30 00:00:00 GMT", now) == 121'132'800'000LL);
  // 2076-01-01 is just under 50 years ahead: still the future.
  BOOST_TEST(parse("Wednesday, 01-Jan-76 00:00:00 GMT", now) == 1'572'739'200'000LL);
  // 2076-06-01 is more than 50 years ahead: 1976, in the past.
  BOOST_TEST(parse("Tuesday, 01-Jun-76 00:00:00 GMT", now) == 0);
  // 80 is 1980, not 2080.
  BOOST_TEST(parse("Tuesday, 01-Jan-80 00:00:00 GMT", now) == 0);
  // 29 February is checked against the resolved year: 1996 and 2000 are leap years,
  // 2027 is not.
  BOOST_TEST(parse("Thursday, 29-Feb-96 00:00:00 GMT", now) == 0);
  BOOST_TEST(parse("Tuesday, 29-Feb-00 00:00:00 GMT", now) == 0);
  BOOST_TEST(parse("Monday, 29-Feb-27 00:00:00 GMT", now) == -1);
}

BOOST_AUTO_TEST_CASE(rfc850_two_digit_year_window_in_january) {
  // January and February belong to the civil year being converted, not the previous one.
  const auto now = at(1'768'435'200);  // 2026-01-15 00:00:00 UTC
  BOOST_TEST(parse("Wednesday, 01-Jan-76 00:00:00 GMT", now) == 1'576'627'200'000LL);
}

BOOST_AUTO_TEST_CASE(rfc850_two_digit_year_crosses_the_century) {
  const auto now = at(4'083'955'200);  // 2099-06-01 00:00:00 UTC
  // 05 is 2105 (six years ahead), not 2005.
  BOOST_TEST(parse("Thursday, 01-Jan-05 00:00:00 GMT", now) == 176'256'000'000LL);
}

BOOST_AUTO_TEST_CASE(rfc850_two_digit_year_window_from_a_leap_day) {
  // From 29 February, "now + 50 years" is 29 February of a common year, which
  // std::chrono::sys_days counts as 1 March: midnight of 1 March 2078 is still inside the
  // window, one second later is not.
  const auto now = at(1'835'395'200);  // 2028-02-29 00:00:00 UTC
  BOOST_TEST(parse("Tuesday, 01-Mar-78 00:00:00 GMT", now) == 1'577'923'200'000LL);
  BOOST_TEST(parse("Tuesday, 01-Mar-78 00:00:01 GMT", now) == 0);
}

BOOST_AUTO_TEST_CASE(extreme_now_does_not_overflow) {
  // system_clock's nanoseconds span 1677..2262; the two-digit year resolves near each
  // end (1694, 2294), both ahead of `now` by less than the saturation limit.
  const long long early = parse("Sunday, 06-Nov-94 08:49:37 GMT", system_clock::time_point::min());
  BOOST_TEST(early > 0);
  BOOST_TEST(early < hundred_years_ms);
  const long long late = parse("Sunday, 06-Nov-94 08:49:37 GMT", system_clock::time_point::max());
  BOOST_TEST(late > 0);
  BOOST_TEST(late < hundred_years_ms);
  BOOST_TEST(parse("Fri, 31 Dec 9999 23:59:59 GMT", system_clock::time_point::min()) ==
             hundred_years_ms);
}

BOOST_AUTO_TEST_SUITE_END()
