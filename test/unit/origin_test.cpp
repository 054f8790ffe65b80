// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "origin.hpp"

#include <boost/test/unit_test.hpp>

namespace fcd = flowcore::detail;

BOOST_AUTO_TEST_SUITE(origin)

BOOST_AUTO_TEST_CASE(accepts_http_and_https_origins) {
  auto a = fcd::parse_base_url("http://127.0.0.1:8080");
  BOOST_REQUIRE(a.has_value());
  BOOST_TEST(!a->tls);
  BOOST_TEST(a->host == "127.0.0.1");
  BOOST_TEST(a->port == 8080);
  BOOST_TEST(a->host_header() == "127.0.0.1:8080");
  BOOST_TEST(a->host_is_ip_literal());

  auto b = fcd::parse_base_url("https://api.example.com/");  // one trailing slash is fine
  BOOST_REQUIRE(b.has_value());
  BOOST_TEST(b->tls);
  BOOST_TEST(b->port == 443);
  BOOST_TEST(b->host_header() == "api.example.com");  // default port omitted
  BOOST_TEST(!b->host_is_ip_literal());

  auto c = fcd::parse_base_url("http://[::1]:9000");
  BOOST_REQUIRE(c.has_value());
  BOOST_TEST(c->host == "::1");
  BOOST_TEST(c->host_header() == "[::1]:9000");
  BOOST_TEST(!c->tls);
  BOOST_TEST(c->port == 9000);
  BOOST_TEST(c->host_is_ip_literal());
}

// Schemes are case-insensitive (RFC 3986 section 3.1); the scheme still picks TLS.
BOOST_AUTO_TEST_CASE(the_scheme_is_case_insensitive) {
  auto upper = fcd::parse_base_url("HTTP://127.0.0.1:8080");
  BOOST_REQUIRE(upper.has_value());
  BOOST_TEST(!upper->tls);
  BOOST_TEST(upper->host_header() == "127.0.0.1:8080");

  auto mixed = fcd::parse_base_url("HtTpS://api.example.com/");
  BOOST_REQUIRE(mixed.has_value());
  BOOST_TEST(mixed->tls);
  BOOST_TEST(mixed->port == 443);
  BOOST_TEST(mixed->host == "api.example.com");

  BOOST_TEST(!fcd::parse_base_url("HTTPX://host").has_value());
  BOOST_TEST(!fcd::parse_base_url("FTP://host").has_value());
}

BOOST_AUTO_TEST_CASE(refuses_anything_more_than_an_origin) {
  for (const char* bad : {"", "ftp://host", "host:80", "http://", "http://host/path",
                          "http://host//", "http://host?x=1", "http://host#f", "http://user@host",
                          "http://host:", "http://host:0", "http://host:65536", "http://host:80x",
                          "http://[::1", "http://[zz]:80", "http://ho st", "https://a_b.example"}) {
    BOOST_TEST(!fcd::parse_base_url(bad).has_value(), bad);
  }
}

// The RFC 3986 grammar accepts more than an origin of ours; each of these parses as a URI
// and is refused by a check of its own.
BOOST_AUTO_TEST_CASE(uri_grammar_edges_stay_refused) {
  for (const char* bad : {
           "http:host",                // no authority
           "http://host?",             // an empty query is still a query
           "http://host#",             // an empty fragment is still a fragment
           "http://@host",             // empty user-info
           "http://h%41st",            // %XX escape in a reg-name
           "http://a!b.example",       // sub-delimiter in a reg-name
           "http://[v1.fe80]",         // IPvFuture
           "http://host:99999999999",  // port past 16 bits
       }) {
    BOOST_TEST(!fcd::parse_base_url(bad).has_value(), bad);
  }
}

// A zone ID (RFC 6874, "%25" then the interface) is no part of RFC 3986's IP-literal and
// fails the parse. asio's make_address_v6 alone would take it (reading "25eth0" as the
// scope), and a zone ID has no place in a Host header.
BOOST_AUTO_TEST_CASE(ipv6_zone_id_is_refused) {
  BOOST_TEST(!fcd::parse_base_url("http://[fe80::1%25eth0]:8080").has_value());
  BOOST_TEST(!fcd::parse_base_url("http://[fe80::1%eth0]").has_value());
}

// The port is *DIGIT: leading zeros are the same port.
BOOST_AUTO_TEST_CASE(port_with_leading_zeros) {
  auto o = fcd::parse_base_url("http://host:0080/");
  BOOST_REQUIRE(o.has_value());
  BOOST_TEST(o->port == 80);
  BOOST_TEST(o->host_header() == "host");
}

// The IPv6 literal is kept as written, without brackets.
BOOST_AUTO_TEST_CASE(ipv6_literal_is_kept_as_written) {
  auto o = fcd::parse_base_url("https://[0:0::FFFF:7f00:1]/");
  BOOST_REQUIRE(o.has_value());
  BOOST_TEST(o->host == "0:0::FFFF:7f00:1");
  BOOST_TEST(o->port == 443);
  BOOST_TEST(o->host_is_ip_literal());
}

BOOST_AUTO_TEST_CASE(real_and_dedicated_hosts) {
  const fcd::origin data_core = fcd::service_origin(fcd::service::data_core);
  BOOST_TEST(data_core.tls);
  BOOST_TEST(data_core.port == 443);
  BOOST_TEST(data_core.host_header() == "data-core-2.api.flowcore.io");
  BOOST_TEST(fcd::service_origin(fcd::service::tenant).host == "tenant.api.flowcore.io");
  BOOST_TEST(fcd::dedicated_origin("delete-manager", "acme.example.net").host ==
             "delete-manager.acme.example.net");
}

BOOST_AUTO_TEST_SUITE_END()
