// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The stub's transport: TCP accept loop, optional TLS, one HTTP/1.1 keep-alive session
// coroutine per connection, which becomes a notification socket when an upgrade is
// accepted. Beast lives in http_server.cpp and notification_socket.cpp only (STYLE.md 3);
// this header shows none of it.

#include "exchange.hpp"

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace flowcore::stub::detail {

class notification_hub;

struct http_server_options {
  std::string host = "127.0.0.1";  ///< IP literal to bind.
  std::uint16_t port = 0;          ///< 0: the system picks one.
  std::string tls_cert_file;       ///< Both set: serve TLS.
  std::string tls_key_file;
  // The limits of flowcore::stub::server_options, same names and meaning.
  std::uint32_t max_header_bytes = 64 * 1024;
  std::uint64_t max_body_bytes = 64ull * 1024 * 1024;
  std::uint64_t max_body_bytes_in_flight = 256ull * 1024 * 1024;
  std::size_t max_subscriber_queue_bytes = 16 * 1024 * 1024;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
};

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
