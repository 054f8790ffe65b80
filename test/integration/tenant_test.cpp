// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Each tenant command end to end against the stub.
#include "stub_fixture.hpp"

namespace flowcore::test {

BOOST_AUTO_TEST_SUITE(tenant)

BOOST_AUTO_TEST_CASE(fetch_by_name_and_by_id) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch cmd18{.tenant = "acme"};
    fc::tenant by_name = co_await client.execute(cmd18);
    BOOST_TEST(by_name.name == "acme");
    BOOST_TEST(by_name.display_name == "Acme");
    BOOST_TEST(by_name.description == "Seeded tenant");
    BOOST_TEST(by_name.id == f.stub.acme_tenant_id());
    BOOST_TEST(!by_name.is_dedicated);
    BOOST_TEST(!by_name.dedicated.has_value());
    BOOST_TEST(by_name.configured.value_or(false));
    fc::tenant_fetch cmd19{.tenant_id = by_name.id};
    fc::tenant by_id = co_await client.execute(cmd19);
    BOOST_TEST(by_id.name == "acme");
  });
  BOOST_TEST(f.stub.requests().at(0).target == "/api/v1/tenants/by-name/acme");
  BOOST_TEST(f.stub.requests().at(1).target == "/api/v1/tenants/by-id/" + f.stub.acme_tenant_id());
}

BOOST_AUTO_TEST_CASE(fetch_needs_exactly_one_selector) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch cmd20{};
    auto [none, d1] = co_await try_execute(client, cmd20);
    BOOST_TEST(none == fc::error::invalid_argument);
    fc::tenant_fetch cmd21{.tenant_id = "x", .tenant = "y"};
    auto [both, d2] = co_await try_execute(client, cmd21);
    BOOST_TEST(both == fc::error::invalid_argument);
  });
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_CASE(unknown_tenant_is_not_found_with_filters) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch cmd22{.tenant = "nope"};
    auto [ec, diag] = co_await try_execute(client, cmd22);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST(diag.http_status == 404);
    BOOST_TEST(diag.message == R"(Tenant not found: {"name":"nope"})");
    BOOST_TEST(diag.attempts == 1);  // a 404 is not retried
    fc::tenant_translate_name_to_id cmd23{.tenant = "nope"};
    auto [ec2, diag2] = co_await try_execute(client, cmd23);
    BOOST_TEST(ec2 == fc::error::not_found);
    BOOST_TEST(diag2.message == R"(Tenant not found: {"tenant":"nope"})");
  });
}

BOOST_AUTO_TEST_CASE(list_contains_acme) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list cmd24{};
    std::vector<fc::tenant_list_item> tenants = co_await client.execute(cmd24);
    BOOST_REQUIRE(!tenants.empty());
    auto it =
        std::find_if(tenants.begin(), tenants.end(), [](auto& t) { return t.name == "acme"; });
    BOOST_REQUIRE(it != tenants.end());
    BOOST_TEST(it->id == f.stub.acme_tenant_id());
    BOOST_TEST(!it->domain.has_value());
  });
}

BOOST_AUTO_TEST_CASE(translate_name_to_id) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_translate_name_to_id cmd25{.tenant = "acme"};
    fc::tenant_name_id t = co_await client.execute(cmd25);
    BOOST_TEST(t.id == f.stub.acme_tenant_id());
    BOOST_TEST(t.name == "acme");
  });
}

BOOST_AUTO_TEST_CASE(instance_by_name_and_id) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_instance_fetch cmd26{.tenant = "acme"};
    fc::tenant_instance by_name = co_await client.execute(cmd26);
    BOOST_TEST(!by_name.is_dedicated);
    BOOST_TEST(!by_name.instance.has_value());
    fc::tenant_instance_fetch cmd27{.tenant_id = f.stub.acme_tenant_id()};
    fc::tenant_instance by_id = co_await client.execute(cmd27);
    BOOST_TEST(!by_id.is_dedicated);
    fc::tenant_instance_fetch cmd28{.tenant = "ghost"};
    auto [ec, diag] = co_await try_execute(client, cmd28);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST(diag.message == R"(Tenant not found: {"name":"ghost"})");
  });
}

BOOST_AUTO_TEST_CASE(instance_lookups_are_cached_and_single_flight) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    // Slow answers so that all ten lookups are in flight together.
    f.stub.add_fault({.path_prefix = "/api/v1/tenants/by-name/acme/instance",
                      .count = 0,
                      .delay = std::chrono::milliseconds(50)});
    auto ex = co_await asio::this_coro::executor;
    int done = 0;
    asio::steady_timer all_done(ex, std::chrono::steady_clock::time_point::max());
    for (int i = 0; i < 10; ++i) {
      fc::tenant_instance_fetch cmd29{.tenant = "acme"};
      asio::co_spawn(ex, client.execute(cmd29), [&](std::exception_ptr e, fc::tenant_instance) {
        BOOST_TEST(!e);
        if (++done == 10) all_done.cancel();
      });
    }
    co_await all_done.async_wait(no_throw);
    BOOST_TEST(done == 10);
    BOOST_TEST(f.stub.hits("GET", "/api/v1/tenants/by-name/acme/instance") == 1u);
    // Answered from the cache: no request at all.
    fc::tenant_instance_fetch cmd30{.tenant = "acme"};
    co_await client.execute(cmd30);
    BOOST_TEST(f.stub.hits("GET", "/api/v1/tenants/by-name/acme/instance") == 1u);
    // Failures are not cached.
    fc::tenant_instance_fetch cmd31{.tenant = "ghost"};
    auto [e1, d1] = co_await try_execute(client, cmd31);
    fc::tenant_instance_fetch cmd32{.tenant = "ghost"};
    auto [e2, d2] = co_await try_execute(client, cmd32);
    BOOST_TEST(e2 == fc::error::not_found);
    BOOST_TEST(f.stub.hits("GET", "/api/v1/tenants/by-name/ghost/instance") == 2u);
  });
}

