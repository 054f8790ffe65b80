// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The poll loop walked on a fake clock: each step advances time by what a real loop
// would spend (the sleep, or a check's round trip).
#include "wait_decision.hpp"

#include <boost/test/unit_test.hpp>

namespace fc = flowcore;
namespace fcd = flowcore::detail;
using namespace std::chrono_literals;
using time_point = std::chrono::steady_clock::time_point;

namespace {
struct fake_loop {
  fc::wait_options options;
  time_point started{};
  time_point now{};
  int polls = 0;
  std::chrono::milliseconds check_takes{5ms};

  // Runs until the work is seen done after `done_after` checks, or the loop gives up.
  // Returns the number of checks made, or -1 if it gave up.
  int run(int done_after) {
    for (;;) {
      fcd::poll_step step = fcd::next_poll_step(options, started, polls, now);
      if (step.action == fcd::poll_action::give_up) return -1;
      if (step.action == fcd::poll_action::sleep) {
        BOOST_TEST(step.delay == options.poll_interval);
        now += step.delay;
      }
      now += check_takes;
      ++polls;
      if (polls == done_after) return polls;
    }
  }
};
}  // namespace

BOOST_AUTO_TEST_SUITE(wait_decision)

BOOST_AUTO_TEST_CASE(first_check_goes_out_at_once) {
  fcd::poll_step first = fcd::next_poll_step({}, time_point{}, 0, time_point{});
  BOOST_TEST((first.action == fcd::poll_action::poll));
  fake_loop loop;
  BOOST_TEST(loop.run(1) == 1);
  BOOST_TEST((loop.now - loop.started == 5ms));  // no sleep before the first check
}

BOOST_AUTO_TEST_CASE(checks_are_spaced_by_the_interval) {
  fake_loop loop{.options = {.poll_interval = 100ms, .cap = 25s}};
  BOOST_TEST(loop.run(4) == 4);
  // 4 checks of 5 ms and 3 sleeps of 100 ms.
  BOOST_TEST((loop.now - loop.started == 320ms));
}

BOOST_AUTO_TEST_CASE(gives_up_when_the_next_check_would_start_after_the_cap) {
  fake_loop loop{.options = {.poll_interval = 100ms, .cap = 1s}};
  BOOST_TEST(loop.run(1000) == -1);
  // The last check ended at or before the cap and another would start after it.
  BOOST_TEST((loop.now - loop.started <= 1s));
  BOOST_TEST((loop.now + 100ms - loop.started > 1s));
  BOOST_TEST(loop.polls == 10);
}

BOOST_AUTO_TEST_CASE(gives_up_when_the_cap_passes_during_a_check) {
  fake_loop loop{.options = {.poll_interval = 100ms, .cap = 250ms}, .check_takes = 300ms};
  BOOST_TEST(loop.run(1000) == -1);
  BOOST_TEST(loop.polls == 1);
  BOOST_TEST((fcd::poll_deadline(loop.options, loop.started) == loop.started + 250ms));
}

BOOST_AUTO_TEST_CASE(default_options_match_the_contract) {
  fc::wait_options defaults;
  BOOST_TEST(defaults.poll_interval.count() == 100);
  BOOST_TEST(defaults.cap.count() == 25'000);
  fake_loop loop;  // defaults: ~240 checks fit in 25 s with 5 ms checks
  BOOST_TEST(loop.run(100000) == -1);
  BOOST_TEST(loop.polls > 200);
  BOOST_TEST(loop.polls < 250);
}

BOOST_AUTO_TEST_CASE(options_must_be_positive) {
  BOOST_TEST(fcd::valid_wait_options({}));
  BOOST_TEST(!fcd::valid_wait_options({.poll_interval = 0ms}));
  BOOST_TEST(!fcd::valid_wait_options({.cap = -1ms}));
}

BOOST_AUTO_TEST_SUITE_END()
