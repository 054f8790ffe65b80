// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// What an error says, and at which level it is logged: each thing once, no HTTP status
// where there was no HTTP error, and no warning for an outcome the caller asked for.
#include "stub_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include <memory>

namespace flowcore::test {
namespace {

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
    ++n;
  return n;
}

// A log sink that keeps each line with its level.
struct leveled_log {
  std::shared_ptr<std::vector<std::pair<fc::log_level, std::string>>> lines =
      std::make_shared<std::vector<std::pair<fc::log_level, std::string>>>();
  fc::logger logger() const {
    return fc::logger{.level = fc::log_level::debug,
                      .sink = [lines = lines](fc::log_level level, std::string_view line) {
                        lines->emplace_back(level, std::string(line));
                      }};
  }
  /// The level of the first line containing `needle`, if any.
  std::optional<fc::log_level> level_of(std::string_view needle) const {
    for (const auto& [level, line] : *lines)
      if (line.find(needle) != std::string::npos) return level;
    return std::nullopt;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(a_name_that_does_not_resolve_is_no_http_error) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core core = co_await make_data_core(client, f);
    fc::flow_type_fetch fetch{.data_core_id = core.id, .flow_type = "missing"};
    auto [ec, diag] = co_await try_execute(client, fetch);
    BOOST_TEST(ec == fc::error::not_found);
    const std::string what = fc::client_error(ec, diag).what();
    BOOST_TEST(what.find("HTTP") == std::string::npos, what);
    BOOST_TEST(what.find(R"(FlowType not found: {"name":"missing"})") != std::string::npos, what);
  });
}

BOOST_AUTO_TEST_CASE(the_command_name_is_said_once) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch neither{};
    auto [ec, diag] = co_await try_execute(client, neither);
    BOOST_TEST(ec == fc::error::invalid_argument);
    const std::string what = fc::client_error(ec, diag).what();
    BOOST_TEST(occurrences(what, "tenant_fetch") == 1u, what);

    fc::api_key_list wrong_mode{.tenant_id = "t"};
    auto [ec2, diag2] = co_await try_execute(client, wrong_mode);
    BOOST_TEST(ec2 == fc::error::not_allowed_in_mode);
    const std::string what2 = fc::client_error(ec2, diag2).what();
    BOOST_TEST(occurrences(what2, "api_key_list") == 1u, what2);

    fc::ingest_event bad{.tenant_name = "acme", .data_core_id = "d", .flow_type_name = "f",
                         .event_type_name = "e", .event_data = "{"};
    auto [ec3, diag3] = co_await try_execute(client, bad);
    BOOST_TEST(ec3 == fc::error::invalid_argument);
    const std::string what3 = fc::client_error(ec3, diag3).what();
    BOOST_TEST(occurrences(what3, "ingest_event") == 1u, what3);
  });
}

BOOST_AUTO_TEST_CASE(a_cancelled_call_says_cancelled_once_and_logs_at_debug) {
  stub_fixture f;
  leveled_log log;
  fc::client_options o = f.options();
  o.logger = log.logger();
  auto client = f.make_client(std::move(o));
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .stall = true});
    auto signal = std::make_shared<asio::cancellation_signal>();
    auto outcome = std::make_shared<std::optional<boost::system::error_code>>();
    auto diag = std::make_shared<fc::diagnostics>();
    fc::tenant_fetch fetch{.tenant = "acme"};
    client.async_execute(fetch, *diag,
                         asio::bind_cancellation_slot(
                             signal->slot(), [outcome, diag](boost::system::error_code ec, fc::tenant) {
                               *outcome = ec;
                             }));
    co_await wait_until([&] { return f.stub.hits("GET", "/api/v1/tenants") == 1; });
    signal->emit(asio::cancellation_type::terminal);
    co_await wait_until([&] { return outcome->has_value(); }, 1s);
    BOOST_TEST(**outcome == fc::error::cancelled);
    const std::string what = fc::client_error(**outcome, *diag).what();
    BOOST_TEST(occurrences(what, "cancelled") == 1u, what);
    BOOST_TEST((log.level_of("tenant_fetch failed") == fc::log_level::debug));
  });
}

BOOST_AUTO_TEST_CASE(not_found_logs_at_debug_and_other_failures_at_warning) {
  stub_fixture f;
  leveled_log log;
  fc::client_options o = f.options();
  o.logger = log.logger();
  o.retry = fc::retry_policy::none();
  auto client = f.make_client(std::move(o));
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch missing{.tenant = "nobody"};
    auto [ec, diag] = co_await try_execute(client, missing);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST((log.level_of("tenant_fetch failed") == fc::log_level::debug));
    f.stub.add_fault({.path_prefix = "/api/v1/data-cores", .count = 1, .status = 500});
    fc::data_core_list list{.tenant_id = f.stub.acme_tenant_id()};
    auto [ec2, diag2] = co_await try_execute(client, list);
    BOOST_TEST(ec2 == fc::error::http_status);
    BOOST_TEST((log.level_of("data_core_list failed") == fc::log_level::warning));
  });
}

BOOST_AUTO_TEST_CASE(ingesting_into_an_unknown_event_type_is_not_found) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core core = co_await make_data_core(client, f);
    fc::ingest_event event{.tenant_name = "acme", .data_core_id = core.id,
                           .flow_type_name = "nope", .event_type_name = "none",
                           .event_data = R"({"n":1})"};
    auto [ec, diag] = co_await try_execute(client, event);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST(diag.message.find(R"(EventType not found: {"tenant":"acme")") == 0u, diag.message);
    BOOST_TEST(diag.http_status == 404);
    fc::ingest_batch batch{.tenant_name = "acme", .data_core_id = "no-such-core",
                           .flow_type_name = "nope", .event_type_name = "none",
                           .events = {R"({"n":1})"}};
    auto [ec2, diag2] = co_await try_execute(client, batch);
    BOOST_TEST(ec2 == fc::error::not_found);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
