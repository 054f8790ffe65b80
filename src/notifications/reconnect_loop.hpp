// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The driver of a notification stream (docs/protocol.md sections 10.1, 10.2 and 10.9;
// docs/design.md "The notification stream"): check the options, then connect, read, and
// reconnect with backoff until the stream ends normally, fails, or is closed. Each attempt
// takes a fresh token, redoes the name→id lookups and re-subscribes.

#include "notifications/notification_state.hpp"

#include <boost/asio/awaitable.hpp>

#include <memory>

namespace flowcore::detail {

/// Runs until the stream has ended; always ends it (state.end) before returning.
boost::asio::awaitable<void> run_reconnect_loop(std::shared_ptr<notification_state> state);

}  // namespace flowcore::detail
