// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Ingestion end to end against the stub: the raw-key POSTs, their headers as the stub saw
// them, what it stored (read back through its event-reading routes), the checks made
// before sending, and the retry rules of a command that must not store an event twice.
#include "stub_fixture.hpp"
#include "transport/transport.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/json/value_to.hpp>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flowcore::test {

namespace {

namespace fcd = flowcore::detail;
namespace json = boost::json;

// acme / orders / order / created, the destination of every ingest here.
struct ingest_target {
  std::string data_core_id;
  std::string event_type_id;
};

asio::awaitable<ingest_target> make_ingest_target(fc::client& client, const stub_fixture& f,
                                                  std::string flow_type = "order",
                                                  std::string event_type = "created") {
  fc::data_core_create dc{.tenant_id = f.stub.acme_tenant_id(), .name = "orders"};
  fc::data_core core = co_await client.execute(dc);
  fc::flow_type_create ft{.data_core_id = core.id, .name = std::move(flow_type)};
  fc::flow_type flow = co_await client.execute(ft);
  fc::event_type_create et{.flow_type_id = flow.id, .name = std::move(event_type)};
  fc::event_type type = co_await client.execute(et);
  ingest_target target{.data_core_id = core.id, .event_type_id = type.id};
  co_return target;
}

fc::ingest_event event_to(const ingest_target& t, std::string data) {
  return fc::ingest_event{.tenant_name = "acme",
                          .data_core_id = t.data_core_id,
                          .flow_type_name = "order",
                          .event_type_name = "created",
                          .event_data = std::move(data)};
}

fc::ingest_batch batch_to(const ingest_target& t, std::vector<std::string> events) {
  return fc::ingest_batch{.tenant_name = "acme",
                          .data_core_id = t.data_core_id,
                          .flow_type_name = "order",
                          .event_type_name = "created",
                          .events = std::move(events)};
}

bool same_name(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

// The value of header `name` (any case) as the stub received it, or "<absent>".
std::string header(const flowcore::stub::request_record& r, std::string_view name) {
  for (const auto& [key, value] : r.headers)
    if (same_name(key, name)) return value;
  return "<absent>";
}

// How many ingestion headers (X-Flowcore-*) the request carried.
std::size_t flowcore_headers(const flowcore::stub::request_record& r) {
  return std::count_if(r.headers.begin(), r.headers.end(), [](const auto& h) {
    return h.first.size() > 11 && same_name(std::string_view(h.first).substr(0, 11), "x-flowcore-");
  });
}

// A GET to the stub through the library's transport (the client has no event-reading
// commands yet), its JSON answer parsed.
asio::awaitable<json::value> stub_get(stub_fixture& f, std::string target) {
  fcd::transport t(f.ioc.get_executor(), fcd::transport_options{});
  const fcd::origin where{.tls = false, .host = "127.0.0.1", .port = f.stub.port()};
  fcd::http_request request;
  request.target = target;
  request.headers.emplace_back("Authorization", "ApiKey testid:" + test_key);
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  fcd::exchange_result result = co_await t.exchange(where, request, deadline);
  t.shutdown();
  BOOST_REQUIRE(!result.ec);
  BOOST_REQUIRE_EQUAL(result.response.status, 200);
  co_return json::parse(result.response.body);
}

// A raw-key POST of one event through the library's transport with the metadata header
// `metadata` as it is, bypassing the client's encoder: the stub's status and message.
asio::awaitable<std::pair<int, std::string>> post_with_metadata(stub_fixture& f,
                                                                const ingest_target& t,
                                                                std::string metadata) {
  fcd::transport transport(f.ioc.get_executor(), fcd::transport_options{});
  const fcd::origin where{.tls = false, .host = "127.0.0.1", .port = f.stub.port()};
  const std::string target = "/event/acme/" + t.data_core_id + "/order/created";
  const std::string body = R"({"n":1})";
  fcd::http_request request;
  request.method = "POST";
  request.target = target;
  request.authorization = test_key;
  request.body = body;
  request.headers.emplace_back("x-flowcore-metadata-json", std::move(metadata));
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  fcd::exchange_result result = co_await transport.exchange(where, request, deadline);
  transport.shutdown();
  BOOST_REQUIRE(!result.ec);
  std::string message;
  if (result.response.status != 200)
    message = json::value_to<std::string>(json::parse(result.response.body).at("message"));
  co_return std::pair{result.response.status, message};
}

// Every stored event of an event type, bucket by bucket (oldest first), in storage order.
asio::awaitable<json::array> stored_events(stub_fixture& f, std::string event_type_id) {
  std::string buckets_target = "/api/v1/time-buckets?eventTypeId=" + event_type_id;
  json::value buckets = co_await stub_get(f, buckets_target);
  json::array events;
  for (const json::value& bucket : buckets.at("timeBuckets").as_array()) {
    std::string target = "/api/v1/events?eventTypeId=" + event_type_id +
                         "&timeBucket=" + std::string(bucket.as_string());
    json::value page = co_await stub_get(f, target);
    for (const json::value& e : page.at("events").as_array()) events.push_back(e);
  }
  co_return events;
}

// A bearer provider that counts how often it was asked.
fc::bearer_token counting_provider(std::shared_ptr<int> calls) {
  return fc::bearer_token{[calls]() -> asio::awaitable<std::string> {
    ++*calls;
    co_return std::string("bearer-token");
  }};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingestion)

BOOST_AUTO_TEST_CASE(one_event_is_stored_verbatim_with_the_raw_key) {
  stub_fixture f;
  auto client = f.make_client();
  ingest_target t;
  fc::ingest_result result;
  f.run([&]() -> asio::awaitable<void> {
    t = co_await make_ingest_target(client, f);
    f.stub.clear_requests();
    // Spacing and the number's form show that the body is the caller's text, unparsed.
    fc::ingest_event cmd = event_to(t, R"({ "n": 1.50, "s":"x" })");
    result = co_await client.execute(cmd);
    BOOST_TEST(result.success);
    BOOST_TEST(!result.event_id.empty());

    const auto& r = f.stub.requests().at(0);
    BOOST_TEST(r.method == "POST");
    BOOST_TEST(r.target == "/event/acme/" + t.data_core_id + "/order/created");
    BOOST_TEST(r.authorization == test_key);  // the raw key, no "ApiKey <id>:" prefix
    BOOST_TEST(r.content_type == "application/json");
    BOOST_TEST(r.has_content_length);
    BOOST_TEST(r.body == R"({ "n": 1.50, "s":"x" })");
    BOOST_TEST(flowcore_headers(r) == 0u);  // nothing optional was set

    json::array stored = co_await stored_events(f, t.event_type_id);
    BOOST_REQUIRE_EQUAL(stored.size(), 1u);
    BOOST_TEST(stored[0].at("eventId").as_string() == result.event_id);
    BOOST_TEST(stored[0].at("payload") == json::parse(R"({"n":1.5,"s":"x"})"));
    BOOST_TEST(stored[0].at("metadata").as_object().empty());
  });
  BOOST_TEST(f.stub.hits("POST", "/event/") == 1u);
}

BOOST_AUTO_TEST_CASE(every_option_becomes_its_header) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    f.stub.clear_requests();
    fc::ingest_event cmd = event_to(t, R"({"n":1})");
    cmd.metadata = {{"who", "me"}, {"source", "test"}};
    cmd.event_time = "2024-03-05T07:08:09.000Z";
    cmd.valid_time = "2024-03-05T07:00:00.000Z";
    cmd.ttl = "1d";
    cmd.is_ephemeral = true;
    cmd.flowcore_managed = true;
    fc::ingest_result result = co_await client.execute(cmd);
    BOOST_TEST(result.success);

    const auto& r = f.stub.requests().at(0);
    BOOST_TEST(header(r, "X-Flowcore-Managed") == "true");
    BOOST_TEST(header(r, "x-flowcore-event-time") == "2024-03-05T07:08:09.000Z");
    BOOST_TEST(header(r, "x-flowcore-valid-time") == "2024-03-05T07:00:00.000Z");
    // base64 of {"source":"test","who":"me","ttl-on/stored-event":"true",
    // "do-not-archive-on/stored-event":"true"}: the metadata in key order, then the flags.
    BOOST_TEST(header(r, "x-flowcore-metadata-json") ==
               "eyJzb3VyY2UiOiJ0ZXN0Iiwid2hvIjoibWUiLCJ0dGwtb24vc3RvcmVkLWV2ZW50IjoidHJ1ZSIsIm"
               "RvLW5vdC1hcmNoaXZlLW9uL3N0b3JlZC1ldmVudCI6InRydWUifQ==");
    BOOST_TEST(flowcore_headers(r) == 4u);

    // The stub decoded the header into the stored metadata; the event time chose the bucket.
    json::array stored = co_await stored_events(f, t.event_type_id);
    BOOST_REQUIRE_EQUAL(stored.size(), 1u);
    BOOST_TEST(stored[0].at("metadata") ==
               json::parse(R"({"source":"test","who":"me","ttl-on/stored-event":"true",
                               "do-not-archive-on/stored-event":"true"})"));
    BOOST_TEST(stored[0].at("timeBucket").as_string() == "20240305070000");
    BOOST_TEST(stored[0].at("validTime").as_string() == "2024-03-05T07:00:00.000Z");
  });
}

