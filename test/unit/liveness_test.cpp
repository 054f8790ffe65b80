// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Keep-alive (docs/protocol.md section 10.7) on a fake clock: a driver that does
// what next_action says and jumps the clock straight to each wake-up time.
#include "notifications/liveness.hpp"

#include <boost/test/unit_test.hpp>

#include <chrono>
#include <vector>

namespace {

using namespace flowcore::detail;
using namespace std::chrono_literals;
using time_point = std::chrono::steady_clock::time_point;
using std::chrono::milliseconds;

constexpr time_point opened{};

milliseconds since_open(time_point t) {
  return std::chrono::duration_cast<milliseconds>(t - opened);
}

// Follows next_action until `until` or death, answering nothing; returns when pings went
// out (relative to the opening) and sets `died_at` if the peer was declared dead.
std::vector<milliseconds> run_silent(liveness& keep_alive, time_point until, time_point& died_at) {
  std::vector<milliseconds> pings;
  time_point now = opened;
  while (now <= until) {
    liveness_step step = keep_alive.next_action(now);
    if (step.action == liveness_action::declare_dead) {
      died_at = now;
      break;
    }
    if (step.action == liveness_action::send_ping) {
      keep_alive.on_ping_sent(now);
      pings.push_back(since_open(now));
      continue;
    }
    BOOST_TEST_REQUIRE((step.at > now));  // a wait always moves time forward
    now = step.at;
  }
  return pings;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(liveness)

BOOST_AUTO_TEST_CASE(defaults_are_twenty_and_sixty_seconds) {
  liveness_options options;
  BOOST_TEST((options.ping_interval == 20s));
  BOOST_TEST((options.idle_timeout == 60s));
}

BOOST_AUTO_TEST_CASE(waits_for_the_first_ping) {
  flowcore::detail::liveness keep_alive({}, opened);
  liveness_step step = keep_alive.next_action(opened);
  BOOST_TEST((step.action == liveness_action::wait));
  BOOST_TEST((since_open(step.at) == 20s));
  BOOST_TEST((keep_alive.next_action(opened + 19'999ms).action == liveness_action::wait));
  step = keep_alive.next_action(opened + 20s);
  BOOST_TEST((step.action == liveness_action::send_ping));
  BOOST_TEST((since_open(step.at) == 20s));
}

BOOST_AUTO_TEST_CASE(pings_every_interval_and_dies_at_the_idle_timeout) {
  flowcore::detail::liveness keep_alive({}, opened);
  time_point died_at = time_point::max();
  std::vector<milliseconds> pings = run_silent(keep_alive, opened + 10min, died_at);
  // Pings at 20 s and 40 s; at 60 s death wins over the ping due then.
  BOOST_TEST((pings == std::vector<milliseconds>{20s, 40s}));
  BOOST_TEST((since_open(died_at) == 60s));
}

BOOST_AUTO_TEST_CASE(a_late_ping_shifts_the_cadence) {
  flowcore::detail::liveness keep_alive({}, opened);
  // The writer was busy: the ping due at 20 s went out at 25 s.
  BOOST_TEST((keep_alive.next_action(opened + 25s).action == liveness_action::send_ping));
  keep_alive.on_ping_sent(opened + 25s);
  BOOST_TEST((since_open(keep_alive.ping_due_at()) == 45s));
  BOOST_TEST((keep_alive.next_action(opened + 30s).action == liveness_action::wait));
}

BOOST_AUTO_TEST_CASE(unsent_ping_stays_due) {
  flowcore::detail::liveness keep_alive({}, opened);
  // Until on_ping_sent, the driver is told again: no ping is lost to a slow writer.
  BOOST_TEST((keep_alive.next_action(opened + 21s).action == liveness_action::send_ping));
  BOOST_TEST((keep_alive.next_action(opened + 22s).action == liveness_action::send_ping));
}

BOOST_AUTO_TEST_CASE(any_received_byte_postpones_death) {
  flowcore::detail::liveness keep_alive({}, opened);
  time_point now = opened;
  // Pongs (or events) arriving every 50 s keep a connection alive for an hour.
  for (int i = 0; i < 72; ++i) {
    now += 50s;
    BOOST_TEST_REQUIRE((keep_alive.next_action(now).action != liveness_action::declare_dead));
    keep_alive.on_received(now);
    keep_alive.on_ping_sent(now);
  }
  BOOST_TEST((keep_alive.dead_at() == now + 60s));
}

BOOST_AUTO_TEST_CASE(dead_exactly_at_the_idle_timeout) {
  flowcore::detail::liveness keep_alive({}, opened);
  keep_alive.on_received(opened + 7s);
  keep_alive.on_ping_sent(opened + 59s);  // keep pings out of the way
  BOOST_TEST((keep_alive.next_action(opened + 67s - 1ms).action == liveness_action::wait));
  BOOST_TEST((since_open(keep_alive.next_action(opened + 67s - 1ms).at) == 67s));
  liveness_step step = keep_alive.next_action(opened + 67s);
  BOOST_TEST((step.action == liveness_action::declare_dead));
  BOOST_TEST((since_open(step.at) == 67s));
}

BOOST_AUTO_TEST_CASE(sending_a_ping_does_not_postpone_death) {
  flowcore::detail::liveness keep_alive({}, opened);
  keep_alive.on_ping_sent(opened + 20s);
  keep_alive.on_ping_sent(opened + 40s);
  keep_alive.on_ping_sent(opened + 59s);
  BOOST_TEST((keep_alive.next_action(opened + 60s).action == liveness_action::declare_dead));
}

BOOST_AUTO_TEST_CASE(out_of_order_reports_do_not_move_time_back) {
  flowcore::detail::liveness keep_alive({}, opened);
  keep_alive.on_received(opened + 30s);
  keep_alive.on_received(opened + 10s);
  BOOST_TEST((since_open(keep_alive.dead_at()) == 90s));
}

BOOST_AUTO_TEST_CASE(ping_interval_longer_than_idle_timeout) {
  flowcore::detail::liveness keep_alive({.ping_interval = 90s, .idle_timeout = 60s}, opened);
  liveness_step step = keep_alive.next_action(opened);
  BOOST_TEST((step.action == liveness_action::wait));
  BOOST_TEST((since_open(step.at) == 60s));  // wakes for death, not the later ping
  time_point died_at = time_point::max();
  std::vector<milliseconds> pings = run_silent(keep_alive, opened + 10min, died_at);
  BOOST_TEST(pings.empty());
  BOOST_TEST((since_open(died_at) == 60s));
}

BOOST_AUTO_TEST_CASE(custom_short_options) {
  flowcore::detail::liveness keep_alive({.ping_interval = 100ms, .idle_timeout = 350ms}, opened);
  time_point died_at = time_point::max();
  std::vector<milliseconds> pings = run_silent(keep_alive, opened + 10s, died_at);
  BOOST_TEST((pings == std::vector<milliseconds>{100ms, 200ms, 300ms}));
  BOOST_TEST((since_open(died_at) == 350ms));
}

BOOST_AUTO_TEST_CASE(huge_options_saturate_instead_of_overflowing) {
  flowcore::detail::liveness keep_alive(
      {.ping_interval = milliseconds::max(), .idle_timeout = milliseconds::max()}, opened);
  BOOST_TEST((keep_alive.dead_at() == time_point::max()));
  BOOST_TEST((keep_alive.next_action(opened + 24h * 365).action == liveness_action::wait));
  const time_point late = time_point::max() - 30s;
  flowcore::detail::liveness near_the_end({}, late);
  BOOST_TEST((near_the_end.dead_at() == time_point::max()));
  BOOST_TEST((near_the_end.ping_due_at() == late + 20s));
}

BOOST_AUTO_TEST_CASE(zero_or_negative_options_are_rejected) {
  BOOST_TEST(valid_liveness_options({}));
  BOOST_TEST(valid_liveness_options({.ping_interval = 1ms, .idle_timeout = 1ms}));
  BOOST_TEST(valid_liveness_options({.ping_interval = 90s, .idle_timeout = 60s}));
  BOOST_TEST(!valid_liveness_options({.ping_interval = 0ms}));
  BOOST_TEST(!valid_liveness_options({.ping_interval = -1ms}));
  BOOST_TEST(!valid_liveness_options({.idle_timeout = 0ms}));
  BOOST_TEST(!valid_liveness_options({.ping_interval = -20s, .idle_timeout = -60s}));
}

BOOST_AUTO_TEST_SUITE_END()
