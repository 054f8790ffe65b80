// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// No key, no secret part of a key and no token in anything the library hands out. Every
// suite shows its log lines, what() texts and diagnostics to the secret watch (see
// secret_watch.hpp; the check runs when the process ends). This suite checks the watch
// itself, then points clients and a stream at servers that echo back the whole request,
// Authorization header and token-carrying query included, in every place an answer has.
#include "stub_fixture.hpp"

#include <boost/asio/buffers_iterator.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/write.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include <memory>

namespace flowcore::test {
namespace {

using tcp = asio::ip::tcp;

enum class echo_in { error_message, ok_body, headers };

// Answers each request with the request's own text (headers and target): as the message
// of a 400, as a 2xx body, or in response headers of a 503.
asio::awaitable<void> echo_server(tcp::acceptor& acceptor, echo_in where) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(no_throw);
    if (ec) co_return;
    asio::streambuf in;
    auto [read_ec, n] = co_await asio::async_read_until(socket, in, "\r\n\r\n", no_throw);
    if (read_ec) continue;
    const std::string request(asio::buffers_begin(in.data()),
                              asio::buffers_begin(in.data()) + static_cast<std::ptrdiff_t>(n));
    std::string flat = request;  // one line, for the header
    for (char& c : flat)
      if (c == '\r' || c == '\n') c = ' ';
    std::string head = "HTTP/1.1 400 Bad Request\r\n";
    std::string body =
        R"({"message":)" + boost::json::serialize(boost::json::string(request)) + "}";
    if (where == echo_in::ok_body) {
      head = "HTTP/1.1 200 OK\r\n";
      body = request;
    }
    if (where == echo_in::headers) {
      head = "HTTP/1.1 503 Unavailable\r\nRetry-After: " + flat + "\r\nX-Echo: " + flat + "\r\n";
      body = R"({"message":"unavailable"})";
    }
    const std::string response = head + "Content-Type: application/json\r\nConnection: close\r\n" +
                                 "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                                 body;
    co_await asio::async_write(socket, asio::buffer(response), no_throw);
    boost::system::error_code ignored;
    socket.close(ignored);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(secrets)

BOOST_AUTO_TEST_CASE(the_watch_catches_every_marker_and_keeps_only_offenders) {
  secret_watch watch;
  const std::string bare_secret = test_key.substr(test_key.rfind('_') + 1);
  BOOST_TEST(bare_secret == "SECRETMARKER0123456789");
  watch.see("log", "GET /api/v1/tenants 200");
  watch.see("log", "key " + test_key);
  watch.see("what()", "secret " + bare_secret + " echoed");
  watch.see("diagnostics.message", "token " + test_token);
  BOOST_TEST(watch.seen() == 4u);
  BOOST_TEST(watch.offenders().size() == 3u);
  BOOST_TEST(watch.offenders().at(0) == "log: key " + test_key);
}

BOOST_AUTO_TEST_CASE(every_suite_client_reports_to_the_watch) {
  // stub_fixture's options log at debug to the watch: a plain call is seen.
  stub_fixture f;
  auto client = f.make_client();
  const std::uint64_t before = secret_watch::global().seen();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch fetch{.tenant = "acme"};
    co_await client.execute(fetch);
  });
  BOOST_TEST(secret_watch::global().seen() > before);
}

BOOST_AUTO_TEST_CASE(servers_echoing_the_request_get_no_secret_out) {
  for (const echo_in where : {echo_in::error_message, echo_in::ok_body, echo_in::headers}) {
    for (const bool bearer : {false, true}) {
      BOOST_TEST_CONTEXT("echo " << static_cast<int>(where)
                                 << (bearer ? ", bearer" : ", api key")) {
        asio::io_context ioc;
        tcp::acceptor acceptor(ioc, {asio::ip::make_address("127.0.0.1"), 0});
        asio::co_spawn(ioc, echo_server(acceptor, where), asio::detached);
        const std::string url =
            "http://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port());
        const std::size_t offenders_before = secret_watch::global().offenders().size();
        const std::uint64_t seen_before = secret_watch::global().seen();
        fc::client_options o{.credentials = fc::api_key{test_key},
                             .base_url = url,
                             .retry = fc::retry_policy::none(),
                             .deadline = 2s,
                             .logger = secret_watch::global().logger()};
        if (bearer)
          o.credentials =
              fc::bearer_token{[]() -> asio::awaitable<std::string> { co_return test_token; }};
        fc::client client(ioc.get_executor(), o);
        fc::notification_options so{.credentials = o.credentials,
                                    .base_url = url,
                                    .subscription = {.tenant = "acme", .data_core = "orders"},
                                    .reconnect_interval = 1ms,
                                    .max_reconnects = 1,
                                    .logger = secret_watch::global().logger(),
                                    .lookup_retry = fc::retry_policy::none()};
        fc::notification_stream stream(ioc.get_executor(), so);
        asio::co_spawn(
            ioc,
            [&]() -> asio::awaitable<void> {
              fc::tenant_list list;
              co_await try_execute(client, list);
              fc::data_core_create create{.tenant_id = "t", .name = "n"};
              co_await try_execute(client, create);
              try {
                co_await stream.next();
              } catch (const fc::client_error& e) {
                secret_watch::global().see(e.code(), e.diagnostics());
              }
              secret_watch::global().see(boost::system::error_code{}, stream.diagnostics());
              acceptor.close();
            },
            asio::detached);
        ioc.run();
        BOOST_TEST(secret_watch::global().seen() > seen_before);
        const std::vector<std::string> offenders = secret_watch::global().offenders();
        for (std::size_t i = offenders_before; i < offenders.size(); ++i)
          BOOST_ERROR("leaked: " << offenders[i]);
      }
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
