// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One HTTP/1.1 connection, plain or TLS: open (resolve, connect, handshake), and the
// checks before it is reused. One exchange at a time runs over it (transport.cpp). Beast
// lives behind the pimpl (http_connection_impl.hpp), in the two transport TUs only.

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

  /// True when the last exchange ended cleanly with a response that allowed keep-alive
  /// and nothing was read past its end. No system call.
  bool reusable() const;

  /// True when the peer has neither closed, reset nor sent anything since the last
  /// exchange: a non-blocking peek finds nothing to read. One system call; the pool makes
  /// it only before a request that could not be re-sent on a fresh connection.
  bool peer_silent();

  /// Its stream, buffer and state, for the exchange (transport.cpp), which includes
  /// http_connection_impl.hpp.
  struct impl;
  impl& state() noexcept { return *impl_; }

  /// When the connection went idle.
  steady_clock::time_point idle_since() const noexcept { return idle_since_; }
  void mark_idle() noexcept { idle_since_ = steady_clock::now(); }

 private:
  explicit http_connection(std::shared_ptr<impl> p);
  std::shared_ptr<impl> impl_;  // shared with the timer's handler, weakly
  steady_clock::time_point idle_since_{};
};

}  // namespace flowcore::detail
