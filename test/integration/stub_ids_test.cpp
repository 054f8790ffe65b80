// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// flowcore::stub::server_options::id_seed through the real client: the same seed and the
// same requests give the same ids, another seed (or none) others, in the formats of a
// stub without a seed.
#include "stub_fixture.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <regex>
#include <string>
#include <vector>

namespace flowcore::test {
namespace {

fc::stub::server_options seeded(std::optional<std::uint64_t> seed) {
  fc::stub::server_options o;
  o.id_seed = seed;
  return o;
}

// Every id a fresh stub hands out for one of each kind of create, in order: the seeded
// tenant, a tenant, a data core, a flow type, an event type, an API key (id and the whole
// key, whose secret is drawn too), an event, a batch of two, a sensitive-data removal.
std::vector<std::string> ids_handed_out(std::optional<std::uint64_t> seed) {
  stub_fixture f(seeded(seed));
  auto client = f.make_client();
  auto bearer = f.make_bearer_client();
  std::vector<std::string> ids{f.stub.acme_tenant_id()};
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_create tenant{.tenant_slug = "globex"};
    ids.push_back((co_await client.execute(tenant)).id);
    fc::data_core_create core{.tenant_id = f.stub.acme_tenant_id(), .name = "orders"};
    const std::string core_id = (co_await client.execute(core)).id;
    ids.push_back(core_id);
    fc::flow_type_create flow{.data_core_id = core_id, .name = "order"};
    ids.push_back((co_await client.execute(flow)).id);
    fc::event_type_create type{.flow_type_id = ids.back(), .name = "created"};
    const std::string type_id = (co_await client.execute(type)).id;
    ids.push_back(type_id);
    fc::api_key_create key{.tenant_id = f.stub.acme_tenant_id(), .name = "ci"};
    fc::api_key_created created = co_await bearer.execute(key);
    ids.push_back(created.id);
    ids.push_back(created.api_key);
    fc::ingest_event event{.tenant_name = "acme",
                           .data_core_id = core_id,
                           .flow_type_name = "order",
                           .event_type_name = "created",
                           .event_data = R"({"n":1})"};
    ids.push_back((co_await client.execute(event)).event_id);
    fc::ingest_batch batch{.tenant_name = "acme",
                           .data_core_id = core_id,
                           .flow_type_name = "order",
                           .event_type_name = "created",
                           .events = {R"({"n":2})", R"({"n":3})"}};
    const fc::ingest_batch_result stored = co_await client.execute(batch);
    ids.insert(ids.end(), stored.event_ids.begin(), stored.event_ids.end());
    fc::event_type_remove_sensitive_data removal{
        .event_type_id = type_id, .application = "test", .parent_key = "customer-1", .key = "k"};
    ids.push_back((co_await client.execute(removal)).id);
  });
  return ids;
}

const std::regex uuid_v4("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

// Positions in ids_handed_out().
constexpr std::size_t api_key_position = 6;
constexpr std::size_t id_count = 11;

}  // namespace

BOOST_AUTO_TEST_SUITE(stub_ids)

BOOST_AUTO_TEST_CASE(the_same_seed_hands_out_the_same_ids) {
  const std::vector<std::string> first = ids_handed_out(42);
  const std::vector<std::string> second = ids_handed_out(42);
  BOOST_TEST_REQUIRE(first.size() == id_count);
  BOOST_TEST(first == second, boost::test_tools::per_element());
  // Distinct within the run: one engine, not one restarted per kind.
  std::vector<std::string> sorted = first;
  std::sort(sorted.begin(), sorted.end());
  BOOST_TEST((std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end()));
}

BOOST_AUTO_TEST_CASE(another_seed_or_none_hands_out_other_ids) {
  const std::vector<std::string> seeded_ids = ids_handed_out(42);
  const std::vector<std::string> other_seed = ids_handed_out(43);
  const std::vector<std::string> unseeded = ids_handed_out(std::nullopt);
  const std::vector<std::string> unseeded_again = ids_handed_out(std::nullopt);
  BOOST_TEST_REQUIRE(seeded_ids.size() == id_count);
  for (const auto* other : {&other_seed, &unseeded, &unseeded_again}) {
    BOOST_TEST_REQUIRE(other->size() == id_count);
    for (const std::string& id : *other)
      BOOST_TEST((std::find(seeded_ids.begin(), seeded_ids.end(), id) == seeded_ids.end()), id);
  }
  for (std::size_t i = 0; i < id_count; ++i) BOOST_TEST(unseeded[i] != unseeded_again[i]);
}

BOOST_AUTO_TEST_CASE(seeded_ids_keep_the_formats_of_random_ones) {
  for (const auto seed : {std::optional<std::uint64_t>(7), std::optional<std::uint64_t>()}) {
    const std::vector<std::string> ids = ids_handed_out(seed);
    BOOST_TEST_REQUIRE(ids.size() == id_count);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (i == api_key_position) continue;
      BOOST_TEST(std::regex_match(ids[i], uuid_v4), ids[i]);
    }
    const std::regex api_key("fc_" + ids[api_key_position - 1] + "_[0-9a-f]{32}");
    BOOST_TEST(std::regex_match(ids[api_key_position], api_key), ids[api_key_position]);
  }
}

BOOST_AUTO_TEST_CASE(reset_goes_on_with_the_sequence) {
  stub_fixture f(seeded(42));
  auto client = f.make_client();
  const std::string acme = f.stub.acme_tenant_id();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core_create core{.tenant_id = acme, .name = "orders"};
    const std::string before = (co_await client.execute(core)).id;
    f.stub.reset();
    BOOST_TEST(f.stub.acme_tenant_id() == acme);
    const std::string after = (co_await client.execute(core)).id;
    // A restarted sequence would hand the old id to a new data core, and a client that
    // cached it would mistake one for the other.
    BOOST_TEST(after != before);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
