// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The consumer side of an event tail: next(), run() with redeliveries and the dead
// letter, commits, close(). The reader and the waker are in tail_reader.cpp.
#include "tail/tail_state.hpp"

#include "client_impl.hpp"
#include "logging.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <string>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

std::string describe_event(const event& e) {
  return "event " + e.event_id + " of \"" + e.event_type + "\" (time bucket " + e.time_bucket + ")";
}

// The awaiting coroutine's own cancellation: our timers are also cancelled to wake it.
// Read with `co_await this_coro::cancellation_state` in the coroutine itself: awaiting
// another awaitable after a cancellation throws Asio's own operation_aborted instead.
void throw_if_cancelled(const asio::cancellation_state& cs, const char* what) {
  if (cs.cancelled() == asio::cancellation_type::none) return;
  diagnostics why{.command = "event_tail",
                  .message = std::string(what) + " was cancelled; the tail goes on"};
  throw client_error(error::cancelled, std::move(why));
}

}  // namespace

// One next() or run() at a time: the consumer owns the done position and the buffer's front.
struct tail_state::consumer_guard {
  tail_state& s;
  explicit consumer_guard(tail_state& state) : s(state) {
    if (s.consumer_busy_) {
      diagnostics why{.command = "event_tail",
                      .message = "another next() or run() is pending on this tail"};
      throw client_error(error::stream_in_use, std::move(why));
    }
    s.consumer_busy_ = true;
  }
  ~consumer_guard() { s.consumer_busy_ = false; }
  consumer_guard(const consumer_guard&) = delete;
  consumer_guard& operator=(const consumer_guard&) = delete;
};

tail_state::tail_state(client c, event_tail_options opts)
    : executor(c.get_executor()),
      rest(std::move(c)),
      options(std::move(opts)),
      log(client_access::impl(rest)->options().logger),
      schedule_(options.checkpoint_every, options.checkpoint_interval),
      random_(std::random_device{}()),
      consumer_timer_(executor),
      reader_timer_(executor),
      waker_timer_(executor) {}

void tail_state::start(const std::shared_ptr<tail_state>& self) {
  if (self->started_ || self->closed_) return;
  self->started_ = true;
  if (auto problem = tail_options_problem(self->options)) {
    diagnostics why{.command = "event_tail", .message = std::move(*problem)};
    self->end(error::invalid_argument, std::move(why));
    return;
  }
  asio::co_spawn(self->executor, run_reader(self),
                 asio::bind_cancellation_slot(self->stop_reader_.slot(), asio::detached));
  if (self->options.notifications)
    asio::co_spawn(self->executor, run_waker(self),
                   asio::bind_cancellation_slot(self->stop_waker_.slot(), asio::detached));
}

asio::awaitable<std::optional<event>> tail_state::next(std::shared_ptr<tail_state> self) {
  consumer_guard guard(*self);
  self->mark_returned_done();
  std::optional<event> e = co_await take(self);
  if (e) self->returned_ = returned_event{e->event_type, tail_point{e->time_bucket, e->event_id}};
  co_return e;
}

asio::awaitable<std::optional<event>> tail_state::take(std::shared_ptr<tail_state> self) {
  start(self);
  for (;;) {
    if (self->closed_) co_return std::nullopt;
    if (co_await commit_if_due(self)) continue;
    if (std::optional<event> e = self->pop_buffered()) co_return e;
    if (self->ended_) {
      if (self->failure_) throw client_error(self->failure_, self->diag);
      co_return std::nullopt;
    }
    // Sleep until an event comes, the tail ends, or the pending events are due for a commit.
    self->consumer_timer_.expires_at(self->schedule_.due_at());
    co_await self->consumer_timer_.async_wait(no_throw);
    throw_if_cancelled(co_await asio::this_coro::cancellation_state, "next()");
  }
}

std::optional<event> tail_state::pop_buffered() {
  if (buffer_.empty()) return std::nullopt;
  event e = std::move(buffer_.front());
  buffer_.pop_front();
  if (reader_waits_for_room_) reader_timer_.cancel();
  ++counters.delivered;
  if (const auto stored = parse_valid_time(e.valid_time))
    counters.lag = std::max(std::chrono::milliseconds(0),
                            std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::system_clock::now() - *stored));
  return e;
}

asio::awaitable<bool> tail_state::commit_if_due(std::shared_ptr<tail_state> self) {
  if (!self->schedule_.due(std::chrono::steady_clock::now()) || self->committing_) co_return false;
  std::exception_ptr failure;
  try {
    co_await save(self);
  } catch (...) {
    failure = std::current_exception();
  }
  if (failure)
    log_line(
        self->log, log_level::warning,
        "event_tail: saving the position failed; the next commit tries again: " + what_of(failure));
  co_return true;
}

