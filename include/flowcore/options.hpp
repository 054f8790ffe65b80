// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::client_options`, `fc::timeouts` and the per-call `fc::call_options`.

#include <flowcore/auth.hpp>
#include <flowcore/log.hpp>
#include <flowcore/retry.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

namespace flowcore {

/// @brief Budgets of each phase of one HTTP attempt. Each is clipped to the call's deadline;
/// expiry fails the attempt with `fc::error::timeout` and names the phase in diagnostics.
struct timeouts {
  std::chrono::milliseconds resolve{10'000};        ///< DNS lookup (skipped for IP literals).
  std::chrono::milliseconds connect{10'000};        ///< TCP connect, all addresses together.
  std::chrono::milliseconds tls_handshake{10'000};  ///< TLS handshake.
  std::chrono::milliseconds write{30'000};          ///< Writing the whole request.
  std::chrono::milliseconds read_headers{30'000};   ///< From request sent to full headers.
  std::chrono::milliseconds read_body{30'000};      ///< Without progress while reading the body.
};

/// @brief Options of a `fc::client`. Every field has a default; name only what you change.
struct client_options {
  flowcore::credentials credentials;  ///< `fc::api_key` or `fc::bearer_token`.
  std::string base_url;               ///< `http[s]://host[:port]`; empty: the real Flowcore hosts.
  flowcore::retry_policy retry = {};  ///< 250 ms fixed, 3 retries.
  flowcore::timeouts timeouts = {};   ///< Per phase of an attempt.
  std::chrono::milliseconds deadline{60'000};   ///< Per call: attempts, sleeps and queueing.
  std::size_t max_connections_per_origin = 16;  ///< Then calls queue (FIFO) within the deadline.
  /// An idle pooled connection older than this is closed instead of reused. Keep it below
  /// the idle timeout of the server and of any load balancer in between (often 5 s or more),
  /// so that we drop a connection before the server may. Positive.
  std::chrono::milliseconds pool_idle_timeout{4000};
  std::string ca_file;           ///< Extra trust anchors (PEM file), added to the system's store.
  flowcore::logger logger = {};  ///< Silent by default.
};

/// @brief Per-call overrides of the client's options.
struct call_options {
  std::optional<flowcore::retry_policy> retry;        ///< Replaces `client_options::retry`.
  std::optional<std::chrono::milliseconds> deadline;  ///< Replaces `client_options::deadline`.
};

}  // namespace flowcore
