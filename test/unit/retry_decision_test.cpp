// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "retry_decision.hpp"

#include <flowcore/error.hpp>

#include <boost/test/unit_test.hpp>

#include <climits>
#include <cmath>
#include <limits>
#include <ostream>

namespace flowcore::detail {
// Boost.Test prints both sides of a failed comparison.
std::ostream& operator<<(std::ostream& os, retry_verdict v) {
  switch (v) {
    case retry_verdict::retry:
      return os << "retry";
    case retry_verdict::not_retryable:
      return os << "not_retryable";
    case retry_verdict::exhausted:
      return os << "exhausted";
    case retry_verdict::retry_after_too_long:
      return os << "retry_after_too_long";
    case retry_verdict::past_deadline:
      return os << "past_deadline";
  }
  return os << "retry_verdict(" << static_cast<int>(v) << ")";
}
}  // namespace flowcore::detail

namespace {

namespace fc = flowcore;
using fc::detail::attempt_outcome;
using fc::detail::decide_retry;
using fc::detail::idempotency;
using fc::detail::retry_verdict;
using std::chrono::milliseconds;

constexpr milliseconds plenty{60'000};  // time left on the deadline in most cases

attempt_outcome status(int code, std::optional<milliseconds> retry_after = std::nullopt) {
  attempt_outcome o;
  o.ec = fc::error::http_status;
  o.http_status = code;
  o.retry_after = retry_after;
  return o;
}

attempt_outcome network(fc::error e, bool may_have_reached_server) {
  attempt_outcome o;
  o.ec = e;
  o.may_have_reached_server = may_have_reached_server;
  return o;
}

fc::retry_policy exponential() {
  fc::retry_policy p;
  p.backoff = fc::backoff::exponential;
  return p;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(retry_decision)

BOOST_AUTO_TEST_CASE(default_policy_retries_a_503_after_250_ms) {
  const auto d = decide_retry(1, status(503), {}, idempotency::idempotent, 0.5, plenty);
  BOOST_TEST(d.verdict == retry_verdict::retry);
  BOOST_TEST(static_cast<bool>(d));
  BOOST_TEST(d.delay.count() == 250);
}

BOOST_AUTO_TEST_CASE(fixed_backoff_ignores_attempt_and_jitter) {
  fc::retry_policy p;
  p.delay = milliseconds(400);
  for (int attempt = 1; attempt <= 3; ++attempt) {
    for (double jitter : {0.0, 0.3, 0.999}) {
      const auto d = decide_retry(attempt, status(502), p, idempotency::idempotent, jitter, plenty);
      BOOST_TEST(d.verdict == retry_verdict::retry);
      BOOST_TEST(d.delay.count() == 400);
    }
  }
}

BOOST_AUTO_TEST_CASE(three_retries_mean_at_most_four_requests) {
  const fc::retry_policy p;  // max_retries = 3
  BOOST_TEST(decide_retry(1, status(503), p, idempotency::idempotent, 0, plenty).verdict ==
             retry_verdict::retry);
  BOOST_TEST(decide_retry(2, status(503), p, idempotency::idempotent, 0, plenty).verdict ==
             retry_verdict::retry);
  BOOST_TEST(decide_retry(3, status(503), p, idempotency::idempotent, 0, plenty).verdict ==
             retry_verdict::retry);
  const auto fourth = decide_retry(4, status(503), p, idempotency::idempotent, 0, plenty);
  BOOST_TEST(fourth.verdict == retry_verdict::exhausted);
  BOOST_TEST(!static_cast<bool>(fourth));
}

BOOST_AUTO_TEST_CASE(policy_none_never_retries) {
  const auto d =
      decide_retry(1, status(503), fc::retry_policy::none(), idempotency::idempotent, 0.5, plenty);
  BOOST_TEST(d.verdict == retry_verdict::exhausted);
}

BOOST_AUTO_TEST_CASE(every_default_status_is_retried) {
  for (int code : {408, 429, 500, 502, 503, 504}) {
    BOOST_TEST_CONTEXT("status " << code) {
      BOOST_TEST(decide_retry(1, status(code), {}, idempotency::idempotent, 0, plenty).verdict ==
                 retry_verdict::retry);
    }
  }
}

BOOST_AUTO_TEST_CASE(other_statuses_are_not_retried) {
  for (int code : {200, 204, 400, 401, 403, 404, 409, 422, 501, 505}) {
    BOOST_TEST_CONTEXT("status " << code) {
      BOOST_TEST(decide_retry(1, status(code), {}, idempotency::idempotent, 0, plenty).verdict ==
                 retry_verdict::not_retryable);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_404_mapped_to_not_found_is_not_retried) {
  attempt_outcome o = status(404);
  o.ec = fc::error::not_found;
  BOOST_TEST(decide_retry(1, o, {}, idempotency::idempotent, 0, plenty).verdict ==
             retry_verdict::not_retryable);
}

BOOST_AUTO_TEST_CASE(custom_status_list_replaces_the_default) {
  fc::retry_policy p;
  p.statuses = {409};
  BOOST_TEST(decide_retry(1, status(409), p, idempotency::idempotent, 0, plenty).verdict ==
             retry_verdict::retry);
  BOOST_TEST(decide_retry(1, status(503), p, idempotency::idempotent, 0, plenty).verdict ==
             retry_verdict::not_retryable);
}

BOOST_AUTO_TEST_CASE(network_errors_are_retried_for_idempotent_commands) {
  for (fc::error e : {fc::error::connection_failed, fc::error::timeout}) {
    for (bool reached : {false, true}) {
      const auto d = decide_retry(1, network(e, reached), {}, idempotency::idempotent, 0, plenty);
      BOOST_TEST(d.verdict == retry_verdict::retry);
      BOOST_TEST(d.delay.count() == 250);
    }
  }
}

BOOST_AUTO_TEST_CASE(terminal_errors_are_never_retried) {
  for (fc::error e : {fc::error::tls_failed, fc::error::auth_failed, fc::error::cancelled,
                      fc::error::invalid_response, fc::error::invalid_argument,
                      fc::error::not_allowed_in_mode, fc::error::wait_timeout}) {
    BOOST_TEST_CONTEXT("error " << static_cast<int>(e)) {
      BOOST_TEST(
          decide_retry(1, network(e, false), {}, idempotency::idempotent, 0, plenty).verdict ==
          retry_verdict::not_retryable);
    }
  }
}

BOOST_AUTO_TEST_CASE(success_is_not_retried) {
  BOOST_TEST(decide_retry(1, attempt_outcome{}, {}, idempotency::idempotent, 0, plenty).verdict ==
             retry_verdict::not_retryable);
}

BOOST_AUTO_TEST_CASE(unsafe_command_is_not_resent_after_503) {
  BOOST_TEST(decide_retry(1, status(503), {}, idempotency::unsafe, 0.5, plenty).verdict ==
             retry_verdict::not_retryable);
  // A status always means the request arrived, whatever the flag says.
  attempt_outcome o = status(503);
  o.may_have_reached_server = false;
  BOOST_TEST(decide_retry(1, o, {}, idempotency::unsafe, 0.5, plenty).verdict ==
             retry_verdict::not_retryable);
}

BOOST_AUTO_TEST_CASE(unsafe_command_is_not_resent_after_a_timeout_that_may_have_arrived) {
  BOOST_TEST(
      decide_retry(1, network(fc::error::timeout, true), {}, idempotency::unsafe, 0.5, plenty)
          .verdict == retry_verdict::not_retryable);
  BOOST_TEST(decide_retry(1, network(fc::error::connection_failed, true), {}, idempotency::unsafe,
                          0.5, plenty)
                 .verdict == retry_verdict::not_retryable);
}

BOOST_AUTO_TEST_CASE(unsafe_command_is_resent_after_a_connect_failure_before_any_byte) {
  const auto d = decide_retry(1, network(fc::error::connection_failed, false), {},
                              idempotency::unsafe, 0.5, plenty);
  BOOST_TEST(d.verdict == retry_verdict::retry);
  BOOST_TEST(d.delay.count() == 250);
  // A connect timeout also happens before any byte is written.
  BOOST_TEST(
      decide_retry(1, network(fc::error::timeout, false), {}, idempotency::unsafe, 0.5, plenty)
          .verdict == retry_verdict::retry);
  // Still bounded by max_retries.
  BOOST_TEST(decide_retry(4, network(fc::error::connection_failed, false), {}, idempotency::unsafe,
                          0.5, plenty)
                 .verdict == retry_verdict::exhausted);
}

BOOST_AUTO_TEST_CASE(unsafe_command_is_not_resent_after_tls_failure) {
  BOOST_TEST(
      decide_retry(1, network(fc::error::tls_failed, false), {}, idempotency::unsafe, 0.5, plenty)
          .verdict == retry_verdict::not_retryable);
}

BOOST_AUTO_TEST_CASE(exponential_at_jitter_zero_is_zero) {
  for (int attempt = 1; attempt <= 3; ++attempt) {
    const auto d =
        decide_retry(attempt, status(503), exponential(), idempotency::idempotent, 0.0, plenty);
    BOOST_TEST(d.verdict == retry_verdict::retry);
    BOOST_TEST(d.delay.count() == 0);
  }
}

BOOST_AUTO_TEST_CASE(exponential_doubles_per_attempt) {
  fc::retry_policy p = exponential();
  p.max_retries = 10;
  // jitter 0.5 gives half of 250 * 2^(attempt-1).
  const int expected[] = {125, 250, 500, 1000, 2000, 4000, 8000};
  for (int attempt = 1; attempt <= 7; ++attempt) {
    const auto d = decide_retry(attempt, status(503), p, idempotency::idempotent, 0.5, plenty);
    BOOST_TEST(d.delay.count() == expected[attempt - 1], "attempt " << attempt);
  }
}

BOOST_AUTO_TEST_CASE(exponential_near_one_stays_below_the_ceiling) {
  const double almost_one = std::nextafter(1.0, 0.0);
  const auto d1 =
      decide_retry(1, status(503), exponential(), idempotency::idempotent, almost_one, plenty);
  BOOST_TEST(d1.delay.count() >= 249);
  BOOST_TEST(d1.delay.count() <= 250);
  const auto d3 =
      decide_retry(3, status(503), exponential(), idempotency::idempotent, 0.9999, plenty);
  BOOST_TEST(d3.delay.count() >= 999);
  BOOST_TEST(d3.delay.count() <= 1000);
}

BOOST_AUTO_TEST_CASE(exponential_is_capped_at_max_delay) {
  fc::retry_policy p = exponential();
  p.max_retries = 100;
  p.max_delay = milliseconds(20'000);
  // 250 * 2^9 = 128000 > cap.
  BOOST_TEST(decide_retry(10, status(503), p, idempotency::idempotent, 0.5, plenty).delay.count() ==
             10'000);
  BOOST_TEST(
      decide_retry(10, status(503), p, idempotency::idempotent, 0.99999, plenty).delay.count() <=
      20'000);
  BOOST_TEST(
      decide_retry(10, status(503), p, idempotency::idempotent, 0.99999, plenty).delay.count() >=
      19'999);
}

BOOST_AUTO_TEST_CASE(exponential_does_not_overflow_for_huge_attempts) {
  fc::retry_policy p = exponential();
  p.max_retries = INT_MAX;
  const auto d = decide_retry(INT_MAX, status(503), p, idempotency::idempotent, 0.5, plenty);
  BOOST_TEST(d.verdict == retry_verdict::retry);
  BOOST_TEST(d.delay.count() == 10'000);

  // A huge base and an unbounded cap: saturates instead of wrapping to a negative delay.
  p.delay = milliseconds::max() / 3;
  p.max_delay = milliseconds::max();
  const auto big =
      decide_retry(200, status(503), p, idempotency::idempotent, 0.5, milliseconds::max());
  BOOST_TEST(big.verdict == retry_verdict::retry);
  BOOST_TEST(big.delay.count() > 0);
  BOOST_TEST(big.delay.count() <= milliseconds::max().count() / 2 + 1);
}

BOOST_AUTO_TEST_CASE(exponential_with_zero_base_terminates_and_is_zero) {
  fc::retry_policy p = exponential();
  p.delay = milliseconds(0);
  p.max_retries = INT_MAX;
  const auto d = decide_retry(INT_MAX, status(503), p, idempotency::idempotent, 0.7, plenty);
  BOOST_TEST(d.verdict == retry_verdict::retry);
  BOOST_TEST(d.delay.count() == 0);
}

BOOST_AUTO_TEST_CASE(out_of_range_jitter_is_clamped) {
  const auto nan = std::numeric_limits<double>::quiet_NaN();
  BOOST_TEST(decide_retry(1, status(503), exponential(), idempotency::idempotent, nan, plenty)
                 .delay.count() == 0);
  BOOST_TEST(decide_retry(1, status(503), exponential(), idempotency::idempotent, -0.5, plenty)
                 .delay.count() == 0);
  BOOST_TEST(decide_retry(1, status(503), exponential(), idempotency::idempotent, 7.0, plenty)
                 .delay.count() == 250);
}

BOOST_AUTO_TEST_CASE(retry_after_longer_than_the_policy_wins) {
  const auto d =
      decide_retry(1, status(503, milliseconds(2000)), {}, idempotency::idempotent, 0.5, plenty);
  BOOST_TEST(d.verdict == retry_verdict::retry);
  BOOST_TEST(d.delay.count() == 2000);
}

BOOST_AUTO_TEST_CASE(retry_after_shorter_than_the_policy_loses) {
  const auto d =
      decide_retry(1, status(429, milliseconds(100)), {}, idempotency::idempotent, 0.5, plenty);
  BOOST_TEST(d.delay.count() == 250);
  const auto zero =
      decide_retry(1, status(429, milliseconds(0)), {}, idempotency::idempotent, 0.5, plenty);
  BOOST_TEST(zero.delay.count() == 250);
}

BOOST_AUTO_TEST_CASE(retry_after_is_a_floor_for_exponential_backoff) {
  const auto d = decide_retry(1, status(503, milliseconds(1000)), exponential(),
                              idempotency::idempotent, 0.0, plenty);
  BOOST_TEST(d.delay.count() == 1000);
}

BOOST_AUTO_TEST_CASE(retry_after_up_to_the_limit_is_honoured) {
  const auto d = decide_retry(1, status(503, milliseconds(60'000)), {}, idempotency::idempotent,
                              0.5, milliseconds(120'000));
  BOOST_TEST(d.verdict == retry_verdict::retry);
  BOOST_TEST(d.delay.count() == 60'000);
}

BOOST_AUTO_TEST_CASE(retry_after_over_the_limit_fails_at_once) {
  const auto d = decide_retry(1, status(503, milliseconds(60'001)), {}, idempotency::idempotent,
                              0.5, milliseconds(1'000'000));
  BOOST_TEST(d.verdict == retry_verdict::retry_after_too_long);
  BOOST_TEST(!static_cast<bool>(d));
}

BOOST_AUTO_TEST_CASE(retry_after_ignored_when_not_honoured) {
  fc::retry_policy p;
  p.honor_retry_after = false;
  const auto d =
      decide_retry(1, status(503, milliseconds(120'000)), p, idempotency::idempotent, 0.5, plenty);
  BOOST_TEST(d.verdict == retry_verdict::retry);
  BOOST_TEST(d.delay.count() == 250);
}

BOOST_AUTO_TEST_CASE(delay_reaching_the_deadline_gives_up) {
  BOOST_TEST(
      decide_retry(1, status(503), {}, idempotency::idempotent, 0.5, milliseconds(250)).verdict ==
      retry_verdict::past_deadline);
  BOOST_TEST(
      decide_retry(1, status(503), {}, idempotency::idempotent, 0.5, milliseconds(251)).verdict ==
      retry_verdict::retry);
  BOOST_TEST(
      decide_retry(1, status(503), {}, idempotency::idempotent, 0.5, milliseconds(0)).verdict ==
      retry_verdict::past_deadline);
  BOOST_TEST(
      decide_retry(1, status(503), {}, idempotency::idempotent, 0.5, milliseconds(-5)).verdict ==
      retry_verdict::past_deadline);
}

BOOST_AUTO_TEST_CASE(retry_after_past_the_deadline_gives_up) {
  BOOST_TEST(decide_retry(1, status(503, milliseconds(2000)), {}, idempotency::idempotent, 0.5,
                          milliseconds(1500))
                 .verdict == retry_verdict::past_deadline);
}

BOOST_AUTO_TEST_CASE(checks_run_in_the_documented_order) {
  // not_retryable before exhausted.
  BOOST_TEST(decide_retry(99, status(400), {}, idempotency::idempotent, 0.5, plenty).verdict ==
             retry_verdict::not_retryable);
  BOOST_TEST(decide_retry(99, status(503), {}, idempotency::unsafe, 0.5, plenty).verdict ==
             retry_verdict::not_retryable);
  // exhausted before retry_after_too_long.
  BOOST_TEST(
      decide_retry(4, status(503, milliseconds(120'000)), {}, idempotency::idempotent, 0.5, plenty)
          .verdict == retry_verdict::exhausted);
  // retry_after_too_long before past_deadline.
  BOOST_TEST(decide_retry(1, status(503, milliseconds(120'000)), {}, idempotency::idempotent, 0.5,
                          milliseconds(1))
                 .verdict == retry_verdict::retry_after_too_long);
  // exhausted before past_deadline.
  BOOST_TEST(
      decide_retry(4, status(503), {}, idempotency::idempotent, 0.5, milliseconds(0)).verdict ==
      retry_verdict::exhausted);
}

BOOST_AUTO_TEST_CASE(network_error_predicate) {
  using fc::detail::is_retryable_network_error;
  BOOST_TEST(is_retryable_network_error(fc::error::connection_failed));
  BOOST_TEST(is_retryable_network_error(fc::error::timeout));
  BOOST_TEST(!is_retryable_network_error(fc::error::tls_failed));
  BOOST_TEST(!is_retryable_network_error(fc::error::http_status));
  BOOST_TEST(!is_retryable_network_error(boost::system::error_code()));
  // Same value, another category: not ours, not retried.
  BOOST_TEST(!is_retryable_network_error(boost::system::error_code(
      static_cast<int>(fc::error::timeout), boost::system::generic_category())));
}

BOOST_AUTO_TEST_SUITE_END()
