// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The DataCore family end to end, including delete-and-poll against the stub's timers.
#include "stub_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

namespace flowcore::test {

namespace {
flowcore::stub::server_options fast_deletes(std::chrono::milliseconds delay = 50ms) {
  return {.delete_delay = delay};
}

// Creates data core `name` in acme.
asio::awaitable<fc::data_core> create_data_core(fc::client& client, const stub_fixture& f,
                                                std::string name, bool protect = false) {
  fc::data_core_create create{.tenant_id = f.stub.acme_tenant_id(),
                              .name = std::move(name),
                              .description = "Orders",
                              .delete_protection = protect};
  co_return co_await client.execute(create);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(data_core)

BOOST_AUTO_TEST_CASE(create_fetch_list_update_exists) {
  stub_fixture f(fast_deletes());
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await create_data_core(client, f, "orders");
    BOOST_TEST(dc.name == "orders");
    BOOST_TEST(dc.tenant == "acme");
    BOOST_TEST(dc.tenant_id == f.stub.acme_tenant_id());
    BOOST_TEST((dc.access_control == fc::access_control::private_access));
    BOOST_TEST(!dc.is_deleting);

    fc::data_core_fetch by_id{.data_core_id = dc.id};
    BOOST_TEST((co_await client.execute(by_id)).name == "orders");
    fc::data_core_fetch by_tenant_id{.tenant_id = dc.tenant_id, .data_core = "orders"};
    BOOST_TEST((co_await client.execute(by_tenant_id)).id == dc.id);
    fc::data_core_fetch by_tenant{.tenant = "acme", .data_core = "orders"};
    BOOST_TEST((co_await client.execute(by_tenant)).id == dc.id);

    fc::data_core_list list{.tenant = "acme"};
    std::vector<fc::data_core> all = co_await client.execute(list);
    BOOST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].access.size() == 4u);  // list answers carry "access"

    fc::data_core_update update{.data_core_id = dc.id,
                                .description = "All orders",
                                .access_control = fc::access_control::public_access};
    fc::data_core updated = co_await client.execute(update);
    BOOST_TEST(updated.description == "All orders");
    BOOST_TEST((updated.access_control == fc::access_control::public_access));

    fc::data_core_exists exists{.data_core_id = dc.id};
    BOOST_TEST(co_await client.execute(exists));
    fc::data_core_exists ghost{.data_core_id = "00000000-0000-0000-0000-000000000000"};
    BOOST_TEST(!co_await client.execute(ghost));
  });
  // The wire: the create body exactly, the by-name queries in the order of docs/protocol.md
  // section 6.4.
  const auto& r = f.stub.requests();
  BOOST_TEST(
      r.at(0).body ==
      R"({"tenantId":")" + f.stub.acme_tenant_id() +
          R"(","name":"orders","description":"Orders","accessControl":"private","deleteProtection":false})");
  BOOST_TEST(r.at(2).target ==
             "/api/v1/data-cores?tenantId=" + f.stub.acme_tenant_id() + "&name=orders");
  BOOST_TEST(r.at(3).target == "/api/v1/data-cores?tenant=acme&name=orders");
  BOOST_TEST(r.at(5).body == R"({"description":"All orders","accessControl":"public"})");
}

BOOST_AUTO_TEST_CASE(failures_map_as_the_contract_says) {
  stub_fixture f(fast_deletes());
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    co_await create_data_core(client, f, "orders");
    fc::data_core_create dup{.tenant_id = f.stub.acme_tenant_id(), .name = "orders"};
    auto [e1, d1] = co_await try_execute(client, dup);
    BOOST_TEST(e1 == fc::error::http_status);
    BOOST_TEST(d1.http_status == 409);
    BOOST_TEST(d1.attempts == 1);

    fc::data_core_fetch unknown{.data_core_id = "nope"};
    auto [e2, d2] = co_await try_execute(client, unknown);
    BOOST_TEST(e2 == fc::error::not_found);
    BOOST_TEST(d2.message == R"(DataCore not found: {"id":"nope"})");

    fc::data_core_fetch no_match{.tenant = "acme", .data_core = "missing"};
    auto [e3, d3] = co_await try_execute(client, no_match);
    BOOST_TEST(e3 == fc::error::not_found);
    BOOST_TEST(d3.message == R"(DataCore not found: {"name":"missing","tenant":"acme"})");

    const auto before = f.stub.requests().size();
    fc::data_core_fetch no_selector{.data_core = "orders"};
    auto [e4, d4] = co_await try_execute(client, no_selector);
    BOOST_TEST(e4 == fc::error::invalid_argument);
    fc::data_core_update nothing{.data_core_id = "x"};
    auto [e5, d5] = co_await try_execute(client, nothing);
    BOOST_TEST(e5 == fc::error::invalid_argument);
    fc::data_core_request_delete bad_wait{
        .tenant = "acme", .data_core_id = "x", .wait_options = {.poll_interval = 0ms}};
    auto [e6, d6] = co_await try_execute(client, bad_wait);
    BOOST_TEST(e6 == fc::error::invalid_argument);
    BOOST_TEST(f.stub.requests().size() == before);  // nothing was sent
  });
}

