// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The event producer's batching decision on a fake clock: size, bytes, linger, flush and
// the in-flight bound.
#include "producer/batch_logic.hpp"

#include <boost/test/unit_test.hpp>

#include <vector>

namespace fcd = flowcore::detail;
using namespace std::chrono_literals;
using time_point = std::chrono::steady_clock::time_point;

BOOST_AUTO_TEST_SUITE(batch_logic)

BOOST_AUTO_TEST_CASE(a_batch_takes_what_fits_both_limits) {
  const fcd::batch_limits limits{.max_events = 3, .max_bytes = 20};
  // A body is its events, a comma between two, and the brackets.
  BOOST_TEST(fcd::batch_body_bytes(0, 0) == 2u);
  BOOST_TEST(fcd::batch_body_bytes(10, 3) == 14u);
  BOOST_TEST(fcd::batch_size(std::vector<std::size_t>{}, limits) == 0u);
  BOOST_TEST(fcd::batch_size(std::vector<std::size_t>{5, 5}, limits) == 2u);
  BOOST_TEST(fcd::batch_size(std::vector<std::size_t>{1, 1, 1, 1}, limits) == 3u);  // count
  // Two events of 6 make a body of 15 bytes; a third makes 22, over the 20.
  BOOST_TEST(fcd::batch_size(std::vector<std::size_t>{6, 6, 6}, limits) == 2u);
  // A body of exactly the limit fits.
  BOOST_TEST(fcd::batch_size(std::vector<std::size_t>{9, 8}, limits) == 2u);  // 20 bytes
  BOOST_TEST(fcd::batch_size(std::vector<std::size_t>{9, 9}, limits) == 1u);  // 21 bytes
}

BOOST_AUTO_TEST_CASE(an_event_too_large_for_any_batch_goes_alone) {
  const fcd::batch_limits limits{.max_events = 25, .max_bytes = 10};
  BOOST_TEST(fcd::batch_size(std::vector<std::size_t>{50, 1, 1}, limits) == 1u);
  BOOST_TEST(fcd::batch_size(std::vector<std::size_t>{1, 50}, limits) == 1u);  // waits its turn
}

BOOST_AUTO_TEST_CASE(a_lone_event_waits_for_its_linger_then_goes) {
  const fcd::batch_limits limits{.linger = 2ms};
  const time_point t0{};
  auto step = fcd::next_batch_step(1, 1, t0, 0, false, t0, limits);
  BOOST_TEST(!step.send_now);
  BOOST_TEST((step.wake_at == t0 + 2ms));
  step = fcd::next_batch_step(1, 1, t0, 0, false, t0 + 1999us, limits);
  BOOST_TEST(!step.send_now);
  step = fcd::next_batch_step(1, 1, t0, 0, false, t0 + 2ms, limits);
  BOOST_TEST(step.send_now);
}

BOOST_AUTO_TEST_CASE(a_full_batch_goes_at_once) {
  const fcd::batch_limits limits{.max_events = 25, .linger = 2ms};
  const time_point t0{};
  // 25 events: full by count.
  BOOST_TEST(fcd::next_batch_step(25, 25, t0, 0, false, t0, limits).send_now);
  // 3 waiting, 2 fit by bytes: full, the third starts the next batch.
  BOOST_TEST(fcd::next_batch_step(3, 2, t0, 0, false, t0, limits).send_now);
  // 24 waiting, all fit: not yet.
  BOOST_TEST(!fcd::next_batch_step(24, 24, t0, 0, false, t0, limits).send_now);
}

BOOST_AUTO_TEST_CASE(a_flush_sends_without_waiting_for_the_linger) {
  const fcd::batch_limits limits{.linger = 2ms};
  const time_point t0{};
  BOOST_TEST(fcd::next_batch_step(1, 1, t0, 0, true, t0, limits).send_now);
  const auto none = fcd::next_batch_step(0, 0, t0, 0, true, t0, limits);
  BOOST_TEST(!none.send_now);
  BOOST_TEST(!none.wake_at.has_value());
}

BOOST_AUTO_TEST_CASE(batches_in_flight_hold_the_next_one_back) {
  const time_point t0{};
  const fcd::batch_limits one{.linger = 2ms};
  // One batch in flight: even a full batch waits, with no timer (the batch's end wakes it).
  auto step = fcd::next_batch_step(25, 25, t0, 1, true, t0 + 1s, one);
  BOOST_TEST(!step.send_now);
  BOOST_TEST(!step.wake_at.has_value());
  const fcd::batch_limits four{.linger = 2ms, .max_in_flight = 4};
  BOOST_TEST(fcd::next_batch_step(25, 25, t0, 3, false, t0, four).send_now);
  BOOST_TEST(!fcd::next_batch_step(25, 25, t0, 4, false, t0, four).send_now);
}

BOOST_AUTO_TEST_SUITE_END()