// The stub decodes the metadata header strictly (RFC 4648): only the canonical text of
// some bytes passes, so a client that sends anything else is caught. Each refused value
// decodes, in a lenient decoder, to the same JSON as the accepted one beside it.
BOOST_AUTO_TEST_CASE(stub_refuses_non_canonical_metadata_base64) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    const std::string refused = R"("x-flowcore-metadata-json" must be base64 of a JSON object)";
    for (const char* good : {"e30=", "eyAgfQ==", "eyJhIjoiYiJ9"}) {
      const auto [status, message] = co_await post_with_metadata(f, t, good);
      BOOST_TEST(status == 200, good << ": " << message);
    }
    for (const char* bad : {
             "e31=",              // "{}" with a pad bit set
             "eyAgfR==",          // "{  }" with pad bits set
             "e30",               // "{}" without its padding
             "eyAgfQ",            // "{  }" without its padding
             "eyAgfQ=",           // half its padding
             "eyJh    IjoiYiJ9",  // {"a":"b"} with whitespace inside
         }) {
      const auto [status, message] = co_await post_with_metadata(f, t, bad);
      BOOST_TEST(status == 400, bad);
      BOOST_TEST(message == refused, bad);
    }
  });
}

BOOST_AUTO_TEST_CASE(ttl_or_is_ephemeral_alone_sends_the_metadata_header) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    f.stub.clear_requests();
    fc::ingest_event ttl_only = event_to(t, R"({"n":1})");
    ttl_only.ttl = "12h";
    co_await client.execute(ttl_only);
    fc::ingest_event ephemeral_only = event_to(t, R"({"n":2})");
    ephemeral_only.is_ephemeral = true;
    co_await client.execute(ephemeral_only);
    // Unset in effect: false flags and empty texts send nothing (as the TypeScript SDK).
    fc::ingest_event all_off = event_to(t, R"({"n":3})");
    all_off.ttl = "";
    all_off.is_ephemeral = false;
    all_off.flowcore_managed = false;
    all_off.event_time = "";
    all_off.valid_time = "";
    co_await client.execute(all_off);

    const auto& r = f.stub.requests();
    BOOST_TEST(header(r.at(0), "x-flowcore-metadata-json") ==
               "eyJ0dGwtb24vc3RvcmVkLWV2ZW50IjoidHJ1ZSJ9");
    BOOST_TEST(flowcore_headers(r.at(0)) == 1u);
    BOOST_TEST(header(r.at(1), "x-flowcore-metadata-json") ==
               "eyJkby1ub3QtYXJjaGl2ZS1vbi9zdG9yZWQtZXZlbnQiOiJ0cnVlIn0=");
    BOOST_TEST(flowcore_headers(r.at(1)) == 1u);
    BOOST_TEST(flowcore_headers(r.at(2)) == 0u);

    json::array stored = co_await stored_events(f, t.event_type_id);
    BOOST_REQUIRE_EQUAL(stored.size(), 3u);
    BOOST_TEST(stored[0].at("metadata") == json::parse(R"({"ttl-on/stored-event":"true"})"));
    BOOST_TEST(stored[1].at("metadata") ==
               json::parse(R"({"do-not-archive-on/stored-event":"true"})"));
    BOOST_TEST(stored[2].at("metadata").as_object().empty());
  });
}

