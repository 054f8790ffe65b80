// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The stub's transport: TCP accept loop, optional TLS, one HTTP/1.1 keep-alive session
// coroutine per connection, which becomes a notification socket when an upgrade is
// accepted. Beast lives in http_server.cpp and notification_socket.cpp only
// (docs/design.md "Compile time: where Beast lives"); this header shows none of it.

#include "exchange.hpp"

#include <flowcore/stub/server.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace flowcore::stub::detail {

class notification_hub;

/// The server's own options: the HTTP layer reads the address, the TLS files and the
/// limits; one struct, so a limit and its default are written once.
using http_server_options = server_options;

/// Accepts connections and feeds complete requests to a request_sink; an upgrade the sink
/// accepts (101) becomes a WebSocket registered with `hub`. Requests past a limit or a
/// timeout of the options are answered (400, 408, 413, 431, 503) and their connection
/// closes; no exception from one session reaches the executor.
///
/// Every session coroutine holds a shared_ptr to this server's state, so the object may
/// be destroyed while sessions still unwind. Runs on the given executor only.
class http_server {
 public:
  http_server(boost::asio::any_io_executor ex, http_server_options options,
              std::shared_ptr<request_sink> sink, std::shared_ptr<notification_hub> hub);
  ~http_server();  ///< Calls stop().
  http_server(const http_server&) = delete;
  http_server& operator=(const http_server&) = delete;

  /// Loads the TLS material, binds, listens and starts accepting.
  /// Throws boost::system::system_error (bad address, port in use, unreadable PEM),
  /// std::invalid_argument for a limit or timeout that is not positive.
  void start();
  /// Closes the acceptor and every open connection (notification sockets included, at
  /// once and without a close frame), and cancels their timers. Idempotent.
  void stop();

  std::uint16_t port() const;  ///< The bound port, after start().
  bool tls() const;
  std::uint64_t connections_accepted() const;

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace flowcore::stub::detail
