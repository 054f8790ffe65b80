// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "notifications/notification_state.hpp"

#include "logging.hpp"
#include "notifications/reconnect_loop.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <string>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

// The throws of next() are plain functions: whatever a coroutine names, temporaries of its
// throw expressions included, may take room in its frame for as long as it waits.
[[noreturn]] void throw_next_error(error code, const char* message) {
  diagnostics diag{.command = "notification_stream", .message = message};
  throw client_error(code, std::move(diag));
}

}  // namespace

asio::awaitable<std::optional<notification_event>> notification_state::next(
    std::shared_ptr<notification_state> self) {
  start_next(self);
  while (self->queue_.empty() && !self->ended_) {
    self->consumer_waiting_ = true;
    self->consumer_wake_.expires_at(asio::steady_timer::time_point::max());
    co_await self->consumer_wake_.async_wait(asio::as_tuple(asio::use_awaitable));
    self->consumer_waiting_ = false;
    // The timer is also cancelled to wake us; only the awaiting coroutine's own
    // cancellation state tells that the consumer gave up. Keep this shape: the state
    // named, and the return after the loop. GCC 12 miscompiled a version with
    // `co_return self->take();` inside `for (;;)` and the state awaited within the `if`
    // (the coroutine was resumed at an invalid point and died with SIGILL).
    asio::cancellation_state cs = co_await asio::this_coro::cancellation_state;
    if (cs.cancelled() != asio::cancellation_type::none)
      throw_next_error(error::cancelled, "next() was cancelled; the stream goes on");
  }
  co_return self->take();
}

void notification_state::start_next(const std::shared_ptr<notification_state>& self) {
  if (self->consumer_waiting_)
    throw_next_error(error::stream_in_use, "another next() is pending on this stream");
  if (!self->started_ && !self->closed_) {  // a stream closed before its first next() stays idle
    self->started_ = true;
    asio::co_spawn(self->executor, run_reconnect_loop(self),
                   asio::bind_cancellation_slot(self->stop.slot(), asio::detached));
  }
}

std::optional<notification_event> notification_state::take() {
  if (!queue_.empty()) {
    notification_event event = std::move(queue_.front());
    queue_.pop_front();
    if (queue_.empty()) overflowing_ = false;
    ++counters.events;
    return event;
  }
  if (failure_) throw client_error(failure_, diag);
  return std::nullopt;
}

void notification_state::close() noexcept {
  if (closed_) return;
  closed_ = true;
  queue_.clear();
  const bool driver_running = started_ && !ended_;
  end({});
  if (!driver_running) return;
  if (closer && closer->session_open())
    closer->request("Disconnected by user");
  else
    stop.emit(asio::cancellation_type::terminal);
}

void notification_state::push(notification_event event) {
  if (closed_) return;
  if (queue_.size() >= options.max_queued_events) {
    queue_.pop_front();
    ++counters.discarded_events;
    if (!overflowing_) {
      overflowing_ = true;
      log_line(options.logger, log_level::warning,
               "notifications: the consumer is behind and " +
                   std::to_string(options.max_queued_events) +
                   " events are queued: discarding the oldest (" +
                   std::to_string(counters.discarded_events) + " discarded so far)");
    }
  }
  queue_.push_back(std::move(event));
  consumer_wake_.cancel();
}

void notification_state::end(boost::system::error_code failure) {
  if (ended_) return;
  ended_ = true;
  failure_ = failure;
  consumer_wake_.cancel();
}

}  // namespace flowcore::detail