BOOST_AUTO_TEST_CASE(event_time_picks_the_time_bucket) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    fc::ingest_event later = event_to(t, R"({"at":"11:05"})");
    later.event_time = "2024-01-01T11:05:00.000Z";
    co_await client.execute(later);
    fc::ingest_event earlier = event_to(t, R"({"at":"10:30"})");
    earlier.event_time = "2024-01-01T10:30:00.000Z";
    co_await client.execute(earlier);

    std::string buckets_target = "/api/v1/time-buckets?eventTypeId=" + t.event_type_id;
    json::value buckets = co_await stub_get(f, buckets_target);
    BOOST_TEST(buckets.at("timeBuckets") == json::parse(R"(["20240101100000","20240101110000"])"));
    json::array stored = co_await stored_events(f, t.event_type_id);
    BOOST_REQUIRE_EQUAL(stored.size(), 2u);
    BOOST_TEST(stored[0].at("payload").at("at").as_string() == "10:30");
    BOOST_TEST(stored[1].at("payload").at("at").as_string() == "11:05");
  });
}

BOOST_AUTO_TEST_CASE(batch_is_stored_in_order_with_one_id_per_event) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    f.stub.clear_requests();
    fc::ingest_batch cmd = batch_to(t, {R"({"i":0})", R"( {"i": 1} )", R"({"i":2})"});
    cmd.metadata = {{"batch", "b1"}};
    cmd.event_time = "2024-02-02T02:02:02.000Z";
    fc::ingest_batch_result result = co_await client.execute(cmd);
    BOOST_TEST(result.success);
    BOOST_REQUIRE_EQUAL(result.event_ids.size(), 3u);

    const auto& r = f.stub.requests().at(0);
    BOOST_TEST(r.target == "/events/acme/" + t.data_core_id + "/order/created");
    BOOST_TEST(r.authorization == test_key);
    BOOST_TEST(r.content_type == "application/json");
    BOOST_TEST(r.body == R"([{"i":0}, {"i": 1} ,{"i":2}])");  // each event verbatim, in order

    json::array stored = co_await stored_events(f, t.event_type_id);
    BOOST_REQUIRE_EQUAL(stored.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
      BOOST_TEST(stored[i].at("eventId").as_string() == result.event_ids[i]);
      BOOST_TEST(stored[i].at("payload").at("i").as_int64() == std::int64_t(i));
      BOOST_TEST(stored[i].at("metadata") == json::parse(R"({"batch":"b1"})"));
      BOOST_TEST(stored[i].at("timeBucket").as_string() == "20240202020000");
    }
  });
}

