// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The public face of an event tail: a handle on the state its coroutines share
// (tail_state.hpp).
#include <flowcore/event_tail.hpp>

#include "tail/tail_state.hpp"

namespace flowcore {

namespace asio = boost::asio;

event_tail::event_tail(client c, event_tail_options options)
    : state_(std::make_shared<detail::tail_state>(std::move(c), std::move(options))) {}

event_tail::~event_tail() { close(); }

event_tail::executor_type event_tail::get_executor() const noexcept { return state_->executor; }

asio::awaitable<std::optional<event>> event_tail::next() {
  return detail::tail_state::next(state_);
}

asio::awaitable<void> event_tail::run(std::function<asio::awaitable<void>(const event&)> handler) {
  return detail::tail_state::run(state_, std::move(handler));
}

asio::awaitable<void> event_tail::commit() { return detail::tail_state::commit(state_); }

tail_position event_tail::position() const { return state_->done; }

void event_tail::close() noexcept { state_->close(); }

tail_counters event_tail::counters() const noexcept { return state_->counters; }

const diagnostics& event_tail::diagnostics() const noexcept { return state_->diag; }

}  // namespace flowcore
