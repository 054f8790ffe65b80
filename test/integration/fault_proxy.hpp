// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// A relay in front of the stub that misbehaves at the byte level, where the stub cannot:
// requests matching a method and path prefix get a raw fault (a body dripped byte by byte,
// a connection closed mid-body, a second response, a body of 100 MB); every other request,
// and a WebSocket upgrade with what follows, is relayed to the stub unchanged. One fault,
// rst_on_accept, strikes before any request: every accepted connection is reset.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::test {

enum class raw_fault {
  drip_body,           ///< 200, Content-Length 1000, then one byte every 50 ms.
  close_mid_body,      ///< 200, Content-Length 100, ten bytes, then a clean close.
  two_responses,       ///< The stub's answer and a stray 404 right behind it, in one write.
  rst_on_accept,       ///< Every connection is reset as soon as it is accepted.
  huge_body_length,    ///< 200 with Content-Length 100 MB, then bytes as fast as taken.
  huge_body_unframed,  ///< 200 without Content-Length (ends at close), 100 MB of bytes.
};

class fault_proxy {
 public:
  static constexpr std::uint64_t huge_body_size = 100'000'000;

  fault_proxy(boost::asio::any_io_executor ex, std::uint16_t stub_port, raw_fault fault,
              std::string method, std::string path_prefix)
      : state_(std::make_shared<state>(ex, stub_port, fault, std::move(method),
                                       std::move(path_prefix))) {
    boost::asio::co_spawn(ex, accept_loop(state_), boost::asio::detached);
  }
  ~fault_proxy() { close(); }
  fault_proxy(const fault_proxy&) = delete;
  fault_proxy& operator=(const fault_proxy&) = delete;

  std::string base_url() const {
    return "http://127.0.0.1:" + std::to_string(state_->acceptor.local_endpoint().port());
  }
  /// Requests that matched (connections, for rst_on_accept): the server's hits.
  int hits() const { return state_->hits; }
  /// The most body bytes the huge-body faults wrote on one connection before the client
  /// went away (the kernel's socket buffers hold a few MB of them).
  std::uint64_t body_bytes_sent() const { return state_->body_bytes_sent; }

  /// Stops accepting and closes every connection, so the io_context can run out of work.
  void close() {
    boost::system::error_code ignored;
    state_->acceptor.close(ignored);
    for (auto& weak : state_->sockets)
      if (auto s = weak.lock()) s->close(ignored);
    state_->sockets.clear();
  }

 private:
  struct state;
  std::shared_ptr<state> state_;

 private:
  using tcp = boost::asio::ip::tcp;
  static constexpr auto no_throw = boost::asio::as_tuple(boost::asio::use_awaitable);

  struct state {
    state(boost::asio::any_io_executor ex, std::uint16_t port, raw_fault f, std::string m,
          std::string p)
        : acceptor(ex, tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0)),
          stub_port(port),
          fault(f),
          method(std::move(m)),
          path_prefix(std::move(p)) {}
    tcp::acceptor acceptor;
    std::uint16_t stub_port;
    raw_fault fault;
    std::string method;
    std::string path_prefix;
    int hits = 0;
    std::uint64_t body_bytes_sent = 0;
    std::vector<std::weak_ptr<tcp::socket>> sockets;  // closed by close()