BOOST_AUTO_TEST_CASE(path_segments_are_percent_encoded) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    std::string flow_type = "order items";
    std::string event_type = "created/v2";
    ingest_target t = co_await make_ingest_target(client, f, flow_type, event_type);
    f.stub.clear_requests();
    fc::ingest_event cmd = event_to(t, R"({"n":1})");
    cmd.flow_type_name = "order items";
    cmd.event_type_name = "created/v2";
    fc::ingest_result result = co_await client.execute(cmd);
    BOOST_TEST(result.success);
    BOOST_TEST(f.stub.requests().at(0).target ==
               "/event/acme/" + t.data_core_id + "/order%20items/created%2Fv2");
    json::array stored = co_await stored_events(f, t.event_type_id);
    BOOST_TEST(stored.size() == 1u);
  });
}

BOOST_AUTO_TEST_CASE(bearer_mode_is_refused_before_anything_else) {
  stub_fixture f;
  auto calls = std::make_shared<int>(0);
  auto o = f.options();
  o.credentials = counting_provider(calls);
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    // Every other field is invalid too: the mode check comes first.
    fc::ingest_event event{.event_data = "{"};
    auto [ec, diag] = co_await try_execute(client, event);
    BOOST_TEST(ec == fc::error::not_allowed_in_mode);
    BOOST_TEST(diag.message == "not allowed in bearer mode");
    BOOST_TEST(diag.attempts == 0);
    fc::ingest_batch batch{};
    auto [ec2, diag2] = co_await try_execute(client, batch);
    BOOST_TEST(ec2 == fc::error::not_allowed_in_mode);
    BOOST_TEST(diag2.message == "not allowed in bearer mode");
  });
  BOOST_TEST(*calls == 0);  // not even a token was fetched
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_CASE(invalid_arguments_send_nothing) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    f.stub.clear_requests();
    // Each case: the command, and the field its message must name.
    auto expect_invalid = [&](auto& cmd, const char* field) -> asio::awaitable<void> {
      auto [ec, diag] = co_await try_execute(client, cmd);
      BOOST_TEST(ec == fc::error::invalid_argument);
      BOOST_TEST(diag.message.find(field) != std::string::npos, diag.message);
      BOOST_TEST(diag.message.find("SECRETPAYLOAD") == std::string::npos);  // never quoted
      BOOST_TEST(diag.attempts == 0);
    };
    fc::ingest_event not_json = event_to(t, R"({"SECRETPAYLOAD":)");
    co_await expect_invalid(not_json, "event_data is not valid JSON");
    fc::ingest_event empty = event_to(t, "");
    co_await expect_invalid(empty, "event_data");
    fc::ingest_event two_values = event_to(t, R"({"a":1} {"b":2})");
    co_await expect_invalid(two_values, "event_data");
    fc::ingest_event no_tenant = event_to(t, R"({"n":1})");
    no_tenant.tenant_name.clear();
    co_await expect_invalid(no_tenant, "tenant_name is required");
    fc::ingest_event no_core = event_to(t, R"({"n":1})");
    no_core.data_core_id.clear();
    co_await expect_invalid(no_core, "data_core_id is required");
    fc::ingest_event no_flow = event_to(t, R"({"n":1})");
    no_flow.flow_type_name.clear();
    co_await expect_invalid(no_flow, "flow_type_name is required");
    fc::ingest_event no_type = event_to(t, R"({"n":1})");
    no_type.event_type_name.clear();
    co_await expect_invalid(no_type, "event_type_name is required");
    fc::ingest_event injected = event_to(t, R"({"n":1})");
    injected.event_time = "2024-01-01T00:00:00Z\r\nX-Evil: 1";
    co_await expect_invalid(injected, "event_time");

    fc::ingest_batch no_events = batch_to(t, {});
    co_await expect_invalid(no_events, "events must not be empty");
    fc::ingest_batch bad_second = batch_to(t, {R"({"i":0})", R"({"SECRETPAYLOAD")", R"({"i":2})"});
    co_await expect_invalid(bad_second, "events[1] is not valid JSON");
  });
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_CASE(an_error_status_is_never_retried_whatever_the_policy) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    f.stub.add_fault({.method = "POST", .path_prefix = "/event/", .count = 0, .status = 503});
    fc::ingest_event cmd = event_to(t, R"({"n":1})");
    auto [ec, diag] = co_await try_execute(client, cmd);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.http_status == 503);
    BOOST_TEST(diag.attempts == 1);
    BOOST_TEST(f.stub.hits("POST", "/event/") == 1u);

    // A per-call policy that would retry a 503 five times changes nothing: the request
    // reached the server, which may have stored the event.
    fc::call_options eager{.retry = fc::retry_policy{.delay = 1ms, .max_retries = 5}};
    auto [ec2, diag2] = co_await try_execute(client, cmd, eager);
    BOOST_TEST(ec2 == fc::error::http_status);
    BOOST_TEST(diag2.attempts == 1);
    BOOST_TEST(f.stub.hits("POST", "/event/") == 2u);

    f.stub.add_fault({.method = "POST",
                      .path_prefix = "/events/",
                      .count = 0,
                      .status = 429,
                      .retry_after = "0"});
    fc::ingest_batch batch = batch_to(t, {R"({"i":0})"});
    auto [ec3, diag3] = co_await try_execute(client, batch);
    BOOST_TEST(ec3 == fc::error::http_status);
    BOOST_TEST(diag3.http_status == 429);
    BOOST_TEST(diag3.attempts == 1);
    BOOST_TEST(f.stub.hits("POST", "/events/") == 1u);
  });
}

