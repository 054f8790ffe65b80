// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// A bearer-token provider is user code: it may never answer, ignore cancellation or throw
// anything. None of that may hang a call or a stream past its deadline or budget.
#include "stub_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include <memory>

namespace flowcore::test {
namespace {

// A provider that never answers and ignores every cancellation: only the test can release
// it (gate->cancel()), so that the io_context runs out of work at the end.
struct hung_provider {
  std::shared_ptr<asio::steady_timer> gate;
  std::shared_ptr<int> calls = std::make_shared<int>(0);

  explicit hung_provider(asio::io_context& ioc)
      : gate(std::make_shared<asio::steady_timer>(ioc, asio::steady_timer::time_point::max())) {}

  fc::bearer_token credentials() const {
    return fc::bearer_token{[gate = gate, calls = calls]() -> asio::awaitable<std::string> {
      ++*calls;
      co_await asio::this_coro::reset_cancellation_state(
          [](asio::cancellation_type) { return asio::cancellation_type::none; });
      co_await gate->async_wait(no_throw);
      co_return test_token;
    }};
  }
};

fc::bearer_token throwing_provider() {
  return fc::bearer_token{[]() -> asio::awaitable<std::string> {
    throw 42;  // not derived from std::exception
    co_return std::string();
  }};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(token_provider)

BOOST_AUTO_TEST_CASE(a_provider_that_never_answers_ends_at_the_deadline) {
  stub_fixture f;
  hung_provider provider(f.ioc);
  fc::client_options o = f.options();
  o.credentials = provider.credentials();
  auto client = f.make_client(std::move(o));
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch fetch{.tenant = "acme"};
    fc::call_options opts{.deadline = 200ms};
    const auto started = std::chrono::steady_clock::now();
    auto [ec, diag] = co_await try_execute(client, fetch, opts);
    BOOST_TEST(ec == fc::error::timeout);
    BOOST_TEST(diag.phase == "token");
    BOOST_TEST((std::chrono::steady_clock::now() - started < 2s));
    BOOST_TEST(f.stub.requests().empty());
    provider.gate->cancel();
  });
}

BOOST_AUTO_TEST_CASE(cancellation_ends_the_wait_for_a_provider) {
  for (auto type : {asio::cancellation_type::terminal, asio::cancellation_type::partial}) {
    stub_fixture f;
    hung_provider provider(f.ioc);
    fc::client_options o = f.options();
    o.credentials = provider.credentials();
    auto client = f.make_client(std::move(o));
    f.run([&]() -> asio::awaitable<void> {
      auto signal = std::make_shared<asio::cancellation_signal>();
      auto result = std::make_shared<std::optional<boost::system::error_code>>();
      fc::tenant_fetch fetch{.tenant = "acme"};
      client.async_execute(fetch, asio::bind_cancellation_slot(
                                      signal->slot(), [result](boost::system::error_code ec, fc::tenant) {
                                        *result = ec;
                                      }));
      co_await wait_until([&] { return *provider.calls == 1; });
      signal->emit(type);
      co_await wait_until([&] { return result->has_value(); }, 1s);
      BOOST_TEST(**result == fc::error::cancelled);
      provider.gate->cancel();
    });
  }
}

BOOST_AUTO_TEST_CASE(a_provider_throwing_a_non_standard_exception_is_auth_failed) {
  stub_fixture f;
  fc::client_options o = f.options();
  o.credentials = throwing_provider();
  auto client = f.make_client(std::move(o));
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch fetch{.tenant = "acme"};
    auto [ec, diag] = co_await try_execute(client, fetch);
    BOOST_TEST(ec == fc::error::auth_failed);
    BOOST_TEST(diag.message.find("not derived from std::exception") != std::string::npos);
    BOOST_TEST(f.stub.requests().empty());
  });
}

BOOST_AUTO_TEST_CASE(a_stream_bounds_its_provider_by_the_connect_budget) {
  stub_fixture f;
  hung_provider provider(f.ioc);
  f.run([&]() -> asio::awaitable<void> {
    fc::notification_options options{
        .credentials = provider.credentials(),
        .base_url = f.stub.base_url(),
        .subscription = {.tenant = "acme", .data_core = "orders"},
        .reconnect_interval = 1ms,
        .max_reconnects = 1,
        .connect_timeout = 100ms};
    auto ex = co_await asio::this_coro::executor;
    fc::notification_stream stream(ex, std::move(options));
    try {
      co_await stream.next();
      BOOST_ERROR("the stream did not fail");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::reconnects_exhausted);
    }
    BOOST_TEST(*provider.calls == 2);  // each attempt asked once, and gave up at the budget
    BOOST_TEST(f.stub.requests().empty());
    provider.gate->cancel();
  });
}

BOOST_AUTO_TEST_CASE(a_stream_whose_provider_throws_anything_fails_with_auth_failed) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::notification_options options{
        .credentials = throwing_provider(),
        .base_url = f.stub.base_url(),
        .subscription = {.tenant = "acme", .data_core = "orders"}};
    auto ex = co_await asio::this_coro::executor;
    fc::notification_stream stream(ex, std::move(options));
    try {
      co_await stream.next();
      BOOST_ERROR("the stream did not fail");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::auth_failed);
    }
  }, 5s);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
