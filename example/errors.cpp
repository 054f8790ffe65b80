// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Errors, both ways: `co_await client.execute(cmd)` throws fc::client_error, whose code and
// diagnostics say what went wrong; `client.async_execute(cmd, diag,
// asio::as_tuple(asio::use_awaitable))` never throws and hands back the error code, with
// the same diagnostics in `diag`. Shows a not_found (a data core that does not exist), an
// invalid_argument found before any I/O (a tenant_fetch naming no tenant), a timeout (a
// server that accepts connections and never answers, with a short deadline) and a
// connection_failed (a port nobody listens on). It exits 1 if any outcome differs.
//
//   errors [BASE_URL]     (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
//
// The API key comes from FLOWCORE_API_KEY; the stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>

// flowcore.hpp does not include the completion-token adapters: as_tuple needs its header.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

namespace asio = boost::asio;
namespace fc = flowcore;
using namespace std::chrono_literals;

namespace {

void print(const fc::diagnostics& d) {
  std::cout << "    command:        " << d.command << "\n"
            << "    http_status:    " << d.http_status << "\n"
            << "    server_message: " << d.server_message << "\n"
            << "    message:        " << d.message << "\n"
            << "    attempts:       " << d.attempts << "\n"
            << "    phase:          " << d.phase << "\n";
}

// Prints the outcome and whether it is the expected one; false when it is not.
bool expect(const char* what, boost::system::error_code ec, fc::error expected) {
  const bool ok = ec == expected;
  std::cout << (ok ? "  ok:   " : "  FAIL: ") << what << ": " << ec.message() << " (expected "
            << fc::make_error_code(expected).message() << ")\n";
  return ok;
}

// 1. The throwing path: a data core that does not exist is fc::error::not_found. Fetched by
// id, the server answers 404; fetched by name, a lookup answers 200 with nothing in it, and
// that is not_found too, with http_status 200.
asio::awaitable<bool> throwing(fc::client& client) {
  std::cout << "execute (throws fc::client_error):\n";
  fc::data_core_fetch fetch{.data_core_id = "00000000-0000-4000-8000-000000000000"};
  try {
    co_await client.execute(fetch);
  } catch (const fc::client_error& e) {
    std::cout << "  code: " << e.code() << "\n  what: " << e.what() << "\n";
    print(e.diagnostics());
    co_return expect("data_core_fetch of a missing data core", e.code(), fc::error::not_found) &&
        e.diagnostics().http_status == 404;
  }
  std::cout << "  FAIL: the missing data core was found\n";
  co_return false;
}

// 2. The non-throwing path: the error code comes back in a tuple with the (value-initialised)
// result; `diag` is filled in before completion.
asio::awaitable<bool> not_throwing(fc::client& client) {
  std::cout << "async_execute with as_tuple (never throws):\n";
  fc::tenant_fetch nobody{};  // neither .tenant nor .tenant_id: refused before any I/O
  fc::diagnostics diag;
  auto [ec, tenant] =
      co_await client.async_execute(nobody, diag, asio::as_tuple(asio::use_awaitable));
  print(diag);
  co_return expect("tenant_fetch without a tenant", ec, fc::error::invalid_argument) &&
      diag.attempts == 0 && tenant.id.empty();
}

// 3. A server that never answers: the kernel completes the TCP handshake for a listening
// socket, so the request is written, and then nothing comes back. The per-call deadline
// ends the call; retry_policy::none() keeps it to one attempt.
asio::awaitable<bool> timeout(const std::string& silent_url) {
  std::cout << "a server that never answers, 300 ms deadline:\n";
  auto ex = co_await asio::this_coro::executor;
  fc::client silent(ex, fc::client_options{
                            .credentials = fc::api_key{.key = "fc_demo_0123456789abcdef"},
                            .base_url = silent_url,
                        });
  fc::tenant_fetch fetch{.tenant = "acme"};
  fc::call_options opts{.retry = fc::retry_policy::none(), .deadline = 300ms};
  fc::diagnostics diag;
  const auto start = std::chrono::steady_clock::now();
  auto [ec, tenant] =
      co_await silent.async_execute(fetch, opts, diag, asio::as_tuple(asio::use_awaitable));
  const auto took = std::chrono::steady_clock::now() - start;
  print(diag);
  co_return expect("tenant_fetch from a silent server", ec, fc::error::timeout) && took < 2s;
}

// 4. A port nobody listens on: the connection is refused at once.
asio::awaitable<bool> refused(const std::string& closed_url) {
  std::cout << "a port nobody listens on:\n";
  auto ex = co_await asio::this_coro::executor;
  fc::client nowhere(ex, fc::client_options{
                             .credentials = fc::api_key{.key = "fc_demo_0123456789abcdef"},
                             .base_url = closed_url,
                         });
  fc::tenant_fetch fetch{.tenant = "acme"};
  fc::call_options opts{.retry = fc::retry_policy::none()};
  fc::diagnostics diag;
  auto [ec, tenant] =
      co_await nowhere.async_execute(fetch, opts, diag, asio::as_tuple(asio::use_awaitable));
  print(diag);
  co_return expect("tenant_fetch from a closed port", ec, fc::error::connection_failed);
}

std::string url_of(const asio::ip::tcp::endpoint& e) {
  return "http://127.0.0.1:" + std::to_string(e.port());
}

asio::awaitable<bool> run(fc::client& client) {
  auto ex = co_await asio::this_coro::executor;
  // Listens and never accepts: connections complete and then wait forever.
  asio::ip::tcp::acceptor silent(ex, {asio::ip::make_address("127.0.0.1"), 0});
  // Bound for a moment to get a free port, then closed: nobody listens there.
  std::string closed_url;
  {
    asio::ip::tcp::acceptor closed(ex, {asio::ip::make_address("127.0.0.1"), 0});
    closed_url = url_of(closed.local_endpoint());
  }
  bool ok = co_await throwing(client);
  ok &= co_await not_throwing(client);
  ok &= co_await timeout(url_of(silent.local_endpoint()));
  ok &= co_await refused(closed_url);
  co_return ok;
}

}  // namespace

int main(int argc, char** argv) {
  const char* key = std::getenv("FLOWCORE_API_KEY");
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{
                        .credentials = fc::api_key{.key = key ? key : "fc_demo_0123456789abcdef"},
                        .base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080",
                    });
  int status = 1;
  asio::co_spawn(ioc, run(client), [&](std::exception_ptr e, bool ok) {
    if (!e) {
      status = ok ? 0 : 1;
      return;
    }
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {  // fc::client_error included
      std::cerr << "errors: " << error.what() << "\n";
    }
  });
  ioc.run();
  return status;
}
