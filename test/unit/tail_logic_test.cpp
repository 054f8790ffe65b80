// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The event tail's pure decisions and its position's text form, on a fake clock.
#include "tail/tail_logic.hpp"
#include "time_bucket.hpp"

#include <flowcore/event_tail.hpp>

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

namespace fc = flowcore;
namespace fcd = flowcore::detail;
using namespace std::chrono_literals;

namespace {

fc::tail_position two_types() {
  fc::tail_position p;
  p.event_types["created"] = {"20261205090000", "5e0f8c3a-0000-4000-8000-000000000001"};
  p.event_types["odd name;=/%é"] = {"20261204230000", "id/with;separators"};
  return p;
}

fc::error parse_error(std::string_view text) {
  try {
    fc::tail_position::parse(text);
  } catch (const fc::client_error& e) {
    BOOST_TEST(std::string(e.what()).find("not a tail position") != std::string::npos);
    return static_cast<fc::error>(e.code().value());
  }
  BOOST_FAIL("parsed: " << text);
  return {};
}

fc::event_tail_options valid_options() {
  fc::event_tail_options o;
  o.subscription = {
      .tenant = "acme", .data_core = "orders", .flow_type = "order", .event_types = {"created"}};
  return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(tail_logic)

BOOST_AUTO_TEST_CASE(a_position_survives_its_text_form) {
  const fc::tail_position p = two_types();
  const std::string text = p.to_string();
  BOOST_TEST(text.starts_with("t1;"));
  for (const char c : text) BOOST_TEST((c > 0x20 && c < 0x7f), "printable ASCII only");
  BOOST_TEST((fc::tail_position::parse(text) == p));
  BOOST_TEST(fc::tail_position::parse(fc::tail_position{}.to_string()).event_types.empty());
}

BOOST_AUTO_TEST_CASE(malformed_positions_are_invalid_argument) {
  for (std::string_view bad :
       {"", "t2", "x1;a=20261205090000/id", "t1a=20261205090000/id", "t1;a=2026120509000/id",
        "t1;a=2026120509000x/id", "t1;a=20261205090000", "t1;=20261205090000/id",
        "t1;a=20261205090000/", "t1;a=20261205090000/i%d", "t1;a=20261205090000/i%4",
        "t1;a=20261205090000/x;a=20261205090000/y"})
    BOOST_TEST(parse_error(bad) == fc::error::invalid_argument, bad);
}

BOOST_AUTO_TEST_CASE(what_to_read_next_is_every_later_bucket_once_in_order) {
  using v = std::vector<std::string>;
  const v listed{"20250101100000", "20250101110000", "20250101120000"};
  BOOST_TEST(fcd::buckets_after("", listed) == listed);
  BOOST_TEST(fcd::buckets_after("20250101100000", listed) ==
             (v{"20250101110000", "20250101120000"}));
  BOOST_TEST(fcd::buckets_after("20250101120000", listed).empty());
  // Out of order or repeated: nothing behind the last one taken.
  const v messy{"20250101110000", "20250101100000", "20250101110000", "20250101120000"};
  BOOST_TEST(fcd::buckets_after("", messy) == (v{"20250101110000", "20250101120000"}));
  BOOST_TEST(fcd::is_time_bucket("20250101100000"));
  for (std::string_view bad :
       {"", "2025010110000", "202501011000000", "2025010110000x", "-0250101100000"})
    BOOST_TEST(!fcd::is_time_bucket(bad), bad);
}

BOOST_AUTO_TEST_CASE(failures_retrying_cannot_fix_are_terminal) {
  using fc::error;
  for (error e : {error::invalid_argument, error::not_allowed_in_mode, error::not_found,
                  error::auth_failed, error::tls_failed})
    BOOST_TEST(fcd::is_terminal_read_failure(e, 0));
  for (error e :
       {error::timeout, error::connection_failed, error::invalid_response, error::cancelled})
    BOOST_TEST(!fcd::is_terminal_read_failure(e, 0));
  for (int status : {400, 401, 403, 404, 409, 422})
    BOOST_TEST(fcd::is_terminal_read_failure(error::http_status, status), status);
  for (int status : {408, 429, 500, 502, 503, 504})
    BOOST_TEST(!fcd::is_terminal_read_failure(error::http_status, status), status);
}

BOOST_AUTO_TEST_CASE(pages_are_half_the_buffer_within_the_server_cap) {
  BOOST_TEST(fcd::tail_page_size(1) == 1u);
  BOOST_TEST(fcd::tail_page_size(2) == 1u);
  BOOST_TEST(fcd::tail_page_size(3) == 2u);
  BOOST_TEST(fcd::tail_page_size(1000) == 500u);
  BOOST_TEST(fcd::tail_page_size(100000) == 10000u);
}

BOOST_AUTO_TEST_CASE(read_retries_back_off_up_to_the_poll_interval) {
  BOOST_TEST(fcd::read_retry_delay(1s, 20s, 1, 0.5).count() == 1000);
  BOOST_TEST(fcd::read_retry_delay(1s, 20s, 2, 0.5).count() == 2000);
  BOOST_TEST(fcd::read_retry_delay(1s, 20s, 5, 0.5).count() == 16000);
  BOOST_TEST(fcd::read_retry_delay(1s, 20s, 6, 0.5).count() == 20000);
  BOOST_TEST(fcd::read_retry_delay(1s, 20s, 1000, 0.5).count() == 20000);
  BOOST_TEST(fcd::read_retry_delay(1s, 20s, 1, 0.0).count() == 800);
  BOOST_TEST(fcd::read_retry_delay(1s, 20s, 1, 0.999).count() >= 1199);
}

BOOST_AUTO_TEST_CASE(redeliveries_double_and_saturate) {
  BOOST_TEST(fcd::redelivery_wait(100ms, 1).count() == 100);
  BOOST_TEST(fcd::redelivery_wait(100ms, 2).count() == 200);
  BOOST_TEST(fcd::redelivery_wait(100ms, 4).count() == 800);
  BOOST_TEST(fcd::redelivery_wait(100ms, 1'000'000).count() > 0);
  BOOST_TEST(fcd::redelivery_wait(0ms, 3).count() == 0);
}

BOOST_AUTO_TEST_CASE(valid_times_parse_with_fraction_and_offset) {
  using namespace std::chrono;
  const auto base = sys_days(2026y / December / 5) + 9h + 30min + 15s;
  BOOST_TEST((fcd::parse_valid_time("2026-12-05T09:30:15Z") == base));
  BOOST_TEST((fcd::parse_valid_time("2026-12-05T09:30:15.250Z") == base + 250ms));
  BOOST_TEST((fcd::parse_valid_time("2026-12-05T10:30:15+01:00") == base));
  BOOST_TEST((fcd::parse_valid_time("2026-12-05T08:00:15-01:30") == base));
  for (std::string_view bad :
       {"", "2026-12-05", "2026-12-05T09:30:15", "2026-13-05T09:30:15Z", "2026-02-30T09:30:15Z",
        "2026-12-05T24:00:00Z", "2026-12-05T09:30:15.Z", "2026-12-05T09:30:15Zjunk",
        "2026-12-05 09:30:15Z"})
    BOOST_TEST(!fcd::parse_valid_time(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(a_commit_is_due_after_n_events_or_t_after_the_first) {
  fcd::checkpoint_schedule s(3, 1000ms);
  std::chrono::steady_clock::time_point now{};
  BOOST_TEST(!s.due(now));
  BOOST_TEST((s.due_at() == std::chrono::steady_clock::time_point::max()));
  s.on_done(now);
  BOOST_TEST(!s.due(now + 999ms));
  BOOST_TEST(s.due(now + 1000ms));
  s.on_done(now + 10ms);
  BOOST_TEST(!s.due(now + 10ms));
  s.on_done(now + 20ms);
  BOOST_TEST(s.due(now + 20ms));  // the third event
  s.on_committed();
  BOOST_TEST(s.pending() == 0u);
  BOOST_TEST(!s.due(now + 5000ms));
  s.on_done(now + 5000ms);  // the interval counts from the first event after a commit
  BOOST_TEST((s.due_at() == now + 6000ms));
}

BOOST_AUTO_TEST_CASE(options_are_checked_before_any_io) {
  BOOST_TEST(!fcd::tail_options_problem(valid_options()));
  auto problem = [](auto change) {
    fc::event_tail_options o = valid_options();
    change(o);
    return fcd::tail_options_problem(o).value_or("");
  };
  BOOST_TEST(problem([](auto& o) { o.subscription.tenant.clear(); }).find("tenant") !=
             std::string::npos);
  BOOST_TEST(problem([](auto& o) { o.subscription.event_types.clear(); }).find("event_types") !=
             std::string::npos);
  BOOST_TEST(problem([](auto& o) {
               o.subscription.event_types.push_back("created");
             }).find("twice") != std::string::npos);
  BOOST_TEST(problem([](auto& o) { o.max_buffered_events = 0; }).find("max_buffered_events") !=
             std::string::npos);
  BOOST_TEST(problem([](auto& o) {
               o.max_buffered_events = 100'001;
             }).find("max_buffered_events") != std::string::npos);
  BOOST_TEST(problem([](auto& o) { o.poll_interval = 0ms; }).find("poll_interval") !=
             std::string::npos);
  BOOST_TEST(problem([](auto& o) { o.checkpoint_every = 0; }).find("checkpoint_every") !=
             std::string::npos);
  BOOST_TEST(problem([](auto& o) {
               o.max_concurrent_handlers = 0;
             }).find("max_concurrent_handlers") != std::string::npos);
  BOOST_TEST(problem([](auto& o) { o.max_redeliveries = -1; }).find("max_redeliveries") !=
             std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
