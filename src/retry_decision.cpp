// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "retry_decision.hpp"

#include <flowcore/error.hpp>

#include <algorithm>

namespace flowcore::detail {
namespace {

using std::chrono::milliseconds;

bool is_retryable_status(int status, const retry_policy& policy) {
  return std::find(policy.statuses.begin(), policy.statuses.end(), status) != policy.statuses.end();
}

// Whether the outcome, on its own and given the command's idempotency, allows another try.
bool outcome_allows_retry(const attempt_outcome& outcome, const retry_policy& policy,
                          idempotency idem) {
  if (outcome.http_status != 0) {
    // A status is an answer, so the request reached the server and may have been applied:
    // an unsafe command is never resent (docs/protocol.md section 7.2; a 503 on an ingest
    // may still have stored the event).
    if (idem == idempotency::unsafe) return false;
    return is_retryable_status(outcome.http_status, policy);
  }
  if (!is_retryable_network_error(outcome.ec)) return false;
  // A timeout or a reset after the first byte was written may have been processed.
  return idem == idempotency::idempotent || !outcome.may_have_reached_server;
}

// min(max_delay, delay * 2^(attempt - 1)), doubling step by step so that neither a huge
// attempt number nor a huge delay can overflow.
milliseconds exponential_ceiling(int attempt, milliseconds base, milliseconds max_delay) {
  const milliseconds cap = std::max(max_delay, milliseconds(0));
  milliseconds ceiling = std::clamp(base, milliseconds(0), cap);
  // A zero ceiling stays zero: stop at once instead of looping up to INT_MAX times.
  for (int i = 1; i < attempt && ceiling > milliseconds(0) && ceiling < cap; ++i)
    ceiling = ceiling > cap / 2 ? cap : ceiling * 2;
  return ceiling;
}

// Full jitter (uniform(0, ceiling)): spreads clients that failed together so they do not
// retry in lockstep (docs/protocol.md section 7.2).
milliseconds full_jitter(milliseconds ceiling, double jitter01) {
  // The draw comes from the caller; a NaN or out-of-range value must not become UB in the
  // conversion below.
  if (!(jitter01 > 0.0)) return milliseconds(0);
  const double ceiling_ms = static_cast<double>(ceiling.count());
  const double scaled = ceiling_ms * jitter01;
  if (!(scaled < ceiling_ms)) return ceiling;
  return milliseconds(static_cast<milliseconds::rep>(scaled));
}

milliseconds policy_delay(int attempt, const retry_policy& policy, double jitter01) {
  if (policy.backoff == backoff::exponential)
    return full_jitter(exponential_ceiling(attempt, policy.delay, policy.max_delay), jitter01);
  return std::max(policy.delay, milliseconds(0));
}

}  // namespace

bool is_retryable_network_error(boost::system::error_code ec) noexcept {
  return ec == error::connection_failed || ec == error::timeout;
}

retry_decision decide_retry(int attempt, const attempt_outcome& outcome, const retry_policy& policy,
                            idempotency idem, double jitter01, milliseconds time_left) {
  // The order of the checks is part of the contract: the verdict tells the caller why it
  // stops, and "not retryable" is more useful than "exhausted" for a 400.
  if (!outcome_allows_retry(outcome, policy, idem)) return {retry_verdict::not_retryable};

  // Attempt n failed; a retry would be request n + 1, and at most max_retries + 1 requests
  // are made.
  if (attempt > policy.max_retries) return {retry_verdict::exhausted};

  milliseconds delay = policy_delay(attempt, policy, jitter01);
  if (policy.honor_retry_after && outcome.retry_after) {
    const milliseconds hint = std::max(*outcome.retry_after, milliseconds(0));
    // A server asking for a long pause is better answered at once with the hint (in
    // diagnostics) than by parking the call (docs/protocol.md section 7.3).
    if (hint > policy.max_retry_after) return {retry_verdict::retry_after_too_long};
    delay = std::max(delay, hint);
  }

  // Sleeping into the deadline would only turn this failure into a timeout later.
  if (delay >= time_left) return {retry_verdict::past_deadline};

  return {retry_verdict::retry, delay};
}

}  // namespace flowcore::detail
