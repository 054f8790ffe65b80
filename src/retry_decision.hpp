// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The retry decision: a pure function of (attempt, outcome, policy, idempotency, random
// draw, time left). It owns no timer and reads no clock, so unit tests drive it directly.

#include <flowcore/retry.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <optional>

namespace flowcore::detail {

/// Whether re-sending a request that may have reached the server is safe.
enum class idempotency {
  idempotent,  ///< Fetches, lists, updates, deletes: retried on the whole retryable set.
  unsafe,      ///< Creates, ingestion: retried only if nothing was written to the socket.
};

/// What one HTTP attempt ended with.
struct attempt_outcome {
  boost::system::error_code ec;  ///< An fc::error (connection_failed, timeout, http_status, ...).
  int http_status = 0;           ///< 0: no response arrived.
  std::optional<std::chrono::milliseconds> retry_after;  ///< Parsed Retry-After, if any.
  bool may_have_reached_server = true;  ///< false: failed before a byte was written.
};

/// Why the decision came out as it did; used for logs and diagnostics.
enum class retry_verdict {
  retry,                 ///< Wait `delay`, then send again.
  not_retryable,         ///< The outcome or the command's idempotency forbids a retry.
  exhausted,             ///< `max_retries` retries were already made.
  retry_after_too_long,  ///< Retry-After exceeds `max_retry_after`.
  past_deadline,         ///< The delay would end after the call's deadline.
};

struct retry_decision {
  retry_verdict verdict = retry_verdict::not_retryable;
  std::chrono::milliseconds delay{0};  ///< Meaningful only for retry_verdict::retry.

  explicit operator bool() const noexcept { return verdict == retry_verdict::retry; }
};

/// Decides whether to retry after attempt number `attempt` (1 for the first request)
/// ended with `outcome`.
///
/// - `jitter01` is a uniform draw in [0, 1) made by the caller; exponential backoff uses
///   full jitter: delay = jitter01 * min(max_delay, delay * 2^(attempt-1)).
/// - With `honor_retry_after`, delay = max(policy delay, Retry-After); a Retry-After over
///   `max_retry_after` gives up at once (retry_after_too_long).
/// - `time_left` is what remains of the call's deadline; a delay that would not end
///   before it gives up (past_deadline).
/// - Retryable: `statuses` and network errors (fc::error::connection_failed and
///   fc::error::timeout). Never: tls_failed, auth_failed, cancelled, invalid_response,
///   invalid_argument, not_allowed_in_mode, or a status not in `statuses`.
/// - unsafe commands: only when `!outcome.may_have_reached_server`.
retry_decision decide_retry(int attempt, const attempt_outcome& outcome, const retry_policy& policy,
                            idempotency idem, double jitter01, std::chrono::milliseconds time_left);

/// True for the transport errors a retry may fix (connection_failed, timeout).
bool is_retryable_network_error(boost::system::error_code ec) noexcept;

}  // namespace flowcore::detail
