// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The HTTP connection's one timer, walked on a fake clock: armed once per exchange,
// re-armed only for an earlier limit or after firing early, quiet when no exchange runs.
#include "transport/phase_watch.hpp"

#include <boost/test/unit_test.hpp>

namespace fcd = flowcore::detail;
using namespace std::chrono_literals;
using action = fcd::phase_watch::action;
using time_point = fcd::phase_watch::time_point;

BOOST_AUTO_TEST_SUITE(phase_watch)

BOOST_AUTO_TEST_CASE(later_phases_reuse_the_armed_timer) {
  fcd::phase_watch w;
  const time_point t0{};
  BOOST_TEST((w.begin("write", t0 + 30s) == t0 + 30s));  // the first phase arms it
  BOOST_TEST(!w.begin("read_headers", t0 + 31s).has_value());
  BOOST_TEST(!w.begin("read_body", t0 + 32s).has_value());
  BOOST_TEST(w.armed());
  BOOST_TEST(w.end());  // armed: the caller cancels it
  BOOST_TEST(!w.armed());
  BOOST_TEST(!w.end());  // nothing left to cancel
}

BOOST_AUTO_TEST_CASE(an_earlier_limit_rearms) {
  fcd::phase_watch w;
  const time_point t0{};
  BOOST_TEST((w.begin("write", t0 + 30s) == t0 + 30s));
  // A deadline closer than the write budget: the armed time is too late.
  BOOST_TEST((w.begin("read_headers", t0 + 5s) == t0 + 5s));
  BOOST_TEST(!w.begin("read_body", t0 + 6s).has_value());
}

BOOST_AUTO_TEST_CASE(firing_early_rearms_for_the_current_phase) {
  fcd::phase_watch w;
  const time_point t0{};
  (void)w.begin("write", t0 + 10s);
  (void)w.begin("read_headers", t0 + 40s);  // no re-arm: the timer fires at 10 s
  BOOST_TEST((w.fired(t0 + 10s) == action::rearm));
  BOOST_TEST((w.limit() == t0 + 40s));
  BOOST_TEST(w.armed());
  BOOST_TEST(w.expired() == nullptr);
}

BOOST_AUTO_TEST_CASE(firing_past_the_limit_expires_the_phase) {
  fcd::phase_watch w;
  const time_point t0{};
  (void)w.begin("write", t0 + 10s);
  (void)w.begin("read_headers", t0 + 40s);
  BOOST_TEST((w.fired(t0 + 10s) == action::rearm));
  BOOST_TEST((w.fired(t0 + 40s) == action::expire));
  BOOST_TEST(w.expired() == std::string("read_headers"));
  BOOST_TEST(!w.armed());
  // The next exchange starts clean.
  w.end();
  (void)w.begin("write", t0 + 80s);
  BOOST_TEST(w.expired() == nullptr);
}

BOOST_AUTO_TEST_CASE(an_expiry_stands_until_the_exchange_ends) {
  // A read completed with data in the same turn as the timer fired: the exchange goes on
  // to its next phase, on a socket the expiry has closed. That phase must still report the
  // expiry, not the error of the closed socket.
  fcd::phase_watch w;
  const time_point t0{};
  (void)w.begin("read_body", t0 + 10s);
  BOOST_TEST((w.fired(t0 + 10s) == action::expire));
  BOOST_TEST((w.begin("read_body", t0 + 40s) == std::nullopt));  // nothing to arm
  BOOST_TEST(w.expired() == std::string("read_body"));
  w.end();
  BOOST_TEST(w.expired() == std::string("read_body"));  // read after the exchange ended
  BOOST_TEST((w.begin("write", t0 + 80s) == t0 + 80s));
  BOOST_TEST(w.expired() == nullptr);
}

BOOST_AUTO_TEST_CASE(firing_after_the_exchange_does_nothing) {
  fcd::phase_watch w;
  const time_point t0{};
  (void)w.begin("write", t0 + 10s);
  // The exchange ended, but the timer had fired before it could be cancelled.
  w.end();
  BOOST_TEST((w.fired(t0 + 10s) == action::none));
  BOOST_TEST(w.expired() == nullptr);
  BOOST_TEST((w.begin("write", t0 + 20s) == t0 + 20s));  // armed afresh
}

BOOST_AUTO_TEST_CASE(a_stale_firing_during_the_next_exchange_rearms) {
  fcd::phase_watch w;
  const time_point t0{};
  (void)w.begin("write", t0 + 10s);
  w.end();
  // The next exchange armed the timer again; then the old firing's handler ran.
  BOOST_TEST((w.begin("write", t0 + 40s) == t0 + 40s));
  BOOST_TEST((w.fired(t0 + 10s) == action::rearm));
  BOOST_TEST((w.limit() == t0 + 40s));
  BOOST_TEST(w.expired() == nullptr);
}

BOOST_AUTO_TEST_SUITE_END()
