// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Reconnect timing and the terminal/transient split (docs/protocol.md sections 10.8, 10.9)
// on a fake clock.
#include "notifications/reconnect_backoff.hpp"

#include <flowcore/error.hpp>

#include <boost/asio/error.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <limits>

namespace {

namespace fc = flowcore;
using namespace fc::detail;
using namespace std::chrono_literals;
using time_point = std::chrono::steady_clock::time_point;
using std::chrono::milliseconds;

constexpr double lowest_draw = 0.0;
constexpr double middle_draw = 0.5;  // factor 1.0: the un-jittered delay
constexpr double highest_draw = 0.9999999;

boost::system::error_code code(fc::error e) { return e; }

outcome_verdict verdict_of(stream_outcome outcome) { return classify_outcome(outcome).verdict; }

stream_outcome closed_with(int close_code) {
  return {.phase = stream_phase::session, .close_code = close_code};
}
stream_outcome upgrade_answered(int status) {
  return {
      .phase = stream_phase::upgrade, .ec = code(fc::error::http_status), .http_status = status};
}
stream_outcome lookup_failed(fc::error e, int status = 0) {
  return {.phase = stream_phase::lookup, .ec = code(e), .http_status = status};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(reconnect_backoff)

BOOST_AUTO_TEST_CASE(first_delay_is_the_interval_within_twenty_percent) {
  BOOST_TEST((reconnect_delay(1000ms, 1, middle_draw) == 1000ms));
  BOOST_TEST((reconnect_delay(1000ms, 1, lowest_draw) == 800ms));
  BOOST_TEST((reconnect_delay(1000ms, 1, highest_draw) == 1200ms));
  for (double draw = 0.0; draw < 1.0; draw += 0.01) {
    milliseconds delay = reconnect_delay(1000ms, 1, draw);
    BOOST_TEST((delay >= 800ms && delay <= 1200ms), draw);
  }
}

BOOST_AUTO_TEST_CASE(delay_doubles_per_attempt) {
  BOOST_TEST((reconnect_delay(1000ms, 2, middle_draw) == 2000ms));
  BOOST_TEST((reconnect_delay(1000ms, 3, middle_draw) == 4000ms));
  BOOST_TEST((reconnect_delay(1000ms, 4, middle_draw) == 8000ms));
  BOOST_TEST((reconnect_delay(1000ms, 5, middle_draw) == 16000ms));
  BOOST_TEST((reconnect_delay(250ms, 3, lowest_draw) == 800ms));
}

BOOST_AUTO_TEST_CASE(delay_is_capped_at_thirty_seconds_before_jitter) {
  BOOST_TEST((reconnect_delay(1000ms, 6, middle_draw) == 30s));  // 32 s capped
  BOOST_TEST((reconnect_delay(1000ms, 7, middle_draw) == 30s));
  BOOST_TEST((reconnect_delay(1000ms, 6, lowest_draw) == 24s));
  BOOST_TEST((reconnect_delay(1000ms, 6, highest_draw) == 36s));
  for (double draw = 0.0; draw < 1.0; draw += 0.01) {
    milliseconds delay = reconnect_delay(1000ms, 50, draw);
    BOOST_TEST((delay >= 24s && delay <= 36s), draw);
  }
}

BOOST_AUTO_TEST_CASE(large_attempts_and_intervals_do_not_overflow) {
  for (int attempt : {31, 32, 63, 64, 65, 1000, std::numeric_limits<int>::max()})
    BOOST_TEST((reconnect_delay(1000ms, attempt, middle_draw) == 30s), attempt);
  BOOST_TEST((reconnect_delay(milliseconds::max(), 1, middle_draw) == 30s));
  BOOST_TEST(
      (reconnect_delay(milliseconds::max(), std::numeric_limits<int>::max(), highest_draw) == 36s));
  BOOST_TEST((reconnect_delay(1ms, std::numeric_limits<int>::max(), middle_draw) == 30s));
  BOOST_TEST((reconnect_delay(24h, 3, lowest_draw) == 24s));
}

BOOST_AUTO_TEST_CASE(out_of_range_inputs_are_tamed) {
  BOOST_TEST((reconnect_delay(1000ms, 0, middle_draw) == 1000ms));
  BOOST_TEST((reconnect_delay(1000ms, -5, middle_draw) == 1000ms));
  BOOST_TEST((reconnect_delay(1000ms, 1, -3.0) == 800ms));
  BOOST_TEST((reconnect_delay(1000ms, 1, 7.0) == 1200ms));
  BOOST_TEST((reconnect_delay(1000ms, 1, std::numeric_limits<double>::quiet_NaN()) == 800ms));
  BOOST_TEST((reconnect_delay(0ms, 1, middle_draw) == 0ms));
  BOOST_TEST((reconnect_delay(-5ms, 3, middle_draw) == 0ms));
}

BOOST_AUTO_TEST_CASE(options_validation) {
  BOOST_TEST(valid_reconnect_options(1000ms, 0));
  BOOST_TEST(valid_reconnect_options(1ms, 5));
  BOOST_TEST(!valid_reconnect_options(0ms, 0));
  BOOST_TEST(!valid_reconnect_options(-1ms, 0));
  BOOST_TEST(!valid_reconnect_options(1000ms, -1));
}

BOOST_AUTO_TEST_CASE(failed_attempts_back_off_one_after_another) {
  reconnect_state state(1000ms, 0);
  time_point now{};
  // The first connect fails: attempt 1 after ~1 s, then 2 s, 4 s.
  for (int attempt = 1; attempt <= 3; ++attempt) {
    reconnect_decision decision = state.on_disconnected(now, middle_draw);
    BOOST_TEST((decision.action == reconnect_action::retry));
    BOOST_TEST(decision.attempt == attempt);
    BOOST_TEST((decision.delay == milliseconds(1000 << (attempt - 1))));
    now += decision.delay + 10s;  // the wait, then a slow failed attempt
  }
  BOOST_TEST(state.attempts() == 3);
}

BOOST_AUTO_TEST_CASE(thirty_seconds_connected_resets_the_attempt_count) {
  reconnect_state state(1000ms, 0);
  time_point now{};
  for (int i = 0; i < 4; ++i) now += state.on_disconnected(now, middle_draw).delay;
  BOOST_TEST(state.attempts() == 4);
  state.on_connected(now);
  now += 30s;
  reconnect_decision decision = state.on_disconnected(now, middle_draw);
  BOOST_TEST(decision.attempt == 1);
  BOOST_TEST((decision.delay == 1000ms));
}

BOOST_AUTO_TEST_CASE(twenty_nine_seconds_connected_does_not_reset) {
  reconnect_state state(1000ms, 0);
  time_point now{};
  for (int i = 0; i < 4; ++i) now += state.on_disconnected(now, middle_draw).delay;
  state.on_connected(now);
  now += 29s;
  reconnect_decision decision = state.on_disconnected(now, middle_draw);
  BOOST_TEST(decision.attempt == 5);
  BOOST_TEST((decision.delay == 16s));
  // Just short of healthy by one millisecond: still no reset.
  state.on_connected(now);
  now += 30s - 1ms;
  BOOST_TEST(state.on_disconnected(now, middle_draw).attempt == 6);
}

BOOST_AUTO_TEST_CASE(healthy_age_counts_from_the_last_connect_only) {
  reconnect_state state(1000ms, 0);
  time_point now{};
  state.on_connected(now);
  now += 20s;
  state.on_disconnected(now, middle_draw);
  // A failed attempt 20 s later must not be judged against the old connect time.
  now += 20s;
  BOOST_TEST(state.on_disconnected(now, middle_draw).attempt == 2);
}

BOOST_AUTO_TEST_CASE(max_reconnects_is_exhausted_after_exactly_n_failures) {
  constexpr int max_reconnects = 3;
  reconnect_state state(1000ms, max_reconnects);
  time_point now{};
  // The first connect fails, then each of the 3 reconnect attempts.
  for (int attempt = 1; attempt <= max_reconnects; ++attempt) {
    reconnect_decision decision = state.on_disconnected(now, middle_draw);
    BOOST_TEST_REQUIRE((decision.action == reconnect_action::retry));
    BOOST_TEST(decision.attempt == attempt);
    now += decision.delay;
  }
  BOOST_TEST((state.on_disconnected(now, middle_draw).action == reconnect_action::exhausted));
  BOOST_TEST((state.on_disconnected(now, middle_draw).action == reconnect_action::exhausted));
}

BOOST_AUTO_TEST_CASE(a_healthy_connection_restores_the_reconnect_budget) {
  reconnect_state state(1000ms, 2);
  time_point now{};
  now += state.on_disconnected(now, middle_draw).delay;
  now += state.on_disconnected(now, middle_draw).delay;
  state.on_connected(now);
  now += 1h;
  BOOST_TEST((state.on_disconnected(now, middle_draw).action == reconnect_action::retry));
  BOOST_TEST((state.on_disconnected(now, middle_draw).action == reconnect_action::retry));
  BOOST_TEST((state.on_disconnected(now, middle_draw).action == reconnect_action::exhausted));
}

BOOST_AUTO_TEST_CASE(short_lived_connections_count_as_failed_attempts) {
  // A server that accepts and drops at once must not reconnect forever at full speed.
  reconnect_state state(1000ms, 2);
  time_point now{};
  for (int attempt = 1; attempt <= 2; ++attempt) {
    state.on_connected(now);
    now += 1s;
    reconnect_decision decision = state.on_disconnected(now, middle_draw);
    BOOST_TEST_REQUIRE((decision.action == reconnect_action::retry));
    now += decision.delay;
  }
  state.on_connected(now);
  now += 1s;
  BOOST_TEST((state.on_disconnected(now, middle_draw).action == reconnect_action::exhausted));
}

BOOST_AUTO_TEST_CASE(zero_means_unlimited) {
  reconnect_state state(1000ms, 0);
  time_point now{};
  for (int attempt = 1; attempt <= 10'000; ++attempt) {
    reconnect_decision decision = state.on_disconnected(now, highest_draw);
    BOOST_TEST_REQUIRE((decision.action == reconnect_action::retry));
    BOOST_TEST_REQUIRE(decision.attempt == attempt);
    BOOST_TEST_REQUIRE((decision.delay <= 36s));
    now += decision.delay;
  }
}

BOOST_AUTO_TEST_CASE(huge_interval_in_the_state_does_not_overflow) {
  reconnect_state state(milliseconds::max(), 0);
  time_point now{};
  for (int i = 0; i < 100; ++i)
    BOOST_TEST_REQUIRE((state.on_disconnected(now, middle_draw).delay == 30s));
}

BOOST_AUTO_TEST_CASE(session_close_codes) {
  BOOST_TEST((verdict_of(closed_with(1000)) == outcome_verdict::normal_end));
  for (int close_code : {1001, 1002, 1006, 1008, 1011, 1012, 4000, 4999})
    BOOST_TEST((verdict_of(closed_with(close_code)) == outcome_verdict::reconnect), close_code);
}

BOOST_AUTO_TEST_CASE(session_errors_reconnect) {
  for (boost::system::error_code ec :
       {code(fc::error::timeout), code(fc::error::connection_failed),
        boost::system::error_code(boost::asio::error::connection_reset),
        boost::system::error_code(boost::asio::error::eof)})
    BOOST_TEST(
        (verdict_of({.phase = stream_phase::session, .ec = ec}) == outcome_verdict::reconnect),
        ec.message());
}

BOOST_AUTO_TEST_CASE(upgrade_statuses) {
  for (int status : {400, 401, 403, 404, 410, 426}) {
    outcome_decision decision = classify_outcome(upgrade_answered(status));
    BOOST_TEST((decision.verdict == outcome_verdict::terminal), status);
    BOOST_TEST((decision.error == code(fc::error::http_status)), status);
  }
  for (int status : {408, 429, 500, 502, 503, 504, 599, 200, 302})
    BOOST_TEST((verdict_of(upgrade_answered(status)) == outcome_verdict::reconnect), status);
}

BOOST_AUTO_TEST_CASE(failed_or_timed_out_handshake_reconnects) {
  for (boost::system::error_code ec :
       {code(fc::error::timeout), code(fc::error::connection_failed), code(fc::error::tls_failed),
        boost::system::error_code(boost::asio::error::connection_refused)})
    BOOST_TEST(
        (verdict_of({.phase = stream_phase::upgrade, .ec = ec}) == outcome_verdict::reconnect),
        ec.message());
}

BOOST_AUTO_TEST_CASE(lookup_outcomes) {
  outcome_decision not_found = classify_outcome(lookup_failed(fc::error::not_found));
  BOOST_TEST((not_found.verdict == outcome_verdict::terminal));
  BOOST_TEST((not_found.error == code(fc::error::not_found)));
  BOOST_TEST((verdict_of(lookup_failed(fc::error::timeout)) == outcome_verdict::reconnect));
  BOOST_TEST(
      (verdict_of(lookup_failed(fc::error::connection_failed)) == outcome_verdict::reconnect));
  for (int status : {500, 502, 503, 504, 408, 429})
    BOOST_TEST(
        (verdict_of(lookup_failed(fc::error::http_status, status)) == outcome_verdict::reconnect),
        status);
  for (int status : {400, 401, 403, 404}) {
    outcome_decision decision = classify_outcome(lookup_failed(fc::error::http_status, status));
    BOOST_TEST((decision.verdict == outcome_verdict::terminal), status);
    BOOST_TEST((decision.error == code(fc::error::http_status)), status);
  }
  // A proxy's maintenance page or a half-started server: transient, with or without a 2xx.
  BOOST_TEST((verdict_of(lookup_failed(fc::error::invalid_response)) == outcome_verdict::reconnect));
  BOOST_TEST(
      (verdict_of(lookup_failed(fc::error::invalid_response, 200)) == outcome_verdict::reconnect));
  BOOST_TEST((verdict_of(lookup_failed(fc::error::tls_failed)) == outcome_verdict::terminal));
}

BOOST_AUTO_TEST_CASE(setup_errors_and_cancellation_are_terminal_in_every_phase) {
  for (stream_phase phase : {stream_phase::lookup, stream_phase::upgrade, stream_phase::session})
    for (fc::error e :
         {fc::error::invalid_argument, fc::error::auth_failed, fc::error::cancelled}) {
      outcome_decision decision = classify_outcome({.phase = phase, .ec = code(e)});
      BOOST_TEST((decision.verdict == outcome_verdict::terminal));
      BOOST_TEST((decision.error == code(e)));
    }
}

BOOST_AUTO_TEST_SUITE_END()
