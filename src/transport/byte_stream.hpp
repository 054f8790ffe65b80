// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// An open TCP or TLS byte stream to one origin: resolve, connect and TLS handshake, each
// under its own budget clipped to a deadline (docs/protocol.md section 8.1): no phase may
// wait without a timer. Shared by the HTTP connection and the notification WebSocket, so
// both verify peers the same way. Includes Beast and asio::ssl: only the two heavy
// transport TUs may include it.

#include "origin.hpp"
#include "transport/http_types.hpp"

#include <flowcore/error.hpp>
#include <flowcore/options.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/ssl/stream.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <variant>

namespace flowcore::detail {

struct byte_stream {
  using plain_stream = boost::beast::tcp_stream;
  using tls_stream = boost::asio::ssl::stream<boost::beast::tcp_stream>;

  explicit byte_stream(boost::asio::any_io_executor ex) : stream(std::in_place_index<0>, ex) {}
  byte_stream(boost::asio::any_io_executor ex, std::shared_ptr<boost::asio::ssl::context> ctx)
      : stream(std::in_place_index<1>, std::make_unique<tls_stream>(ex, *ctx)),
        tls(std::move(ctx)) {}

  /// Calls `f` with the stream: a plain_stream& or a tls_stream&.
  template <class F>
  decltype(auto) visit(F&& f) {
    if (auto* plain = std::get_if<plain_stream>(&stream)) return f(*plain);
    return f(*std::get<std::unique_ptr<tls_stream>>(stream));
  }

  boost::beast::tcp_stream& tcp() {
    return visit(
        [](auto& s) -> boost::beast::tcp_stream& { return boost::beast::get_lowest_layer(s); });
  }

  /// The TLS stream, on the heap: a plain connection does not carry its size (hundreds of
  /// bytes of engine, buffers and timers) for nothing.
  std::variant<plain_stream, std::unique_ptr<tls_stream>> stream;
  std::shared_ptr<boost::asio::ssl::context> tls;  // outlives the stream that uses it
};

struct open_stream_result {
  boost::system::error_code ec;  ///< A flowcore::error.
  std::string phase;             ///< resolve, connect or tls_handshake.
  std::string detail;
  std::unique_ptr<byte_stream> stream;
};

/// Resolves (IP literals skip DNS; `resolver` replaces the system's when set), connects
/// and, for https, does the TLS handshake with SNI and host-name verification. `tls` must
/// be non-null for a TLS origin. The stream comes back with its timer disarmed.
boost::asio::awaitable<open_stream_result> open_stream(
    boost::asio::any_io_executor ex, origin where,
    std::shared_ptr<boost::asio::ssl::context> tls, timeouts budget,
    steady_clock::time_point deadline, resolver_fn resolver);

/// Maps what Asio, Beast and OpenSSL report to fc::error (docs/protocol.md section 5.5).
error classify_transport_error(const boost::system::error_code& ec, std::string_view phase);

/// "<phase> budget expired" for a timeout, else the error's own text.
std::string transport_error_detail(const boost::system::error_code& ec, std::string_view phase);

/// When a phase that starts now must end: after its budget, or at `deadline` if that
/// comes first.
steady_clock::time_point phase_end(std::chrono::milliseconds budget,
                                   steady_clock::time_point deadline);

}  // namespace flowcore::detail
