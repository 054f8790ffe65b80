// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "url_encoding.hpp"

#include "call_failure.hpp"

#include <boost/test/unit_test.hpp>

#include <limits>
#include <string>

namespace {
using flowcore::detail::call_failure;
using flowcore::detail::path_segment;
using flowcore::detail::percent_encode;
using flowcore::detail::query_builder;

bool is_invalid_argument(const call_failure& f) {
  return f.code == flowcore::error::invalid_argument;
}
}  // namespace

BOOST_AUTO_TEST_SUITE(url_encoding)

BOOST_AUTO_TEST_CASE(unreserved_bytes_are_kept) {
  const std::string unreserved =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  BOOST_TEST(percent_encode(unreserved) == unreserved);
  BOOST_TEST(percent_encode("") == "");
}

BOOST_AUTO_TEST_CASE(reserved_and_other_bytes_are_encoded_upper_case) {
  BOOST_TEST(percent_encode(" ") == "%20");
  BOOST_TEST(percent_encode("a/b") == "a%2Fb");
  BOOST_TEST(percent_encode("a+b") == "a%2Bb");
  BOOST_TEST(percent_encode("100%") == "100%25");
  BOOST_TEST(percent_encode("%41") == "%2541");  // an escape in the input is data, not kept
  BOOST_TEST(percent_encode("?&=#") == "%3F%26%3D%23");
  BOOST_TEST(percent_encode(":@!$'()*,;") == "%3A%40%21%24%27%28%29%2A%2C%3B");
  BOOST_TEST(percent_encode("[]{}|\\^`\"<>") == "%5B%5D%7B%7D%7C%5C%5E%60%22%3C%3E");
  BOOST_TEST(percent_encode("\x7F\xFF") == "%7F%FF");
  BOOST_TEST(percent_encode("\r\n\t") == "%0D%0A%09");
  BOOST_TEST(percent_encode(std::string_view("a\0b", 3)) == "a%00b");
}

