// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// When a destination's waiting events become a batch, and how many it takes: the batching
// decision of the event producer, as pure logic with the time passed in, so that it is
// tested without a clock.
//
// Events wait per destination in the order they were sent. A batch takes the longest
// run of them from the front that fits `max_events` and `max_bytes` (the JSON array's
// bytes: brackets and commas included); an event too large for any batch goes alone,
// so that nothing waits forever. A batch is sent when it is full (the next event would
// not fit), when the first waiting event has waited `linger`, or when the producer
// flushes; and only while fewer than `max_in_flight` batches of that destination are in
// flight, since one batch in flight at a time is what keeps the send order.

#include <chrono>
#include <cstddef>
#include <optional>

namespace flowcore::detail {

struct batch_limits {
  std::size_t max_events = 25;                   ///< The service takes at most 25 per batch.
  std::size_t max_bytes = std::size_t(1) << 20;  ///< Of the batch's body, brackets included.
  std::chrono::microseconds linger{2000};        ///< The longest a lone event waits for company.
  std::size_t max_in_flight = 1;                 ///< Batches per destination; 1 keeps the order.
};

/// The body of a batch of `count` events whose texts total `event_bytes`: `[e1,e2,...]`.
constexpr std::size_t batch_body_bytes(std::size_t event_bytes, std::size_t count) {
  return count == 0 ? 2 : event_bytes + count + 1;
}

/// How many of the waiting events, given by their sizes in send order, the next batch
/// takes: as many as fit both limits, and at least one when any waits.
template <class Sizes>
std::size_t batch_size(const Sizes& sizes, const batch_limits& limits) {
  std::size_t count = 0;
  std::size_t bytes = 0;
  for (std::size_t size : sizes) {
    if (count == limits.max_events) break;
    if (count > 0 && batch_body_bytes(bytes + size, count + 1) > limits.max_bytes) break;
    bytes += size;
    ++count;
  }
  return count;
}

/// What to do now for one destination.
struct batch_step {
  bool send_now = false;  ///< Send a batch of batch_size() events now.
  /// Otherwise, when to decide again (the first event's linger ends); nullopt: only when
  /// something changes (an event arrives, a batch ends, a flush begins).
  std::optional<std::chrono::steady_clock::time_point> wake_at;
};

/// `waiting` events wait, the first since `first_since`; the next batch would take
/// `fits` of them (batch_size()); `in_flight` batches are under way.
inline batch_step next_batch_step(std::size_t waiting, std::size_t fits,
                                  std::chrono::steady_clock::time_point first_since,
                                  std::size_t in_flight, bool flushing,
                                  std::chrono::steady_clock::time_point now,
                                  const batch_limits& limits) {
  if (waiting == 0 || in_flight >= limits.max_in_flight) return {};
  const bool full = fits < waiting || fits == limits.max_events;
  const auto linger_ends = first_since + limits.linger;
  if (full || flushing || now >= linger_ends) return {.send_now = true};
  return {.wake_at = linger_ends};
}

}  // namespace flowcore::detail
