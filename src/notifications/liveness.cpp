// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "notifications/liveness.hpp"

#include <algorithm>

namespace flowcore::detail {

namespace {

using time_point = std::chrono::steady_clock::time_point;
using clock_duration = std::chrono::steady_clock::duration;

// `from + delay` clamped to the clock's range. steady_clock counts nanoseconds in 64 bits,
// so a delay of milliseconds::max() (or 300 years) would overflow: signed overflow is
// undefined behaviour, and UBSan fails the build's tests on it.
time_point saturating_add(time_point from, std::chrono::milliseconds delay) noexcept {
  if (delay.count() <= 0) return from;
  constexpr auto max_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_duration::max());
  if (delay >= max_ms) return time_point::max();
  const clock_duration step = std::chrono::duration_cast<clock_duration>(delay);
  if (from.time_since_epoch() > clock_duration::max() - step) return time_point::max();
  return from + step;
}

}  // namespace

bool valid_liveness_options(const liveness_options& options) noexcept {
  return options.ping_interval.count() > 0 && options.idle_timeout.count() > 0;
}

liveness::liveness(const liveness_options& options, time_point opened) noexcept
    : options_(options), last_received_(opened), last_ping_(opened) {}

void liveness::on_received(time_point now) noexcept {
  // Reports may arrive out of order from different completions; time never goes back.
  last_received_ = std::max(last_received_, now);
}

void liveness::on_ping_sent(time_point now) noexcept { last_ping_ = std::max(last_ping_, now); }

time_point liveness::dead_at() const noexcept {
  return saturating_add(last_received_, options_.idle_timeout);
}

time_point liveness::ping_due_at() const noexcept {
  return saturating_add(last_ping_, options_.ping_interval);
}

liveness_step liveness::next_action(time_point now) const noexcept {
  const time_point dead = dead_at();
  const time_point ping = ping_due_at();
  if (now >= dead) return {liveness_action::declare_dead, dead};
  if (now >= ping) return {liveness_action::send_ping, ping};
  return {liveness_action::wait, std::min(dead, ping)};
}

}  // namespace flowcore::detail