BOOST_AUTO_TEST_CASE(request_delete_waits_until_gone) {
  stub_fixture f(fast_deletes());
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await create_data_core(client, f, "orders");
    f.stub.clear_requests();
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = dc.id};
    fc::diagnostics diag;
    auto [ec, ok] = co_await client.async_execute(del, diag, no_throw);
    BOOST_TEST(!ec);
    BOOST_TEST(ok);
    fc::data_core_exists exists{.data_core_id = dc.id};
    BOOST_TEST(!co_await client.execute(exists));
  });
  const auto& r = f.stub.requests();
  BOOST_TEST(r.at(0).target == "/api/v1/tenants/by-name/acme/instance");  // the lookup first
  BOOST_TEST(r.at(1).method == "DELETE");
  BOOST_TEST(r.at(1).body == R"({"tenant":"acme","dataCoreId":")" + r.at(1).target.substr(19, 36) +
                                 R"(","waitForDelete":true})");
  BOOST_TEST(r.at(2).target.ends_with("/exists"));
  BOOST_TEST(f.stub.hits("GET", "/api/v1/data-cores/") >= 2u);  // polled until gone
}

BOOST_AUTO_TEST_CASE(request_delete_without_wait_returns_at_once) {
  stub_fixture f(fast_deletes(5s));
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await create_data_core(client, f, "orders");
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = dc.id, .wait = false};
    BOOST_TEST(co_await client.execute(del));
    fc::data_core_fetch fetch{.data_core_id = dc.id};
    BOOST_TEST((co_await client.execute(fetch)).is_deleting);
  });
  BOOST_TEST(f.stub.hits("GET", "/api/v1/data-cores/") == 1u);  // the fetch only: no polls
}

BOOST_AUTO_TEST_CASE(slow_deletion_ends_in_wait_timeout) {
  stub_fixture f(fast_deletes(5s));
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await create_data_core(client, f, "orders");
    fc::data_core_request_delete del{.tenant = "acme",
                                     .data_core_id = dc.id,
                                     .wait_options = {.poll_interval = 20ms, .cap = 200ms}};
    auto [ec, diag] = co_await try_execute(client, del);
    BOOST_TEST(ec == fc::error::wait_timeout);
    BOOST_TEST(diag.message.find("was requested and is still in progress") != std::string::npos);
    BOOST_TEST(diag.phase == "wait");
  });
  BOOST_TEST(f.stub.hits("GET", "/api/v1/data-cores/") >= 3u);
}

BOOST_AUTO_TEST_CASE(delete_protected_and_unknown) {
  stub_fixture f(fast_deletes());
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await create_data_core(client, f, "vault", true);
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = dc.id};
    auto [e1, d1] = co_await try_execute(client, del);
    BOOST_TEST(e1 == fc::error::http_status);
    BOOST_TEST(d1.http_status == 409);
    fc::data_core_request_delete unknown{.tenant = "acme", .data_core_id = "nope"};
    auto [e2, d2] = co_await try_execute(client, unknown);
    BOOST_TEST(e2 == fc::error::not_found);
    BOOST_TEST(d2.message == R"(DataCore not found: {"id":"nope"})");
    fc::data_core_request_delete no_tenant{.tenant = "ghost", .data_core_id = dc.id};
    auto [e3, d3] = co_await try_execute(client, no_tenant);
    BOOST_TEST(e3 == fc::error::not_found);
    BOOST_TEST(d3.message == R"(Tenant not found: {"name":"ghost"})");
  });
}

