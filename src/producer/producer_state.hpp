// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What an event producer shares with its batches in flight and its linger timer.
//
// A send, once its checks pass, is accepted: it counts for flush() and completes exactly
// once from then on. It lives in one of three lists, moved between them by splicing:
// - `room`: waiting for buffer room (max_buffered_bytes), one FIFO for all destinations,
//   so that sends are admitted in the order they were made;
// - its destination's `waiting`: admitted, its bytes counted, waiting for a batch;
// - a batch's `entries`: in the request in flight.
// Only the first two may be cancelled: cancelling removes the send. A batch's sends
// complete with the batch.
//
// Everything runs on the client's executor, so nothing here locks. A completion is posted
// when it happens inside a call from the user (a refused or cancelled send), so that no
// handler runs inside its own initiation; a batch's sends complete from a posted handler,
// after the state is consistent again, since a resumed sender may send again at once.

#include "producer/batch_logic.hpp"

#include <flowcore/producer.hpp>

#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

namespace flowcore::detail {

class client_impl;

class producer_state : public std::enable_shared_from_this<producer_state> {
 public:
  using clock = std::chrono::steady_clock;
  using flush_handler = boost::asio::any_completion_handler<void(boost::system::error_code)>;

  /// Throws client_error (invalid_argument) for an option out of range.
  producer_state(client c, producer_options opts);

  void send(ingest_event event, diagnostics* diag, send_handler handler);
  void flush(flush_handler handler);
  /// Refuses sends from now on.
  void close() noexcept { closed_ = true; }
  /// The producer is gone: everything not in a batch completes with cancelled, batches in
  /// flight are cancelled, flushes end with cancelled.
  void shutdown() noexcept;

  const boost::asio::any_io_executor& executor() const noexcept { return executor_; }
  const producer_options& options() const noexcept { return options_; }
  producer_counters counters() const noexcept;

 private:
  struct destination;
  enum class place { room, waiting, batch };
  struct pending_send {
    std::string data;
    send_handler handler;
    boost::asio::cancellation_slot slot;  // the handler's, while a cancel may remove it
    diagnostics* diag_out = nullptr;
    destination* dest = nullptr;
    clock::time_point admitted;
    std::uint64_t epoch = 0;  // which flushes wait for it
    place where = place::room;
  };
  using send_list = std::list<pending_send>;
  using linger_queue = std::multimap<clock::time_point, destination*>;

  struct destination {
    std::string key;
    ingest_batch header;  // the path and headers of its batches; `events` stays empty
    send_list waiting;
    std::size_t waiting_bytes = 0;
    std::size_t in_flight = 0;  // batches
    std::size_t sends = 0;      // accepted sends not yet completed, in any list
    std::optional<linger_queue::iterator> lingering;
  };

  struct batch {
    destination* dest = nullptr;
    send_list entries;
    std::size_t bytes = 0;
    diagnostics diag;
    boost::asio::cancellation_signal cancel;
  };

  struct flush_waiter {
    std::uint64_t epoch;  // done once every send of this epoch and before has completed
    flush_handler handler;
    boost::asio::cancellation_slot slot;
  };

  struct send_canceller;
  struct flush_canceller;

  destination* find_or_add(ingest_event& event, std::string& problem);
  void accept(send_list& from, send_list::iterator it);
  void admit(send_list::iterator it);
  void admit_from_room();
  bool has_room_for(std::size_t bytes) const noexcept;

  // Batching: decide for one destination, send, take the answer.
  void consider(destination& d);
  std::size_t fitting(const destination& d) const;
  void start_batch(destination& d, std::size_t count);
  void on_batch_done(std::list<batch>::iterator b, boost::system::error_code ec,
                     ingest_batch_result result);

  // The linger timer: one for the producer, armed for the earliest deadline.
  void linger(destination& d, clock::time_point until);
  void stop_lingering(destination& d);
  void arm_timer();
  void on_timer();

  // Completion.
  void cancel_send(send_list::iterator it);
  void cancel_flush(std::list<flush_waiter>::iterator it);
  void complete_now(send_list& from, send_list::iterator it, boost::system::error_code ec,
                    const diagnostics& diag);
  void finish(pending_send& s, bool stored);
  void complete_flushes();
  void release(destination& d);

  boost::asio::any_io_executor executor_;
  client client_;  // keeps the client alive while the producer is
  std::shared_ptr<client_impl> impl_;
  producer_options options_;
  batch_limits limits_;
  producer_counters counters_;
  bool closed_ = false;
  bool shut_down_ = false;

  // Looked up by a string_view of key_, the key of the latest send.
  struct key_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const noexcept {
      return std::hash<std::string_view>{}(key);
    }
  };
  std::unordered_map<std::string, destination, key_hash, std::equal_to<>> destinations_;
  std::string key_;
  send_list room_;
  std::list<batch> batches_;
  std::size_t buffered_bytes_ = 0;

  linger_queue lingering_;
  boost::asio::steady_timer timer_;
  bool timer_armed_ = false;
  clock::time_point timer_at_;
  std::uint64_t timer_generation_ = 0;

  // flush(): the sends still open per epoch, from `first_epoch_`; a flush opens a new
  // epoch and waits for every earlier one to drain.
  std::deque<std::size_t> open_by_epoch_{0};
  std::uint64_t first_epoch_ = 0;
  std::list<flush_waiter> flushes_;
};

}  // namespace flowcore::detail
