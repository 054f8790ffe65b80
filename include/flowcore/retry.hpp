// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::retry_policy`: when and how long to wait before re-sending a request.

#include <chrono>
#include <vector>

namespace flowcore {

/// @brief How the delay between attempts grows.
enum class backoff {
  fixed,        ///< Every delay is `retry_policy::delay`.
  exponential,  ///< Full jitter: uniform(0, min(max_delay, delay * 2^(retry-1))).
};

/// @brief Retry policy of a client (`client_options::retry`) or of one call
/// (`call_options::retry`). The default matches the TypeScript SDK: 250 ms fixed, 3 retries.
///
/// Idempotent commands are retried on `statuses` and on network errors. Commands that are
/// not idempotent (creates, ingestion) are retried only when the request provably never
/// left: a resolve, connect or TLS failure before any byte was written.
struct retry_policy {
  std::chrono::milliseconds delay{250};  ///< Fixed: every delay; exponential: the base.
  int max_retries = 3;                   ///< Extra attempts: at most 4 requests.
  flowcore::backoff backoff = flowcore::backoff::fixed;  ///< Or exponential with full jitter.
  std::chrono::milliseconds max_delay{20'000};           ///< Cap of one exponential delay.
  bool honor_retry_after = true;                      ///< Delay = max(policy delay, Retry-After).
  std::chrono::milliseconds max_retry_after{60'000};  ///< Longer: fail now, hint in diagnostics.
  std::vector<int> statuses{408, 429, 500, 502, 503, 504};  ///< Retryable HTTP statuses.

  /// @brief A policy that never retries.
  static retry_policy none() { return retry_policy{.max_retries = 0}; }
};

}  // namespace flowcore
