// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Raw HTTP servers for what the stub never does: raw_server answers every request with
// the same bytes, exactly as given; scripted_server answers each request with the next
// bytes of a script, on whichever connection it arrived, and keeps connections open.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

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

/// Answers the n-th request it reads (n from 0, across all connections) with `script[n]`,
/// exactly as given, then reads the next request on the same connection; past the end
/// of the script it closes the connection instead. Requests must have no body.
/// `connection_of[n]` is the connection (1, 2, ... in accept order) that carried request
/// n: a client that reuses a connection shows it there. Runs on the executor it is given
/// until close().
class scripted_server {
 public:
  scripted_server(boost::asio::any_io_executor ex, std::vector<std::string> script)
      : state_(std::make_shared<state>(ex, std::move(script))) {
    boost::asio::co_spawn(ex, accept_loop(state_), boost::asio::detached);
  }

  std::string base_url() const {
    return "http://127.0.0.1:" + std::to_string(state_->acceptor.local_endpoint().port());
  }
  const std::vector<int>& connection_of() const { return state_->connection_of; }

  /// Stops accepting and closes every connection, so that the io_context can run out.
  void close() {
    boost::system::error_code ignored;
    state_->acceptor.close(ignored);
    for (const auto& socket : state_->sockets) socket->close(ignored);
  }

 private:
  using tcp = boost::asio::ip::tcp;
  struct state {
    state(boost::asio::any_io_executor ex, std::vector<std::string> s)
        : acceptor(ex, {boost::asio::ip::make_address("127.0.0.1"), 0}), script(std::move(s)) {}
    tcp::acceptor acceptor;
    std::vector<std::string> script;
    std::vector<int> connection_of;
    std::vector<std::shared_ptr<tcp::socket>> sockets;
  };

  static boost::asio::awaitable<void> accept_loop(std::shared_ptr<state> s) {
    constexpr auto no_throw = boost::asio::as_tuple(boost::asio::use_awaitable);
    for (;;) {
      auto [ec, socket] = co_await s->acceptor.async_accept(no_throw);
      if (ec) co_return;
      s->sockets.push_back(std::make_shared<tcp::socket>(std::move(socket)));
      boost::asio::co_spawn(s->acceptor.get_executor(),
                            serve(s, s->sockets.back(), static_cast<int>(s->sockets.size())),
                            boost::asio::detached);
    }
  }

  static boost::asio::awaitable<void> serve(std::shared_ptr<state> s,
                                            std::shared_ptr<tcp::socket> socket, int number) {
    constexpr auto no_throw = boost::asio::as_tuple(boost::asio::use_awaitable);
    boost::asio::streambuf buffer;
    for (;;) {
      auto [ec, n] = co_await boost::asio::async_read_until(*socket, buffer, "\r\n\r\n", no_throw);
      if (ec) co_return;
      buffer.consume(n);
      const std::size_t index = s->connection_of.size();
      s->connection_of.push_back(number);
      if (index >= s->script.size()) break;
      auto [write_ec, written] = co_await boost::asio::async_write(
          *socket, boost::asio::buffer(s->script[index]), no_throw);
      if (write_ec) co_return;
    }
    boost::system::error_code ignored;
    socket->close(ignored);
  }

  std::shared_ptr<state> state_;
};

}  // namespace flowcore::test
