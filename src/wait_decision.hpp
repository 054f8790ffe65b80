// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The delete/truncate poll loop's decisions (docs/protocol.md sections 9.2 to 9.4) as a
// pure function of the options and the time: the driver asks, sleeps or polls, and asks
// again. It reads no clock, so unit tests walk it with a fake one.

#include <flowcore/wait.hpp>

#include <chrono>

namespace flowcore::detail {

enum class poll_action {
  poll,     ///< Check now.
  sleep,    ///< Sleep `delay`, then check.
  give_up,  ///< The cap is reached: fail with wait_timeout.
};

struct poll_step {
  poll_action action = poll_action::poll;
  std::chrono::milliseconds delay{0};  ///< For sleep.
};

/// What to do before the next check; asked at the start and after each check that said
/// "not done yet". `started` is when the request was answered (the cap counts from
/// there); `polls` is how many checks have completed; `now` is the current time.
/// - No check yet: check at once (no initial sleep, unlike the TypeScript SDK's truncate).
/// - The cap has passed: give up.
/// - The next check would start at now + poll_interval: past the cap, give up; else sleep
///   poll_interval, then check.
poll_step next_poll_step(const wait_options& options, std::chrono::steady_clock::time_point started,
                         int polls, std::chrono::steady_clock::time_point now);

/// When a check must end at the latest: the cap (a check still running then is abandoned
/// and the wait fails with wait_timeout).
std::chrono::steady_clock::time_point poll_deadline(const wait_options& options,
                                                    std::chrono::steady_clock::time_point started);

/// True when the options can drive a wait: both durations positive.
bool valid_wait_options(const wait_options& options) noexcept;

}  // namespace flowcore::detail
