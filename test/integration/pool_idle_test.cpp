// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// client_options::pool_idle_timeout against a keep-alive server with an idle timeout of its
// own: a stale connection is re-sent once when that is safe, a create on one fails without
// a re-send, an expiry below the server's avoids stale connections altogether, and a
// connection the server closed while idle is caught before a create.
#include "stub_fixture.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace flowcore::test {

namespace {

// A keep-alive HTTP/1.1 server that answers every request with an empty JSON array and
// has an idle timeout. The test says when that timeout has passed (expire_idle()), so no
// test sleeps for it. From then on, each connection idle at that moment is one the server
// is closing: a request that arrives on it is read, dropped unanswered, and the connection
// closed. That is the race a client meets when it reuses a connection just as the server
// gives up on it; a connection already closed is caught by the pool's liveness check.
class idle_closing_server {
 public:
  explicit idle_closing_server(asio::io_context& ioc)
      : acceptor_(ioc, {asio::ip::make_address("127.0.0.1"), 0}) {
    asio::co_spawn(ioc, accept_loop(), asio::detached);
  }

  std::string base_url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
  }
  /// The server's idle timeout passes for every connection idle now.
  void expire_idle() { ++expiry_; }
  /// The server closes every connection idle now, before the client sends on it again: a
  /// FIN waits in the client's socket (on loopback, by the time close() returns).
  void close_idle_now() {
    for (auto* socket : waiting_) {
      closed_here_.insert(socket);
      socket->close();
      ++closed_by_server;
    }
    waiting_.clear();
  }
  /// Closes the acceptor and every connection, so that the io_context runs out of work.
  void stop() {
    stopping_ = true;
    acceptor_.close();
    for (auto& socket : sockets_) socket->close();
  }

  int accepted = 0;          // connections
  int requests = 0;          // requests received in full
  int answered = 0;          // requests answered
  int dropped = 0;           // requests that met an expired connection
  int closed_by_client = 0;  // connections the client closed while they were idle
  int closed_by_server = 0;  // by close_idle_now()
  std::string answer_body = "[]";

 private:
  asio::awaitable<void> accept_loop() {
    for (;;) {
      auto [ec, socket] = co_await acceptor_.async_accept(no_throw);
      if (ec) co_return;
      ++accepted;
      sockets_.push_back(std::make_shared<asio::ip::tcp::socket>(std::move(socket)));
      asio::co_spawn(acceptor_.get_executor(), serve(sockets_.back()), asio::detached);
    }
  }

  asio::awaitable<void> serve(std::shared_ptr<asio::ip::tcp::socket> connection) {
    asio::ip::tcp::socket& socket = *connection;
    asio::streambuf in;
    for (;;) {
      const std::uint64_t idle_since = expiry_;
      waiting_.insert(&socket);
      auto [ec, header_bytes] = co_await asio::async_read_until(socket, in, "\r\n\r\n", no_throw);
      waiting_.erase(&socket);
      if (ec) {
        if (!stopping_ && !closed_here_.count(&socket)) ++closed_by_client;
        co_return;
      }
      std::size_t body_bytes = content_length(in, header_bytes);
      if (body_bytes > in.size()) {
        auto [body_ec, n] = co_await asio::async_read(
            socket, in, asio::transfer_exactly(body_bytes - in.size()), no_throw);
        if (body_ec) co_return;
      }
      in.consume(body_bytes);
      ++requests;
      if (expiry_ != idle_since) {
        ++dropped;
        socket.close();
        co_return;
      }
      const std::string answer =
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
          std::to_string(answer_body.size()) + "\r\n\r\n" + answer_body;
      auto [write_ec, n] = co_await asio::async_write(socket, asio::buffer(answer), no_throw);
      if (write_ec) co_return;
      ++answered;
    }
  }

  // Consumes the header block from `in`; returns the body length it announced.
  static std::size_t content_length(asio::streambuf& in, std::size_t header_bytes) {
    std::string headers(asio::buffers_begin(in.data()),
                        asio::buffers_begin(in.data()) + static_cast<std::ptrdiff_t>(header_bytes));
    in.consume(header_bytes);
    const std::string name = "Content-Length: ";
    auto at = headers.find(name);
    return at == std::string::npos ? 0 : std::stoul(headers.substr(at + name.size()));
  }

  asio::ip::tcp::acceptor acceptor_;
  std::vector<std::shared_ptr<asio::ip::tcp::socket>> sockets_;
  std::uint64_t expiry_ = 0;
  bool stopping_ = false;
  std::set<asio::ip::tcp::socket*> waiting_;      // idle: waiting for a request
  std::set<asio::ip::tcp::socket*> closed_here_;  // by close_idle_now()
};

struct pool_fixture {
  asio::io_context ioc;
  idle_closing_server server{ioc};

  fc::client make_client(std::chrono::milliseconds pool_idle_timeout) {
    return fc::client(ioc.get_executor(),
                      fc::client_options{.credentials = fc::api_key{test_key},
                                         .base_url = server.base_url(),
                                         .retry = fc::retry_policy::none(),
                                         .pool_idle_timeout = pool_idle_timeout});
  }

