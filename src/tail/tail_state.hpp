// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What an event tail's three coroutines share. The reader reads the store into a bounded
// buffer and moves the read position; the waker follows the notification stream and only
// wakes the reader; the consumer (next() or run()) takes events from the buffer, moves the
// done position and commits it. All three run on the client's executor, so nothing here
// locks; timers are the wake-up signals.

#include "tail/tail_logic.hpp"

#include <flowcore/event_tail.hpp>
#include <flowcore/notifications.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace flowcore::detail {

class tail_state {
 public:
  using handler = std::function<boost::asio::awaitable<void>(const event&)>;

  tail_state(client c, event_tail_options opts);

  /// The next event from the buffer, waiting while the reader works; nullopt after close().
  /// Marks the event next() returned before as done first. Throws client_error: the tail's
  /// failure, stream_in_use, or cancelled.
  static boost::asio::awaitable<std::optional<event>> next(std::shared_ptr<tail_state> self);
  /// Runs `h` for each event until close() (redeliveries, dead letter); commits at the end.
  static boost::asio::awaitable<void> run(std::shared_ptr<tail_state> self, handler h);
  /// Saves the done position now; rethrows the store's failure.
  static boost::asio::awaitable<void> commit(std::shared_ptr<tail_state> self);

  void close() noexcept;

  boost::asio::any_io_executor executor;
  client rest;
  event_tail_options options;
  logger log;
  tail_counters counters;
  diagnostics diag;
  tail_position done;  ///< Past every event that is done.

 private:
  struct consumer_guard;

  static boost::asio::awaitable<void> run_reader(std::shared_ptr<tail_state> self);
  static boost::asio::awaitable<void> run_waker(std::shared_ptr<tail_state> self);
  static boost::asio::awaitable<std::optional<event>> take(std::shared_ptr<tail_state> self);
  /// Awaits `h` for `e` with redeliveries (waiting on `pause`), then the dead letter.
  /// Answers false when the tail closed (or run() was cancelled) before the event was done;
  /// throws handler_failed (after ending the tail) when it failed every time.
  static boost::asio::awaitable<bool> deliver(std::shared_ptr<tail_state> self, const event& e,
                                              const handler& h, boost::asio::steady_timer& pause);
  static boost::asio::awaitable<bool> commit_if_due(std::shared_ptr<tail_state> self);
  // run() with max_concurrent_handlers > 1 (tail_lanes.cpp).
  struct lane;
  struct lane_set;
  static boost::asio::awaitable<void> run_lanes(std::shared_ptr<tail_state> self, const handler& h);
  static boost::asio::awaitable<void> work_lane(std::shared_ptr<tail_state> self, const handler& h,
                                                lane& l, lane_set& set);
  static boost::asio::awaitable<void> save(std::shared_ptr<tail_state> self);

  // The reader's steps (tail_reader.cpp).
  boost::asio::awaitable<void> load_start();
  boost::asio::awaitable<void> resolve_names();
  boost::asio::awaitable<void> find_heads();
  boost::asio::awaitable<void> read_pass();
  boost::asio::awaitable<void> read_event_type(const std::string& name);
  boost::asio::awaitable<void> read_bucket(const std::string& name, const std::string& bucket);
  boost::asio::awaitable<void> wait_for_room(std::size_t page);
  boost::asio::awaitable<bool> reader_sleep(std::chrono::milliseconds d, bool wakeable);

  static void start(const std::shared_ptr<tail_state>& self);
  void push(event e);
  /// The buffer's first event, counted as delivered; nullopt when the buffer is empty.
  std::optional<event> pop_buffered();
  void mark_done(const std::string& event_type, const std::string& bucket, const std::string& id);
  void mark_returned_done();
  /// Ends the tail (ended_, the failure for the consumer) and stops the waker, and the
  /// reader unless `by_reader` (the reader itself calling).
  void end(boost::system::error_code failure, diagnostics why, bool by_reader = false);
  void wake_reader_by_notification();
  void note_read_failure(const client_error& e);

  std::deque<event> buffer_;
  tail_position read_;  ///< Past every event pushed into the buffer.
  std::map<std::string, std::string, std::less<>> ids_;  ///< Event type name -> id.
  bool positioned_ = false;
  /// next(): where the last event returned is, until it is done.
  struct returned_event {
    std::string event_type;
    tail_point at;
  };
  std::optional<returned_event> returned_;
  checkpoint_schedule schedule_;
  std::minstd_rand random_;

  boost::asio::steady_timer consumer_timer_;  // next()/run() sleep on it
  boost::asio::steady_timer reader_timer_;    // the reader's room, poll and backoff waits
  boost::asio::steady_timer waker_timer_;     // the waker's pause between streams
  boost::asio::cancellation_signal stop_reader_;
  boost::asio::cancellation_signal stop_waker_;
  notification_stream* wake_stream_ = nullptr;  // the waker's current stream

  bool started_ = false;
  bool closed_ = false;
  bool ended_ = false;
  bool consumer_busy_ = false;
  bool committing_ = false;
  bool reader_waits_for_room_ = false;
  bool reader_waits_for_poll_ = false;
  bool wake_pending_ = false;
  bool lanes_stopping_ = false;  // run_lanes: no more handler calls (cancelled)
  std::vector<boost::asio::steady_timer*> lane_pauses_;  // the lane workers' redelivery waits
  boost::system::error_code failure_;
};

}  // namespace flowcore::detail
