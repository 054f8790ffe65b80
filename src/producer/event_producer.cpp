// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The public face of an event producer: a handle on its shared state
// (producer_state.hpp), and the awaitable forms of send and flush.
#include <flowcore/producer.hpp>

#include "producer/producer_state.hpp"

#include <boost/asio/use_awaitable.hpp>

namespace flowcore {

namespace asio = boost::asio;

namespace detail {

namespace {

// Asio's own code for an operation cancelled before it began is ours too.
boost::system::error_code ours(const boost::system::error_code& ec) {
  return ec == asio::error::operation_aborted ? make_error_code(error::cancelled) : ec;
}

asio::awaitable<void> flush(std::shared_ptr<producer_state> state) {
  try {
    co_await asio::async_initiate<const asio::use_awaitable_t<>, void(boost::system::error_code)>(
        [&](auto handler) { state->flush(producer_state::flush_handler(std::move(handler))); },
        asio::use_awaitable);
  } catch (const boost::system::system_error& e) {
    throw client_error(ours(e.code()), diagnostics{.command = "event_producer"});
  }
}

}  // namespace

void start_send(const std::shared_ptr<producer_state>& state, ingest_event event, diagnostics* diag,
                send_handler handler) {
  state->send(std::move(event), diag, std::move(handler));
}

// As async_send, awaited with use_awaitable: a failure arrives as the system_error that
// use_awaitable throws, turned here into a client_error with the send's diagnostics.
asio::awaitable<std::string> send(std::shared_ptr<producer_state> state, ingest_event event) {
  diagnostics diag;
  try {
    co_return co_await asio::async_initiate<const asio::use_awaitable_t<>,
                                            void(boost::system::error_code, std::string)>(
        [&](auto handler) {
          state->send(std::move(event), &diag, send_handler(std::move(handler)));
        },
        asio::use_awaitable);
  } catch (const boost::system::system_error& e) {
    if (diag.command.empty()) diag.command = "event_producer";
    throw client_error(ours(e.code()), std::move(diag));
  }
}

}  // namespace detail

event_producer::event_producer(client c, producer_options options)
    : state_(std::make_shared<detail::producer_state>(std::move(c), std::move(options))) {}

event_producer::~event_producer() { state_->shutdown(); }

event_producer::executor_type event_producer::get_executor() const noexcept {
  return state_->executor();
}

asio::awaitable<void> event_producer::flush() { return detail::flush(state_); }

asio::awaitable<void> event_producer::close() {
  state_->close();
  return detail::flush(state_);
}

producer_counters event_producer::counters() const noexcept { return state_->counters(); }

const producer_options& event_producer::options() const noexcept { return state_->options(); }

}  // namespace flowcore