  template <class F>
  void run(F test) {
    std::exception_ptr failure;
    bool finished = false;
    asio::steady_timer watchdog(ioc, 10s);
    watchdog.async_wait([&](boost::system::error_code ec) {
      if (!ec) ioc.stop();
    });
    asio::co_spawn(ioc, std::move(test), [&](std::exception_ptr e) {
      failure = e;
      finished = true;
      watchdog.cancel();
      server.stop();
    });
    ioc.run();
    BOOST_TEST(finished);
    if (failure) std::rethrow_exception(failure);
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(pool_idle)

BOOST_AUTO_TEST_CASE(stale_connection_past_the_server_timeout_is_resent_once) {
  // The pool keeps connections longer (4 s) than the server (expired below): the next
  // fetch reuses a connection the server is closing, and is re-sent once on a new one.
  pool_fixture f;
  auto client = f.make_client(4000ms);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list list;
    co_await client.execute(list);
    co_await client.execute(list);  // reused while fresh
    BOOST_TEST(f.server.accepted == 1);
    f.server.expire_idle();
    fc::diagnostics diag;
    auto [ec, tenants] = co_await client.async_execute(list, diag, no_throw);
    BOOST_TEST(!ec);
    BOOST_TEST(diag.attempts == 2);
    co_await client.execute(list);  // the new connection is pooled as usual
  });
  BOOST_TEST(f.server.accepted == 2);
  BOOST_TEST(f.server.requests == 5);
  BOOST_TEST(f.server.dropped == 1);
  BOOST_TEST(f.server.answered == 4);
}

BOOST_AUTO_TEST_CASE(create_on_a_connection_closed_after_the_write_is_not_resent) {
  // The server may have processed the create before it closed: connection_failed, once.
  pool_fixture f;
  auto client = f.make_client(4000ms);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list list;
    co_await client.execute(list);
    f.server.expire_idle();
    fc::data_core_create create{.tenant_id = "t-1", .name = "orders"};
    fc::diagnostics diag;
    auto [ec, core] = co_await client.async_execute(create, diag, no_throw);
    BOOST_TEST(ec == fc::error::connection_failed);
    BOOST_TEST(diag.attempts == 1);
  });
  BOOST_TEST(f.server.accepted == 1);  // no second connection: nothing was re-sent
  BOOST_TEST(f.server.requests == 2);
  BOOST_TEST(f.server.dropped == 1);
}

BOOST_AUTO_TEST_CASE(expiry_below_the_server_timeout_never_reuses_a_stale_connection) {
  // The pool gives up on an idle connection before the server does: after idling past the
  // pool's expiry (and then the server's), each call opens a new connection, and no
  // request ever meets a connection the server is closing.
  pool_fixture f;
  constexpr auto pool_expiry = 5ms;
  auto client = f.make_client(pool_expiry);
  f.run([&]() -> asio::awaitable<void> {
    asio::steady_timer idle(co_await asio::this_coro::executor);
    fc::tenant_list list;
    for (int i = 0; i < 3; ++i) {
      fc::diagnostics diag;
      auto [ec, tenants] = co_await client.async_execute(list, diag, no_throw);
      BOOST_TEST(!ec);
      BOOST_TEST(diag.attempts == 1);
      // The connection went idle before the call completed: this passes the pool's expiry.
      idle.expires_after(pool_expiry);
      co_await idle.async_wait(no_throw);
      f.server.expire_idle();
    }
    co_await wait_until([&] { return f.server.closed_by_client == 2; });
  });
  BOOST_TEST(f.server.accepted == 3);
  BOOST_TEST(f.server.requests == 3);
  BOOST_TEST(f.server.dropped == 0);
}

// A request that cannot be re-sent (a create) checks a reused connection first: one the
// server closed while it was idle is dropped, and the create goes out once, on a new one.
BOOST_AUTO_TEST_CASE(create_after_the_server_closed_an_idle_connection_opens_a_new_one) {
  pool_fixture f;
  f.server.answer_body =
      R"({"id":"dc-1","tenantId":"t-1","tenant":"acme","name":"orders","description":"",)"
      R"("accessControl":"private","deleteProtection":false,"isDeleting":false,)"
      R"("isFlowcoreManaged":false})";
  auto client = f.make_client(4000ms);
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core_fetch fetch{.data_core_id = "dc-1"};
    co_await client.execute(fetch);
    f.server.close_idle_now();
    fc::data_core_create create{.tenant_id = "t-1", .name = "orders"};
    fc::diagnostics diag;
    auto [ec, core] = co_await client.async_execute(create, diag, no_throw);
    BOOST_TEST(!ec, diag.message);
    BOOST_TEST(diag.attempts == 1);
    BOOST_TEST(core.id == "dc-1");
  });
  BOOST_TEST(f.server.closed_by_server == 1);
  BOOST_TEST(f.server.accepted == 2);
  BOOST_TEST(f.server.requests == 2);
}

// A request that can be re-sent skips that check, which costs a system call per call: on
// a connection the server closed while idle it fails before any answer and goes out once
// more on a new connection, outside the retry policy (none here).
BOOST_AUTO_TEST_CASE(fetch_after_the_server_closed_an_idle_connection_is_resent_once) {
  pool_fixture f;
  auto client = f.make_client(4000ms);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list list;
    co_await client.execute(list);
    f.server.close_idle_now();
    fc::diagnostics diag;
    auto [ec, tenants] = co_await client.async_execute(list, diag, no_throw);
    BOOST_TEST(!ec, diag.message);
    BOOST_TEST(diag.attempts == 2);
  });
  BOOST_TEST(f.server.closed_by_server == 1);
  BOOST_TEST(f.server.accepted == 2);
  BOOST_TEST(f.server.requests == 2);
}

BOOST_AUTO_TEST_CASE(non_positive_pool_idle_timeout_is_invalid_argument) {
  for (auto bad : {0ms, -1ms}) {
    pool_fixture f;
    auto client = f.make_client(bad);
    f.run([&]() -> asio::awaitable<void> {
      fc::tenant_list list;
      auto [ec, diag] = co_await try_execute(client, list);
      BOOST_TEST(ec == fc::error::invalid_argument);
      BOOST_TEST(diag.message == "client_options::pool_idle_timeout must be positive");
    });
    BOOST_TEST(f.server.accepted == 0);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
