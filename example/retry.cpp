// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Retries, deadlines and cancellation: a client-wide fc::retry_policy with exponential
// backoff, a per-call override with fc::call_options, and two ways to cancel a call that
// is waiting for an answer: awaitable_operators' `||` with a timer, and a
// cancellation_signal bound to async_execute's token. The server that never answers is a
// socket the program listens on itself and never accepts from. It exits 1 if a call does
// not end the way it should (attempts, error code, time taken).
//
//   retry [BASE_URL]     (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
//
// The API key comes from FLOWCORE_API_KEY; the stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>

// flowcore.hpp includes neither the token adapters nor the awaitable operators.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <variant>

namespace asio = boost::asio;
namespace fc = flowcore;
using namespace std::chrono_literals;
using namespace asio::experimental::awaitable_operators;

namespace {

long long ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                               start)
      .count();
}

bool check(bool ok, const std::string& what) {
  std::cout << (ok ? "  ok:   " : "  FAIL: ") << what << "\n";
  return ok;
}

// Every client of this program retries the same way: up to 3 retries, each waiting a
// random time up to 50 ms, 100 ms, 200 ms (full jitter), never more than 1 s.
const fc::retry_policy policy{
    .delay = 50ms,
    .max_retries = 3,
    .backoff = fc::backoff::exponential,
    .max_delay = 1s,
};

asio::awaitable<bool> run(fc::client& client, std::string silent_url) {
  auto ex = co_await asio::this_coro::executor;
  bool ok = true;

  // The client's policy on a call that succeeds: one attempt, nothing to retry.
  std::cout << "client-wide exponential backoff, against the server:\n";
  fc::tenant_fetch fetch{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(fetch);
  ok &= check(!acme.id.empty(), "fetched tenant " + acme.name);

  // A server that never answers, and a client with a short budget for the answer's
  // headers: each attempt times out after 100 ms, and the policy retries it 3 times.
  fc::client impatient(ex, fc::client_options{
                               .credentials = fc::api_key{.key = "fc_demo_0123456789abcdef"},
                               .base_url = silent_url,
                               .retry = policy,
                               .timeouts = {.read_headers = 100ms},
                           });
  std::cout << "client-wide policy, against a server that never answers:\n";
  auto start = std::chrono::steady_clock::now();
  fc::diagnostics diag;
  auto [ec, tenant] =
      co_await impatient.async_execute(fetch, diag, asio::as_tuple(asio::use_awaitable));
  std::cout << "  " << ec.message() << " after " << diag.attempts << " attempts, phase "
            << diag.phase << ", " << ms_since(start) << " ms\n";
  ok &= check(ec == fc::error::timeout && diag.attempts == 4, "4 attempts, then timeout");

  // Per call: one retry after 10 ms instead of the client's policy. Name the call_options
  // before awaiting them (GCC 12, as for commands).
  std::cout << "per-call retry policy: 1 retry:\n";
  fc::call_options one_retry{.retry = fc::retry_policy{.delay = 10ms, .max_retries = 1}};
  start = std::chrono::steady_clock::now();
  auto [ec2, tenant2] =
      co_await impatient.async_execute(fetch, one_retry, diag, asio::as_tuple(asio::use_awaitable));
  std::cout << "  " << ec2.message() << " after " << diag.attempts << " attempts, "
            << ms_since(start) << " ms\n";
  ok &= check(ec2 == fc::error::timeout && diag.attempts == 2, "2 attempts, then timeout");

  // A client with the default budgets (30 s for the headers, 60 s per call), and a
  // per-call deadline of 250 ms without retries: the deadline clips every phase budget.
  fc::client patient(ex, fc::client_options{
                             .credentials = fc::api_key{.key = "fc_demo_0123456789abcdef"},
                             .base_url = silent_url,
                             .retry = policy,
                         });
  std::cout << "per-call deadline: 250 ms, no retries:\n";
  fc::call_options quick{.retry = fc::retry_policy::none(), .deadline = 250ms};
  start = std::chrono::steady_clock::now();
  try {
    co_await patient.execute(fetch, quick);
    ok &= check(false, "the silent server answered");
  } catch (const fc::client_error& e) {
    const auto took = ms_since(start);
    std::cout << "  " << e.what() << ", " << took << " ms\n";
    ok &= check(e.code() == fc::error::timeout && e.diagnostics().attempts == 1 && took >= 200 &&
                    took < 2000,
                "1 attempt, then timeout at the deadline");
  }

  // Cancel with a timer: `||` runs both and cancels the loser when one finishes. The
  // call would wait up to the client's 60 s deadline; the timer ends it after 150 ms.
  std::cout << "cancelled by a timer with ||:\n";
  fc::call_options no_retry{.retry = fc::retry_policy::none()};
  asio::steady_timer timer(ex, 150ms);
  start = std::chrono::steady_clock::now();
  std::variant<fc::tenant, std::monostate> first =
      co_await (patient.execute(fetch, no_retry) || timer.async_wait(asio::use_awaitable));
  const auto took = ms_since(start);
  std::cout << "  the " << (first.index() == 1 ? "timer" : "call") << " won after " << took
            << " ms\n";
  ok &= check(first.index() == 1 && took < 2000, "the timer won, the call was cancelled");

  // Cancel through a slot: the call completes at once with fc::error::cancelled.
  std::cout << "cancelled through a cancellation_signal:\n";
  // Shared with the timer's handler, which may run after this coroutine has finished.
  auto cancel = std::make_shared<asio::cancellation_signal>();
  timer.expires_after(150ms);
  timer.async_wait([cancel](boost::system::error_code ec) {
    if (!ec) cancel->emit(asio::cancellation_type::terminal);
  });
  start = std::chrono::steady_clock::now();
  auto [cancelled_ec, ignored] = co_await patient.async_execute(
      fetch, no_retry, diag,
      asio::bind_cancellation_slot(cancel->slot(), asio::as_tuple(asio::use_awaitable)));
  std::cout << "  " << cancelled_ec.message() << " after " << ms_since(start) << " ms\n";
  ok &= check(cancelled_ec == fc::error::cancelled, "the call ended with cancelled");
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
                        .retry = policy,
                    });
  // Listens and never accepts: the kernel completes each connection's handshake and
  // buffers the request, and no answer ever comes.
  asio::ip::tcp::acceptor silent(ioc, {asio::ip::make_address("127.0.0.1"), 0});
  const std::string silent_url =
      "http://127.0.0.1:" + std::to_string(silent.local_endpoint().port());
  int status = 1;
  asio::co_spawn(ioc, run(client, silent_url), [&](std::exception_ptr e, bool ok) {
    if (!e) {
      status = ok ? 0 : 1;
      return;
    }
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {  // fc::client_error included
      std::cerr << "retry: " << error.what() << "\n";
    }
  });
  ioc.run();
  return status;
}
