// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "base64.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace {
using flowcore::detail::base64_encode;
}  // namespace

BOOST_AUTO_TEST_SUITE(base64)

// RFC 4648 section 10.
BOOST_AUTO_TEST_CASE(rfc_4648_test_vectors) {
  BOOST_TEST(base64_encode("") == "");
  BOOST_TEST(base64_encode("f") == "Zg==");
  BOOST_TEST(base64_encode("fo") == "Zm8=");
  BOOST_TEST(base64_encode("foo") == "Zm9v");
  BOOST_TEST(base64_encode("foob") == "Zm9vYg==");
  BOOST_TEST(base64_encode("fooba") == "Zm9vYmE=");
  BOOST_TEST(base64_encode("foobar") == "Zm9vYmFy");
}

// The last two digits of the standard alphabet are '+' and '/', not the URL-safe '-' and
// '_' (RFC 4648 section 5), and bytes are unsigned: 0xFF is not sign-extended.
BOOST_AUTO_TEST_CASE(standard_alphabet_and_high_bytes) {
  BOOST_TEST(base64_encode(std::string("\xFB\xFF", 2)) == "+/8=");
  BOOST_TEST(base64_encode(std::string("\xFF\xFF\xFF", 3)) == "////");
  BOOST_TEST(base64_encode(std::string("\0\0\0", 3)) == "AAAA");
  BOOST_TEST(base64_encode(std::string("\0", 1)) == "AA==");
}

BOOST_AUTO_TEST_CASE(utf8_and_json_text) {
  // UTF-8 bytes as they are (the TypeScript SDK's btoa() throws on them).
  BOOST_TEST(base64_encode("\xC3\xA6") == "w6Y=");  // "æ"
  BOOST_TEST(base64_encode(R"({"a":"b"})") == "eyJhIjoiYiJ9");
}

BOOST_AUTO_TEST_CASE(output_length_is_padded_to_four) {
  std::string input;
  for (int n = 0; n < 20; ++n) {
    BOOST_TEST(base64_encode(input).size() == (input.size() + 2) / 3 * 4);
    input.push_back(static_cast<char>(n * 37));
  }
}

BOOST_AUTO_TEST_SUITE_END()
