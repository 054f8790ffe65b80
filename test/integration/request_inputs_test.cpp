// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Inputs a request cannot carry as given, end to end against the stub: each is encoded so
// that it keeps its meaning, refused before any I/O, or (a URL scheme in upper case)
// simply accepted.
#include "stub_fixture.hpp"

#include <memory>
#include <string>

namespace flowcore::test {

namespace {

fc::ingest_event small_event() {
  return fc::ingest_event{.tenant_name = "acme",
                          .data_core_id = "dc1",
                          .flow_type_name = "order",
                          .event_type_name = "created",
                          .event_data = R"({"n":1})"};
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
    BOOST_TEST(e3 == fc::error::http_status);  // the stub knows no such flow type
    BOOST_TEST(f.stub.requests().back().target == "/event/acme/dc1/%2E%2E/%2E");

    fc::data_core_list named{.name = ".."};  // harmless in a query, encoded all the same
    co_await client.execute(named);
    BOOST_TEST(f.stub.requests().back().target == "/api/v1/data-cores?name=%2E%2E");
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
