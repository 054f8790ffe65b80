// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// When an HTTP connection's one timer must fire, and what it does when it fires.
//
// Every phase of an exchange (write, read_headers, each read of the body) has a time
// limit. Arming and cancelling a timer per phase, as Beast's stream does per operation,
// costs a timer-queue update and a handler each time, for a timer that almost never
// fires. Instead the connection keeps one timer for the whole exchange and re-arms it
// only when it would fire too late (a phase whose limit comes before the armed time).
// When it fires early, because the phase it was armed for is over, it is armed again for
// the current phase's limit. When the exchange ends the timer is cancelled, so that an
// idle connection holds no pending wait (an io_context with nothing else to do returns
// from run()). One arm and one cancel per call, in the common case.
//
// Pure logic with the time passed in, so it is tested without a clock.

#include <chrono>
#include <optional>
#include <utility>

namespace flowcore::detail {

class phase_watch {
 public:
  using time_point = std::chrono::steady_clock::time_point;

  /// `phase` (a literal: "write", "read_headers", "read_body") begins and must end by
  /// `limit`. Returns when to arm the timer, or nullopt when it is already armed to fire
  /// no later than that, or when a phase of this exchange has expired: its socket is
  /// closed, and the expiry stands until the exchange ends. (A read can complete with data
  /// in the same turn as the timer fires; the next phase must not hide that expiry.)
  std::optional<time_point> begin(const char* phase, time_point limit) {
    if (!phase_) expired_phase_ = nullptr;  // a new exchange
    phase_ = phase;
    limit_ = limit;
    if (expired_phase_) return std::nullopt;
    if (armed_ && armed_at_ <= limit) return std::nullopt;
    armed_ = true;
    armed_at_ = limit;
    return limit;
  }

  /// The exchange is over: a firing timer does nothing, and the next begin() starts a new
  /// exchange. Returns true when the timer is armed and must be cancelled.
  bool end() noexcept {
    phase_ = nullptr;
    return std::exchange(armed_, false);
  }

  enum class action { none, rearm, expire };

  /// The timer fired at `now`. rearm: arm it again for limit() (the phase it was armed
  /// for is over, the current one ends later); expire: the current phase passed its limit,
  /// and expired() names it until the next exchange.
  action fired(time_point now) {
    armed_ = false;
    if (!phase_) return action::none;
    if (now < limit_) {
      armed_ = true;
      armed_at_ = limit_;
      return action::rearm;
    }
    expired_phase_ = phase_;
    return action::expire;
  }

  /// The phase whose limit passed, or null.
  const char* expired() const noexcept { return expired_phase_; }
  time_point limit() const noexcept { return limit_; }
  bool armed() const noexcept { return armed_; }

 private:
  const char* phase_ = nullptr;  // null: no exchange is running
  time_point limit_{};
  bool armed_ = false;
  time_point armed_at_{};
  const char* expired_phase_ = nullptr;
};

}  // namespace flowcore::detail
