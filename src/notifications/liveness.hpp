// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Keep-alive of one notification connection (docs/protocol.md section 10.7): send a ping
// every `ping_interval`; declare the peer dead when nothing at all (event, pong, control
// frame) has arrived for `idle_timeout`. A half-open socket otherwise looks connected for
// hours. Pure: the driver reports what it saw and when, asks what to do, and owns the timer
// and the writes.

#include <chrono>

namespace flowcore::detail {

/// The keep-alive fields of `fc::notification_options`, which will mirror them.
struct liveness_options {
  std::chrono::milliseconds ping_interval{20'000};  ///< Between two pings we send.
  std::chrono::milliseconds idle_timeout{60'000};   ///< Nothing received this long: dead.
};

/// True when both durations are positive; the stream fails with invalid_argument otherwise.
/// A ping interval longer than the idle timeout is allowed: a silent peer is then declared
/// dead before any ping is sent.
bool valid_liveness_options(const liveness_options& options) noexcept;

enum class liveness_action {
  send_ping,     ///< A ping is due (since `at`): send it, then call on_ping_sent().
  declare_dead,  ///< Nothing received since `at` minus idle_timeout: close and reconnect.
  wait,          ///< Nothing to do before `at`: sleep until then, or until a frame arrives.
};

struct liveness_step {
  liveness_action action = liveness_action::wait;
  std::chrono::steady_clock::time_point at;  ///< When the ping was due, the peer died, or to wake.
};

/// One connection's keep-alive clock. Construct it when the connection opens; the opening
/// handshake counts as the first bytes received. Times far in the future saturate rather
/// than overflow, so huge options are harmless.
class liveness {
 public:
  liveness(const liveness_options& options, std::chrono::steady_clock::time_point opened) noexcept;

  /// Any bytes arrived at `now`: an event, a pong, any frame. Postpones death.
  void on_received(std::chrono::steady_clock::time_point now) noexcept;

  /// A ping went out at `now`; the next is due ping_interval later. Sending does not
  /// postpone death: only the peer's answer does.
  void on_ping_sent(std::chrono::steady_clock::time_point now) noexcept;

  /// What to do at `now`. Death wins over a due ping: a ping cannot revive a peer whose
  /// time is up, and the reconnect should not wait for it.
  liveness_step next_action(std::chrono::steady_clock::time_point now) const noexcept;

  /// When the peer will be declared dead unless bytes arrive first.
  std::chrono::steady_clock::time_point dead_at() const noexcept;

  /// When the next ping is due.
  std::chrono::steady_clock::time_point ping_due_at() const noexcept;

 private:
  liveness_options options_;
  std::chrono::steady_clock::time_point last_received_;
  std::chrono::steady_clock::time_point last_ping_;  ///< Or the opening, before the first ping.
};

}  // namespace flowcore::detail
