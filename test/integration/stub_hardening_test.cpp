// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The stub as a server in CI: raw TCP clients that send what no well-behaved client does
// (huge headers, garbage, bodies past the budget, a slow drip, a subscriber that never
// reads, a bad WebSocket key). Each gets an answer or a closed connection, the stub's
// memory stays bounded, and afterwards the stub still answers a normal request.
#include "stub_fixture.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/websocket.hpp>

#include <array>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>

namespace flowcore::test {

namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using ws_stream = websocket::stream<beast::tcp_stream>;
using clock_type = std::chrono::steady_clock;

asio::awaitable<std::shared_ptr<tcp::socket>> connect(std::uint16_t port) {
  auto socket = std::make_shared<tcp::socket>(co_await asio::this_coro::executor);
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  co_await socket->async_connect(endpoint, asio::use_awaitable);
  co_return socket;
}

// Writes everything; a stub that already answered and closed may refuse the rest.
asio::awaitable<void> send(std::shared_ptr<tcp::socket> socket, std::string bytes) {
  co_await asio::async_write(*socket, asio::buffer(bytes), no_throw);
}

// What the stub sent until it closed the connection, or until `limit` passed.
struct received {
  std::string bytes;
  bool closed = false;  // EOF (or a reset) came within the limit
};

asio::awaitable<received> read_until_closed(std::shared_ptr<tcp::socket> socket,
                                            std::chrono::milliseconds limit = 2s) {
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(co_await asio::this_coro::executor, limit);
  received result;
  std::array<char, 4096> chunk;
  for (;;) {
    auto first = co_await (socket->async_read_some(asio::buffer(chunk), no_throw) ||
                           timer.async_wait(no_throw));
    if (first.index() == 1) co_return result;
    auto [ec, n] = std::get<0>(first);
    result.bytes.append(chunk.data(), n);
    if (ec) {
      result.closed = true;
      co_return result;
    }
  }
}

// Reads until `needle` arrives (it must, within a second); answers what was read.
asio::awaitable<std::string> read_until_seen(std::shared_ptr<tcp::socket> socket,
                                             std::string needle) {
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(co_await asio::this_coro::executor, 1s);
  std::string bytes;
  std::array<char, 4096> chunk;
  while (bytes.find(needle) == std::string::npos) {
    auto first = co_await (socket->async_read_some(asio::buffer(chunk), no_throw) ||
                           timer.async_wait(no_throw));
    if (first.index() == 1) throw std::runtime_error("\"" + needle + "\" did not arrive in time");
    auto [ec, n] = std::get<0>(first);
    bytes.append(chunk.data(), n);
    if (ec) throw std::runtime_error("connection ended before \"" + needle + "\"");
  }
  co_return bytes;
}

// The status line's code ("HTTP/1.1 431 ..." -> 431); 0 if there is none.
unsigned status_of(const std::string& bytes) {
  if (bytes.size() < 12 || bytes.compare(0, 9, "HTTP/1.1 ") != 0) return 0;
  return static_cast<unsigned>(std::stoul(bytes.substr(9, 3)));
}

// One request on a fresh connection; answers what came back before the stub closed it.
asio::awaitable<received> exchange(std::uint16_t port, std::string request) {
  std::shared_ptr<tcp::socket> socket = co_await connect(port);
  co_await send(socket, std::move(request));
  co_return co_await read_until_closed(socket);
}

// The stub still serves: a control route answers 200 on a new connection.
asio::awaitable<void> expect_alive(std::uint16_t port) {
  const received answer = co_await exchange(
      port, "DELETE /__stub/faults HTTP/1.1\r\nHost: stub\r\nConnection: close\r\n\r\n");
  BOOST_TEST(status_of(answer.bytes) == 200u, answer.bytes);
  BOOST_TEST(answer.closed);
}

std::string post_with_length(std::uint64_t length, std::string extra_headers = "") {
  return "POST /api/v1/data-cores HTTP/1.1\r\nHost: stub\r\nContent-Type: application/json\r\n" +
         extra_headers + "Content-Length: " + std::to_string(length) + "\r\n\r\n";
}

// A GET of `target` with a (never checked) bearer token, on a connection closed after it.
std::string get_request(const std::string& target) {
  return "GET " + target +
         " HTTP/1.1\r\nHost: stub\r\nAuthorization: Bearer t\r\nConnection: close\r\n\r\n";
}

// A JSON body of exactly `size` bytes.
std::string json_body(std::size_t size) { return "{\"a\":\"" + std::string(size - 8, 'x') + "\"}"; }

std::chrono::milliseconds since(clock_type::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_type::now() - start);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stub_hardening)

