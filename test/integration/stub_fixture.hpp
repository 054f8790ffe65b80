// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The real client over real sockets against the in-process stub, both on one io_context.
// A test is a coroutine; run() drives the io_context until it finishes, then stops the
// stub. A watchdog turns a hang into a failure instead of a stuck CI job.

#include "secret_watch.hpp"

#include <flowcore/flowcore.hpp>
#include <flowcore/stub/server.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowcore::test {

namespace asio = boost::asio;
namespace fc = flowcore;
using namespace std::chrono_literals;

inline constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

/// A fake api key whose secret part is a marker that must never appear in any output.
inline const std::string test_key = "fc_testid_SECRETMARKER0123456789";

/// A fake bearer token, also a marker that must never appear in any output.
inline const std::string test_token = "tok-SECRETMARKER-0123456789";

/// Collects every log line, at every level; with FLOWCORE_TEST_LOG set, also prints them.
/// Each line is also shown to the secret watch.
struct log_capture {
  std::shared_ptr<std::vector<std::string>> lines = std::make_shared<std::vector<std::string>>();
  fc::logger logger() const {
    return fc::logger{.level = fc::log_level::debug,
                      .sink = [lines = lines](fc::log_level, std::string_view line) {
                        secret_watch::global().see("log", line);
                        lines->emplace_back(line);
                        if (std::getenv("FLOWCORE_TEST_LOG")) std::fprintf(stderr, "%.*s\n", int(line.size()), line.data());
                      }};
  }
  bool contains(std::string_view needle) const {
    for (const auto& l : *lines)
      if (l.find(needle) != std::string::npos) return true;
    return false;
  }
};

struct stub_fixture {
  asio::io_context ioc;
  flowcore::stub::server stub;

  explicit stub_fixture(flowcore::stub::server_options options = {})
      : stub(ioc.get_executor(), std::move(options)) {
    stub.start();
  }

  /// Client options for the stub with fast retries, logging at debug to the secret
  /// watch; tests change what they test.
  fc::client_options options() const {
    fc::client_options o;
    o.credentials = fc::api_key{test_key};
    o.base_url = stub.base_url();
    o.retry.delay = 1ms;
    o.logger = secret_watch::global().logger();
    return o;
  }

  fc::client make_client() { return fc::client(ioc.get_executor(), options()); }
  /// A client in bearer mode whose provider always returns test_token.
  fc::client make_bearer_client() {
    fc::client_options o = options();
    o.credentials = fc::bearer_token{[]() -> asio::awaitable<std::string> { co_return test_token; }};
    return make_client(std::move(o));
  }
  fc::client make_client(fc::client_options o) {
    return fc::client(ioc.get_executor(), std::move(o));
  }

  /// Runs `test` (a coroutine function) to completion; rethrows its exception.
  template <class F>
  void run(F test, std::chrono::seconds watchdog = 30s) {
    std::exception_ptr failure;
    bool finished = false;
    asio::steady_timer guard(ioc, watchdog);
    guard.async_wait([&](boost::system::error_code ec) {
      if (ec) return;
      BOOST_ERROR("test did not finish within the watchdog");
      stub.stop();
      ioc.stop();
    });
    asio::co_spawn(ioc, std::move(test), [&](std::exception_ptr e) {
      failure = e;
      finished = true;
      guard.cancel();
      stub.stop();
    });
    ioc.run();
    ioc.restart();
    BOOST_TEST(finished);
    if (!failure) return;
    try {
      std::rethrow_exception(failure);
    } catch (const fc::client_error& e) {
      secret_watch::global().see(e.code(), e.diagnostics());
      throw;
    }
  }
};

/// acme / `name`: a data core in the seeded tenant.
inline asio::awaitable<fc::data_core> make_data_core(fc::client& client, const stub_fixture& f,
                                                     std::string name = "orders") {
  fc::data_core_create create{.tenant_id = f.stub.acme_tenant_id(), .name = std::move(name)};
  co_return co_await client.execute(create);
}

/// acme / orders / order: the parents of event-type tests.
inline asio::awaitable<fc::flow_type> make_flow_type(fc::client& client, const stub_fixture& f) {
  fc::data_core core = co_await make_data_core(client, f);
  fc::flow_type_create ft{.data_core_id = core.id, .name = "order"};
  co_return co_await client.execute(ft);
}

// acme / orders with flow types order {created, shipped} and invoice {paid}.
struct tree {
  std::string data_core;
  std::string order, created, shipped;
  std::string invoice, paid;
};

inline asio::awaitable<tree> make_tree(fc::client& client, std::string tenant_id) {
  tree t;
  fc::data_core_create dc{.tenant_id = tenant_id, .name = "orders"};
  t.data_core = (co_await client.execute(dc)).id;
  fc::flow_type_create order{.data_core_id = t.data_core, .name = "order"};
  t.order = (co_await client.execute(order)).id;
  fc::flow_type_create invoice{.data_core_id = t.data_core, .name = "invoice"};
  t.invoice = (co_await client.execute(invoice)).id;
  fc::event_type_create created{.flow_type_id = t.order, .name = "created"};
  t.created = (co_await client.execute(created)).id;
  fc::event_type_create shipped{.flow_type_id = t.order, .name = "shipped"};
  t.shipped = (co_await client.execute(shipped)).id;
  fc::event_type_create paid{.flow_type_id = t.invoice, .name = "paid"};
  t.paid = (co_await client.execute(paid)).id;
  co_return t;
}

// Polls `done` every millisecond: the stub runs on this thread, so the test must yield
// for it to act. Throws when `limit` passes first.
inline asio::awaitable<void> wait_until(std::function<bool()> done, std::chrono::milliseconds limit = 3s) {
  asio::steady_timer tick(co_await asio::this_coro::executor);
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (!done()) {
    if (std::chrono::steady_clock::now() > deadline)
      throw std::runtime_error("condition not met in time");
    tick.expires_after(1ms);
    co_await tick.async_wait(asio::use_awaitable);
  }
}

/// Runs `cmd` and returns (error code, diagnostics) without throwing; both are shown to
/// the secret watch.
///
/// Commands are named before they are awaited, in every test: GCC 12 miscompiles an
/// aggregate temporary holding a std::string inside a co_await expression (see
/// client.hpp). The non-const reference makes `try_execute(client, fc::x{...})` fail to
/// compile instead of crashing.
template <class Command>
asio::awaitable<std::pair<boost::system::error_code, fc::diagnostics>> try_execute(
    fc::client& client, Command& cmd, fc::call_options& opts) {
  fc::diagnostics diag;
  auto [ec, result] = co_await client.async_execute(cmd, opts, diag, no_throw);
  secret_watch::global().see(ec, diag);
  co_return std::pair{ec, std::move(diag)};
}

template <class Command>
asio::awaitable<std::pair<boost::system::error_code, fc::diagnostics>> try_execute(
    fc::client& client, Command& cmd) {
  fc::call_options defaults;
  co_return co_await try_execute(client, cmd, defaults);
}

}  // namespace flowcore::test
