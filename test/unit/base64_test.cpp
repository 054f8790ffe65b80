// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "base64.hpp"

#include <boost/test/unit_test.hpp>

#include <sys/mman.h>

#include <climits>
#include <stdexcept>
#include <string>

namespace {
using flowcore::detail::base64_encode;
using flowcore::detail::base64_encoded_size;
using flowcore::detail::max_base64_input;
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

// EVP_EncodeBlock writes one line however long; EVP_EncodeUpdate, its streaming sibling,
// would break lines every 64 characters, which no header may hold.
BOOST_AUTO_TEST_CASE(long_input_gives_one_line) {
  const std::string input(1000, 'x');
  const std::string encoded = base64_encode(input);
  BOOST_TEST(encoded.size() == base64_encoded_size(input.size()));
  BOOST_TEST(encoded.find_first_not_of(
                 "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=") ==
             std::string::npos);
  BOOST_TEST(encoded.substr(0, 8) == "eHh4eHh4");
}

BOOST_AUTO_TEST_CASE(encoded_size) {
  BOOST_TEST(base64_encoded_size(0) == 0u);
  BOOST_TEST(base64_encoded_size(1) == 4u);
  BOOST_TEST(base64_encoded_size(3) == 4u);
  BOOST_TEST(base64_encoded_size(4) == 8u);
  // The limit is the largest input whose encoding an int can count.
  BOOST_TEST(base64_encoded_size(max_base64_input) <= std::size_t(INT_MAX));
  BOOST_TEST(base64_encoded_size(max_base64_input + 1) > std::size_t(INT_MAX));
}

// EVP_EncodeBlock counts in int: a larger input is refused before a byte of it is read.
// The view covers address space that may not be read (PROT_NONE), so reading any of it
// would crash the test.
BOOST_AUTO_TEST_CASE(input_too_large_for_one_call_is_refused_unread) {
  const std::size_t size = max_base64_input + 1;
  void* region = mmap(nullptr, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  BOOST_REQUIRE(region != MAP_FAILED);
  const std::string_view huge(static_cast<const char*>(region), size);
  try {
    base64_encode(huge);
    BOOST_ERROR("no exception");
  } catch (const std::length_error& e) {
    BOOST_TEST(std::string(e.what()) ==
               "base64_encode: 1610612734 bytes is more than one call can encode (limit "
               "1610612733)");
  }
  munmap(region, size);
}

BOOST_AUTO_TEST_SUITE_END()