// Every awaited result is named before it is checked: GCC 12 destroys temporaries twice
// in a full-expression that both awaits and builds them (stub_fixture.hpp).

BOOST_AUTO_TEST_CASE(header_value_of_70_kib_is_431) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const std::string request =
        "GET /api/v1/tenants HTTP/1.1\r\nHost: stub\r\nX-Big: " + std::string(70 * 1024, 'a') +
        "\r\n\r\n";
    const received answer = co_await exchange(port, request);
    BOOST_TEST(status_of(answer.bytes) == 431u, answer.bytes.substr(0, 200));
    BOOST_TEST(answer.bytes.find("request header too large") != std::string::npos);
    BOOST_TEST(answer.closed);
    co_await expect_alive(port);
  });
}

// With a header limit above what Beast can hold in one field, Beast throws instead of
// failing the parse: still 431, not an exception out of the session.
BOOST_AUTO_TEST_CASE(header_value_beast_cannot_hold_is_431_whatever_the_limit) {
  stub_fixture f({.max_header_bytes = 1024 * 1024});
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const std::string request =
        "GET /api/v1/tenants HTTP/1.1\r\nHost: stub\r\nX-Big: " + std::string(70 * 1024, 'a') +
        "\r\n\r\n";
    const received answer = co_await exchange(port, request);
    BOOST_TEST(status_of(answer.bytes) == 431u, answer.bytes.substr(0, 200));
    BOOST_TEST(answer.closed);
    co_await expect_alive(port);
  });
}

BOOST_AUTO_TEST_CASE(garbage_request_lines_are_400) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const std::array<std::string, 5> garbage{
        std::string("\x01\x02\x03 junk\r\n\r\n", 11),
        "GET\r\n\r\n",
        "GET / HTTP/9.9\r\nHost: stub\r\n\r\n",
        "GET /a b HTTP/1.1\r\nHost: stub\r\n\r\n",
        "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
    };
    for (const std::string& request : garbage) {
      const received answer = co_await exchange(port, request);
      BOOST_TEST(status_of(answer.bytes) == 400u, answer.bytes);
      BOOST_TEST(answer.bytes.find("malformed HTTP request") != std::string::npos);
      BOOST_TEST(answer.closed);
      co_await expect_alive(port);
    }
  });
}

// Beast takes any visible byte in a target; the stub then parses it as an RFC 3986
// origin-form. A bad %XX escape (in the path or the query), a character RFC 3986 does not
// allow, the absolute form or '*' is 400, and the connection stays usable.
BOOST_AUTO_TEST_CASE(malformed_targets_are_400) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const std::array<std::string, 8> targets{
        "/api/v1/tenants/%zz",
        "/api/v1/tenants/%4",
        "/api/v1/tenants/a%",
        "/api/v1/tenants?x=%G0",
        "/api/v1/tenants/a|b",
        "/api/v1/tenants/caf\xC3\xA9",
        "*",
        "http://stub/api/v1/tenants",
    };
    for (const std::string& target : targets) {
      const std::string request = get_request(target);
      const received answer = co_await exchange(port, request);
      BOOST_TEST(status_of(answer.bytes) == 400u, target << ": " << answer.bytes);
      BOOST_TEST(answer.bytes.find("malformed request target") != std::string::npos, target);
      co_await expect_alive(port);
    }
  });
}

// The path is split on '/' as sent: a leading "/./" is the segment ".", which no route
// has, not a prefix to skip (Boost.URL's reading); "%2E" is the same segment encoded.
BOOST_AUTO_TEST_CASE(dot_segments_are_not_removed) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const std::string plain_request = get_request("/api/v1/tenants/list");
    const received plain = co_await exchange(port, plain_request);
    BOOST_TEST(status_of(plain.bytes) == 200u, plain.bytes);
    for (const std::string target : {"/./api/v1/tenants/list", "/%2E/api/v1/tenants/list"}) {
      const std::string request = get_request(target);
      const received answer = co_await exchange(port, request);
      BOOST_TEST(status_of(answer.bytes) == 404u, target << ": " << answer.bytes);
    }
  });
}

