// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The public face of a notification stream: a handle on the state its reconnect loop and
// its consumer share (notification_state.hpp).
#include <flowcore/notifications.hpp>

#include "notifications/notification_state.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>

namespace flowcore {

namespace {

namespace asio = boost::asio;

asio::experimental::coro<notification_event> generate_events(
    asio::any_io_executor ex, std::shared_ptr<detail::notification_state> state) {
  for (;;) {
    std::optional<notification_event> event =
        co_await asio::co_spawn(ex, detail::notification_state::next(state), asio::deferred);
    if (!event) co_return;
    co_yield std::move(*event);
  }
}

}  // namespace

notification_stream::notification_stream(executor_type ex, notification_options options,
                                         construct_tag)
    : state_(std::make_shared<detail::notification_state>(std::move(ex), std::move(options))) {}

notification_stream::notification_stream(notification_stream&&) noexcept = default;

notification_stream& notification_stream::operator=(notification_stream&& other) noexcept {
  if (this != &other) {
    close();
    state_ = std::move(other.state_);
  }
  return *this;
}

notification_stream::~notification_stream() { close(); }

notification_stream::executor_type notification_stream::get_executor() const noexcept {
  return state_->executor;
}

asio::awaitable<std::optional<notification_event>> notification_stream::next() {
  return detail::notification_state::next(state_);
}

asio::experimental::coro<notification_event> notification_stream::events() {
  return generate_events(state_->executor, state_);
}

void notification_stream::close() noexcept {
  if (state_) state_->close();
}

notification_counters notification_stream::counters() const noexcept { return state_->counters; }

const diagnostics& notification_stream::diagnostics() const noexcept { return state_->diag; }

}  // namespace flowcore
