// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The mode check and option validation of the execute path, without any socket.
#include "call.hpp"
#include "call_failure.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

namespace asio = boost::asio;
namespace fc = flowcore;
namespace fcd = flowcore::detail;

namespace {
// The error a check failed with, and its message; a default error if it passed.
std::pair<fc::error, std::string> failure_with_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const fcd::call_failure& failure) {
    return {static_cast<fc::error>(failure.code.value()), failure.message};
  }
  return {fc::error{}, {}};
}

fc::error failure_of(const std::function<void()>& f) { return failure_with_message(f).first; }

fc::bearer_token some_provider() {
  return fc::bearer_token{[]() -> asio::awaitable<std::string> { co_return std::string("t"); }};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(credentials_mode)

BOOST_AUTO_TEST_CASE(bearer_only_commands_are_refused_with_an_api_key) {
  asio::io_context ioc;
  auto impl = std::make_shared<fcd::client_impl>(
      ioc.get_executor(), fc::client_options{.credentials = fc::api_key{"fc_a_b"}});
  fc::diagnostics diag;
  fcd::call c(impl, "api_key_list", fc::call_options{}, diag);
  BOOST_TEST(failure_of([&] { c.require_bearer(); }) == fc::error::not_allowed_in_mode);
  BOOST_TEST(failure_of([&] { c.require_api_key(); }) == fc::error{});
  BOOST_TEST(failure_with_message([&] { c.require_bearer(); }).second ==
             "not allowed in api key mode");
}

BOOST_AUTO_TEST_CASE(api_key_only_commands_are_refused_with_a_bearer_token) {
  asio::io_context ioc;
  auto impl = std::make_shared<fcd::client_impl>(
      ioc.get_executor(), fc::client_options{.credentials = some_provider()});
  fc::diagnostics diag;
  fcd::call c(impl, "ingest_event", fc::call_options{}, diag);
  BOOST_TEST(failure_of([&] { c.require_api_key(); }) == fc::error::not_allowed_in_mode);
  BOOST_TEST(failure_of([&] { c.require_bearer(); }) == fc::error{});
}

BOOST_AUTO_TEST_CASE(bad_options_are_invalid_argument) {
  asio::io_context ioc;
  auto check = [&](fc::client_options o) {
    o.credentials = fc::api_key{"fc_a_b"};
    fcd::client_impl impl(ioc.get_executor(), std::move(o));
    return failure_of([&] { impl.check_options(); });
  };
  BOOST_TEST(check({}) == fc::error{});
  BOOST_TEST(check({.timeouts = {.connect = std::chrono::milliseconds(0)}}) ==
             fc::error::invalid_argument);
  BOOST_TEST(check({.deadline = std::chrono::milliseconds(-1)}) == fc::error::invalid_argument);
  BOOST_TEST(check({.retry = {.max_retries = -1}}) == fc::error::invalid_argument);
  BOOST_TEST(check({.max_connections_per_origin = 0}) == fc::error::invalid_argument);
  fcd::client_impl bad_key(ioc.get_executor(),
                           fc::client_options{.credentials = fc::api_key{"nope"}});
  BOOST_TEST(failure_of([&] { bad_key.checked_api_key(); }) == fc::error::invalid_argument);
}

BOOST_AUTO_TEST_SUITE_END()