BOOST_AUTO_TEST_CASE(truncated_request_closes_without_an_answer) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const std::array<std::string, 3> truncated{
        "GET /api/v1/tenants HTTP/1.1\r\nHost: st",
        post_with_length(100) + "{\"a\"",
        "POST /api/v1/data-cores HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n10\r\nabc",
    };
    for (const std::string& request : truncated) {
      std::shared_ptr<tcp::socket> socket = co_await connect(port);
      co_await send(socket, request);
      socket->shutdown(tcp::socket::shutdown_send);  // the client gives up mid-request
      const received answer = co_await read_until_closed(socket);
      BOOST_TEST(answer.closed);
      BOOST_TEST(answer.bytes.empty(), answer.bytes);
      co_await expect_alive(port);
    }
  });
}

BOOST_AUTO_TEST_CASE(bodies_past_the_budget_are_refused) {
  stub_fixture f({.max_body_bytes = 1024 * 1024, .max_body_bytes_in_flight = 64 * 1024});
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();

    // Past the per-request limit: 413 from the header alone.
    received answer = co_await exchange(port, post_with_length(10ull << 30));
    BOOST_TEST(status_of(answer.bytes) == 413u, answer.bytes);
    BOOST_TEST(answer.closed);
    co_await expect_alive(port);

    // Within it but past the total budget: 503 at once, without waiting for the body.
    answer = co_await exchange(port, post_with_length(100 * 1024));
    BOOST_TEST(status_of(answer.bytes) == 503u, answer.bytes);
    BOOST_TEST(answer.bytes.find("Retry-After: 1\r\n") != std::string::npos);
    BOOST_TEST(answer.bytes.find("budget of 65536 bytes") != std::string::npos);
    BOOST_TEST(answer.closed);
    co_await expect_alive(port);

    // Two bodies of 40 KiB at once do not fit in 64 KiB. The first holds its share once
    // the stub answered its `Expect: 100-continue`.
    std::shared_ptr<tcp::socket> first = co_await connect(port);
    co_await send(first, post_with_length(40 * 1024, "Expect: 100-continue\r\n"));
    const std::string go_on = co_await read_until_seen(first, "\r\n\r\n");
    BOOST_TEST(status_of(go_on) == 100u, go_on);
    answer = co_await exchange(port, post_with_length(40 * 1024) + json_body(40 * 1024));
    BOOST_TEST(status_of(answer.bytes) == 503u, answer.bytes);
    co_await expect_alive(port);

    // Once the first body is in, its share is back: another fits.
    co_await send(first, json_body(40 * 1024));
    const std::string first_answer = co_await read_until_seen(first, "\r\n\r\n");
    BOOST_TEST(status_of(first_answer) == 401u, first_answer);  // no Authorization: read whole
    answer = co_await exchange(port, post_with_length(40 * 1024, "Connection: close\r\n") +
                                         json_body(40 * 1024));
    BOOST_TEST(status_of(answer.bytes) == 401u, answer.bytes);

    // A chunked body takes its share as it grows.
    std::string chunked =
        "POST /api/v1/data-cores HTTP/1.1\r\nHost: stub\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < 20; ++i) chunked += "1000\r\n" + std::string(0x1000, ' ') + "\r\n";
    answer = co_await exchange(port, chunked);
    BOOST_TEST(status_of(answer.bytes) == 503u, answer.bytes);
    co_await expect_alive(port);
  });
}

