// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One HTTP/1.1 connection, plain or TLS: open (resolve, connect, handshake) and one
// request/response exchange at a time, every phase under its own timer clipped to the
// call's deadline (PITFALLS.md 3.2). Beast lives behind the pimpl, in the .cpp only.

#include "origin.hpp"
#include "transport/http_types.hpp"

#include <flowcore/options.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>

namespace boost::asio::ssl {
class context;
}

namespace flowcore::detail {

class http_connection {
 public:
  struct open_result {
    boost::system::error_code ec;
    std::string phase;
    std::string detail;
    std::unique_ptr<http_connection> connection;
  };

  /// Resolves (IP literals skip DNS; `resolver` replaces the system's when set), connects
  /// and, for https, does the TLS handshake with SNI and host-name verification. `tls`
  /// must be non-null for an https origin.
  static boost::asio::awaitable<open_result> open(boost::asio::any_io_executor ex, origin where,
                                                  std::shared_ptr<boost::asio::ssl::context> tls,
                                                  timeouts budget,
                                                  steady_clock::time_point deadline,
                                                  resolver_fn resolver);

  ~http_connection();

  /// Writes `request` and reads the whole response. On any error the connection must be
  /// discarded. `response_started` tells whether any byte of an answer arrived.
  struct round_trip_result {
    exchange_result result;
    bool write_failed = false;
    bool response_started = false;
  };
  boost::asio::awaitable<round_trip_result> round_trip(const http_request& request,
                                                       const origin& where, const timeouts& budget,
                                                       steady_clock::time_point deadline);

  /// True when the last exchange ended cleanly with a response that allowed keep-alive
  /// and nothing was read past its end. No system call.
  bool reusable() const;

  /// True when the peer has neither closed, reset nor sent anything since the last
  /// exchange: a non-blocking peek finds nothing to read. One system call; the pool makes
  /// it only before a request that could not be re-sent on a fresh connection.
  bool peer_silent();

  /// When the connection went idle.
  steady_clock::time_point idle_since() const noexcept { return idle_since_; }
  void mark_idle() noexcept { idle_since_ = steady_clock::now(); }

 private:
  struct impl;
  explicit http_connection(std::unique_ptr<impl> p);
  std::unique_ptr<impl> impl_;
  steady_clock::time_point idle_since_{};
};

}  // namespace flowcore::detail