BOOST_AUTO_TEST_CASE(a_connection_dropped_after_sending_is_not_retried) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    f.stub.add_fault({.method = "POST", .path_prefix = "/event/", .count = 1, .reset = true});
    fc::ingest_event cmd = event_to(t, R"({"n":1})");
    auto [ec, diag] = co_await try_execute(client, cmd);
    BOOST_TEST(ec == fc::error::connection_failed);
    BOOST_TEST(diag.attempts == 1);
    BOOST_TEST(f.stub.hits("POST", "/event/") == 1u);
  });
}

BOOST_AUTO_TEST_CASE(a_request_that_never_left_is_retried) {
  // Nothing listens on the port of a stopped stub: connect fails before any byte is
  // written, so the ingest may be retried (3 retries by default), failing each time.
  stub_fixture f;
  auto o = f.options();
  f.stub.stop();
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::ingest_event cmd{.tenant_name = "acme",
                         .data_core_id = "dc",
                         .flow_type_name = "order",
                         .event_type_name = "created",
                         .event_data = R"({"n":1})"};
    auto [ec, diag] = co_await try_execute(client, cmd);
    BOOST_TEST(ec == fc::error::connection_failed);
    BOOST_TEST(diag.attempts == 4);
    BOOST_TEST(diag.message.find("connect") != std::string::npos);
  });
}

