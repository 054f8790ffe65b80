// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Inputs a request cannot carry as given, end to end against the stub: each is encoded so
// that it keeps its meaning, refused before any I/O, or (a URL scheme in upper case)
// simply accepted.
#include "stub_fixture.hpp"

#include <memory>
#include <string>

namespace flowcore::test {

namespace {

constexpr std::size_t kib70 = 70 * 1024;

bool contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

fc::ingest_event small_event() {
  return fc::ingest_event{.tenant_name = "acme",
                          .data_core_id = "dc1",
                          .flow_type_name = "order",
                          .event_type_name = "created",
                          .event_data = R"({"n":1})"};
}

fc::ingest_batch small_batch() {
  return fc::ingest_batch{.tenant_name = "acme",
                          .data_core_id = "dc1",
                          .flow_type_name = "order",
                          .event_type_name = "created",
                          .events = {R"({"n":1})"}};
}

// Expects invalid_argument before anything was sent, with `part` in the message.
asio::awaitable<void> expect_refused(fc::client& client, auto& cmd, std::string_view part,
                                     fc::error code = fc::error::invalid_argument) {
  auto [ec, diag] = co_await try_execute(client, cmd);
  BOOST_TEST(ec == code, diag.message);
  const std::string what = fc::client_error(ec, diag).what();
  BOOST_TEST(contains(what, part), what);
  BOOST_TEST(diag.attempts == 0, diag.command);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(request_inputs)

// Schemes are case-insensitive (RFC 3986 section 3.1).
BOOST_AUTO_TEST_CASE(an_upper_case_scheme_is_accepted) {
  stub_fixture f;
  auto o = f.options();
  o.base_url = "HTTP://127.0.0.1:" + std::to_string(f.stub.port());
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list list{};
    auto tenants = co_await client.execute(list);
    BOOST_TEST(!tenants.empty());
  });
  BOOST_TEST(f.stub.requests().size() == 1u);
}

// "/api/v1/data-cores/.." would be "/api/v1/" to a normalising proxy: another resource.
BOOST_AUTO_TEST_CASE(dot_segments_are_sent_encoded) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core_fetch up{.data_core_id = ".."};
    auto [e1, d1] = co_await try_execute(client, up);
    BOOST_TEST(e1 == fc::error::not_found);
    BOOST_TEST(d1.message == R"(DataCore not found: {"id":".."})");
    BOOST_TEST(f.stub.requests().back().target == "/api/v1/data-cores/%2E%2E");

    fc::data_core_fetch here{.data_core_id = "."};
    auto [e2, d2] = co_await try_execute(client, here);
    BOOST_TEST(e2 == fc::error::not_found);
    BOOST_TEST(f.stub.requests().back().target == "/api/v1/data-cores/%2E");

    fc::ingest_event event = small_event();
    event.flow_type_name = "..";
    event.event_type_name = ".";
    auto [e3, d3] = co_await try_execute(client, event);
    BOOST_TEST(e3 == fc::error::not_found);  // the stub knows no such flow type
    BOOST_TEST(f.stub.requests().back().target == "/event/acme/dc1/%2E%2E/%2E");

    fc::data_core_list named{.name = ".."};  // harmless in a query, encoded all the same
    co_await client.execute(named);
    BOOST_TEST(f.stub.requests().back().target == "/api/v1/data-cores?name=%2E%2E");
  });
}

