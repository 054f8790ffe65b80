// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "auth_headers.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

namespace fc = flowcore;
using fc::detail::api_key_authorization;
using fc::detail::api_key_query;
using fc::detail::bearer_authorization;
using fc::detail::parse_api_key;
using fc::detail::parsed_api_key;

bool accepted(std::string key, std::string id = {}) {
  return parse_api_key(fc::api_key{std::move(key), std::move(id)}).has_value();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(auth_headers)

BOOST_AUTO_TEST_CASE(well_formed_key_gives_id_and_whole_key) {
  const auto parsed = parse_api_key(fc::api_key{"fc_abc_s3cr3t", ""});
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST(parsed->id == "abc");
  BOOST_TEST(parsed->key == "fc_abc_s3cr3t");
  BOOST_TEST(api_key_authorization(*parsed) == "ApiKey abc:fc_abc_s3cr3t");
}

BOOST_AUTO_TEST_CASE(uuid_id_and_hex_secret_as_the_stub_issues_them) {
  const std::string key =
      "fc_0b4c1d2e-aaaa-4bbb-8ccc-123456789abc_0123456789abcdef0123456789abcdef";
  const auto parsed = parse_api_key(fc::api_key{key, ""});
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST(parsed->id == "0b4c1d2e-aaaa-4bbb-8ccc-123456789abc");
  BOOST_TEST(api_key_authorization(*parsed) ==
             "ApiKey 0b4c1d2e-aaaa-4bbb-8ccc-123456789abc:" + key);
}

BOOST_AUTO_TEST_CASE(malformed_keys_are_rejected) {
  for (const char* bad : {
           "abc",       // no parts
           "fc_a_b_c",  // four parts
           "xx_a_b",    // wrong prefix
           "fc__x",     // empty id
           "fc_x_",     // empty secret
           "",          // empty
           "fc",        // one part
           "fc_",       // empty id and no secret
           "fc_abc",    // two parts
           "FC_a_b",    // the prefix is lower case
           "fc_a_b_",   // trailing separator: four parts
           "_fc_a_b",   // leading separator
           "fc_a__b",   // four parts, one empty
       }) {
    BOOST_TEST(!accepted(bad), "key [" << bad << "]");
  }
}

BOOST_AUTO_TEST_CASE(keys_that_would_break_the_header_are_rejected) {
  for (const char* bad : {
           "fc_a b_c",             // space in the id
           "fc_a_b c",             // space in the secret
           " fc_a_b",              // leading space
           "fc_a_b ",              // trailing space
           "fc_a_b\t",             // tab
           "fc_a_b\r\nX-Evil: 1",  // header injection
           "fc_a_b\n",             // bare LF
           "fc_a_b\x7F",           // DEL
           "fc_a_b\x01",           // other control byte
           "fc_a:b_c",             // ':' in the id would shift the header's id
       }) {
    BOOST_TEST(!accepted(bad), "key [" << bad << "]");
  }
  BOOST_TEST(!accepted(std::string("fc_a_b\0c", 8)));
}

BOOST_AUTO_TEST_CASE(legacy_explicit_id_takes_the_key_as_it_is) {
  const auto parsed = parse_api_key(fc::api_key{"legacy-key_with_underscores", "id1"});
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST(parsed->id == "id1");
  BOOST_TEST(parsed->key == "legacy-key_with_underscores");
  BOOST_TEST(api_key_authorization(*parsed) == "ApiKey id1:legacy-key_with_underscores");

  // An fc_ key with an explicit id: the explicit id wins, the key is not split.
  const auto explicit_id = parse_api_key(fc::api_key{"fc_abc_s3cr3t", "other"});
  BOOST_REQUIRE(explicit_id.has_value());
  BOOST_TEST(explicit_id->id == "other");
  BOOST_TEST(explicit_id->key == "fc_abc_s3cr3t");

  // Shapes the split rule refuses are fine with an explicit id.
  BOOST_TEST(accepted("abc", "id1"));
  BOOST_TEST(accepted("fc_a_b_c", "id1"));
}

BOOST_AUTO_TEST_CASE(legacy_key_and_id_still_need_to_be_header_safe) {
  BOOST_TEST(!accepted("", "id1"));
  BOOST_TEST(!accepted("has space", "id1"));
  BOOST_TEST(!accepted("line\r\nbreak", "id1"));
  BOOST_TEST(!accepted("key", "id 1"));
  BOOST_TEST(!accepted("key", "id\n"));
  BOOST_TEST(!accepted("key", "id:1"));
}

BOOST_AUTO_TEST_CASE(bearer_header) {
  BOOST_TEST(bearer_authorization("eyJhbGciOi.J9.sig") == "Bearer eyJhbGciOi.J9.sig");
}

BOOST_AUTO_TEST_CASE(notification_query_for_an_fc_key) {
  const auto parsed = parse_api_key(fc::api_key{"fc_abc_s3cr3t", ""});
  BOOST_REQUIRE(parsed.has_value());
  BOOST_TEST(api_key_query(*parsed, false) == "api_key=fc_abc_s3cr3t");
}

BOOST_AUTO_TEST_CASE(notification_query_for_a_legacy_key_is_percent_encoded) {
  const parsed_api_key legacy{"id/1", "k+y=/&x"};
  BOOST_TEST(api_key_query(legacy, true) == "api_key=k%2By%3D%2F%26x&api_key_id=id%2F1");
  BOOST_TEST(api_key_query(legacy, false) == "api_key=k%2By%3D%2F%26x");
}

BOOST_AUTO_TEST_SUITE_END()