asio::awaitable<void> tail_state::run(std::shared_ptr<tail_state> self, handler h) {
  consumer_guard guard(*self);
  self->mark_returned_done();
  if (!h) {
    diagnostics why{.command = "event_tail", .message = "run() needs a handler"};
    throw client_error(error::invalid_argument, std::move(why));
  }
  std::exception_ptr failure;
  try {
    if (self->options.max_concurrent_handlers > 1) {
      co_await run_lanes(self, h);
    } else {
      while (std::optional<event> e = co_await take(self)) {
        // Closed while redelivering: the event is not done.
        if (!co_await deliver(self, *e, h, self->consumer_timer_)) break;
        self->mark_done(e->event_type, e->time_bucket, e->event_id);
      }
    }
  } catch (...) {
    failure = std::current_exception();
  }
  // What was handled is saved on every way out, so a restart does not repeat it.
  if (self->schedule_.pending() > 0) {
    std::exception_ptr save_failure;
    try {
      co_await save(self);
    } catch (...) {
      save_failure = std::current_exception();
    }
    if (save_failure && !failure) failure = save_failure;
  }
  if (failure) std::rethrow_exception(failure);
}

asio::awaitable<bool> tail_state::deliver(std::shared_ptr<tail_state> self, const event& e,
                                          const handler& h, asio::steady_timer& pause) {
  for (int redelivery = 0;; ++redelivery) {
    std::exception_ptr failure;
    try {
      co_await h(e);
      co_return true;
    } catch (...) {
      failure = std::current_exception();
    }
    throw_if_cancelled(co_await asio::this_coro::cancellation_state, "run()");
    if (self->closed_ || self->lanes_stopping_) co_return false;
    if (redelivery < self->options.max_redeliveries) {
      log_line(self->log, log_level::warning,
               "event_tail: the handler failed for " + describe_event(e) +
                   "; redelivering: " + what_of(failure));
      pause.expires_after(redelivery_wait(self->options.redelivery_delay, redelivery + 1));
      co_await pause.async_wait(no_throw);
      throw_if_cancelled(co_await asio::this_coro::cancellation_state, "run()");
      if (self->closed_ || self->lanes_stopping_) co_return false;
      ++self->counters.redelivered;
      continue;
    }
    std::string why = "the handler failed for " + describe_event(e) + " " +
                      std::to_string(redelivery + 1) + " times: " + what_of(failure);
    if (self->options.dead_letter) {
      std::exception_ptr dead_letter_failure;
      try {
        co_await self->options.dead_letter(e, failure);
      } catch (...) {
        dead_letter_failure = std::current_exception();
      }
      if (!dead_letter_failure) {
        ++self->counters.dead_lettered;
        log_line(self->log, log_level::error, "event_tail: " + why + "; handed to the dead letter");
        co_return true;
      }
      why += "; the dead-letter handler failed too: " + what_of(dead_letter_failure);
    }
    diagnostics diag{.command = "event_tail", .message = why};
    log_line(self->log, log_level::error, "event_tail: " + why + "; the tail stops");
    self->end(error::handler_failed, diag);
    throw client_error(error::handler_failed, std::move(diag));
  }
}

asio::awaitable<void> tail_state::commit(std::shared_ptr<tail_state> self) {
  self->mark_returned_done();
  co_await save(self);
}

asio::awaitable<void> tail_state::save(std::shared_ptr<tail_state> self) {
  if (!self->options.checkpoints) {
    self->schedule_.on_committed();
    co_return;
  }
  self->committing_ = true;
  // Cleared on every way out; the copy is what gets saved even if events are done meanwhile.
  struct clear_flag {
    bool& flag;
    ~clear_flag() { flag = false; }
  } clear{self->committing_};
  const tail_position position = self->done;
  self->schedule_.on_committed();
  co_await self->options.checkpoints->save(position);
  ++self->counters.commits;
}

void tail_state::mark_done(const std::string& event_type, const std::string& bucket,
                           const std::string& id) {
  done.event_types[event_type] = tail_point{bucket, id};
  schedule_.on_done(std::chrono::steady_clock::now());
}

void tail_state::mark_returned_done() {
  if (!returned_) return;
  mark_done(returned_->event_type, returned_->at.time_bucket, returned_->at.event_id);
  returned_.reset();
}

void tail_state::close() noexcept {
  if (closed_) return;
  closed_ = true;
  buffer_.clear();
  end({}, {});
}

// Events already buffered are still handed out before a failure is reported.
//
// The reader ends itself by returning: cancelling a coroutine from inside itself is not
// only pointless but harmful, since a co_spawn'ed coroutine that finishes without ever
// suspending awaits once more on its way out, and that await throws Asio's
// operation_aborted into whoever started it.
void tail_state::end(boost::system::error_code failure, diagnostics why, bool by_reader) {
  if (ended_) return;
  ended_ = true;
  failure_ = failure;
  if (failure) diag = std::move(why);
  consumer_timer_.cancel();
  reader_timer_.cancel();
  waker_timer_.cancel();
  for (asio::steady_timer* pause : lane_pauses_) pause->cancel();
  if (!by_reader) stop_reader_.emit(asio::cancellation_type::terminal);
  stop_waker_.emit(asio::cancellation_type::terminal);
  if (wake_stream_) wake_stream_->close();
}

}  // namespace flowcore::detail
