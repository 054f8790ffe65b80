// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// A raw HTTP server for what the stub never does: it answers every request with the same
// bytes, exactly as given.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <memory>
#include <string>

namespace flowcore::test {

/// Answers every request on every accepted connection with `response`, then closes the
/// connection if `close_after` is set. Counts accepted connections in `accepted`. Ends
/// when the acceptor is closed.
inline boost::asio::awaitable<void> raw_server(boost::asio::ip::tcp::acceptor& acceptor,
                                               std::string response, bool close_after,
                                               std::shared_ptr<int> accepted) {
  namespace asio = boost::asio;
  constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(no_throw);
    if (ec) co_return;
    ++*accepted;
    asio::streambuf request;
    auto [read_ec, n] = co_await asio::async_read_until(socket, request, "\r\n\r\n", no_throw);
    if (read_ec) continue;
    co_await asio::async_write(socket, asio::buffer(response), no_throw);
    if (close_after) socket.close();
  }
}

/// "HTTP/1.1 <status>" with a JSON content type, Connection: close and `body`.
inline std::string raw_response(int status, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) +
         " X\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

}  // namespace flowcore::test
