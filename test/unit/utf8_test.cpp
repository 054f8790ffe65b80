// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "utf8.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

namespace fcd = flowcore::detail;

namespace {
constexpr auto npos = std::string_view::npos;
}

BOOST_AUTO_TEST_SUITE(utf8)

BOOST_AUTO_TEST_CASE(well_formed_text_is_valid) {
  BOOST_TEST(fcd::is_valid_utf8(""));
  BOOST_TEST(fcd::is_valid_utf8("orders"));
  BOOST_TEST(fcd::is_valid_utf8(std::string_view("a\0b", 3)));  // NUL is a code point
  BOOST_TEST(fcd::is_valid_utf8("\x7F"));
  BOOST_TEST(fcd::is_valid_utf8("caf\xC3\xA9"));               // é, 2 bytes
  BOOST_TEST(fcd::is_valid_utf8("\xC2\x80"));                  // U+0080, lowest 2-byte
  BOOST_TEST(fcd::is_valid_utf8("\xDF\xBF"));                  // U+07FF
  BOOST_TEST(fcd::is_valid_utf8("\xE0\xA0\x80"));              // U+0800, lowest 3-byte
  BOOST_TEST(fcd::is_valid_utf8("\xE6\x97\xA5\xE6\x9C\xAC"));  // 日本
  BOOST_TEST(fcd::is_valid_utf8("\xED\x9F\xBF"));              // U+D7FF, below surrogates
  BOOST_TEST(fcd::is_valid_utf8("\xEE\x80\x80"));              // U+E000, above surrogates
  BOOST_TEST(fcd::is_valid_utf8("\xEF\xBF\xBF"));              // U+FFFF
  BOOST_TEST(fcd::is_valid_utf8("\xF0\x90\x80\x80"));          // U+10000, lowest 4-byte
  BOOST_TEST(fcd::is_valid_utf8("\xF0\x9F\x98\x80"));          // 😀
  BOOST_TEST(fcd::is_valid_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last
}

BOOST_AUTO_TEST_CASE(overlong_encodings_are_invalid) {
  BOOST_TEST(fcd::invalid_utf8_offset("\xC0\xAF") == 0u);          // '/' in 2 bytes
  BOOST_TEST(fcd::invalid_utf8_offset("a\xC1\xBF") == 1u);         // U+007F in 2 bytes
  BOOST_TEST(fcd::invalid_utf8_offset("\xE0\x80\xAF") == 0u);      // '/' in 3 bytes
  BOOST_TEST(fcd::invalid_utf8_offset("\xE0\x9F\xBF") == 0u);      // U+07FF in 3 bytes
  BOOST_TEST(fcd::invalid_utf8_offset("\xF0\x80\x80\xAF") == 0u);  // '/' in 4 bytes
  BOOST_TEST(fcd::invalid_utf8_offset("\xF0\x8F\xBF\xBF") == 0u);  // U+FFFF in 4 bytes
}

BOOST_AUTO_TEST_CASE(surrogates_are_invalid) {
  BOOST_TEST(fcd::invalid_utf8_offset("\xED\xA0\x80") == 0u);  // U+D800
  BOOST_TEST(fcd::invalid_utf8_offset("\xED\xBF\xBF") == 0u);  // U+DFFF
  // A CESU-8 pair (U+D83D U+DE00) is not the UTF-8 of 😀.
  BOOST_TEST(fcd::invalid_utf8_offset("ok\xED\xA0\xBD\xED\xB8\x80") == 2u);
}

BOOST_AUTO_TEST_CASE(code_points_above_u10ffff_are_invalid) {
  BOOST_TEST(fcd::invalid_utf8_offset("\xF4\x90\x80\x80") == 0u);  // U+110000
  BOOST_TEST(fcd::invalid_utf8_offset("\xF5\x80\x80\x80") == 0u);
  BOOST_TEST(fcd::invalid_utf8_offset("\xF7\xBF\xBF\xBF") == 0u);
  BOOST_TEST(fcd::invalid_utf8_offset("\xF8\x88\x80\x80\x80") == 0u);  // old 5-byte form
  BOOST_TEST(fcd::invalid_utf8_offset("\xFE") == 0u);
  BOOST_TEST(fcd::invalid_utf8_offset("\xFF") == 0u);
}

BOOST_AUTO_TEST_CASE(truncated_and_stray_sequences_are_invalid) {
  BOOST_TEST(fcd::invalid_utf8_offset("caf\xC3") == 3u);  // cut at the end
  BOOST_TEST(fcd::invalid_utf8_offset("\xE6\x97") == 0u);
  BOOST_TEST(fcd::invalid_utf8_offset("\xF0\x9F\x98") == 0u);
  BOOST_TEST(fcd::invalid_utf8_offset("\xC3x") == 0u);  // cut by ASCII
  BOOST_TEST(fcd::invalid_utf8_offset("\xE6\x97x") == 0u);
  BOOST_TEST(fcd::invalid_utf8_offset("\x80") == 0u);          // lone continuation
  BOOST_TEST(fcd::invalid_utf8_offset("\xC3\xA9\xA9") == 2u);  // one too many
  BOOST_TEST(fcd::invalid_utf8_offset("caf\xE9") == 3u);       // Latin-1 é
  BOOST_TEST(fcd::invalid_utf8_offset(std::string_view("\xC3\0", 2)) == 0u);
}

BOOST_AUTO_TEST_CASE(every_lead_byte_agrees_with_rfc_3629) {
  // A lead byte, then the smallest continuation its row allows and as many more as its
  // sequence needs (one for a byte that leads nothing).
  for (int b = 0x80; b <= 0xFF; ++b) {
    std::string text(1, static_cast<char>(b));
    const unsigned char second = b == 0xE0 ? 0xA0 : b == 0xF0 ? 0x90 : 0x80;
    text += static_cast<char>(second);
    const std::size_t length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
    text.resize(length, '\x80');
    const bool lead = (b >= 0xC2 && b <= 0xF4);
    BOOST_TEST((fcd::invalid_utf8_offset(text) == npos) == lead, "byte " << b);
  }
}

BOOST_AUTO_TEST_CASE(json_walk_names_the_bad_string) {
  boost::json::value body = {{"tenantId", "t1"}, {"name", "caf\xE9"}};
  auto bad = fcd::find_invalid_utf8(body);
  BOOST_REQUIRE(bad.has_value());
  BOOST_TEST(bad->pointer == "/name");
  BOOST_TEST(!bad->in_key);
  BOOST_TEST(bad->describe() == "/name");

  boost::json::value nested = {{"ok", "fine"}, {"a/b~c", boost::json::array{"x", "y", "\xC0\xAF"}}};
  bad = fcd::find_invalid_utf8(nested);
  BOOST_REQUIRE(bad.has_value());
  BOOST_TEST(bad->pointer == "/a~1b~0c/2");  // RFC 6901 escapes
}

BOOST_AUTO_TEST_CASE(json_walk_reports_a_bad_key_by_its_object) {
  boost::json::object metadata;
  metadata["good"] = "v";
  metadata["k\xFF"] = "v";
  boost::json::value body = {{"metadata", metadata}};
  auto bad = fcd::find_invalid_utf8(body);
  BOOST_REQUIRE(bad.has_value());
  BOOST_TEST(bad->pointer == "/metadata");
  BOOST_TEST(bad->in_key);
  BOOST_TEST(bad->describe() == "a key of /metadata");

  boost::json::object root;
  root["\xED\xA0\x80"] = 1;
  bad = fcd::find_invalid_utf8(root);
  BOOST_REQUIRE(bad.has_value());
  BOOST_TEST(bad->describe() == "a key of the root");
}

BOOST_AUTO_TEST_CASE(json_walk_accepts_valid_documents) {
  BOOST_TEST(!fcd::find_invalid_utf8(
                  boost::json::parse(R"({"a":[1,true,null,"\u00e9",{"b":"日本"}],"c":"😀"})"))
                  .has_value());
  BOOST_TEST(!fcd::find_invalid_utf8(boost::json::value(42)).has_value());
}

BOOST_AUTO_TEST_SUITE_END()