BOOST_AUTO_TEST_CASE(malformed_answers_are_invalid_response) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    fc::ingest_event event = event_to(t, R"({"n":1})");
    fc::ingest_batch batch = batch_to(t, {R"({"i":0})", R"({"i":1})"});
    // Each case: the 2xx body the stub answers with, and the pointer the error must name.
    auto expect_bad = [&](auto& cmd, const char* prefix, const char* body,
                          const char* pointer) -> asio::awaitable<void> {
      f.stub.add_fault({.method = "POST", .path_prefix = prefix, .body = body});
      auto [ec, diag] = co_await try_execute(client, cmd);
      BOOST_TEST(ec == fc::error::invalid_response, diag.message);
      BOOST_TEST(diag.message.find(pointer) != std::string::npos, diag.message);
      BOOST_TEST(diag.attempts == 1);
    };
    co_await expect_bad(event, "/event/", "{}", "/eventId");
    co_await expect_bad(event, "/event/", R"({"eventId":1,"success":true})", "/eventId");
    co_await expect_bad(event, "/event/", R"({"eventId":"e1"})", "/success");
    co_await expect_bad(event, "/event/", R"({"eventId":"e1","success":"yes"})", "/success");
    co_await expect_bad(event, "/event/", "not json", "body is not valid JSON");
    co_await expect_bad(event, "/event/", "[]", "(root): expected an object");
    co_await expect_bad(batch, "/events/", R"({"success":true})", "/eventIds");
    co_await expect_bad(batch, "/events/", R"({"eventIds":["a",2],"success":true})", "/eventIds/1");
    // One id per event sent: two events, one id, or three.
    co_await expect_bad(batch, "/events/", R"({"eventIds":["a"],"success":true})",
                        "/eventIds: expected 2 ids, one per event sent, got 1");
    co_await expect_bad(batch, "/events/", R"({"eventIds":["a","b","c"],"success":true})", "got 3");

    // success:false is an answer, returned as it is.
    f.stub.add_fault({.method = "POST",
                      .path_prefix = "/event/",
                      .body = R"({"eventId":"e1","success":false})"});
    fc::ingest_result refused = co_await client.execute(event);
    BOOST_TEST(!refused.success);
    BOOST_TEST(refused.event_id == "e1");
    f.stub.add_fault({.method = "POST",
                      .path_prefix = "/events/",
                      .body = R"({"eventIds":["a","b"],"success":false,"extra":1})"});
    fc::ingest_batch_result refused_batch = co_await client.execute(batch);
    BOOST_TEST(!refused_batch.success);
    BOOST_TEST(refused_batch.event_ids == (std::vector<std::string>{"a", "b"}));
  });
}

BOOST_AUTO_TEST_CASE(the_raw_key_never_reaches_logs_or_errors) {
  stub_fixture f;
  log_capture logs;
  auto o = f.options();
  o.logger = logs.logger();
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    ingest_target t = co_await make_ingest_target(client, f);
    fc::ingest_event cmd = event_to(t, R"({"n":1})");
    co_await client.execute(cmd);  // a success, logged at debug

    // The server echoes the key in an error and in a malformed 2xx.
    const std::string echo = R"({"message":"bad key )" + test_key + R"("})";
    auto check = [&](std::optional<int> status) -> asio::awaitable<void> {
      f.stub.add_fault(
          {.method = "POST", .path_prefix = "/event/", .status = status, .body = echo});
      auto [ec, diag] = co_await try_execute(client, cmd);
      BOOST_TEST(!!ec);
      BOOST_TEST(diag.message.find("SECRETMARKER") == std::string::npos, diag.message);
      BOOST_TEST(diag.server_message.find("SECRETMARKER") == std::string::npos);
      fc::client_error error(ec, diag);
      BOOST_TEST(std::string(error.what()).find("SECRETMARKER") == std::string::npos);
    };
    co_await check(500);
    co_await check(std::nullopt);  // 200 without eventId: invalid_response quoting the body
  });
  BOOST_TEST(logs.contains("POST"));  // debug logging was on and did log
  BOOST_TEST(!logs.contains("SECRETMARKER"));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
