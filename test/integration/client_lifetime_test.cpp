// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// What outlives what: the last fc::client handle cancels the calls in flight without
// waiting for them; each still completes once. Awaitables may be stored and run later.
#include "stub_fixture.hpp"

#include <boost/asio/detached.hpp>

#include <memory>
#include <vector>

namespace flowcore::test {

BOOST_AUTO_TEST_SUITE(client_lifetime)

BOOST_AUTO_TEST_CASE(the_last_handle_cancels_the_calls_in_flight) {
  stub_fixture f;
  static constexpr std::size_t calls = 50;
  struct outcome {
    int completions = 0;
    boost::system::error_code ec;
  };
  auto outcomes = std::make_shared<std::vector<outcome>>(calls + 1);
  f.run(
      [&]() -> asio::awaitable<void> {
        // Nothing is ever answered: only the cancellation can end these calls.
        f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .stall = true});
        auto client = std::make_unique<fc::client>(f.make_client());
        const fc::tenant_fetch cmd{.tenant = "acme"};
        for (std::size_t i = 0; i < calls; ++i)
          client->async_execute(cmd, [outcomes, i](boost::system::error_code ec, fc::tenant) {
            ++(*outcomes)[i].completions;
            (*outcomes)[i].ec = ec;
          });
        // One more, awaited by a coroutine that holds no handle of its own.
        fc::client& borrowed = *client;
        asio::co_spawn(
            f.ioc,
            [&borrowed, outcomes]() -> asio::awaitable<void> {
              const fc::tenant_fetch awaited{.tenant = "acme"};
              try {
                co_await borrowed.execute(awaited);
              } catch (const fc::client_error& e) {
                (*outcomes)[calls].ec = e.code();
              }
              ++(*outcomes)[calls].completions;
            },
            asio::detached);
        // 16 calls on the wire (the pool's bound), the others queued for a connection.
        co_await wait_until([&] { return f.stub.connections_accepted() >= 16u; });

        client.reset();  // the last handle
        co_await wait_until([&] {
          for (const auto& o : *outcomes)
            if (o.completions == 0) return false;
          return true;
        });
        for (std::size_t i = 0; i <= calls; ++i) {
          BOOST_TEST_CONTEXT("call " << i) {
            BOOST_TEST((*outcomes)[i].completions == 1);
            BOOST_TEST((*outcomes)[i].ec == fc::error::cancelled);
          }
        }
      },
      10s);  // far below the calls' 60 s deadline
}

BOOST_AUTO_TEST_CASE(a_copy_keeps_the_calls_going) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 1, .delay = 50ms});
    auto first = std::make_unique<fc::client>(f.make_client());
    const fc::client second = *first;
    const fc::tenant_fetch cmd{.tenant = "acme"};
    auto result = std::make_shared<boost::system::error_code>(fc::error::invalid_argument);
    first->async_execute(cmd, [result](boost::system::error_code ec, fc::tenant) { *result = ec; });
    first.reset();  // not the last handle: `second` remains
    co_await wait_until([&] { return *result != fc::error::invalid_argument; });
    BOOST_TEST(!*result);
  });
}

BOOST_AUTO_TEST_CASE(a_stored_awaitable_runs_later) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    // The command is gone before the awaitable runs: execute() copied it.
    asio::awaitable<fc::tenant> later = [&client] {
      const fc::tenant_fetch cmd{.tenant = "acme"};
      return client.execute(cmd);
    }();
    BOOST_TEST(f.stub.requests().empty());  // nothing runs before it is awaited
    const fc::tenant acme = co_await std::move(later);
    BOOST_TEST(acme.name == "acme");
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