BOOST_AUTO_TEST_CASE(slow_clients_are_cut_at_the_budget) {
  stub_fixture f({.header_timeout = 150ms, .body_timeout = 150ms});
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const asio::any_io_executor ex = co_await asio::this_coro::executor;

    // A header line every 20 ms: never complete, never idle.
    std::shared_ptr<tcp::socket> drip = co_await connect(port);
    auto start = clock_type::now();
    co_await send(drip, "GET /api/v1/tenants HTTP/1.1\r\n");
    asio::co_spawn(
        ex,
        [](std::shared_ptr<tcp::socket> socket) -> asio::awaitable<void> {
          asio::steady_timer tick(co_await asio::this_coro::executor);
          for (int i = 0; i < 100 && socket->is_open(); ++i) {
            tick.expires_after(20ms);
            co_await tick.async_wait(no_throw);
            auto [ec, n] = co_await asio::async_write(*socket, asio::buffer("X-A: b\r\n", 8), no_throw);
            if (ec) co_return;
          }
        }(drip),
        asio::detached);
    received answer = co_await read_until_closed(drip);
    std::chrono::milliseconds took = since(start);
    BOOST_TEST(status_of(answer.bytes) == 408u, answer.bytes);
    BOOST_TEST(answer.bytes.find("request header not complete within 150 ms") != std::string::npos);
    BOOST_TEST(answer.closed);
    BOOST_TEST(took.count() >= 140);
    BOOST_TEST(took.count() < 1000);
    drip->close();
    co_await expect_alive(port);

    // A body that stops halfway.
    std::shared_ptr<tcp::socket> slow_body = co_await connect(port);
    start = clock_type::now();
    co_await send(slow_body, post_with_length(100) + "{\"a\":");
    answer = co_await read_until_closed(slow_body);
    took = since(start);
    BOOST_TEST(status_of(answer.bytes) == 408u, answer.bytes);
    BOOST_TEST(answer.bytes.find("request body not complete within 150 ms") != std::string::npos);
    BOOST_TEST(answer.closed);
    BOOST_TEST(took.count() < 1000);
    co_await expect_alive(port);

    // A connection that never sends anything is closed quietly.
    std::shared_ptr<tcp::socket> idle = co_await connect(port);
    answer = co_await read_until_closed(idle);
    BOOST_TEST(answer.closed);
    BOOST_TEST(answer.bytes.empty(), answer.bytes);
    co_await expect_alive(port);
  });
}

BOOST_AUTO_TEST_CASE(tls_handshake_is_cut_at_the_header_budget) {
  const std::string cert_dir = FLOWCORE_TEST_CERT_DIR;
  stub_fixture f({.tls_cert_file = cert_dir + "/localhost.pem",
                  .tls_key_file = cert_dir + "/localhost.key",
                  .header_timeout = 150ms});
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    std::shared_ptr<tcp::socket> silent = co_await connect(port);  // never says ClientHello
    const auto start = clock_type::now();
    const received answer = co_await read_until_closed(silent);
    const std::chrono::milliseconds took = since(start);
    BOOST_TEST(answer.closed);
    BOOST_TEST(answer.bytes.empty());
    BOOST_TEST(took.count() < 1000);
  });
}

BOOST_AUTO_TEST_CASE(subscriber_that_never_reads_is_dropped) {
  stub_fixture f({.max_subscriber_queue_bytes = 256 * 1024});
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const asio::any_io_executor ex = co_await asio::this_coro::executor;
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    const std::string host = "127.0.0.1:" + std::to_string(port);

    auto reader = std::make_shared<ws_stream>(ex);
    co_await beast::get_lowest_layer(*reader).async_connect(endpoint, asio::use_awaitable);
    co_await reader->async_handshake(host, "/notifications?token=t", asio::use_awaitable);
    // A small receive buffer: the kernel holds little for the client that never reads.
    auto sleeper = std::make_shared<ws_stream>(ex);
    tcp::socket& raw = beast::get_lowest_layer(*sleeper).socket();
    raw.open(tcp::v4());
    raw.set_option(asio::socket_base::receive_buffer_size(4096));
    co_await beast::get_lowest_layer(*sleeper).async_connect(endpoint, asio::use_awaitable);
    co_await sleeper->async_handshake(host, "/notifications?token=t", asio::use_awaitable);
    co_await wait_until([&] { return f.stub.notification_sockets() == 2u; });

    // Frames of 32 KiB to both; the reader takes each before the next is sent, so its queue
    // never holds more than one. The sleeper's fills the kernel's buffers, then its queue.
    const std::string frame(32 * 1024, 'e');
    beast::flat_buffer buffer;
    int sent = 0;
    for (; sent < 1000 && f.stub.notification_sockets() == 2u; ++sent) {
      f.stub.send_ws_frame(frame);
      buffer.clear();
      co_await reader->async_read(buffer, asio::use_awaitable);
      BOOST_REQUIRE_EQUAL(buffer.size(), frame.size());
    }
    co_await wait_until([&] { return f.stub.notification_sockets() == 1u; });
    BOOST_TEST(sent < 1000);

    // The sleeper finds its connection gone once it reads what the kernel kept.
    beast::error_code ended;
    for (;;) {
      beast::flat_buffer ignored;
      auto [ec, n] = co_await sleeper->async_read(ignored, no_throw);
      if (ec) {
        ended = ec;
        break;
      }
    }
    BOOST_TEST((ended != websocket::error::closed), ended.message());  // dropped: no close frame
    BOOST_TEST(f.stub.notification_sockets() == 1u);

    // The reader is unaffected.
    BOOST_TEST(f.stub.send_ws_frame("still here") == 1u);
    buffer.clear();
    co_await reader->async_read(buffer, asio::use_awaitable);
    BOOST_TEST(beast::buffers_to_string(buffer.data()) == "still here");
    co_await expect_alive(port);
  });
}