BOOST_AUTO_TEST_CASE(text_that_is_not_utf8_sends_nothing) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    // Latin-1 "café": the byte E9 alone is no UTF-8.
    fc::data_core_create create{.tenant_id = f.stub.acme_tenant_id(), .name = "caf\xE9"};
    co_await expect_refused(client, create, "/name in the request body is not valid UTF-8");
    fc::flow_type_create flow{.data_core_id = "dc1", .name = "ok", .description = "\xED\xA0\x80"};
    co_await expect_refused(client, flow, "/description in the request body is not valid UTF-8");

    fc::data_core_fetch fetch{.data_core_id = "\xC0\xAF"};  // an overlong '/'
    co_await expect_refused(client, fetch, "data_core_id is not valid UTF-8");
    fc::data_core_list list{.name = "caf\xE9"};
    co_await expect_refused(client, list, "query parameter name is not valid UTF-8");
    // Refused before the delete-manager lookup, not after it.
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = "\xFF"};
    co_await expect_refused(client, del, "data_core_id is not valid UTF-8");
    fc::events_fetch_time_buckets_by_names by_names{.tenant = "acme",
                                                    .data_core_id = "dc1",
                                                    .flow_type = "order",
                                                    .event_types = {"\xF4\x90\x80\x80"}};
    co_await expect_refused(client, by_names,
                            "/eventTypes/0 in the request body is not valid UTF-8");

    fc::ingest_event bad_path = small_event();
    bad_path.event_type_name = "caf\xE9";
    co_await expect_refused(client, bad_path, "event_type_name is not valid UTF-8");
    fc::ingest_event bad_metadata = small_event();
    bad_metadata.metadata["source"] = "caf\xE9";
    co_await expect_refused(client, bad_metadata, R"(metadata["source"] is not valid UTF-8)");
    fc::ingest_event bad_key = small_event();
    bad_key.metadata["caf\xE9"] = "x";
    co_await expect_refused(client, bad_key, "metadata has a key that is not valid UTF-8");
    // Boost.JSON's parser refuses invalid UTF-8 inside event data already.
    fc::ingest_event bad_data = small_event();
    bad_data.event_data = "{\"name\":\"caf\xE9\"}";
    co_await expect_refused(client, bad_data, "event_data is not valid JSON");
    fc::ingest_event bad_time = small_event();
    bad_time.event_time = "2024-01-01T00:00:00\xE9";
    co_await expect_refused(client, bad_time, "event_time is not valid UTF-8");
  });
  BOOST_TEST(f.stub.requests().empty());
}

// ~48 KB of metadata is ~64 KB of base64: over what one header can hold (65533 bytes).
BOOST_AUTO_TEST_CASE(metadata_too_large_for_a_header_sends_nothing) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::ingest_event event = small_event();
    event.metadata["blob"] = std::string(kib70, 'm');
    co_await expect_refused(client, event,
                            "ingest_event: metadata is too large for an HTTP header (");
    fc::ingest_event just_over = small_event();
    just_over.metadata["blob"] = std::string(48 * 1024, 'm');
    co_await expect_refused(client, just_over, "bytes after base64, limit 65533)");

    fc::ingest_batch batch = small_batch();
    batch.metadata["blob"] = std::string(kib70, 'm');
    co_await expect_refused(client, batch, "ingest_batch: metadata is too large");

    fc::ingest_event long_time = small_event();
    long_time.event_time = std::string(kib70, '1');
    co_await expect_refused(client, long_time, "ingest_event: event_time is too large");
  });
  BOOST_TEST(f.stub.requests().empty());
  BOOST_TEST(f.stub.connections_accepted() == 0u);
}

BOOST_AUTO_TEST_CASE(api_key_too_large_for_a_header_sends_nothing) {
  stub_fixture f;
  auto o = f.options();
  const std::string huge_secret = "SECRETMARKER" + std::string(kib70, 'k');
  o.credentials = fc::api_key{"fc_testid_" + huge_secret};
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list list{};
    co_await expect_refused(client, list, "the API key is too large for an HTTP header");
    fc::ingest_event event = small_event();  // ingestion sends the raw key
    auto [ec, diag] = co_await try_execute(client, event);
    BOOST_TEST(ec == fc::error::invalid_argument);
    BOOST_TEST(!contains(diag.message, "SECRETMARKER"));
  });
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_CASE(bearer_token_too_large_for_a_header_is_auth_failed) {
  stub_fixture f;
  auto o = f.options();
  auto calls = std::make_shared<int>(0);
  o.credentials = fc::bearer_token{[calls]() -> asio::awaitable<std::string> {
    ++*calls;
    co_return "tok-SECRETMARKER-" + std::string(kib70, 't');
  }};
  log_capture logs;
  o.logger = logs.logger();
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list list{};
    auto [ec, diag] = co_await try_execute(client, list);
    BOOST_TEST(ec == fc::error::auth_failed);
    BOOST_TEST(contains(diag.message, "token provider returned a token of 71697 bytes"),
               diag.message);
    BOOST_TEST(contains(diag.message, "too large for an HTTP header"));
    BOOST_TEST(!contains(diag.message, "SECRETMARKER"));
    BOOST_TEST(diag.attempts == 0);
  });
  BOOST_TEST(*calls == 1);  // not retried: another call to the provider would not help
  BOOST_TEST(!logs.contains("SECRETMARKER"));
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
