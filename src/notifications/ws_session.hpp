// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One notification connection (docs/protocol.md sections 10.3, 10.4 and 10.7): open the
// socket, upgrade, send the subscription, then read until it ends, pinging on schedule.
// Reconnects, lookups and the event queue belong to the stream; this is the only part that
// knows Beast, and the header stays free of it.

#include "notifications/liveness.hpp"
#include "notifications/reconnect_backoff.hpp"
#include "origin.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace boost::asio::ssl {
class context;
}

namespace flowcore::detail {

struct ws_session_params {
  origin where;
  std::shared_ptr<boost::asio::ssl::context> tls;  ///< Required for a TLS origin.
  std::string target;        ///< `/notifications?token=…`: holds a secret, never logged.
  std::string subscription;  ///< The subscription frame's JSON text.
  std::chrono::milliseconds connect_timeout{10'000};    ///< Resolve and connect, each.
  std::chrono::milliseconds handshake_timeout{10'000};  ///< TLS, then the upgrade.
  liveness_options liveness;
};

/// How the stream hears from its session. Both run on the session's executor.
struct ws_session_hooks {
  std::function<void()> on_subscribed;  ///< The subscription frame went out.
  /// A data frame arrived (binary frames too, as text). Returning false asks for a normal
  /// close: the `max_events` limit was reached.
  std::function<bool(std::string_view frame)> on_frame;
};

/// Lets the stream end an open session politely: request() makes the session send a close
/// frame (1000 and `reason`) and wait at most close_timeout for the peer. Before a session
/// is open it only records the wish, which the session honours as soon as it opens.
class session_closer {
 public:
  static constexpr std::chrono::milliseconds close_timeout{5'000};

  void request(std::string reason) {
    if (requested_) return;
    requested_ = true;
    reason_ = std::move(reason);
    if (wake_) wake_();
  }
  bool requested() const noexcept { return requested_; }
  /// True while a session is open and listening for request().
  bool session_open() const noexcept { return static_cast<bool>(wake_); }
  const std::string& reason() const noexcept { return reason_; }
  /// Installed by the running session; cleared when it ends.
  void on_request(std::function<void()> wake) { wake_ = std::move(wake); }

 private:
  bool requested_ = false;
  std::string reason_;
  std::function<void()> wake_;
};

/// Runs one connection from connect to close and says how it ended: phase upgrade for
/// anything before the subscription went out (with the status of a refused upgrade),
/// phase session after it (with the peer's close code, or the read error). Cancelling the
/// awaiting coroutine aborts whatever is pending.
boost::asio::awaitable<stream_outcome> run_ws_session(boost::asio::any_io_executor ex,
                                                      ws_session_params params,
                                                      ws_session_hooks hooks,
                                                      std::shared_ptr<session_closer> closer);

}  // namespace flowcore::detail