BOOST_AUTO_TEST_CASE(create_update_preview_and_sensitive_data) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_create create{.tenant_slug = "globex", .display_name = "Globex"};
    fc::tenant created = co_await client.execute(create);
    BOOST_TEST(created.name == "globex");
    BOOST_TEST(created.display_name == "Globex");
    fc::tenant_create cmd33{.tenant_slug = "globex"};
    auto [dup, dup_diag] = co_await try_execute(client, cmd33);
    BOOST_TEST(dup == fc::error::http_status);
    BOOST_TEST(dup_diag.http_status == 409);
    fc::tenant_update update{
        .tenant_id = created.id, .description = "Updated", .website = "https://globex.example"};
    fc::tenant updated = co_await client.execute(update);
    BOOST_TEST(updated.description == "Updated");
    BOOST_TEST(updated.website_url == "https://globex.example");
    fc::tenant_update cmd34{.tenant_id = created.id};
    auto [nothing, nd] = co_await try_execute(client, cmd34);
    BOOST_TEST(nothing == fc::error::invalid_argument);
    fc::tenant_preview cmd35{.name = "globex"};
    fc::tenant_preview_info preview = co_await client.execute(cmd35);
    BOOST_TEST(preview.description == "Updated");
    fc::tenant_enable_sensitive_data cmd36{.tenant_id = created.id};
    BOOST_TEST(co_await client.execute(cmd36));
    fc::tenant_disable_sensitive_data cmd37{.tenant_id = created.id};
    BOOST_TEST(!co_await client.execute(cmd37));
  });
  // The create body omits unset optional fields instead of sending null.
  BOOST_TEST(f.stub.requests().at(0).body == R"({"tenant_slug":"globex","displayName":"Globex"})");
}

BOOST_AUTO_TEST_CASE(path_segments_are_percent_encoded) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch cmd38{.tenant = "a b/c?d"};
    auto [ec, diag] = co_await try_execute(client, cmd38);
    BOOST_TEST(ec == fc::error::not_found);
  });
  BOOST_TEST(f.stub.requests().at(0).target == "/api/v1/tenants/by-name/a%20b%2Fc%3Fd");
}

// A name travels in a path as one percent-encoded segment (docs/protocol.md section 4.3):
// every byte but RFC 3986's unreserved ones is encoded, so a space, '/', '?', '#', '%' or
// a non-ASCII letter cannot end the segment, start a query or fragment, or be read as an
// escape. Checked in every path that carries a tenant's name, each on its own: a command
// that pastes the raw name would otherwise pass unseen.
BOOST_AUTO_TEST_CASE(every_path_that_carries_a_name_percent_encodes_it) {
  stub_fixture f;
  auto client = f.make_client();
  const std::string name = "a b/c?d#e%f\xC3\xA9";
  const std::string encoded = "a%20b%2Fc%3Fd%23e%25f%C3%A9";
  // The one request a command sent: the name is unknown, so each fails, after sending it.
  const auto sent = [&]() -> std::string {
    const auto& r = f.stub.requests();
    return r.size() == 1 ? r.front().target : "(" + std::to_string(r.size()) + " requests)";
  };
  f.run([&]() -> asio::awaitable<void> {
    f.stub.clear_requests();
    fc::tenant_fetch fetch{.tenant = name};
    co_await try_execute(client, fetch);
    BOOST_TEST(sent() == "/api/v1/tenants/by-name/" + encoded);

    f.stub.clear_requests();
    fc::tenant_translate_name_to_id translate{.tenant = name};
    co_await try_execute(client, translate);
    BOOST_TEST(sent() == "/api/v1/tenants/translate-name-to-id/" + encoded);

    f.stub.clear_requests();
    fc::tenant_preview preview{.name = name};
    co_await try_execute(client, preview);
    BOOST_TEST(sent() == "/api/v1/tenants/preview/" + encoded);

    f.stub.clear_requests();
    fc::tenant_instance_fetch instance{.tenant = name};
    co_await try_execute(client, instance);
    BOOST_TEST(sent() == "/api/v1/tenants/by-name/" + encoded + "/instance");

    f.stub.clear_requests();
    fc::ingest_event one{.tenant_name = name,
                         .data_core_id = "dc-1",
                         .flow_type_name = "order",
                         .event_type_name = "created",
                         .event_data = "{}"};
    co_await try_execute(client, one);
    BOOST_TEST(sent() == "/event/" + encoded + "/dc-1/order/created");

    f.stub.clear_requests();
    fc::ingest_batch batch{.tenant_name = name,
                           .data_core_id = "dc-1",
                           .flow_type_name = "order",
                           .event_type_name = "created",
                           .events = {"{}"}};
    co_await try_execute(client, batch);
    BOOST_TEST(sent() == "/events/" + encoded + "/dc-1/order/created");
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