BOOST_AUTO_TEST_CASE(malformed_authorization_is_401) {
  // The stub checks the header's shape, not its values: each of these is a client bug
  // that a lenient stub would hide.
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const auto request = [](std::string target, std::string authorization) {
      return "GET " + target + " HTTP/1.1\r\nHost: stub\r\nAuthorization: " + authorization +
             "\r\nConnection: close\r\n\r\n";
    };
    const std::array<std::string, 9> malformed{
        "bearer t",       // the scheme as the client never sends it
        "Bearer ",        // no token
        "Bearer a b",     // a space in the token
        "Bearer a\tb",    // a control character
        "ApiKey idonly",  // no colon
        "ApiKey :s",      // no key id
        "ApiKey id:",     // no secret
        "ApiKey i d:s",   // a space in the key id
        "Basic dTpw",     // another scheme
    };
    for (const std::string& value : malformed) {
      const received answer = co_await exchange(port, request("/api/v1/tenants", value));
      BOOST_TEST(status_of(answer.bytes) == 401u, value << ": " << answer.bytes);
    }
    // On the ingestion path the header is the raw key alone: one with a space is refused.
    const received raw = co_await exchange(port, request("/event/t/d/f/e", "fc_a b"));
    BOOST_TEST(status_of(raw.bytes) == 401u, raw.bytes);
    // The well-formed forms pass the check (whatever the route then answers).
    for (const std::string& value : {std::string("Bearer t"), std::string("ApiKey id:s")}) {
      const received answer = co_await exchange(port, request("/api/v1/tenants", value));
      BOOST_TEST(status_of(answer.bytes) != 401u, value << ": " << answer.bytes);
    }
  });
}

BOOST_AUTO_TEST_CASE(bad_websocket_key_is_400) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const auto upgrade = [](std::string key_header) {
      return "GET /notifications?token=t HTTP/1.1\r\nHost: stub\r\nUpgrade: websocket\r\n"
             "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n" +
             key_header + "\r\n";
    };
    const std::array<std::string, 7> bad_keys{
        "",                                                 // missing
        "Sec-WebSocket-Key: x\r\n",                         // too short
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ\r\n",    // no padding
        "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAAAA\r\n",  // 18 bytes
        "Sec-WebSocket-Key: !!!!!!!!!!!!!!!!!!!!!!==\r\n",  // not base64
        "Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAA\r\n",      // 15 bytes
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZR==\r\n",  // pad bits set
    };
    for (const std::string& key : bad_keys) {
      const received answer = co_await exchange(port, upgrade(key));
      BOOST_TEST(status_of(answer.bytes) == 400u, key << answer.bytes);
      BOOST_TEST(answer.bytes.find("Sec-WebSocket-Key") != std::string::npos, answer.bytes);
      BOOST_TEST(answer.closed);
      co_await expect_alive(port);
    }
    BOOST_TEST(f.stub.notification_upgrades() == 0u);

    // RFC 6455's own example key is accepted.
    std::shared_ptr<tcp::socket> socket = co_await connect(port);
    co_await send(socket, upgrade("Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"));
    const std::string accepted = co_await read_until_seen(socket, "\r\n\r\n");
    BOOST_TEST(status_of(accepted) == 101u, accepted);
    BOOST_TEST(accepted.find("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=") != std::string::npos);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