    std::shared_ptr<tcp::socket> track(tcp::socket s) {
      auto p = std::make_shared<tcp::socket>(std::move(s));
      sockets.push_back(p);
      return p;
    }
  };

  static boost::asio::awaitable<void> accept_loop(std::shared_ptr<state> s) {
    for (;;) {
      auto [ec, socket] = co_await s->acceptor.async_accept(no_throw);
      if (ec) co_return;
      if (s->fault == raw_fault::rst_on_accept) {
        ++s->hits;
        boost::system::error_code ignored;
        socket.set_option(tcp::socket::linger(true, 0), ignored);  // close sends RST
        socket.close(ignored);
        continue;
      }
      boost::asio::co_spawn(s->acceptor.get_executor(), serve(s, s->track(std::move(socket))),
                            boost::asio::detached);
    }
  }

  static boost::asio::awaitable<void> serve(std::shared_ptr<state> s,
                                            std::shared_ptr<tcp::socket> client) {
    namespace asio = boost::asio;
    namespace http = boost::beast::http;
    boost::beast::flat_buffer from_client;
    std::shared_ptr<tcp::socket> upstream;
    boost::beast::flat_buffer from_stub;
    for (;;) {
      http::request_parser<http::string_body> request;
      request.body_limit(1 << 20);
      auto [ec, n] = co_await http::async_read(*client, from_client, request, no_throw);
      if (ec) break;
      auto& req = request.get();
      const std::string_view target(req.target().data(), req.target().size());
      const std::string_view path = target.substr(0, target.find('?'));
      const bool matches =
          std::string_view(req.method_string().data(), req.method_string().size()) == s->method &&
          path.substr(0, s->path_prefix.size()) == s->path_prefix;
      if (matches) ++s->hits;
      if (matches && s->fault != raw_fault::two_responses) {
        co_await misbehave(s, *client);
        break;
      }

      // Relay to the stub on this connection's own upstream connection.
      if (!upstream) {
        upstream = s->track(tcp::socket(client->get_executor()));
        const tcp::endpoint stub(asio::ip::make_address("127.0.0.1"), s->stub_port);
        auto [cec] = co_await upstream->async_connect(stub, no_throw);
        if (cec) break;
      }
      auto [wec, written] = co_await http::async_write(*upstream, req, no_throw);
      if (wec) break;
      http::response_parser<http::string_body> response;
      response.body_limit(16 << 20);
      auto [rec, read] = co_await http::async_read(*upstream, from_stub, response, no_throw);
      if (rec) break;
      std::ostringstream bytes;
      bytes << response.get();
      if (matches)  // two_responses: an unasked 404 right behind the real answer
        bytes << "HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n"
                 "Content-Length: 27\r\n\r\n{\"message\":\"stray answer\"}";
      const std::string out = bytes.str();
      auto [cwec, cwritten] = co_await asio::async_write(*client, asio::buffer(out), no_throw);
      if (cwec) break;
      if (response.get().result() == http::status::switching_protocols) {
        co_await relay_upgraded(client, upstream, std::move(from_client), std::move(from_stub));
        co_return;
      }
      if (!response.get().keep_alive()) break;
    }
    boost::system::error_code ignored;
    client->close(ignored);
    if (upstream) upstream->close(ignored);
  }

  static boost::asio::awaitable<void> misbehave(std::shared_ptr<state> s, tcp::socket& client) {
    namespace asio = boost::asio;
    using namespace std::chrono_literals;
    const std::string ok = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n";
    switch (s->fault) {
      case raw_fault::drip_body: {
        const std::string head = ok + "Content-Length: 1000\r\n\r\n";
        auto [hec, hn] = co_await asio::async_write(client, asio::buffer(head), no_throw);
        asio::steady_timer tick(client.get_executor());
        for (int i = 0; i < 1000 && !hec; ++i) {
          tick.expires_after(50ms);
          co_await tick.async_wait(no_throw);
          auto [ec, n] = co_await asio::async_write(client, asio::buffer("{", 1), no_throw);
          if (ec) break;
        }
        break;
      }
      case raw_fault::close_mid_body: {
        const std::string bytes = ok + "Content-Length: 100\r\n\r\n{\"id\":\"dc";
        co_await asio::async_write(client, asio::buffer(bytes), no_throw);
        break;  // the caller closes: a clean FIN, 90 bytes short
      }
      case raw_fault::huge_body_length:
      case raw_fault::huge_body_unframed: {
        const std::string head =
            s->fault == raw_fault::huge_body_length
                ? ok + "Content-Length: " + std::to_string(huge_body_size) + "\r\n\r\n"
                : ok + "Connection: close\r\n\r\n";
        auto [hec, hn] = co_await asio::async_write(client, asio::buffer(head), no_throw);
        if (hec) break;
        // Sent as fast as the client takes it; a client that stops reading stops it.
        const std::string chunk(64 * 1024, ' ');
        std::uint64_t sent = 0;
        while (sent < huge_body_size) {
          auto [ec, n] = co_await asio::async_write(client, asio::buffer(chunk), no_throw);
          sent += n;
          if (ec) break;
        }
        s->body_bytes_sent = std::max(s->body_bytes_sent, sent);
        break;
      }
      case raw_fault::two_responses:
      case raw_fault::rst_on_accept:
        break;  // handled by the caller
    }
  }

  // After a 101: bytes flow both ways untouched until either side closes.
  static boost::asio::awaitable<void> relay_upgraded(std::shared_ptr<tcp::socket> client,
                                                     std::shared_ptr<tcp::socket> upstream,
                                                     boost::beast::flat_buffer from_client,
                                                     boost::beast::flat_buffer from_stub) {
    namespace asio = boost::asio;
    // Bytes already read past the handshake go first.
    co_await asio::async_write(*upstream, from_client.data(), no_throw);
    co_await asio::async_write(*client, from_stub.data(), no_throw);
    auto ex = client->get_executor();
    asio::co_spawn(ex, pump(upstream, client), asio::detached);
    co_await pump(client, upstream);
  }

  static boost::asio::awaitable<void> pump(std::shared_ptr<tcp::socket> from,
                                           std::shared_ptr<tcp::socket> to) {
    namespace asio = boost::asio;
    std::array<char, 16 * 1024> buffer{};
    for (;;) {
      auto [ec, n] = co_await from->async_read_some(asio::buffer(buffer), no_throw);
      if (ec) break;
      auto [wec, written] =
          co_await asio::async_write(*to, asio::buffer(buffer.data(), n), no_throw);
      if (wec) break;
    }
    boost::system::error_code ignored;
    from->close(ignored);
    to->close(ignored);
  }
};

}  // namespace flowcore::test
