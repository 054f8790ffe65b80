// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// A multi-threaded HTTP server (Beast) that calls flowcore for each request it serves.
//
// Four threads run one io_context. Each connection is a coroutine on a strand of its own;
// all of them share one fc::client, made on the bare io_context executor. The client
// carries each call to its own strand and completes it on the calling connection's strand
// (docs/threads.md), so a connection never needs a lock, and four threads serve at once.
//
//   GET /tenants/NAME   200 "NAME ID" (fc::tenant_fetch), 404 when there is no such tenant,
//                       502 when Flowcore fails, with the error in the body
//
//   http_server [BASE_URL] [--serve PORT]
//
// With --serve it listens on 127.0.0.1:PORT until Ctrl-C. Without it, it checks itself:
// it listens on a free port, sends 400 requests over 8 keep-alive connections (half for
// an existing tenant, "acme" on flowcore-stub, half for one that does not exist), checks
// every answer, and exits 1 if any is wrong. The API key comes from FLOWCORE_API_KEY; the
// stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace fc = flowcore;
using asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr int threads = 4;
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

// The answer to one request: a flowcore call on the non-throwing path.
asio::awaitable<http::response<http::string_body>> answer(
    const fc::client& client, const http::request<http::string_body>& request) {
  http::response<http::string_body> response(http::status::ok, request.version());
  response.set(http::field::content_type, "text/plain");
  constexpr std::string_view prefix = "/tenants/";
  const std::string_view target = request.target();
  if (request.method() != http::verb::get || !target.starts_with(prefix)) {
    response.result(http::status::not_found);
    response.body() = "try GET /tenants/NAME\n";
    co_return response;
  }
  // Named before co_await: GCC 12 destroys an aggregate temporary inside co_await twice.
  const fc::tenant_fetch fetch{.tenant = std::string(target.substr(prefix.size()))};
  fc::diagnostics diag;
  auto [ec, tenant] = co_await client.async_execute(fetch, diag, no_throw);
  if (!ec) {
    response.body() = tenant.name + " " + tenant.id + "\n";
  } else if (ec == fc::error::not_found) {
    response.result(http::status::not_found);
    response.body() = "no tenant " + fetch.tenant + "\n";
  } else {
    response.result(http::status::bad_gateway);
    response.body() = ec.message() + ": " + diag.message + "\n";
  }
  co_return response;
}

// One connection, on its own strand: requests in turn, until the peer closes or goes quiet.
asio::awaitable<void> serve(tcp::socket socket, fc::client client) {
  beast::tcp_stream stream(std::move(socket));
  beast::flat_buffer buffer;
  for (;;) {
    http::request<http::string_body> request;
    stream.expires_after(30s);
    auto [read_error, read] = co_await http::async_read(stream, buffer, request, no_throw);
    if (read_error) co_return;  // closed, timed out or not HTTP: nothing to answer
    http::response<http::string_body> response = co_await answer(client, request);
    response.keep_alive(request.keep_alive());
    response.prepare_payload();
    auto [write_error, written] = co_await http::async_write(stream, response, no_throw);
    if (write_error || !request.keep_alive()) co_return;
  }
}

// Accepts until the acceptor closes; each connection gets a strand of its own.
asio::awaitable<void> listen(tcp::acceptor& acceptor, fc::client client) {
  for (;;) {
    auto [ec, socket] =
        co_await acceptor.async_accept(asio::make_strand(acceptor.get_executor()), no_throw);
    if (ec) co_return;  // closed
    const auto on = socket.get_executor();
    asio::co_spawn(on, serve(std::move(socket), client), asio::detached);
  }
}

// The self-check's load: `count` requests over one keep-alive connection. Returns how many
// answers were wrong.
asio::awaitable<int> load(tcp::endpoint server, int count) {
  beast::tcp_stream stream(co_await asio::this_coro::executor);
  co_await stream.async_connect(server, asio::use_awaitable);
  beast::flat_buffer buffer;
  int wrong = 0;
  for (int i = 0; i < count; ++i) {
    const bool exists = i % 2 == 0;
    const std::string name = exists ? "acme" : "nobody-" + std::to_string(i);
    http::request<http::string_body> request(http::verb::get, "/tenants/" + name, 11);
    request.set(http::field::host, "127.0.0.1");
    co_await http::async_write(stream, request, asio::use_awaitable);
    http::response<http::string_body> response;
    co_await http::async_read(stream, buffer, response, asio::use_awaitable);
    const bool right =
        exists ? response.result() == http::status::ok && response.body().starts_with("acme ")
               : response.result() == http::status::not_found;
    if (!right && wrong++ == 0) {
      // One string, one write: other threads write too.
      std::cerr << "http_server: GET /tenants/" + name + " answered " +
                       std::to_string(response.result_int()) + " " + response.body();
    }
  }
  stream.socket().shutdown(tcp::socket::shutdown_both);
  co_return wrong;
}

}  // namespace

int main(int argc, char** argv) {
  std::string base_url = "http://127.0.0.1:8080";
  int serve_port = -1;  // -1: the self-check
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--serve" && i + 1 < argc)
      serve_port = std::atoi(argv[++i]);
    else
      base_url = arg;
  }
  const char* key = std::getenv("FLOWCORE_API_KEY");

  asio::io_context ioc(threads);
  // One client for every connection, on the bare executor: it makes its own strand.
  fc::client client(ioc.get_executor(),
                    fc::client_options{
                        .credentials = fc::api_key{.key = key ? key : "fc_demo_0123456789abcdef"},
                        .base_url = base_url,
                    });
  tcp::acceptor acceptor(asio::make_strand(ioc),
                         {asio::ip::make_address("127.0.0.1"),
                          static_cast<unsigned short>(serve_port < 0 ? 0 : serve_port)});
  asio::co_spawn(acceptor.get_executor(), listen(acceptor, client), asio::detached);

  std::atomic<int> wrong = 0, failed_connections = 0;
  constexpr int connections = 8, requests_each = 50;
  asio::signal_set signals(ioc);
  if (serve_port >= 0) {
    signals.add(SIGINT);
    signals.add(SIGTERM);
    std::cout << "http_server: listening on http://127.0.0.1:" << acceptor.local_endpoint().port()
              << ", " << threads << " threads\n";
    signals.async_wait([&](boost::system::error_code, int) {
      asio::post(acceptor.get_executor(), [&] { acceptor.close(); });
    });
  } else {
    // The self-check: 8 connections at once, then the server stops accepting; each
    // connection's coroutine ends when its peer closes, and run() returns on every thread.
    auto remaining = std::make_shared<std::atomic<int>>(connections);
    for (int c = 0; c < connections; ++c)
      asio::co_spawn(asio::make_strand(ioc), load(acceptor.local_endpoint(), requests_each),
                     [&, remaining](std::exception_ptr e, int bad) {
                       if (e) ++failed_connections;
                       wrong += bad;
                       if (--*remaining == 0)
                         asio::post(acceptor.get_executor(), [&] { acceptor.close(); });
                     });
  }

  std::vector<std::thread> pool;
  for (int i = 0; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  for (auto& t : pool) t.join();

  if (serve_port >= 0) return 0;
  const int total = connections * requests_each;
  std::cout << "http_server: " << total << " requests over " << connections
            << " connections, served by " << threads << " threads: " << total - wrong
            << " answered right, " << wrong << " wrong, " << failed_connections
            << " connections failed\n";
  return wrong == 0 && failed_connections == 0 ? 0 : 1;
}
