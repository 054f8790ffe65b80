// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::wait_options`: how delete-and-poll and truncate-and-poll wait.

#include <chrono>

namespace flowcore {

/// @brief Polling of `*_request_delete` and `event_type_request_truncate` (docs/protocol.md
/// section 9).
///
/// The first check goes out as soon as the request is answered; then one every
/// `poll_interval` until the work is done. When the next check would start after `cap`
/// (counted from the request's answer), or `cap` passes during a check, the command fails
/// with `fc::error::wait_timeout`: the request was accepted and may still complete.
struct wait_options {
  std::chrono::milliseconds poll_interval{100};  ///< Between two checks. Must be positive.
  std::chrono::milliseconds cap{25'000};         ///< Then fail with wait_timeout. Positive.
};

}  // namespace flowcore
