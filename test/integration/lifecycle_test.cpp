// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The whole life of a data core against the stub's deletion timers, and the standalone
// fc::wait_until_deleted.
#include "stub_fixture.hpp"

namespace flowcore::test {

// Asio's coroutine frames ask this when a coroutine takes a client by value.
static_assert(std::is_nothrow_copy_constructible_v<fc::client>);

BOOST_AUTO_TEST_SUITE(lifecycle)

BOOST_AUTO_TEST_CASE(create_truncate_and_delete_everything_with_waits) {
  stub_fixture f({.delete_delay = 40ms, .truncate_delay = 40ms});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type ft = co_await make_flow_type(client, f);
    fc::event_type_create create{.flow_type_id = ft.id, .name = "created"};
    fc::event_type et = co_await client.execute(create);

    fc::event_type_request_truncate truncate{.tenant = "acme", .event_type_id = et.id};
    BOOST_TEST(co_await client.execute(truncate));

    fc::event_type_request_delete delete_event_type{.tenant = "acme", .event_type_id = et.id};
    BOOST_TEST(co_await client.execute(delete_event_type));
    fc::event_type_exists event_type_exists{.event_type_id = et.id};
    BOOST_TEST(!co_await client.execute(event_type_exists));

    fc::flow_type_request_delete delete_flow_type{.tenant = "acme", .flow_type_id = ft.id};
    BOOST_TEST(co_await client.execute(delete_flow_type));
    fc::flow_type_exists flow_type_exists{.flow_type_id = ft.id};
    BOOST_TEST(!co_await client.execute(flow_type_exists));

    fc::data_core_request_delete delete_data_core{.tenant = "acme", .data_core_id = ft.data_core_id};
    BOOST_TEST(co_await client.execute(delete_data_core));
    fc::data_core_exists data_core_exists{.data_core_id = ft.data_core_id};
    BOOST_TEST(!co_await client.execute(data_core_exists));
  });
  // Each wait returned only after its resource was gone: a poll answered false last.
  BOOST_TEST(f.stub.hits("GET", "/api/v1/event-types/") >= 2u);
}

BOOST_AUTO_TEST_CASE(wait_until_deleted_after_a_request_without_wait) {
  stub_fixture f({.delete_delay = 40ms});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await make_data_core(client, f);
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = dc.id, .wait = false};
    BOOST_TEST(co_await client.execute(del));
    fc::data_core_exists exists{.data_core_id = dc.id};
    BOOST_TEST(co_await client.execute(exists));  // still there: the timer runs
    fc::wait_options fast{.poll_interval = 10ms};
    co_await fc::wait_until_deleted(client, exists, fast);
    BOOST_TEST(!co_await client.execute(exists));
  });
  BOOST_TEST(f.stub.hits("GET", "/api/v1/data-cores/") >= 3u);
}

BOOST_AUTO_TEST_CASE(wait_until_deleted_hits_its_cap_on_a_slow_deletion) {
  stub_fixture f({.delete_delay = 10s});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type ft = co_await make_flow_type(client, f);
    fc::flow_type_request_delete del{.tenant = "acme", .flow_type_id = ft.id, .wait = false};
    co_await client.execute(del);
    fc::flow_type_exists exists{.flow_type_id = ft.id};
    fc::wait_options short_cap{.poll_interval = 20ms, .cap = 150ms};
    try {
      co_await fc::wait_until_deleted(client, exists, short_cap);
      BOOST_ERROR("wait_until_deleted returned while the flow type still exists");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::wait_timeout);
      BOOST_TEST(e.diagnostics().command == "wait_until_deleted");
      BOOST_TEST(e.diagnostics().message.find("deletion of FlowType " + ft.id +
                                              " was requested and is still in progress") == 0u);
    }
  });
}

BOOST_AUTO_TEST_CASE(wait_until_deleted_checks_its_arguments_before_any_io) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::event_type_exists no_id{};
    fc::wait_options defaults;
    try {
      co_await fc::wait_until_deleted(client, no_id, defaults);
      BOOST_ERROR("no error for an empty id");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::invalid_argument);
      BOOST_TEST(e.diagnostics().message == "event_type_id is required");
    }
    fc::event_type_exists some{.event_type_id = "x"};
    fc::wait_options zero{.poll_interval = 0ms};
    try {
      co_await fc::wait_until_deleted(client, some, zero);
      BOOST_ERROR("no error for a zero poll interval");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::invalid_argument);
    }
  });
  BOOST_TEST(f.stub.requests().empty());
}

// The call's deadline bounds every part of delete-and-poll (docs/protocol.md section 9),
// the exists checks included: a check the server never answers ends at the deadline with
// `timeout`, not at the wait's cap with `wait_timeout`.
BOOST_AUTO_TEST_CASE(the_deadline_cuts_a_stalled_exists_check_short) {
  stub_fixture f({.delete_delay = 10s});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await make_data_core(client, f);
    flowcore::stub::fault stall{.method = "GET",
                                .path_prefix = "/api/v1/data-cores/" + dc.id + "/exists",
                                .count = 0,
                                .stall = true};
    f.stub.add_fault(stall);
    fc::data_core_request_delete del{.tenant = "acme",
                                     .data_core_id = dc.id,
                                     .wait_options = {.poll_interval = 10ms, .cap = 3s}};
    fc::call_options opts{.deadline = 300ms};
    const auto start = std::chrono::steady_clock::now();
    auto [ec, diag] = co_await try_execute(client, del, opts);
    const auto took = std::chrono::steady_clock::now() - start;
    BOOST_TEST(ec == fc::error::timeout, ec.message());
    // Well before the 3 s the bug would take; loose enough for a loaded sanitizer run.
    BOOST_TEST((took < 2s));
    BOOST_TEST(f.stub.hits("GET", "/api/v1/data-cores/") >= 1u);  // a check was sent
  });
}

// The sleep between two checks is part of the call too: when the next check would come
// after the deadline, the call fails with `timeout` then and there instead of sleeping
// past it.
BOOST_AUTO_TEST_CASE(the_deadline_cuts_the_sleep_between_checks_short) {
  stub_fixture f({.delete_delay = 10s});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await make_data_core(client, f);
    fc::data_core_request_delete del{
        .tenant = "acme", .data_core_id = dc.id, .wait_options = {.poll_interval = 3s, .cap = 10s}};
    fc::call_options opts{.deadline = 300ms};
    const auto start = std::chrono::steady_clock::now();
    auto [ec, diag] = co_await try_execute(client, del, opts);
    const auto took = std::chrono::steady_clock::now() - start;
    BOOST_TEST(ec == fc::error::timeout, ec.message());
    // Well before the 3 s the bug would take; loose enough for a loaded sanitizer run.
    BOOST_TEST((took < 2s));
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
