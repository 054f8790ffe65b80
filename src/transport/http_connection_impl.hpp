// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What an http_connection holds, for the two Beast translation units that use it:
// http_connection.cpp (opening, reuse checks, the timer) and transport.cpp (the exchange).

#include "transport/byte_stream.hpp"
#include "transport/http_connection.hpp"
#include "transport/phase_watch.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <memory>
#include <optional>
#include <string>
#include <variant>

namespace flowcore::detail {

/// The bytes of one HTTP connection: a plain socket or a TLS stream. Beast's timed stream
/// opens it (byte_stream.hpp); a plain connection then keeps only the socket, because the
/// exchange times its phases with the connection's one timer (phase_watch.hpp) and has no
/// use for the stream's two timers and shared state.
class http_stream {
 public:
  using socket_type = boost::asio::ip::tcp::socket;

  explicit http_stream(byte_stream&& opened)
      : stream_(to_variant(std::move(opened.stream))), tls_(std::move(opened.tls)) {}

  /// Calls `f` with the plain socket or the TLS stream.
  template <class F>
  decltype(auto) visit(F&& f) {
    if (auto* plain = std::get_if<socket_type>(&stream_)) return f(*plain);
    return f(*std::get<std::unique_ptr<byte_stream::tls_stream>>(stream_));
  }

  /// The TCP socket underneath.
  socket_type& socket() {
    if (auto* plain = std::get_if<socket_type>(&stream_)) return *plain;
    return std::get<std::unique_ptr<byte_stream::tls_stream>>(stream_)->next_layer().socket();
  }

  /// Writes what it can of `bytes` at once, without waiting: one send on a plain socket in
  /// non-blocking mode (http_connection::open sets it); nothing over TLS, whose records
  /// cannot be written in part, or on a blocking socket. Returns the bytes written;
  /// would_block is not an error.
  std::size_t write_now(boost::asio::const_buffer bytes, boost::system::error_code& ec) {
    auto* plain = std::get_if<socket_type>(&stream_);
    if (!plain || !plain->non_blocking()) return 0;
    const std::size_t n = plain->write_some(bytes, ec);
    if (ec == boost::asio::error::would_block) ec = {};
    return n;
  }

 private:
  using variant_type = std::variant<socket_type, std::unique_ptr<byte_stream::tls_stream>>;

  static variant_type to_variant(decltype(byte_stream::stream)&& s) {
    if (auto* plain = std::get_if<byte_stream::plain_stream>(&s))
      return variant_type(std::in_place_index<0>, plain->release_socket());
    return variant_type(std::in_place_index<1>,
                        std::move(std::get<std::unique_ptr<byte_stream::tls_stream>>(s)));
  }

  variant_type stream_;
  std::shared_ptr<boost::asio::ssl::context> tls_;  // outlives the stream that uses it
};

struct http_connection::impl : std::enable_shared_from_this<http_connection::impl> {
  explicit impl(byte_stream opened) : io(std::move(opened)), timer(io.socket().get_executor()) {}

  /// Phase `phase` of an exchange begins and must end by `limit`: past it, the socket is
  /// closed, the pending operation fails and watch.expired() names the phase. Arms the
  /// timer only when it would otherwise fire too late (see phase_watch.hpp).
  void watch_phase(const char* phase, steady_clock::time_point limit);
  /// The exchange is over: the timer is cancelled if armed.
  void end_watch() {
    if (watch.end()) timer.cancel();
  }

  http_stream io;
  boost::beast::flat_buffer buffer;  // what was read past the last answer stays here
  std::string request_bytes;         // reused by every request on this connection
  /// The answer being read. Here rather than in the exchange's coroutine frame: the
  /// connection is allocated once, the frame once per call.
  std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser;
  bool keep_alive = false;  // the last answer allowed another request
  /// The one timer of every phase of every exchange on this connection. Its handler holds
  /// a weak reference: a connection may go while the timer's completion is queued.
  boost::asio::steady_timer timer;
  phase_watch watch;

 private:
  void arm(steady_clock::time_point at);
};

}  // namespace flowcore::detail