BOOST_AUTO_TEST_CASE(every_byte_round_trips_through_the_encoding) {
  // Each byte is either kept (unreserved) or becomes exactly %XX of itself. A lone "."
  // is a dot segment (dot_segments_are_encoded), so the byte is tested after an 'x'.
  for (int b = 0; b < 256; ++b) {
    const char c = static_cast<char>(b);
    const std::string pair = percent_encode(std::string{'x', c});
    BOOST_TEST(pair.substr(0, 1) == "x");
    const std::string encoded = pair.substr(1);
    const bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') ||
                            (b >= '0' && b <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    if (unreserved) {
      BOOST_TEST(encoded == std::string(1, c));
    } else {
      BOOST_REQUIRE_EQUAL(encoded.size(), 3u);
      BOOST_TEST(encoded[0] == '%');
      BOOST_TEST(std::stoi(encoded.substr(1), nullptr, 16) == b);
      BOOST_TEST(encoded.substr(1).find_first_of("abcdef") == std::string::npos);
    }
  }
}

BOOST_AUTO_TEST_CASE(utf8_is_encoded_byte_by_byte) {
  BOOST_TEST(percent_encode("\xC3\xA9") == "%C3%A9");                              // é
  BOOST_TEST(percent_encode("\xE6\x97\xA5\xE6\x9C\xAC") == "%E6%97%A5%E6%9C%AC");  // 日本
  BOOST_TEST(percent_encode("caf\xC3\xA9 au lait") == "caf%C3%A9%20au%20lait");
}

// A raw ".." segment would be resolved by a normalising proxy ("/data-cores/.." is
// "/"): another resource. Dots inside a longer value are plain data and stay.
BOOST_AUTO_TEST_CASE(dot_segments_are_encoded) {
  BOOST_TEST(percent_encode(".") == "%2E");
  BOOST_TEST(percent_encode("..") == "%2E%2E");
  BOOST_TEST(percent_encode("...") == "...");
  BOOST_TEST(percent_encode(".a") == ".a");
  BOOST_TEST(percent_encode("a..") == "a..");
  BOOST_TEST(path_segment("..", "data_core_id") == "%2E%2E");
  BOOST_TEST(path_segment(".", "data_core_id") == "%2E");
  BOOST_TEST(query_builder().add("name", "..").str() == "?name=%2E%2E");
}

BOOST_AUTO_TEST_CASE(path_segments_and_query_values_must_be_utf8) {
  BOOST_TEST(path_segment("caf\xC3\xA9", "name") == "caf%C3%A9");
  BOOST_CHECK_EXCEPTION(path_segment("caf\xE9", "tenant"), call_failure, [](const call_failure& f) {
    return is_invalid_argument(f) && f.message == "tenant is not valid UTF-8";
  });
  query_builder q;
  q.add("name", "caf\xC3\xA9");
  BOOST_TEST(q.str() == "?name=caf%C3%A9");
  BOOST_CHECK_EXCEPTION(q.add("tenantId", "\xED\xA0\x80"), call_failure, [](const call_failure& f) {
    return is_invalid_argument(f) && f.message == "query parameter tenantId is not valid UTF-8";
  });
}

BOOST_AUTO_TEST_CASE(empty_query_has_no_question_mark) { BOOST_TEST(query_builder().str() == ""); }

BOOST_AUTO_TEST_CASE(parameters_keep_insertion_order) {
  query_builder q;
  q.add("tenantId", "t1").add("tenant", "acme").add("name", "orders");
  BOOST_TEST(q.str() == "?tenantId=t1&tenant=acme&name=orders");
  query_builder reversed;
  reversed.add("name", "orders").add("tenantId", "t1");
  BOOST_TEST(reversed.str() == "?name=orders&tenantId=t1");
}

BOOST_AUTO_TEST_CASE(lists_are_repeated_keys) {
  query_builder q;
  q.add("eventTypeId", "a").add("eventTypeId", "b").add("eventTypeId", "c");
  BOOST_TEST(q.str() == "?eventTypeId=a&eventTypeId=b&eventTypeId=c");
}

BOOST_AUTO_TEST_CASE(booleans_are_words) {
  query_builder q;
  q.add("includeSensitiveData", true).add("other", false);
  BOOST_TEST(q.str() == "?includeSensitiveData=true&other=false");
}

BOOST_AUTO_TEST_CASE(integers_are_decimal) {
  query_builder q;
  q.add("pageSize", std::int64_t{10000})
      .add("cursor", std::int64_t{0})
      .add("min", std::numeric_limits<std::int64_t>::min())
      .add("max", std::numeric_limits<std::int64_t>::max())
      .add("neg", std::int64_t{-42});
  BOOST_TEST(q.str() ==
             "?pageSize=10000&cursor=0&min=-9223372036854775808&max=9223372036854775807"
             "&neg=-42");
}

BOOST_AUTO_TEST_CASE(plain_int_and_literals_pick_the_right_overload) {
  // An int must not become a bool, nor a string literal "true".
  query_builder q;
  q.add("page", 10).add("zero", 0).add("one", 1).add("name", "x");
  BOOST_TEST(q.str() == "?page=10&zero=0&one=1&name=x");
  const std::string value = "from string";
  query_builder s;
  s.add(std::string("k"), value);
  BOOST_TEST(s.str() == "?k=from%20string");
}

BOOST_AUTO_TEST_CASE(empty_values_are_still_added) {
  query_builder q;
  q.add("description", "").add("x", "1");
  BOOST_TEST(q.str() == "?description=&x=1");
}

BOOST_AUTO_TEST_CASE(keys_and_values_are_encoded) {
  query_builder q;
  q.add("a b", "c&d=e").add("name", "caf\xC3\xA9 +1");
  BOOST_TEST(q.str() == "?a%20b=c%26d%3De&name=caf%C3%A9%20%2B1");
}

BOOST_AUTO_TEST_SUITE_END()
