// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "call_registration.hpp"

#include "client_impl.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/assert.hpp>

namespace flowcore::detail {

namespace asio = boost::asio;

void call_registration::link() noexcept {
  BOOST_ASSERT(client_.running_in_strand());
  if (linked_) return;
  next_ = client_.calls;
  if (next_) next_->prev_ = this;
  client_.calls = this;
  linked_ = true;
}

void call_registration::unlink() noexcept {
  if (!linked_) return;
  BOOST_ASSERT(client_.running_in_strand());
  (prev_ ? prev_->next_ : client_.calls) = next_;
  if (next_) next_->prev_ = prev_;
  prev_ = next_ = nullptr;
  linked_ = false;
}

void call_registration::cancel() {
  BOOST_ASSERT(client_.running_in_strand());
  if (!linked_ || cancelled_) return;
  cancelled_ = true;
  signal_.emit(asio::cancellation_type::terminal);
}

namespace {

struct cancellation_forwarder {
  std::weak_ptr<call_registration> call;

  void operator()(asio::cancellation_type) const {
    std::shared_ptr<call_registration> target = call.lock();
    if (!target) return;
    // The call's state lives on the client's strand. A dispatch runs the cancellation
    // inline when this thread may enter the strand now (always, with one thread), and
    // queues it otherwise; the shared_ptr keeps the call alive until then.
    const asio::any_io_executor strand = target->client().executor();
    asio::dispatch(strand, [target = std::move(target)] { target->cancel(); });
  }
};

}  // namespace

void forward_cancellation(asio::cancellation_slot caller, std::weak_ptr<call_registration> call) {
  if (caller.is_connected()) caller.template emplace<cancellation_forwarder>(std::move(call));
}

}  // namespace flowcore::detail
