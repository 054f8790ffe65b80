// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands/delete_and_poll.hpp"

#include "call_failure.hpp"
#include "wait_decision.hpp"

namespace flowcore::detail {

namespace {

[[noreturn]] void fail_wait_timeout(call& c, const std::string& what, int polls,
                                    steady_clock::time_point started) {
  auto elapsed =
      std::chrono::duration_cast<std::chrono::milliseconds>(steady_clock::now() - started);
  c.diag().phase = "wait";
  fail(error::wait_timeout, what + " was requested and is still in progress after " +
                                std::to_string(polls) + " checks in " +
                                std::to_string(elapsed.count()) + " ms");
}

}  // namespace

void check_wait_options(const call& c, const wait_options& options) {
  if (!valid_wait_options(options))
    fail(error::invalid_argument,
         std::string(c.command()) + ": wait_options::poll_interval and cap must be positive");
}

boost::asio::awaitable<void> poll_until_done(call& c, wait_options options,
                                             steady_clock::time_point started, std::string what,
                                             const pending_check& still_pending) {
  const steady_clock::time_point cap_end = poll_deadline(options, started);
  int polls = 0;
  for (;;) {
    poll_step step = next_poll_step(options, started, polls, steady_clock::now());
    if (step.action == poll_action::give_up) fail_wait_timeout(c, what, polls, started);
    if (step.action == poll_action::sleep) co_await c.sleep(step.delay);
    bool pending = true;
    try {
      pending = co_await still_pending(cap_end);
    } catch (const call_failure& failure) {
      // A check cut short by the cap is the cap's doing, not the server's.
      if (failure.code == error::timeout && steady_clock::now() >= cap_end)
        fail_wait_timeout(c, what, polls, started);
      throw;
    }
    ++polls;
    if (!pending) co_return;
  }
}

}  // namespace flowcore::detail
