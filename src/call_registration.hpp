// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// A call's two ways to be cancelled: by its caller (the cancellation slot of the caller's
// handler) and by its client (the last fc::client handle went). Both reach the call's
// coroutine through one signal, always on the client's strand (docs/design.md "Threads").

#include <boost/asio/cancellation_signal.hpp>

#include <memory>

namespace flowcore::detail {

class client_impl;

/// A call in its client's list of calls in flight, so that the last client handle can
/// cancel it at once (a call must never outlive its client waiting for a deadline).
///
/// Everything here but the constructor runs on the client's strand (asserted in debug
/// builds).
class call_registration {
 public:
  explicit call_registration(client_impl& client) noexcept : client_(client) {}
  call_registration(const call_registration&) = delete;
  call_registration& operator=(const call_registration&) = delete;
  ~call_registration() { unlink(); }

  /// Joins the client's list: from now on the client can cancel the call.
  void link() noexcept;
  /// Leaves it: the call is over. Idempotent.
  void unlink() noexcept;

  /// The slot the call's coroutine is bound to.
  boost::asio::cancellation_slot slot() noexcept { return signal_.slot(); }

  /// Cancels the call, once, if it is still in flight. Terminal, whatever type the
  /// caller emitted: a cancelled call closes its connection and ends with `cancelled`,
  /// whatever it was doing (and the call's coroutine, like any spawned coroutine, lets
  /// only terminal cancellation through).
  void cancel();
  bool cancelled() const noexcept { return cancelled_; }
  call_registration* next() const noexcept { return next_; }
  client_impl& client() const noexcept { return client_; }

 private:
  client_impl& client_;
  boost::asio::cancellation_signal signal_;
  call_registration* prev_ = nullptr;
  call_registration* next_ = nullptr;
  bool linked_ = false;
  bool cancelled_ = false;
};

/// Forwards cancellations emitted on `caller` (the caller's slot) to `call`, on the
/// client's strand: at once when the emission already runs there, else dispatched to it.
/// A call that has ended by then ignores it.
///
/// Asio wants a slot installed, emitted and cleared on the caller's executor: this is
/// called during initiation, on the caller's thread, and the completion clears the slot
/// on the caller's executor, just before the caller's handler runs. The forwarder holds
/// the call weakly, so that a late emission never touches a call that is gone.
void forward_cancellation(boost::asio::cancellation_slot caller,
                          std::weak_ptr<call_registration> call);

}  // namespace flowcore::detail
