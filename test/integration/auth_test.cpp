// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Credentials on the wire, token refresh, and secrets kept out of every output.
#include "stub_fixture.hpp"

namespace flowcore::test {

namespace {
constexpr const char* marker_token = "TOKENMARKER-4f9a2c";

// A provider that counts its calls and hands out the marker token.
fc::bearer_token counting_provider(std::shared_ptr<int> calls) {
  return fc::bearer_token{[calls]() -> asio::awaitable<std::string> {
    ++*calls;
    co_return std::string(marker_token);
  }};
}

// Nothing the library produced may carry the marker.
void check_no_secret(const fc::diagnostics& d, const log_capture& logs, std::string_view marker) {
  BOOST_TEST(d.message.find(marker) == std::string::npos);
  BOOST_TEST(d.server_message.find(marker) == std::string::npos);
  BOOST_TEST(!logs.contains(marker));
}
}  // namespace

BOOST_AUTO_TEST_SUITE(auth)

BOOST_AUTO_TEST_CASE(api_key_header_repeats_the_whole_key) {
  stub_fixture f;
  auto client = f.make_client();
  fc::tenant_list cmd1{};
  f.run([&]() -> asio::awaitable<void> { co_await client.execute(cmd1); });
  BOOST_TEST(f.stub.requests().at(0).authorization == "ApiKey testid:" + test_key);
}

BOOST_AUTO_TEST_CASE(legacy_api_key_with_explicit_id) {
  stub_fixture f;
  auto o = f.options();
  o.credentials = fc::api_key{.key = "legacykey123", .id = "kid"};
  auto client = f.make_client(o);
  fc::tenant_list cmd2{};
  f.run([&]() -> asio::awaitable<void> { co_await client.execute(cmd2); });
  BOOST_TEST(f.stub.requests().at(0).authorization == "ApiKey kid:legacykey123");
}

BOOST_AUTO_TEST_CASE(malformed_api_key_fails_before_any_io) {
  stub_fixture f;
  for (std::string key : {"abc", "fc_a_b_c", "xx_a_b", "fc__SECRETX", ""}) {
    auto o = f.options();
    o.credentials = fc::api_key{key};
    auto client = f.make_client(o);
    f.run([&]() -> asio::awaitable<void> {
      fc::tenant_list cmd3{};
      auto [ec, diag] = co_await try_execute(client, cmd3);
      BOOST_TEST(ec == fc::error::invalid_argument);
      BOOST_TEST(diag.message == "invalid api key");
    });
  }
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_CASE(bearer_token_is_fetched_once_per_attempt) {
  stub_fixture f;
  auto calls = std::make_shared<int>(0);
  auto o = f.options();
  o.credentials = counting_provider(calls);
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 2, .status = 503});
    fc::tenant_list cmd4{};
    co_await client.execute(cmd4);
  });
  BOOST_TEST(*calls == 3);
  BOOST_TEST(f.stub.requests().at(0).authorization == std::string("Bearer ") + marker_token);
}

BOOST_AUTO_TEST_CASE(bearer_token_is_refreshed_once_on_401) {
  stub_fixture f;
  auto calls = std::make_shared<int>(0);
  auto o = f.options();
  o.credentials = counting_provider(calls);
  o.retry = fc::retry_policy::none();  // the refresh is outside the policy
  auto client = f.make_client(o);
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 1, .status = 401});
    fc::tenant_list cmd5{};
    co_await client.execute(cmd5);
    BOOST_TEST(*calls == 2);
    // A second 401 in a row is final.
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 2, .status = 401});
    fc::tenant_list cmd6{};
    auto [ec, diag] = co_await try_execute(client, cmd6);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.http_status == 401);
    BOOST_TEST(*calls == 4);
  });
}

BOOST_AUTO_TEST_CASE(api_key_mode_does_not_retry_a_401) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 1, .status = 401});
    fc::tenant_list cmd7{};
    auto [ec, diag] = co_await try_execute(client, cmd7);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.attempts == 1);
  });
}

BOOST_AUTO_TEST_CASE(throwing_or_empty_token_provider_is_auth_failed) {
  stub_fixture f;
  auto o = f.options();
  o.credentials = fc::bearer_token{[]() -> asio::awaitable<std::string> {
    throw std::runtime_error(std::string("identity provider down; token=") + marker_token);
    co_return std::string();
  }};
  log_capture logs;
  o.logger = logs.logger();
  auto client = f.make_client(o);
  auto empty = o;
  empty.credentials =
      fc::bearer_token{[]() -> asio::awaitable<std::string> { co_return std::string(); }};
  auto empty_client = f.make_client(empty);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list cmd8{};
    auto [ec, diag] = co_await try_execute(client, cmd8);
    BOOST_TEST(ec == fc::error::auth_failed);
    BOOST_TEST(diag.message.find("identity provider down") != std::string::npos);
    BOOST_TEST(diag.attempts == 0);
    check_no_secret(diag, logs, marker_token);
    fc::tenant_list cmd9{};
    auto [ec2, diag2] = co_await try_execute(empty_client, cmd9);
    BOOST_TEST(ec2 == fc::error::auth_failed);
  });
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_CASE(no_secret_in_logs_errors_or_what) {
  stub_fixture f;
  auto calls = std::make_shared<int>(0);
  log_capture logs;
  auto bearer = f.options();
  bearer.credentials = counting_provider(calls);
  bearer.logger = logs.logger();
  auto bearer_client = f.make_client(bearer);
  auto keyed = f.options();
  keyed.logger = logs.logger();
  auto key_client = f.make_client(keyed);
  // Each client must hide its own credential wherever the server echoes it.
  auto check_client = [&](fc::client& client, std::string_view marker) -> asio::awaitable<void> {
    fc::tenant_list list;
    auto [ec, diag] = co_await try_execute(client, list);
    BOOST_TEST(!!ec);
    check_no_secret(diag, logs, marker);
    fc::client_error error(ec, diag);
    BOOST_TEST(std::string(error.what()).find(marker) == std::string::npos);
  };
  f.run([&]() -> asio::awaitable<void> {
    // A 401 (refreshed, then final) whose body echoes the credentials.
    const std::string echo =
        std::string(R"({"message":"bad token )") + marker_token + " key " + test_key + R"("})";
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 2, .status = 401, .body = echo});
    co_await check_client(bearer_client, marker_token);
    // A 500 retried until exhausted, echoing them every time.
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .status = 500, .body = echo});
    co_await check_client(bearer_client, marker_token);
    co_await check_client(key_client, "SECRETMARKER");
    // And a timeout with the stalled server.
    f.stub.clear_faults();
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .stall = true});
    fc::tenant_list list;
    fc::call_options short_deadline{.deadline = 100ms};
    auto [ec, diag] = co_await try_execute(bearer_client, list, short_deadline);
    BOOST_TEST(ec == fc::error::timeout);
    check_no_secret(diag, logs, marker_token);
  });
  BOOST_TEST(*calls >= 6);
  BOOST_TEST(logs.contains("GET"));  // debug logging was on and did log
  BOOST_TEST(!logs.contains(marker_token));
  BOOST_TEST(!logs.contains("SECRETMARKER"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
