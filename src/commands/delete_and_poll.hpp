// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The wait after a delete or truncate request (API-CONTRACT.md 5.1 steps 5-7): the
// decisions come from wait_decision.hpp, this drives them with real checks and sleeps.

#include "call.hpp"

#include <flowcore/wait.hpp>

#include <functional>
#include <string>

namespace flowcore::detail {

/// One check: true while the work is not done yet. Must end by `until` (the wait cap).
using pending_check = std::function<boost::asio::awaitable<bool>(steady_clock::time_point until)>;

/// Checks at once, then every poll_interval, until `still_pending` says false. Fails with
/// wait_timeout when the cap (from `started`, the request's answer) is reached, naming
/// `what` ("deletion of DataCore <id>") as requested and still in progress. A check's
/// own failure ends the wait with that failure; cancellation ends it at once.
boost::asio::awaitable<void> poll_until_done(call& c, wait_options options,
                                             steady_clock::time_point started, std::string what,
                                             const pending_check& still_pending);

/// Before any I/O: poll_interval and cap must be positive, else invalid_argument.
void check_wait_options(const call& c, const wait_options& options);

}  // namespace flowcore::detail
