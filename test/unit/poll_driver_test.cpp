// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The delete/truncate wait (poll_until_done) driven on a fake clock: sleeps and checks
// advance the clock instead of taking time, and scripted checks answer "pending", "done",
// fail, or are cancelled. No sockets: the checks are plain coroutines.
#include "call.hpp"
#include "call_failure.hpp"
#include "client_impl.hpp"
#include "commands/delete_and_poll.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/system/system_error.hpp>
#include <boost/test/unit_test.hpp>

#include <exception>
#include <optional>
#include <vector>

namespace fc = flowcore;
namespace fcd = flowcore::detail;
namespace asio = boost::asio;
using namespace std::chrono_literals;
using std::chrono::milliseconds;

namespace {

enum class answer { pending, done, fail_http, cancelled };

struct fake_wait;
asio::awaitable<void> wait_in(fcd::call& c, fake_wait* w, fc::wait_options options);

struct fake_wait {
  asio::io_context ioc;
  fc::client client{ioc.get_executor(), fc::client_options{.credentials = fc::api_key{"fc_a_b"}}};
  std::shared_ptr<fcd::client_impl> impl = fcd::client_access::impl(client);
  fcd::steady_clock::time_point now = fcd::steady_clock::now();
  fcd::steady_clock::time_point started = now;
  milliseconds check_takes{5};
  std::vector<milliseconds> sleeps;
  std::vector<milliseconds> checks_at;  // fake time since `started` of each check
  std::vector<answer> script;           // answers in order; the last one repeats

  fake_wait() {
    impl->clock_override = [this] { return now; };
    impl->sleep_override = [this](milliseconds d) -> asio::awaitable<void> {
      sleeps.push_back(d);
      now += d;
      co_return;
    };
  }

  asio::awaitable<bool> check(fcd::steady_clock::time_point until) {
    checks_at.push_back(std::chrono::duration_cast<milliseconds>(now - started));
    const answer a = script[std::min(checks_at.size(), script.size()) - 1];
    now += check_takes;
    if (a == answer::fail_http) fcd::fail(fc::error::http_status, "HTTP 500 from the check");
    if (a == answer::cancelled)
      throw boost::system::system_error(asio::error::operation_aborted);  // as a cancelled I/O
    if (now > until) fcd::fail(fc::error::timeout, "the check passed its deadline");
    co_return a == answer::pending;
  }

  // Runs the wait in a call, as a command does; returns the call's error code (none when
  // the work was seen done).
  boost::system::error_code run(fc::wait_options options, fc::diagnostics& diag) {
    boost::system::error_code ec;
    asio::co_spawn(ioc, run_in_call(options, diag, ec), [](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
    });
    ioc.run();
    return ec;
  }

  asio::awaitable<void> run_in_call(fc::wait_options options, fc::diagnostics& diag,
                                    boost::system::error_code& ec) {
    const char* command = "data_core_request_delete";
    std::optional<fcd::call> c;
    std::exception_ptr failure;
    try {
      c.emplace(impl, command, fc::call_options{}, diag);
      co_await wait_in(*c, this, options);
    } catch (...) {
      failure = std::current_exception();
    }
    ec = fcd::end_call(*impl, command, diag, c ? &*c : nullptr, failure);
  }
};

asio::awaitable<void> wait_in(fcd::call& c, fake_wait* w, fc::wait_options options) {
  fcd::pending_check pending = [w](fcd::steady_clock::time_point until) {
    return w->check(until);
  };
  co_await fcd::poll_until_done(c, options, w->started, "deletion of DataCore x", pending);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(poll_driver)

BOOST_AUTO_TEST_CASE(done_at_the_first_check_means_no_sleep) {
  fake_wait w;
  w.script = {answer::done};
  fc::diagnostics diag;
  BOOST_TEST(!w.run({}, diag));
  BOOST_TEST(w.checks_at.size() == 1u);
  BOOST_TEST(w.checks_at[0].count() == 0);
  BOOST_TEST(w.sleeps.empty());
}

BOOST_AUTO_TEST_CASE(checks_are_spaced_by_the_interval) {
  fake_wait w;
  w.script = {answer::pending, answer::pending, answer::pending, answer::done};
  fc::diagnostics diag;
  BOOST_TEST(!w.run({.poll_interval = 250ms}, diag));
  BOOST_TEST(w.checks_at.size() == 4u);
  BOOST_TEST((w.sleeps == std::vector<milliseconds>{250ms, 250ms, 250ms}));
  BOOST_TEST(w.checks_at[3].count() == 3 * (250 + 5));
}

BOOST_AUTO_TEST_CASE(the_cap_ends_the_wait_with_wait_timeout) {
  fake_wait w;
  w.script = {answer::pending};
  fc::diagnostics diag;
  BOOST_TEST(w.run({.poll_interval = 100ms, .cap = 1s}, diag) == fc::error::wait_timeout);
  BOOST_TEST(diag.phase == "wait");
  BOOST_TEST(diag.message.find("deletion of DataCore x was requested and is still in progress") ==
             0u);
  // No check starts after the cap, and none was skipped before it.
  BOOST_TEST(w.checks_at.back() <= 1000ms);
  BOOST_TEST(w.checks_at.size() == 10u);  // at 0, 105, 210, ... 945 ms
}

BOOST_AUTO_TEST_CASE(a_check_cut_short_by_the_cap_is_a_wait_timeout) {
  fake_wait w;
  w.script = {answer::pending};
  w.check_takes = 300ms;  // checks at 0, 400 and 800 ms; the third would end at 1100 ms
  fc::diagnostics diag;
  BOOST_TEST(w.run({.poll_interval = 100ms, .cap = 1s}, diag) == fc::error::wait_timeout);
  BOOST_TEST(w.checks_at.size() == 3u);
}

BOOST_AUTO_TEST_CASE(an_error_during_a_check_ends_the_wait_with_that_error) {
  fake_wait w;
  w.script = {answer::pending, answer::fail_http, answer::done};
  fc::diagnostics diag;
  BOOST_TEST(w.run({}, diag) == fc::error::http_status);
  BOOST_TEST(diag.message == "HTTP 500 from the check");
  BOOST_TEST(w.checks_at.size() == 2u);  // nothing after the failure
}

BOOST_AUTO_TEST_CASE(cancellation_stops_the_wait_at_once) {
  fake_wait w;
  w.script = {answer::pending, answer::cancelled, answer::done};
  fc::diagnostics diag;
  BOOST_TEST(w.run({}, diag) == fc::error::cancelled);
  BOOST_TEST(w.checks_at.size() == 2u);
  BOOST_TEST(w.sleeps.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
