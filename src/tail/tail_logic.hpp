// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The decisions of an event tail, without I/O: which failures end it, how far it reads
// ahead, when it commits, how long it waits. Time comes in as arguments, so the unit tests
// walk them on a fake clock; the tail's coroutines (tail_state.cpp) own the timers.

#include <flowcore/event_tail.hpp>

#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::detail {

/// The server's largest event page (the event reading routes cap `pageSize` there).
inline constexpr std::size_t max_event_page_size = 10'000;
/// The largest `max_buffered_events`: a buffer of 100,000 events of a few KiB each is
/// already hundreds of MiB.
inline constexpr std::size_t max_tail_buffer = 100'000;

/// What is wrong with `o`, or nullopt: names required, at least one distinct event type,
/// positive intervals and counts, the buffer within 1 to max_tail_buffer.
std::optional<std::string> tail_options_problem(const event_tail_options& o);

/// True when a failed read (or name lookup) cannot succeed by retrying, so the tail fails
/// with it: invalid_argument, not_allowed_in_mode, not_found, auth_failed, tls_failed, and
/// an HTTP 4xx other than 408 and 429. Everything else (timeouts, connection failures, 5xx,
/// 408, 429, a body that is not the expected JSON, as a proxy's error page) is retried.
bool is_terminal_read_failure(boost::system::error_code ec, int http_status) noexcept;

/// Events per page request: half the buffer, so the next page is read while the consumer
/// works through the previous one, and never more than the server serves.
std::size_t tail_page_size(std::size_t max_buffered_events) noexcept;

/// The wait before read attempt `failures + 1` after `failures` failed reads in a row:
/// retry_interval doubling per failure, capped at poll_interval, then ±20 % by `jitter01`
/// (a uniform draw in [0, 1)).
std::chrono::milliseconds read_retry_delay(std::chrono::milliseconds retry_interval,
                                           std::chrono::milliseconds poll_interval, int failures,
                                           double jitter01) noexcept;

/// The wait before redelivery `n` (1, 2, ...) of an event: delay × 2^(n-1), saturating.
std::chrono::milliseconds redelivery_wait(std::chrono::milliseconds delay, int n) noexcept;

/// The text of a caught exception for logs and diagnostics: what() of a std::exception,
/// else a phrase saying it was something else (a handler or a store may throw anything).
std::string what_of(const std::exception_ptr& failure);

/// What to read next in one event type: of a listing page (ascending), the buckets after
/// `current` (empty: from the beginning), in order, each once. A bucket not after the one
/// before it is skipped, so a listing out of order can repeat or skip nothing.
std::vector<std::string> buckets_after(std::string_view current,
                                       const std::vector<std::string>& listed);

/// `valid_time` as the server writes it (`YYYY-MM-DDThh:mm:ss[.fraction](Z|±hh:mm)`), or
/// nullopt when it is not that.
std::optional<std::chrono::system_clock::time_point> parse_valid_time(std::string_view text);

/// When a tail commits: after `every` done events, or `interval` after the first event
/// done since the last commit, whichever comes first.
class checkpoint_schedule {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  checkpoint_schedule(std::size_t every, std::chrono::milliseconds interval) noexcept
      : every_(every), interval_(interval) {}

  /// One more event is done at `now`.
  void on_done(time_point now) noexcept;
  /// Events done since the last commit.
  std::size_t pending() const noexcept { return pending_; }
  /// A commit is due at `now`.
  bool due(time_point now) const noexcept;
  /// When the pending events become due by time; time_point::max() with none pending.
  time_point due_at() const noexcept;
  /// The position was saved, or the save failed (the next commit saves the newer position).
  void on_committed() noexcept;

 private:
  std::size_t every_;
  std::chrono::milliseconds interval_;
  std::size_t pending_ = 0;
  time_point first_pending_{};
};

}  // namespace flowcore::detail
