// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// run() with handlers of different event types at the same time. One lane per event type:
// a FIFO of its events and at most one worker, so a type's events are handled one after
// another, in order, while the other types go on. run()'s own coroutine dispatches: it
// moves events from the reader's buffer into the lanes (at most max_buffered_events wait
// there), starts a worker for a lane with events and none running while fewer than
// max_concurrent_handlers run, commits what is due, and sleeps on the consumer timer,
// which a new event, a finished worker and close() cancel. It returns only once no worker
// runs: the handler and the lanes live in its frame.
#include "tail/tail_state.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <deque>
#include <exception>
#include <map>
#include <string>

namespace flowcore::detail {

namespace asio = boost::asio;

struct tail_state::lane {
  std::deque<event> queue;  ///< The front stays until it is done.
  bool busy = false;        ///< A worker runs on it.
};

struct tail_state::lane_set {
  std::map<std::string, lane, std::less<>> lanes;
  std::size_t queued = 0;      ///< Events in all lanes.
  std::size_t running = 0;     ///< Workers.
  std::exception_ptr failure;  ///< The first worker's failure (handler_failed).
};

asio::awaitable<void> tail_state::work_lane(std::shared_ptr<tail_state> self, const handler& h,
                                            lane& l, lane_set& set) {
  asio::steady_timer pause(self->executor);
  self->lane_pauses_.push_back(&pause);  // close() cancels a redelivery wait
  try {
    while (!l.queue.empty() && !self->closed_ && !self->lanes_stopping_ && !set.failure) {
      const event& e = l.queue.front();
      if (!co_await deliver(self, e, h, pause)) break;  // stopped: the event is not done
      self->mark_done(e.event_type, e.time_bucket, e.event_id);
      l.queue.pop_front();
      --set.queued;
    }
  } catch (...) {
    // One lane failed for good: the others stop after their current handler call.
    if (!set.failure) set.failure = std::current_exception();
    self->lanes_stopping_ = true;
    for (asio::steady_timer* other : self->lane_pauses_) other->cancel();
  }
  std::erase(self->lane_pauses_, &pause);
}

asio::awaitable<void> tail_state::run_lanes(std::shared_ptr<tail_state> self, const handler& h) {
  // After a cancellation this coroutine still waits for its workers: its awaits must not
  // throw Asio's operation_aborted meanwhile.
  co_await asio::this_coro::throw_if_cancelled(false);
  start(self);
  lane_set set;
  bool cancelled = false;
  for (;;) {
    const bool stopping = set.failure || self->closed_ || cancelled;
    if (!stopping) {
      while (set.queued < self->options.max_buffered_events) {
        std::optional<event> e = self->pop_buffered();
        if (!e) break;
        set.lanes[e->event_type].queue.push_back(std::move(*e));
        ++set.queued;
      }
      for (auto& [type, l] : set.lanes) {
        if (set.running >= self->options.max_concurrent_handlers) break;
        if (l.busy || l.queue.empty()) continue;
        l.busy = true;
        ++set.running;
        asio::co_spawn(self->executor, work_lane(self, h, l, set),
                       [self, &l, &set](std::exception_ptr) {
                         l.busy = false;
                         --set.running;
                         self->consumer_timer_.cancel();  // the dispatcher may start another lane
                       });
      }
    }
    if (stopping && set.running == 0) break;
    // The reader failed (or nothing more can come) and every lane is drained.
    if (!stopping && self->ended_ && self->buffer_.empty() && set.queued == 0 && set.running == 0)
      break;
    if (!stopping && co_await commit_if_due(self)) continue;
    self->consumer_timer_.expires_at(stopping ? asio::steady_timer::time_point::max()
                                              : self->schedule_.due_at());
    co_await self->consumer_timer_.async_wait(asio::as_tuple(asio::use_awaitable));
    const asio::cancellation_state cs = co_await asio::this_coro::cancellation_state;
    if (cs.cancelled() != asio::cancellation_type::none && !cancelled) {
      cancelled = true;
      self->lanes_stopping_ = true;  // workers stop after their current handler call
      for (asio::steady_timer* pause : self->lane_pauses_) pause->cancel();
    }
  }
  self->lanes_stopping_ = false;
  if (set.failure) std::rethrow_exception(set.failure);
  if (cancelled) {
    diagnostics why{.command = "event_tail", .message = "run() was cancelled; the tail goes on"};
    throw client_error(error::cancelled, std::move(why));
  }
  if (self->failure_ && !self->closed_) throw client_error(self->failure_, self->diag);
}

}  // namespace flowcore::detail
