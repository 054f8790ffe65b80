// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The FlowType family end to end against the stub.
#include "stub_fixture.hpp"

namespace flowcore::test {

BOOST_AUTO_TEST_SUITE(flow_type)

BOOST_AUTO_TEST_CASE(create_fetch_list_update_exists_delete) {
  stub_fixture f({.delete_delay = 30ms});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await make_data_core(client, f);
    fc::flow_type_create create{.data_core_id = dc.id, .name = "order", .description = "Orders"};
    fc::flow_type ft = co_await client.execute(create);
    BOOST_TEST(ft.name == "order");
    BOOST_TEST(ft.data_core_id == dc.id);
    BOOST_TEST(ft.tenant_id == f.stub.acme_tenant_id());

    fc::flow_type_fetch by_id{.flow_type_id = ft.id};
    BOOST_TEST((co_await client.execute(by_id)).name == "order");
    fc::flow_type_fetch by_name{.data_core_id = dc.id, .flow_type = "order"};
    BOOST_TEST((co_await client.execute(by_name)).id == ft.id);
    fc::flow_type_list list{.data_core_id = dc.id};
    BOOST_TEST((co_await client.execute(list)).size() == 1u);

    fc::flow_type_update update{.flow_type_id = ft.id, .description = "All orders"};
    BOOST_TEST((co_await client.execute(update)).description == "All orders");
    fc::flow_type_update empty{.flow_type_id = ft.id};  // {} is a valid update
    BOOST_TEST((co_await client.execute(empty)).description == "All orders");

    fc::flow_type_exists exists{.flow_type_id = ft.id};
    BOOST_TEST(co_await client.execute(exists));
    fc::flow_type_request_delete del{.tenant = "acme", .flow_type_id = ft.id};
    BOOST_TEST(co_await client.execute(del));
    BOOST_TEST(!co_await client.execute(exists));
  });
  bool saw_empty_patch = false;
  for (const auto& r : f.stub.requests())
    if (r.method == "PATCH" && r.body == "{}") saw_empty_patch = true;
  BOOST_TEST(saw_empty_patch);
}

BOOST_AUTO_TEST_CASE(failures_map_as_the_contract_says) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::flow_type_create orphan{.data_core_id = "missing", .name = "order"};
    auto [e1, d1] = co_await try_execute(client, orphan);
    BOOST_TEST(e1 == fc::error::http_status);  // create does not map 404
    BOOST_TEST(d1.http_status == 404);
    fc::data_core dc = co_await make_data_core(client, f);
    fc::flow_type_create create{.data_core_id = dc.id, .name = "order"};
    co_await client.execute(create);
    auto [e2, d2] = co_await try_execute(client, create);
    BOOST_TEST(d2.http_status == 409);
    fc::flow_type_fetch unknown{.flow_type_id = "nope"};
    auto [e3, d3] = co_await try_execute(client, unknown);
    BOOST_TEST(e3 == fc::error::not_found);
    BOOST_TEST(d3.message == R"(FlowType not found: {"id":"nope"})");
    fc::flow_type_fetch no_match{.data_core_id = dc.id, .flow_type = "refund"};
    auto [e4, d4] = co_await try_execute(client, no_match);
    BOOST_TEST(e4 == fc::error::not_found);
    BOOST_TEST(d4.message == R"(FlowType not found: {"name":"refund"})");
    fc::flow_type_request_delete unknown_delete{.tenant = "acme", .flow_type_id = "nope"};
    auto [e5, d5] = co_await try_execute(client, unknown_delete);
    BOOST_TEST(e5 == fc::error::not_found);
    BOOST_TEST(d5.message == R"(FlowType not found: {"id":"nope"})");
  });
}

BOOST_AUTO_TEST_CASE(deleting_a_data_core_removes_its_flow_types) {
  stub_fixture f({.delete_delay = 30ms});
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await make_data_core(client, f);
    fc::flow_type_create create{.data_core_id = dc.id, .name = "order"};
    fc::flow_type ft = co_await client.execute(create);
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = dc.id};
    co_await client.execute(del);
    fc::flow_type_exists exists{.flow_type_id = ft.id};
    BOOST_TEST(!co_await client.execute(exists));
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
