// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// When and whether a notification stream reconnects (docs/protocol.md sections 10.8, 10.9).
// Pure decisions: time and the random draw come in as arguments, so unit tests walk them
// on a fake clock. The driver (the stream's reconnect loop) owns the timer and the socket.

#include <boost/system/error_code.hpp>

#include <chrono>
#include <optional>
#include <string>

namespace flowcore::detail {

/// Backoff never exceeds this before jitter (docs/protocol.md section 10.9).
inline constexpr std::chrono::milliseconds max_reconnect_backoff{30'000};

/// A connection open and subscribed this long is healthy: the attempt count starts over.
inline constexpr std::chrono::milliseconds healthy_connection_age{30'000};

/// The delay before reconnect attempt `attempt` (1 for the first since the last healthy
/// connection): min(30 s, interval × 2^(attempt-1)) × (0.8 + 0.4 × jitter01), so a
/// uniform draw `jitter01` in [0, 1) spreads clients over ±20 % and they do not reconnect
/// in lockstep. Saturates instead of overflowing for any attempt and interval. An attempt
/// below 1 counts as 1; a draw outside [0, 1] is clamped; a non-positive interval gives 0
/// (options validation rejects it earlier).
std::chrono::milliseconds reconnect_delay(std::chrono::milliseconds interval, int attempt,
                                          double jitter01) noexcept;

/// True when the options can drive reconnects: a positive interval, max_reconnects >= 0.
bool valid_reconnect_options(std::chrono::milliseconds interval, int max_reconnects) noexcept;

enum class reconnect_action {
  retry,      ///< Wait `delay`, then make attempt number `attempt`.
  exhausted,  ///< max_reconnects consecutive attempts failed: end with reconnects_exhausted.
};

struct reconnect_decision {
  reconnect_action action = reconnect_action::retry;
  std::chrono::milliseconds delay{0};  ///< For retry.
  int attempt = 0;                     ///< For retry: 1, 2, ... since the last healthy connection.
};

/// Counts reconnect attempts between healthy connections.
///
/// The driver calls on_connected() once a connection is open and subscribed, and
/// on_disconnected() whenever a connection ends or an attempt (the first connect included)
/// fails with a transient outcome (classify_outcome said reconnect). An attempt counts as
/// failed unless its connection became healthy, so a server that accepts and drops at
/// once still backs off and still exhausts max_reconnects.
class reconnect_state {
 public:
  /// `max_reconnects`: 0 = unlimited; N > 0 = end after N consecutive failed attempts.
  reconnect_state(std::chrono::milliseconds interval, int max_reconnects) noexcept;

  /// The connection is open and the subscription sent, at `now`.
  void on_connected(std::chrono::steady_clock::time_point now) noexcept;

  /// The connection ended, or the attempt failed, at `now`; `jitter01` is a uniform draw
  /// in [0, 1) made by the caller.
  reconnect_decision on_disconnected(std::chrono::steady_clock::time_point now,
                                     double jitter01) noexcept;

  /// Reconnect attempts made since the last healthy connection.
  int attempts() const noexcept { return attempts_; }

 private:
  std::chrono::milliseconds interval_;
  int max_reconnects_;
  int attempts_ = 0;
  std::optional<std::chrono::steady_clock::time_point> connected_since_;
};

/// Where in a connect attempt or session an outcome arose (docs/protocol.md section 10.2).
enum class stream_phase {
  lookup,   ///< Credentials and the name→id REST lookups (section 10.2 steps 1-2).
  upgrade,  ///< Connect, TLS, WebSocket upgrade, subscription write (steps 3-4).
  session,  ///< Reading: the server closed, a read or write failed, or the idle limit hit.
};

/// How one connect attempt or session ended.
struct stream_outcome {
  stream_phase phase = stream_phase::session;
  boost::system::error_code ec;  ///< fc::error or transport error; empty for a close frame.
  int http_status = 0;           ///< lookup: the REST status; upgrade: the non-101 answer; else 0.
  int close_code = 0;            ///< session: the server's close code; 0 if no close frame.
  std::string detail;  ///< For logs and diagnostics, e.g. "connect: Connection refused"; no secret.
};

enum class outcome_verdict {
  normal_end,  ///< The server closed with 1000: next() returns std::nullopt.
  reconnect,   ///< Transient: ask reconnect_state for the delay.
  terminal,    ///< Fail the stream with `error`.
};

struct outcome_decision {
  outcome_verdict verdict = outcome_verdict::reconnect;
  boost::system::error_code error;  ///< For terminal: the code next() reports.
};

/// Terminal versus transient, per docs/protocol.md sections 10.8 and 10.9:
/// - any phase: invalid_argument, auth_failed and cancelled are terminal (a retry cannot
///   fix them; cancellation means the consumer stopped);
/// - lookup: the REST path's own transient set reconnects (connection_failed, timeout,
///   and statuses 408, 429 and 5xx), and so does invalid_response: during a server's
///   restart a proxy may answer a lookup with a maintenance page, or a half-started
///   server with a body missing fields. Anything else is terminal with its own code:
///   not_found, another 4xx, tls_failed (a retry cannot fix them);
/// - upgrade: an answer with 408, 429 or a status outside 4xx reconnects, any other 4xx
///   (401 and 403 included: the token was fresh) is terminal as fc::error::http_status;
///   without an answer (failed or timed-out handshake) it reconnects;
/// - session: close code 1000 is the normal end, any other code reconnects, and so does
///   every read or write error and the idle timeout.
outcome_decision classify_outcome(const stream_outcome& outcome) noexcept;

}  // namespace flowcore::detail
