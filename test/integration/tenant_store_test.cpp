// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The tenant-store families (ApiKey, Secret, Variable) end to end against the stub:
// bearer-only modes, not retried, delete answers without a body, secrets never shown.
#include "stub_fixture.hpp"

namespace flowcore::test {

BOOST_AUTO_TEST_SUITE(api_key)

BOOST_AUTO_TEST_CASE(create_list_fetch_edit_validate_delete) {
  stub_fixture f;
  auto client = f.make_bearer_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::api_key_create create{.tenant_id = f.stub.acme_tenant_id(), .name = "ci"};
    fc::api_key_created created = co_await client.execute(create);
    BOOST_TEST(created.name == "ci");
    BOOST_TEST(created.tenant_id == f.stub.acme_tenant_id());
    BOOST_TEST(created.api_key.rfind("fc_" + created.id + "_", 0) == 0u);
    BOOST_TEST(created.masked_api_key.find(created.api_key) == std::string::npos);
    BOOST_TEST(!created.last_used_at.has_value());

    fc::api_key_list list{.tenant_id = f.stub.acme_tenant_id()};
    std::vector<fc::api_key_info> keys = co_await client.execute(list);
    BOOST_REQUIRE(keys.size() == 1u);
    BOOST_TEST(keys[0].id == created.id);

    fc::api_key_edit edit{.api_key_id = created.id, .description = "CI pipeline"};
    BOOST_TEST((co_await client.execute(edit)).description == "CI pipeline");
    fc::api_key_fetch fetch{.api_key_id = created.id};
    BOOST_TEST((co_await client.execute(fetch)).description == "CI pipeline");

    fc::api_key_validate valid{.api_key = created.api_key};
    fc::api_key_validation v = co_await client.execute(valid);
    BOOST_TEST(v.valid);
    BOOST_TEST(v.api_key_id.value_or("") == created.id);
    BOOST_TEST(v.tenant_id.value_or("") == f.stub.acme_tenant_id());
    fc::api_key_validate_with_tenant_id other_tenant{.api_key = created.api_key,
                                                     .tenant_id = "not-acme"};
    fc::api_key_validation w = co_await client.execute(other_tenant);
    BOOST_TEST(!w.valid);
    BOOST_TEST(!w.api_key_id.has_value());

    fc::api_key_delete del{.api_key_id = created.id};
    BOOST_TEST(co_await client.execute(del));  // 204 without a body
    auto [ec, diag] = co_await try_execute(client, fetch);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST(diag.message == R"(ApiKey not found: {"id":")" + created.id + R"("})");
  });
  const auto& r = f.stub.requests();
  BOOST_TEST(r.at(0).body == R"({"tenantId":")" + f.stub.acme_tenant_id() + R"(","name":"ci"})");
  BOOST_TEST(r.at(0).authorization == "Bearer " + test_token);
  BOOST_TEST(r.at(1).target == "/api/v1/api-keys?tenantId=" + f.stub.acme_tenant_id());
  BOOST_TEST(r.at(2).body.find(R"("description":"CI pipeline")") != std::string::npos);
  BOOST_TEST(r.at(6).method == "DELETE");
  BOOST_TEST(r.at(6).body.find(R"("apiKeyId")") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(api_key_mode_is_refused_before_any_io_but_validate_works) {
  stub_fixture f;
  auto client = f.make_client();  // api-key credentials
  f.run([&]() -> asio::awaitable<void> {
    fc::api_key_create create{.tenant_id = f.stub.acme_tenant_id(), .name = "ci"};
    auto [ec, diag] = co_await try_execute(client, create);
    BOOST_TEST(ec == fc::error::not_allowed_in_mode);
    BOOST_TEST(diag.message == "not allowed in api key mode");
    fc::api_key_list list{};  // the mode check comes before the field checks
    auto [list_ec, list_diag] = co_await try_execute(client, list);
    BOOST_TEST(list_ec == fc::error::not_allowed_in_mode);
    BOOST_TEST(f.stub.requests().empty());

    fc::api_key_validate validate{.api_key = "fc_nosuch_0123456789abcdef"};
    BOOST_TEST(!(co_await client.execute(validate)).valid);
  });
}

BOOST_AUTO_TEST_CASE(failures_are_not_retried_and_map_as_the_contract_says) {
  stub_fixture f;
  auto client = f.make_bearer_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::api_key_create create{.tenant_id = f.stub.acme_tenant_id(), .name = "ci"};
    co_await client.execute(create);
    auto [dup_ec, dup] = co_await try_execute(client, create);
    BOOST_TEST(dup_ec == fc::error::http_status);
    BOOST_TEST(dup.http_status == 409);

    f.stub.add_fault({.method = "GET", .path_prefix = "/api/v1/api-keys", .status = 503});
    fc::api_key_list list{.tenant_id = f.stub.acme_tenant_id()};
    auto [ec, diag] = co_await try_execute(client, list);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.attempts == 1);  // none retryable (docs/protocol.md 6.2)

    fc::api_key_fetch empty{};
    auto [empty_ec, empty_diag] = co_await try_execute(client, empty);
    BOOST_TEST(empty_ec == fc::error::invalid_argument);
    BOOST_TEST(empty_diag.message == "api_key_id is required");

    fc::api_key_create unknown_tenant{.tenant_id = "nope", .name = "x"};
    auto [tenant_ec, tenant_diag] = co_await try_execute(client, unknown_tenant);
    BOOST_TEST(tenant_ec == fc::error::http_status);  // not in the 404 -> not_found table
    BOOST_TEST(tenant_diag.http_status == 404);
  });
}