BOOST_AUTO_TEST_CASE(an_error_during_the_poll_is_reported) {
  stub_fixture f(fast_deletes(5s));
  auto o = f.options();
  o.retry = fc::retry_policy::none();
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await create_data_core(client, f, "orders");
    f.stub.add_fault({.method = "GET",
                      .path_prefix = "/api/v1/data-cores/" + dc.id + "/exists",
                      .count = 0,
                      .status = 500});
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = dc.id};
    auto [ec, diag] = co_await try_execute(client, del);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.http_status == 500);
  });
}

BOOST_AUTO_TEST_CASE(cancellation_stops_the_poll_at_once) {
  stub_fixture f(fast_deletes(5s));
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core dc = co_await create_data_core(client, f, "orders");
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = dc.id};
    asio::cancellation_signal signal;
    boost::system::error_code result;
    bool completed = false;
    client.async_execute(
        del, asio::bind_cancellation_slot(signal.slot(), [&](boost::system::error_code ec, bool) {
          result = ec;
          completed = true;
        }));
    asio::steady_timer tick(co_await asio::this_coro::executor);
    while (f.stub.hits("GET", "/api/v1/data-cores/" + dc.id + "/exists") < 2) {
      tick.expires_after(1ms);
      co_await tick.async_wait(no_throw);
    }
    signal.emit(asio::cancellation_type::terminal);
    const auto polls = f.stub.hits("GET", "/api/v1/data-cores/" + dc.id + "/exists");
    for (int i = 0; i < 100 && !completed; ++i) {
      tick.expires_after(1ms);
      co_await tick.async_wait(no_throw);
    }
    BOOST_TEST(completed);
    BOOST_TEST(result == fc::error::cancelled);
    tick.expires_after(150ms);  // longer than a poll interval: nothing more is sent
    co_await tick.async_wait(no_throw);
    BOOST_TEST(f.stub.hits("GET", "/api/v1/data-cores/" + dc.id + "/exists") == polls);
  });
}

BOOST_AUTO_TEST_CASE(fetch_or_create_creates_once_and_survives_a_lost_race) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core_fetch fetch{.tenant = "acme", .data_core = "orders"};
    fc::data_core_create create{.tenant_id = f.stub.acme_tenant_id(), .name = "orders"};
    const fc::data_core first = co_await fc::fetch_or_create(client, fetch, create);
    const fc::data_core again = co_await fc::fetch_or_create(client, fetch, create);
    BOOST_TEST(first.id == again.id);
    BOOST_TEST(f.stub.hits("POST", "/api/v1/data-cores") == 1u);

    fc::flow_type_fetch flow_fetch{.data_core_id = first.id, .flow_type = "order"};
    fc::flow_type_create flow_create{.data_core_id = first.id, .name = "order"};
    const fc::flow_type flow = co_await fc::fetch_or_create(client, flow_fetch, flow_create);
    BOOST_TEST((co_await fc::fetch_or_create(client, flow_fetch, flow_create)).id == flow.id);
    fc::event_type_fetch type_fetch{.flow_type_id = flow.id, .event_type = "created"};
    fc::event_type_create type_create{.flow_type_id = flow.id, .name = "created"};
    const fc::event_type type = co_await fc::fetch_or_create(client, type_fetch, type_create);
    BOOST_TEST((co_await fc::fetch_or_create(client, type_fetch, type_create)).id == type.id);
    BOOST_TEST(f.stub.hits("POST", "/api/v1/flow-types") == 1u);
    BOOST_TEST(f.stub.hits("POST", "/api/v1/event-types") == 1u);

    // Another process created it between this fetch (404) and this create (409): fetched
    // once more.
    f.stub.add_fault({.method = "GET", .path_prefix = "/api/v1/data-cores", .count = 1, .status = 404});
    const fc::data_core raced = co_await fc::fetch_or_create(client, fetch, create);
    BOOST_TEST(raced.id == first.id);
    BOOST_TEST(f.stub.hits("POST", "/api/v1/data-cores") == 2u);

    // Any other failure of the fetch is the caller's.
    f.stub.add_fault({.method = "GET", .path_prefix = "/api/v1/data-cores", .count = 1, .status = 400});
    try {
      co_await fc::fetch_or_create(client, fetch, create);
      BOOST_ERROR("a 400 must not lead to a create");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::http_status);
    }
    BOOST_TEST(f.stub.hits("POST", "/api/v1/data-cores") == 2u);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
