// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The EventType family end to end against the stub, with truncate-and-poll.
#include "stub_fixture.hpp"

namespace flowcore::test {

BOOST_AUTO_TEST_SUITE(event_type)

BOOST_AUTO_TEST_CASE(create_fetch_list_update_exists_delete) {
  stub_fixture f({.delete_delay = 30ms});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type ft = co_await make_flow_type(client, f);
    fc::event_type_create create{
        .flow_type_id = ft.id, .name = "created", .description = "Order created",
        .sensitive_data_mask = fc::sensitive_data_mask{.key = "customerId", .schema = R"({"email":"string"})"}};
    fc::event_type et = co_await client.execute(create);
    BOOST_TEST(et.name == "created");
    BOOST_TEST(et.flow_type_id == ft.id);
    BOOST_TEST(!et.updated_at.has_value());
    BOOST_TEST(!et.is_truncating);
    BOOST_REQUIRE(et.sensitive_data_mask.has_value());
    BOOST_TEST(et.sensitive_data_mask->key == "customerId");
    BOOST_TEST(et.sensitive_data_mask->schema == R"({"email":"string"})");

    fc::event_type_fetch by_id{.event_type_id = et.id};
    BOOST_TEST((co_await client.execute(by_id)).name == "created");
    fc::event_type_fetch by_name{.flow_type_id = ft.id, .event_type = "created"};
    BOOST_TEST((co_await client.execute(by_name)).id == et.id);
    fc::event_type_list list{.flow_type_id = ft.id};
    BOOST_TEST((co_await client.execute(list)).size() == 1u);
    fc::event_type_update update{.event_type_id = et.id, .description = "Created"};
    fc::event_type updated = co_await client.execute(update);
    BOOST_TEST(updated.description == "Created");
    BOOST_TEST(updated.updated_at.has_value());

    fc::event_type_exists exists{.event_type_id = et.id};
    BOOST_TEST(co_await client.execute(exists));
    fc::event_type_request_delete del{.tenant = "acme", .event_type_id = et.id};
    BOOST_TEST(co_await client.execute(del));
    BOOST_TEST(!co_await client.execute(exists));
  });
}

BOOST_AUTO_TEST_CASE(truncate_waits_until_the_truncation_starts) {
  stub_fixture f({.truncate_delay = 2s});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type ft = co_await make_flow_type(client, f);
    fc::event_type_create create{.flow_type_id = ft.id, .name = "created"};
    fc::event_type et = co_await client.execute(create);
    f.stub.clear_requests();
    fc::event_type_request_truncate truncate{.tenant = "acme", .event_type_id = et.id};
    BOOST_TEST(co_await client.execute(truncate));
    fc::event_type_fetch fetch{.event_type_id = et.id};
    BOOST_TEST((co_await client.execute(fetch)).is_truncating);
  });
  const auto& r = f.stub.requests();
  BOOST_TEST(r.at(1).target.ends_with("/request-truncate"));
  BOOST_TEST(r.at(1).body.find(R"("waitForTruncate":true)") != std::string::npos);
  BOOST_TEST(r.at(2).method == "GET");  // polled at once, no fixed sleep first
}

BOOST_AUTO_TEST_CASE(wait_until_truncated_returns_once_the_events_are_gone) {
  stub_fixture f({.truncate_delay = 60ms});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type ft = co_await make_flow_type(client, f);
    fc::event_type_create create{.flow_type_id = ft.id, .name = "created"};
    fc::event_type et = co_await client.execute(create);
    fc::ingest_event ev{.tenant_name = "acme",
                        .data_core_id = ft.data_core_id,
                        .flow_type_name = ft.name,
                        .event_type_name = "created",
                        .event_data = "{}"};
    co_await client.execute(ev);
    fc::event_type_request_truncate truncate{.tenant = "acme", .event_type_id = et.id};
    co_await client.execute(truncate);  // returns once the truncation has started
    fc::event_type_fetch fetch{.event_type_id = et.id};
    BOOST_TEST((co_await client.execute(fetch)).is_truncating);

    co_await fc::wait_until_truncated(client, et.id, {.poll_interval = 10ms});
    BOOST_TEST(!(co_await client.execute(fetch)).is_truncating);
    fc::all_events history{.event_type_ids = {et.id}};
    auto events = fc::read_events(client, history);
    BOOST_TEST(!(co_await events.async_resume(asio::use_awaitable)).has_value());
    // Not being truncated: at once.
    co_await fc::wait_until_truncated(client, et.id);
  });
}

BOOST_AUTO_TEST_CASE(wait_until_truncated_fails_at_its_cap_and_on_bad_input) {
  stub_fixture f({.truncate_delay = 10s});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type ft = co_await make_flow_type(client, f);
    fc::event_type_create create{.flow_type_id = ft.id, .name = "created"};
    fc::event_type et = co_await client.execute(create);
    fc::event_type_request_truncate truncate{.tenant = "acme", .event_type_id = et.id};
    co_await client.execute(truncate);
    auto error_of = [&](std::string_view id, fc::wait_options options) -> asio::awaitable<fc::error> {
      try {
        co_await fc::wait_until_truncated(client, id, options);
      } catch (const fc::client_error& e) {
        co_return static_cast<fc::error>(e.code().value());
      }
      co_return fc::error{};
    };
    BOOST_TEST((co_await error_of(et.id, {.poll_interval = 10ms, .cap = 100ms}) ==
                fc::error::wait_timeout));
    BOOST_TEST((co_await error_of("", {}) == fc::error::invalid_argument));
    BOOST_TEST((co_await error_of(et.id, {.poll_interval = 0ms}) == fc::error::invalid_argument));
    BOOST_TEST((co_await error_of("no-such-id", {}) == fc::error::not_found));
  });
}

