// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The transport below the client, where tests can script DNS and the idle timeout.
#include "full_listener.hpp"
#include "raw_server.hpp"
#include "stub_fixture.hpp"
#include "transport/transport.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>

#include <vector>

namespace flowcore::test {

namespace fcd = flowcore::detail;

namespace {
fcd::http_request list_request() {
  return fcd::http_request{.target = "/api/v1/tenants/list",
                           .headers = {{"Authorization", "ApiKey a:b"}}};
}

// A POST of `body` (which must outlive it) on the same route.
fcd::http_request post_request(const std::string& body) {
  auto request = list_request();
  request.method = "POST";
  request.body = body;
  return request;
}

fcd::origin local_origin(const asio::ip::tcp::acceptor& acceptor) {
  return fcd::origin{.tls = false, .host = "127.0.0.1", .port = acceptor.local_endpoint().port()};
}

fcd::origin stub_origin(const stub_fixture& f, std::string host) {
  return fcd::origin{.tls = false, .host = std::move(host), .port = f.stub.port()};
}

auto in(std::chrono::milliseconds d) { return std::chrono::steady_clock::now() + d; }
}  // namespace

BOOST_AUTO_TEST_SUITE(transport_internals)

BOOST_AUTO_TEST_CASE(resolver_that_never_answers_times_out_at_the_resolve_budget) {
  stub_fixture f;
  int lookups = 0;
  fcd::transport t(f.ioc.get_executor(),
                   {.budget = {.resolve = std::chrono::milliseconds(50)},
                    .resolver = [&](const std::string&, std::uint16_t, auto) { ++lookups; }});
  f.run([&]() -> asio::awaitable<void> {
    auto request = list_request();
    const auto started = std::chrono::steady_clock::now();
    auto result = co_await t.exchange(stub_origin(f, "hung-dns.test"), request, in(10s));
    BOOST_TEST(result.ec == fc::error::timeout);
    BOOST_TEST(result.phase == "resolve");
    // The 50 ms budget ended it, not the 10 s deadline (bound loose for a loaded machine).
    BOOST_TEST((std::chrono::steady_clock::now() - started < 5s));
    BOOST_TEST(!result.may_have_reached_server);
  });
  BOOST_TEST(lookups == 1);
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_CASE(names_go_through_the_resolver_and_failures_are_connection_failed) {
  stub_fixture f;
  fcd::transport t(f.ioc.get_executor(),
                   {.resolver = [&](const std::string& host, std::uint16_t port, auto done) {
                     if (host == "stub.test")
                       done({},
                            {asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port)});
                     else
                       done(asio::error::host_not_found, {});
                   }});
  f.run([&]() -> asio::awaitable<void> {
    auto request = list_request();
    auto ok = co_await t.exchange(stub_origin(f, "stub.test"), request, in(10s));
    BOOST_TEST(!ok.ec);
    BOOST_TEST(ok.response.status == 200);
    auto missing = co_await t.exchange(stub_origin(f, "nowhere.test"), request, in(10s));
    BOOST_TEST(missing.ec == fc::error::connection_failed);
    BOOST_TEST(missing.phase == "resolve");
  });
}

BOOST_AUTO_TEST_CASE(idle_connections_expire) {
  for (auto [idle, expected] :
       {std::pair{std::chrono::milliseconds(0), 2u}, {std::chrono::milliseconds(4000), 1u}}) {
    stub_fixture f;
    fcd::transport t(f.ioc.get_executor(), {.idle_timeout = idle});
    f.run([&]() -> asio::awaitable<void> {
      auto request = list_request();
      for (int i = 0; i < 2; ++i) {
        auto result = co_await t.exchange(stub_origin(f, "127.0.0.1"), request, in(10s));
        BOOST_TEST(!result.ec);
      }
    });
    BOOST_TEST(f.stub.connections_accepted() == expected);
  }
}

BOOST_AUTO_TEST_CASE(connect_that_never_completes_times_out_at_the_connect_budget) {
  stub_fixture f;
  full_listener full(f.ioc);
  const auto port = full.port();
  fcd::transport t(f.ioc.get_executor(), {.budget = {.connect = std::chrono::milliseconds(200)}});
  f.run([&]() -> asio::awaitable<void> {
    auto request = list_request();
    fcd::origin nowhere{.tls = false, .host = "127.0.0.1", .port = port};
    const auto started = std::chrono::steady_clock::now();
    auto result = co_await t.exchange(nowhere, request, in(10s));
    BOOST_TEST(result.ec == fc::error::timeout);
    BOOST_TEST(result.phase == "connect");
    // The 200 ms budget ended it, not the 10 s deadline (bound loose for a loaded machine).
    BOOST_TEST((std::chrono::steady_clock::now() - started < 5s));
    full.close();
  });
}

// Beast-based servers cannot take a header over 65533 bytes; the transport refuses one
// before taking a connection.
BOOST_AUTO_TEST_CASE(a_header_too_large_to_send_is_refused_before_connecting) {
  // The stub's own header limit (64 KiB in all) would refuse the largest value we send.
  stub_fixture f(flowcore::stub::server_options{.max_header_bytes = 256 * 1024});
  fcd::transport t(f.ioc.get_executor(), {});
  f.run([&]() -> asio::awaitable<void> {
    auto request = list_request();
    request.headers.emplace_back("x-flowcore-metadata-json",
                                 std::string(fcd::max_header_bytes + 1, 'a'));
    auto result = co_await t.exchange(stub_origin(f, "127.0.0.1"), request, in(10s));
    BOOST_TEST(result.ec == fc::error::invalid_argument);
    BOOST_TEST(result.phase == "request");
    BOOST_TEST(
        result.detail ==
        "the x-flowcore-metadata-json header is 65534 bytes; an HTTP header holds at most 65533");
    BOOST_TEST(!result.may_have_reached_server);
    BOOST_TEST(result.requests_sent == 0);

    auto fits = list_request();
    fits.headers.emplace_back("x-long", std::string(fcd::max_header_bytes, 'a'));
    auto sent = co_await t.exchange(stub_origin(f, "127.0.0.1"), fits, in(10s));
    BOOST_TEST(!sent.ec, sent.detail);  // the limit is exact: one byte less is sent
    BOOST_TEST(sent.response.status == 200);
  });
  BOOST_TEST(f.stub.requests().size() == 1u);
  BOOST_TEST(f.stub.connections_accepted() == 1u);
}

// The transport writes header values as they are: a CR or LF would end the header early
// and smuggle the rest in as headers of its own, so such a value is refused before any I/O,
// naming the header but never quoting the value.
BOOST_AUTO_TEST_CASE(a_header_value_with_cr_lf_or_nul_is_refused_before_connecting) {
  stub_fixture f;
  fcd::transport t(f.ioc.get_executor(), {});
  f.run([&]() -> asio::awaitable<void> {
    for (std::string bad :
         {std::string("v\r\nX-Injected: 1"), std::string("v\nw"), std::string("v\0w", 3)}) {
      auto request = list_request();
      request.headers.emplace_back("x-flowcore-event-time", bad);
      auto result = co_await t.exchange(stub_origin(f, "127.0.0.1"), request, in(10s));
      BOOST_TEST(result.ec == fc::error::invalid_argument);
      BOOST_TEST(result.phase == "request");
      BOOST_TEST(result.detail == "the x-flowcore-event-time header contains CR, LF or NUL");
      BOOST_TEST(result.requests_sent == 0);

      auto with_authorization = list_request();
      with_authorization.headers.clear();
      with_authorization.authorization = bad;
      result = co_await t.exchange(stub_origin(f, "127.0.0.1"), with_authorization, in(10s));
      BOOST_TEST(result.ec == fc::error::invalid_argument);
      BOOST_TEST(result.detail == "the Authorization header contains CR, LF or NUL");
    }
  });
  BOOST_TEST(f.stub.connections_accepted() == 0u);
}

// A request is written with one non-blocking send when the socket takes it all, which a
// small one always does. One larger than the kernel's socket buffers (a few MiB on
// loopback) cannot be: the rest goes out with an asynchronous write, under the write
// budget. The server here starts reading only after a pause, so the first send fills the
// buffers.
BOOST_AUTO_TEST_CASE(a_request_larger_than_the_socket_buffers_is_written_in_full) {
  stub_fixture f;
  asio::ip::tcp::acceptor acceptor(f.ioc, {asio::ip::make_address("127.0.0.1"), 0});
  const std::string body = R"({"blob":")" + std::string(24u << 20, 'x') + R"("})";
  std::size_t body_bytes_received = 0;
  asio::co_spawn(
      f.ioc,
      [&]() -> asio::awaitable<void> {
        auto socket = co_await acceptor.async_accept(asio::use_awaitable);
        asio::steady_timer pause(f.ioc, 100ms);
        co_await pause.async_wait(asio::use_awaitable);
        asio::streambuf in;
        const std::size_t header_end =
            co_await asio::async_read_until(socket, in, "\r\n\r\n", asio::use_awaitable);
        const std::size_t buffered_body = in.size() - header_end;
        in.consume(in.size());
        std::vector<char> rest(body.size() - buffered_body);
        co_await asio::async_read(socket, asio::buffer(rest), asio::use_awaitable);
        body_bytes_received = buffered_body + rest.size();
        const std::string answer = raw_response(200, "{}");
        co_await asio::async_write(socket, asio::buffer(answer), asio::use_awaitable);
      },
      asio::detached);
  fcd::transport t(f.ioc.get_executor(), {});
  f.run([&]() -> asio::awaitable<void> {
    auto request = post_request(body);
    const fcd::origin where = local_origin(acceptor);
    auto result = co_await t.exchange(where, request, in(10s));
    BOOST_TEST(!result.ec, result.phase << ": " << result.detail);
    BOOST_TEST(result.response.status == 200);
    t.shutdown();
  });
  BOOST_TEST(body_bytes_received == body.size());
}

// A peer that never reads: the write cannot finish, and the write budget ends it.
BOOST_AUTO_TEST_CASE(a_peer_that_never_reads_times_out_in_the_write_phase) {
  stub_fixture f;
  asio::ip::tcp::acceptor acceptor(f.ioc, {asio::ip::make_address("127.0.0.1"), 0});
  asio::ip::tcp::socket accepted(f.ioc);
  acceptor.async_accept(accepted, [](boost::system::error_code) {});
  const std::string body = R"({"blob":")" + std::string(32u << 20, 'x') + R"("})";
  fcd::transport t(f.ioc.get_executor(), {.budget = {.write = 200ms}});
  f.run([&]() -> asio::awaitable<void> {
    auto request = post_request(body);
    const fcd::origin where = local_origin(acceptor);
    const auto started = std::chrono::steady_clock::now();
    auto result = co_await t.exchange(where, request, in(10s));
    BOOST_TEST(result.ec == fc::error::timeout);
    BOOST_TEST(result.phase == "write");
    BOOST_TEST(result.detail == "write budget expired");
    BOOST_TEST(result.may_have_reached_server);
    // Generous: it must be the 200 ms budget, not the 10 s deadline.
    BOOST_TEST((std::chrono::steady_clock::now() - started < 5s));
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
