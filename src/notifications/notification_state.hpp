// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What a notification stream's consumer (next()) and its driver (the reconnect loop)
// share: the bounded event queue, the end of the stream, counters and diagnostics. Both
// run on the stream's executor, so nothing here locks.

#include "notifications/ws_session.hpp"

#include <flowcore/notifications.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

#include <list>
#include <memory>
#include <optional>

namespace flowcore::detail {

class notification_state {
 public:
  notification_state(boost::asio::any_io_executor ex, notification_options opts)
      : executor(ex), options(std::move(opts)), consumer_wake_(ex) {}

  /// The next queued event; waits while the stream runs; nullopt once it ended normally.
  /// Throws client_error: the stream's failure, stream_in_use, or cancelled when the
  /// awaiting coroutine is cancelled. The first call starts the reconnect loop.
  static boost::asio::awaitable<std::optional<notification_event>> next(
      std::shared_ptr<notification_state> self);

  /// Ends the stream for the consumer at once and asks the driver to stop: an open session
  /// closes politely (session_closer), anything else is cancelled through `stop`.
  void close() noexcept;
  bool closed() const noexcept { return closed_; }

  /// Queues an event, discarding the oldest one when the queue is full.
  void push(notification_event event);
  /// The driver's last word: `failure` empty for a normal end.
  void end(boost::system::error_code failure);

  boost::asio::any_io_executor executor;
  notification_options options;
  notification_counters counters;
  diagnostics diag;
  /// Close(): cancels the driver's lookup, connect or reconnect wait.
  boost::asio::cancellation_signal stop;
  /// The current attempt's; reaches an open session.
  std::shared_ptr<session_closer> closer;

 private:
  /// Throws stream_in_use when a next() is pending; the first call starts the driver.
  static void start_next(const std::shared_ptr<notification_state>& self);
  /// The oldest queued event; else, once the stream ended, its failure or nullopt.
  std::optional<notification_event> take();

  /// A list rather than a deque: an empty deque still holds a block and its map (about
  /// 530 bytes), and most streams spend their life with nothing queued.
  std::list<notification_event> queue_;
  boost::asio::steady_timer consumer_wake_;  // a pending next() sleeps on it
  bool consumer_waiting_ = false;
  bool started_ = false;
  bool ended_ = false;
  bool closed_ = false;
  bool overflowing_ = false;
  boost::system::error_code failure_;
};

}  // namespace flowcore::detail