BOOST_AUTO_TEST_CASE(a_key_under_validation_never_reaches_logs_or_diagnostics) {
  stub_fixture f;
  log_capture logs;
  fc::client_options o = f.options();
  o.logger = logs.logger();
  auto client = f.make_client(o);
  const std::string key = "legacy-SECRETVALUE-42";  // no fc_ shape: only the call knows it
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/api-keys/validate",
                      .body = R"({"valid":"legacy-SECRETVALUE-42"})"});
    fc::api_key_validate validate{.api_key = key};
    auto [ec, diag] = co_await try_execute(client, validate);
    BOOST_TEST(ec == fc::error::invalid_response);
    BOOST_TEST(diag.message.find("/valid") != std::string::npos);
    BOOST_TEST(diag.message.find("SECRETVALUE") == std::string::npos);
  });
  BOOST_TEST(!logs.lines->empty());
  BOOST_TEST(!logs.contains("SECRETVALUE"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(secret_variable)

BOOST_AUTO_TEST_CASE(secret_create_list_fetch_edit_delete) {
  stub_fixture f;
  auto client = f.make_bearer_client();
  const std::string tenant = f.stub.acme_tenant_id();
  f.run([&]() -> asio::awaitable<void> {
    fc::secret_create create{.tenant_id = tenant, .key = "db/password", .value = "hunter2"};
    fc::secret s = co_await client.execute(create);
    BOOST_TEST(s.key == "db/password");
    BOOST_TEST(!s.updated_at.has_value());

    fc::secret_list list{.tenant_id = tenant};
    BOOST_TEST((co_await client.execute(list)).size() == 1u);
    fc::secret_edit edit{.tenant_id = tenant, .key = "db/password", .description = "Primary"};
    fc::secret edited = co_await client.execute(edit);
    BOOST_TEST(edited.description == "Primary");
    BOOST_TEST(edited.updated_at.has_value());
    fc::secret_fetch fetch{.tenant_id = tenant, .key = "db/password"};
    BOOST_TEST((co_await client.execute(fetch)).description == "Primary");

    fc::secret_delete del{.tenant_id = tenant, .key = "db/password"};
    BOOST_TEST(co_await client.execute(del));
    auto [ec, diag] = co_await try_execute(client, fetch);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST(diag.message ==
               R"(Secret not found: {"tenantId":")" + tenant + R"(","key":"db/password"})");
  });
  const auto& r = f.stub.requests();
  // The key is one percent-encoded path segment; bodies carry tenantId and key.
  BOOST_TEST(r.at(0).target == "/api/v1/tenants/" + tenant + "/secrets");
  BOOST_TEST(r.at(0).body ==
             R"({"tenantId":")" + tenant + R"(","key":"db/password","value":"hunter2"})");
  BOOST_TEST(r.at(2).target == "/api/v1/tenants/" + tenant + "/secrets/db%2Fpassword");
  BOOST_TEST(r.at(2).body ==
             R"({"tenantId":")" + tenant + R"(","key":"db/password","description":"Primary"})");
  BOOST_TEST(r.at(4).body == R"({"tenantId":")" + tenant + R"(","key":"db/password"})");
}

BOOST_AUTO_TEST_CASE(variable_create_list_fetch_edit_delete) {
  stub_fixture f;
  auto client = f.make_bearer_client();
  const std::string tenant = f.stub.acme_tenant_id();
  f.run([&]() -> asio::awaitable<void> {
    fc::variable_create create{
        .tenant_id = tenant, .key = "region", .value = "eu-west", .description = "Where"};
    fc::variable v = co_await client.execute(create);
    BOOST_TEST(v.value == "eu-west");
    BOOST_TEST(v.description == "Where");

    fc::variable_edit edit{.tenant_id = tenant, .key = "region", .value = "eu-north"};
    BOOST_TEST((co_await client.execute(edit)).value == "eu-north");
    fc::variable_fetch fetch{.tenant_id = tenant, .key = "region"};
    BOOST_TEST((co_await client.execute(fetch)).value == "eu-north");
    fc::variable_list list{.tenant_id = tenant};
    std::vector<fc::variable> all = co_await client.execute(list);
    BOOST_REQUIRE(all.size() == 1u);
    BOOST_TEST(all[0].value == "eu-north");

    auto [dup_ec, dup] = co_await try_execute(client, create);
    BOOST_TEST(dup_ec == fc::error::http_status);
    BOOST_TEST(dup.http_status == 409);

    fc::variable_delete del{.tenant_id = tenant, .key = "region"};
    BOOST_TEST(co_await client.execute(del));
    auto [ec, diag] = co_await try_execute(client, fetch);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST(diag.message.rfind("Variable not found: ", 0) == 0u);
    auto [del_ec, del_diag] = co_await try_execute(client, del);
    BOOST_TEST(del_ec == fc::error::http_status);  // only fetch maps 404 to not_found
  });
}

BOOST_AUTO_TEST_CASE(bearer_only_and_the_value_of_a_secret_is_never_shown) {
  stub_fixture f;
  log_capture logs;
  fc::client_options o = f.options();
  o.logger = logs.logger();
  auto api_key_client = f.make_client();
  o.credentials = fc::bearer_token{[]() -> asio::awaitable<std::string> { co_return test_token; }};
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::variable_list list{.tenant_id = f.stub.acme_tenant_id()};
    auto [mode_ec, mode_diag] = co_await try_execute(api_key_client, list);
    BOOST_TEST(mode_ec == fc::error::not_allowed_in_mode);
    BOOST_TEST(f.stub.requests().empty());

    // A server that echoes the value back in a malformed answer.
    f.stub.add_fault({.method = "POST", .body = R"({"tenantId":"x","echo":"plain-VALUE-0xC0FFEE"})"});
    fc::secret_create create{
        .tenant_id = f.stub.acme_tenant_id(), .key = "k", .value = "plain-VALUE-0xC0FFEE"};
    auto [ec, diag] = co_await try_execute(client, create);
    BOOST_TEST(ec == fc::error::invalid_response);
    BOOST_TEST(diag.message.find("/key") != std::string::npos);
    BOOST_TEST(diag.message.find("0xC0FFEE") == std::string::npos);
  });
  BOOST_TEST(logs.contains("secret_create failed"));
  BOOST_TEST(!logs.contains("0xC0FFEE"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
