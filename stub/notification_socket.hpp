// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One `/notifications` WebSocket (docs/protocol.md section 10): the handshake, a reader
// that hands client frames to the hub, and one writer that sends the hub's frames in order.
// Beast's WebSocket lives in notification_socket.cpp only (docs/design.md "Compile time:
// where Beast lives"); this header shows none.

#include "exchange.hpp"
#include "session_stream.hpp"

#include <boost/asio/awaitable.hpp>

#include <cstddef>
#include <memory>

namespace flowcore::stub::detail {

class notification_hub;

/// Completes the WebSocket handshake for `upgrade` (a request the dispatcher accepted
/// with 101) on `stream`, registers the socket with `hub` and serves it until either side
/// closes it, it fails, or `stream` is closed (the server stopping); then unregisters it.
/// No permessage-deflate, no idle limit: a quiet client is never dropped, and pings are
/// answered. A client that stops reading is dropped (the connection closed, no close
/// frame) once the frames queued for it would pass `max_queue_bytes`, so it cannot grow
/// the stub's memory; the other sockets are unaffected. `stream` must outlive the
/// returned awaitable. Never throws.
boost::asio::awaitable<void> serve_notification_socket(session_stream& stream, http_request upgrade,
                                                       std::shared_ptr<notification_hub> hub,
                                                       std::size_t max_queue_bytes);

}  // namespace flowcore::stub::detail