BOOST_AUTO_TEST_CASE(failures_map_as_the_contract_says) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type ft = co_await make_flow_type(client, f);
    const auto before = f.stub.requests().size();
    fc::event_type_create bad_mask{.flow_type_id = ft.id, .name = "x",
                                   .sensitive_data_mask = fc::sensitive_data_mask{.key = "k", .schema = "[1]"}};
    auto [e1, d1] = co_await try_execute(client, bad_mask);
    BOOST_TEST(e1 == fc::error::invalid_argument);
    BOOST_TEST(f.stub.requests().size() == before);
    fc::event_type_fetch unknown{.event_type_id = "nope"};
    auto [e2, d2] = co_await try_execute(client, unknown);
    BOOST_TEST(e2 == fc::error::not_found);
    BOOST_TEST(d2.message == R"(EventType not found: {"id":"nope"})");
    fc::event_type_fetch no_match{.flow_type_id = ft.id, .event_type = "gone"};
    auto [e3, d3] = co_await try_execute(client, no_match);
    BOOST_TEST(d3.message == R"(EventType not found: {"name":"gone"})");
    fc::event_type_request_truncate unknown_truncate{.tenant = "acme", .event_type_id = "nope"};
    auto [e4, d4] = co_await try_execute(client, unknown_truncate);
    BOOST_TEST(e4 == fc::error::not_found);
    BOOST_TEST(d4.message == R"(EventType not found: {"id":"nope"})");
  });
}

BOOST_AUTO_TEST_CASE(sensitive_data_removal_and_its_records) {
  stub_fixture f;
  auto client = f.make_client();
  const std::string tenant = f.stub.acme_tenant_id();
  std::string event_type_id;
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type ft = co_await make_flow_type(client, f);
    fc::event_type_create create{.flow_type_id = ft.id, .name = "created"};
    fc::event_type et = co_await client.execute(create);
    event_type_id = et.id;
    f.stub.clear_requests();

    fc::event_type_remove_sensitive_data remove{.event_type_id = et.id,
                                                .application = "gdpr-tool",
                                                .parent_key = "customer-42",
                                                .key = "email",
                                                .type = fc::sensitive_data_removal_type::scramble};
    fc::sensitive_data_removal_result removed = co_await client.execute(remove);
    BOOST_TEST(removed.success);
    BOOST_TEST(!removed.id.empty());
    remove.parent_key = "customer-43";
    remove.type = fc::sensitive_data_removal_type::remove;
    co_await client.execute(remove);

    fc::event_type_list_removed_sensitive_data list{.tenant_id = tenant,
                                                    .event_type_id = et.id,
                                                    .page_size = 1,
                                                    .sort = fc::read_order::desc};
    fc::removed_sensitive_data_page page = co_await client.execute(list);
    BOOST_REQUIRE(page.data.size() == 1u);
    BOOST_TEST(page.data[0].parent_key == "customer-43");  // newest first
    BOOST_TEST(page.data[0].type == "remove");
    BOOST_TEST(page.data[0].flow_type_id == ft.id);
    BOOST_TEST(page.pagination.page_size == 1);
    BOOST_TEST(page.pagination.has_next_page);
    BOOST_TEST(!page.pagination.has_previous_page);

    fc::event_type_list_removed_sensitive_data scrambled{
        .tenant_id = tenant, .type = fc::sensitive_data_removal_type::scramble};
    fc::removed_sensitive_data_page only = co_await client.execute(scrambled);
    BOOST_REQUIRE(only.data.size() == 1u);
    BOOST_TEST(only.data[0].id == removed.id);

    fc::event_type_remove_sensitive_data unknown = remove;
    unknown.event_type_id = "nope";
    auto [e1, d1] = co_await try_execute(client, unknown);
    BOOST_TEST(e1 == fc::error::http_status);
    BOOST_TEST(d1.http_status == 404);
    fc::event_type_list_removed_sensitive_data unknown_tenant{.tenant_id = "nope"};
    auto [e2, d2] = co_await try_execute(client, unknown_tenant);
    BOOST_TEST(d2.http_status == 404);
    fc::event_type_remove_sensitive_data no_key = remove;
    no_key.key.clear();
    auto [e3, d3] = co_await try_execute(client, no_key);
    BOOST_TEST(e3 == fc::error::invalid_argument);
  });
  const auto& r = f.stub.requests();
  BOOST_TEST(r.at(0).target == "/api/v1/event-types/sensitive-data/remove");
  BOOST_TEST(r.at(0).body.find(R"("parentKey":"customer-42","key":"email","type":"scramble"})") !=
             std::string::npos);
  BOOST_TEST(r.at(2).target == "/api/v1/event-types/sensitive-data/" + tenant +
                                   "?eventTypeId=" + event_type_id + "&pageSize=1&sort=desc");
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
