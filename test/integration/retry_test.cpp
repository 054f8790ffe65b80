// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Retries against real faults: 503s, Retry-After, resets, and what must not be re-sent.
#include "client_impl.hpp"
#include "stub_fixture.hpp"

namespace flowcore::test {

namespace {
// Replaces the client's real sleeps with a recorder: retry waits take no real time.
std::shared_ptr<std::vector<std::chrono::milliseconds>> record_sleeps(fc::client& client) {
  auto slept = std::make_shared<std::vector<std::chrono::milliseconds>>();
  fc::detail::client_access::impl(client)->sleep_override =
      [slept](std::chrono::milliseconds d) -> asio::awaitable<void> {
    slept->push_back(d);
    co_return;
  };
  return slept;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(retry)

BOOST_AUTO_TEST_CASE(succeeds_after_two_503s) {
  stub_fixture f;
  auto o = f.options();
  o.retry.delay = 250ms;  // the default policy, on the fake clock
  auto client = f.make_client(o);
  auto slept = record_sleeps(client);
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault(
        {.method = "GET", .path_prefix = "/api/v1/tenants", .count = 2, .status = 503});
    fc::diagnostics diag;
    fc::tenant_fetch cmd54{.tenant = "acme"};
    auto [ec, t] = co_await client.async_execute(cmd54, diag, no_throw);
    BOOST_TEST(!ec);
    BOOST_TEST(t.name == "acme");
    BOOST_TEST(diag.attempts == 3);
  });
  BOOST_TEST(f.stub.hits("GET", "/api/v1/tenants/by-name/acme") == 3u);
  BOOST_TEST(*slept == (std::vector<std::chrono::milliseconds>{250ms, 250ms}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(gives_up_after_retries_with_last_status) {
  stub_fixture f;
  auto client = f.make_client();
  record_sleeps(client);
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .status = 502});
    fc::tenant_fetch cmd55{.tenant = "acme"};
    auto [ec, diag] = co_await try_execute(client, cmd55);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.http_status == 502);
    BOOST_TEST(diag.attempts == 4);  // 1 + max_retries
    BOOST_TEST(diag.server_message == "stub fault: 502");
    BOOST_TEST(diag.command == "tenant_fetch");
    BOOST_TEST(diag.message.find("; retries exhausted") != std::string::npos);
  });
  BOOST_TEST(f.stub.hits("GET", "/api/v1/tenants/by-name/acme") == 4u);
}

BOOST_AUTO_TEST_CASE(retry_after_is_honoured) {
  stub_fixture f;
  auto client = f.make_client();
  auto slept = record_sleeps(client);
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault(
        {.path_prefix = "/api/v1/tenants", .count = 2, .status = 503, .retry_after = "1"});
    fc::diagnostics diag;
    fc::tenant_fetch cmd56{.tenant = "acme"};
    auto [ec, t] = co_await client.async_execute(cmd56, diag, no_throw);
    BOOST_TEST(!ec);
    BOOST_TEST(diag.retry_after.has_value());
  });
  // max(policy 1 ms, Retry-After 1 s) each time.
  BOOST_TEST(*slept == (std::vector<std::chrono::milliseconds>{1000ms, 1000ms}),
             boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(retry_after_too_long_fails_at_once_with_the_hint) {
  stub_fixture f;
  auto client = f.make_client();
  auto slept = record_sleeps(client);
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault(
        {.path_prefix = "/api/v1/tenants", .count = 1, .status = 429, .retry_after = "120"});
    fc::tenant_fetch cmd57{.tenant = "acme"};
    auto [ec, diag] = co_await try_execute(client, cmd57);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.http_status == 429);
    BOOST_TEST(diag.attempts == 1);
    BOOST_TEST((diag.retry_after == std::optional(std::chrono::milliseconds(120'000))));
  });
  BOOST_TEST(slept->empty());
}

BOOST_AUTO_TEST_CASE(per_call_policy_overrides_the_client_policy) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .status = 503});
    fc::tenant_fetch cmd58{.tenant = "acme"};
    fc::call_options no_retry{.retry = fc::retry_policy::none()};
    auto [ec, diag] = co_await try_execute(client, cmd58, no_retry);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.attempts == 1);
    // No retry was allowed, so none was used up: the message must not say so.
    BOOST_TEST(diag.message.find("exhausted") == std::string::npos);
  });
}

BOOST_AUTO_TEST_CASE(non_idempotent_request_that_reached_the_server_is_not_retried) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault(
        {.method = "POST", .path_prefix = "/api/v1/tenants", .count = 2, .status = 503});
    fc::tenant_create cmd59{.tenant_slug = "initech"};
    auto [ec, diag] = co_await try_execute(client, cmd59);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.http_status == 503);
    BOOST_TEST(diag.attempts == 1);
    f.stub.clear_faults();
    f.stub.add_fault(
        {.method = "POST", .path_prefix = "/api/v1/tenants", .count = 1, .reset = true});
    fc::tenant_create cmd60{.tenant_slug = "initech"};
    auto [ec2, diag2] = co_await try_execute(client, cmd60);
    BOOST_TEST(ec2 == fc::error::connection_failed);
    BOOST_TEST(diag2.attempts == 1);
  });
  BOOST_TEST(f.stub.hits("POST", "/api/v1/tenants") == 2u);
}

BOOST_AUTO_TEST_CASE(non_idempotent_request_is_retried_when_nothing_was_sent) {
  // Nothing listens on the port of a stopped stub: connect fails before any byte is
  // written, so even a create may be retried, and every attempt fails the same way.
  stub_fixture f;
  auto o = f.options();
  f.stub.stop();
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_create cmd61{.tenant_slug = "initech"};
    auto [ec, diag] = co_await try_execute(client, cmd61);
    BOOST_TEST(ec == fc::error::connection_failed);
    BOOST_TEST(diag.attempts == 4);
    BOOST_TEST(diag.message.find("connect") != std::string::npos);
  });
}

BOOST_AUTO_TEST_CASE(reset_connection_is_retried_for_idempotent_commands) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault(
        {.method = "GET", .path_prefix = "/api/v1/tenants", .count = 1, .reset = true});
    fc::tenant_fetch cmd62{.tenant = "acme"};
    fc::tenant t = co_await client.execute(cmd62);
    BOOST_TEST(t.name == "acme");
  });
  BOOST_TEST(f.stub.hits("GET", "/api/v1/tenants/by-name/acme") == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
