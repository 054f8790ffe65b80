// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "tenant_instance_cache.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/test/unit_test.hpp>

namespace fc = flowcore;
namespace fcd = flowcore::detail;
using namespace std::chrono_literals;

namespace {
const fcd::tenant_instance_cache::clock::time_point t0{};
fc::tenant_instance dedicated(std::string domain) {
  return {.is_dedicated = true,
          .instance = fc::tenant_instance_details{.status = "ready", .domain = domain}};
}
}  // namespace

BOOST_AUTO_TEST_SUITE(tenant_instance_cache)

BOOST_AUTO_TEST_CASE(entries_live_sixty_seconds) {
  fcd::tenant_instance_cache cache;
  cache.store("acme", dedicated("acme.example.net"), t0);
  BOOST_TEST(cache.find("acme", t0 + 59s).has_value());
  BOOST_TEST(cache.find("acme", t0 + 59s)->instance->domain == "acme.example.net");
  BOOST_TEST(!cache.find("acme", t0 + 60s).has_value());
  BOOST_TEST(cache.size() == 0u);  // the expired entry was dropped
  BOOST_TEST(!cache.find("other", t0).has_value());
}

BOOST_AUTO_TEST_CASE(at_most_1024_entries_oldest_evicted) {
  fcd::tenant_instance_cache cache;
  for (int i = 0; i < 1024; ++i)
    cache.store("t" + std::to_string(i), {}, t0 + std::chrono::milliseconds(i));
  BOOST_TEST(cache.size() == 1024u);
  cache.store("new", {}, t0 + 2s);
  BOOST_TEST(cache.size() == 1024u);
  BOOST_TEST(!cache.find("t0", t0 + 2s).has_value());  // the oldest went
  BOOST_TEST(cache.find("t1", t0 + 2s).has_value());
  BOOST_TEST(cache.find("new", t0 + 2s).has_value());
}

BOOST_AUTO_TEST_CASE(single_flight_bookkeeping_and_failures_not_stored) {
  boost::asio::io_context ioc;
  fcd::tenant_instance_cache cache;
  BOOST_TEST(!cache.in_flight("acme"));
  auto leader = cache.begin("acme", ioc.get_executor());
  BOOST_TEST(cache.in_flight("acme") == leader);
  leader->ec = fc::error::http_status;
  cache.finish("acme", leader, t0);
  BOOST_TEST(leader->finished);
  BOOST_TEST(!cache.in_flight("acme"));
  BOOST_TEST(!cache.find("acme", t0).has_value());  // a failure is not cached

  auto second = cache.begin("acme", ioc.get_executor());
  second->value = dedicated("x.example");
  cache.finish("acme", second, t0);
  BOOST_TEST(cache.find("acme", t0 + 1s).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
