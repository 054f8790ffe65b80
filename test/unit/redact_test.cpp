// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "redact.hpp"

#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

namespace {

namespace fcd = flowcore::detail;  // qualified: the suite namespace is also "redact"
using flowcore::detail::redacted_sample;
using flowcore::detail::redactor;

constexpr std::string_view marker = "M4RKERs3cr3t";

bool contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// True when `text` is valid UTF-8 (enough of a check for cut points: no truncated or
// stray continuation bytes).
bool is_valid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = c < 0x80           ? 1
                         : (c >> 5) == 0x6  ? 2
                         : (c >> 4) == 0xE  ? 3
                         : (c >> 3) == 0x1E ? 4
                                            : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    i += length;
  }
  return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(redact)

BOOST_AUTO_TEST_CASE(text_without_secrets_is_unchanged) {
  for (const char* text :
       {"", "plain text", "GET /api/v1/data-cores/0b4c?tenant=acme&name=orders",
        R"({"tenantId":"t1","key":"DB_URL","description":"the database"})",
        R"({"apiKeyId":"id1","name":"ci"})", "monkey=banana&tokens=5", "Host: example.com",
        "data_core_create is not allowed in bearer mode", "fc_abc", "fc_abc_"}) {
    BOOST_TEST(fcd::redact(text) == text);
  }
}

BOOST_AUTO_TEST_CASE(query_parameters) {
  BOOST_TEST(fcd::redact("token=abc&x=1") == "token=***&x=1");
  BOOST_TEST(fcd::redact("wss://h/notifications?token=eyJ.a-b_c&x=1") ==
             "wss://h/notifications?token=***&x=1");
  BOOST_TEST(fcd::redact("?api_key=fc_a_b") == "?api_key=***");
  BOOST_TEST(fcd::redact("?api_key=legacy&api_key_id=id1") == "?api_key=***&api_key_id=id1");
  BOOST_TEST(fcd::redact("/x?apiKey=zzz") == "/x?apiKey=***");
  BOOST_TEST(fcd::redact("/x?a=1&key=zzz#frag") == "/x?a=1&key=***#frag");
  BOOST_TEST(fcd::redact("/x?Token=abc") == "/x?Token=***");
  BOOST_TEST(fcd::redact("/x?access_token=abc") == "/x?access_token=***");
  BOOST_TEST(fcd::redact("url ?token=abc then text") == "url ?token=*** then text");
  BOOST_TEST(fcd::redact("token=") == "token=");
  // A JSON-escaped '&' (\u0026) ends the value as '&' would.
  BOOST_TEST(fcd::redact(R"({"url":"/x?token=abc\u0026n=1"})") ==
             R"({"url":"/x?token=***\u0026n=1"})");
}

BOOST_AUTO_TEST_CASE(header_lines) {
  BOOST_TEST(fcd::redact("Authorization: Bearer xyz") == "Authorization: ***");
  BOOST_TEST(fcd::redact("authorization:Bearer xyz") == "authorization:***");
  BOOST_TEST(fcd::redact("Authorization : ApiKey id1:fc_id1_s") == "Authorization : ***");
  BOOST_TEST(fcd::redact("Cookie: a=b; c=d") == "Cookie: ***");
  BOOST_TEST(fcd::redact("Set-Cookie: sid=abc; Path=/; HttpOnly") == "Set-Cookie: ***");
  BOOST_TEST(fcd::redact("Proxy-Authorization: Basic dXNlcjpwYXNz") == "Proxy-Authorization: ***");
  BOOST_TEST(fcd::redact("X-Api-Key: abc") == "X-Api-Key: ***");
  BOOST_TEST(fcd::redact("GET / HTTP/1.1\r\nAuthorization: Bearer xyz\r\nHost: h\r\n\r\n") ==
             "GET / HTTP/1.1\r\nAuthorization: ***\r\nHost: h\r\n\r\n");
  BOOST_TEST(fcd::redact("sent Authorization: Bearer xyz\nnext line") ==
             "sent Authorization: ***\nnext line");
  // An empty value hides nothing and gets no mask.
  BOOST_TEST(fcd::redact("Authorization: \r\nHost: h") == "Authorization: \r\nHost: h");
}

BOOST_AUTO_TEST_CASE(api_keys_anywhere) {
  BOOST_TEST(fcd::redact("invalid key fc_abc_SECRET here") == "invalid key fc_abc_*** here");
  BOOST_TEST(fcd::redact("fc_abc_SECRET") == "fc_abc_***");
  BOOST_TEST(fcd::redact(R"({"key":"fc_abc_SECRET"})") == R"({"key":"fc_abc_***"})");
  BOOST_TEST(fcd::redact("ApiKey abc:fc_abc_SECRET") == "ApiKey abc:fc_abc_***");
  BOOST_TEST(fcd::redact("fc_0b4c-aaaa_0123456789abcdef, then") == "fc_0b4c-aaaa_***, then");
  BOOST_TEST(fcd::redact("two fc_a_x1 and fc_b_x2.") == "two fc_a_*** and fc_b_***");
}

BOOST_AUTO_TEST_CASE(json_members) {
  BOOST_TEST(fcd::redact(R"({"apiKey":"s3cr3t"})") == R"({"apiKey":"***"})");
  BOOST_TEST(fcd::redact(R"({"apiKey" : "s3cr3t","x":1})") == R"({"apiKey" : "***","x":1})");
  BOOST_TEST(fcd::redact("{\"apiKey\"\n:\t\"s3cr3t\"}") == "{\"apiKey\"\n:\t\"***\"}");
  BOOST_TEST(fcd::redact(R"({"apiKey":"ab\"cd\\","x":"y"})") == R"({"apiKey":"***","x":"y"})");
  BOOST_TEST(fcd::redact(R"({"token":"t","value":"v","secret":"s","password":"p"})") ==
             R"({"token":"***","value":"***","secret":"***","password":"***"})");
  BOOST_TEST(
      fcd::redact(R"({"dedicated":{"configuration":{"configurationRepoCredentials":"ghp_x"}}})") ==
      R"({"dedicated":{"configuration":{"configurationRepoCredentials":"***"}}})");
  BOOST_TEST(fcd::redact(R"({"accessToken":"a","client_secret":"b"})") ==
             R"({"accessToken":"***","client_secret":"***"})");
  BOOST_TEST(fcd::redact(R"({"api_key":"a","X-Api-Key":"b","Cookie":"c"})") ==
             R"({"api_key":"***","X-Api-Key":"***","Cookie":"***"})");
  BOOST_TEST(fcd::redact(R"({"headers":{"Authorization":"Bearer x"}})") ==
             R"({"headers":{"Authorization":"***"}})");
  // Non-string values are left alone; so are names that only contain a sensitive word.
  BOOST_TEST(fcd::redact(R"({"value":12,"token":null,"tokenCount":"3"})") ==
             R"({"value":12,"token":null,"tokenCount":"3"})");
  // A value that looks like a member name is not mistaken for one.
  BOOST_TEST(fcd::redact(R"({"name":"token","x":"y"})") == R"({"name":"token","x":"y"})");
}

BOOST_AUTO_TEST_CASE(json_inside_a_json_string) {
  BOOST_TEST(fcd::redact(R"({"message":"{\"apiKey\":\"s3cr3t\",\"n\":1}"})") ==
             R"({"message":"{\"apiKey\":\"***\",\"n\":1}"})");
}

BOOST_AUTO_TEST_CASE(escaped_name_with_a_plainly_closed_value) {
  // Half-escaped text (a cut or mangled log line): no byte of the value may survive.
  BOOST_TEST(fcd::redact(R"(\"token\":\"abcd")") == R"(\"token\":\"***")");
}

BOOST_AUTO_TEST_CASE(unterminated_json_value_is_hidden_to_the_end) {
  BOOST_TEST(fcd::redact(R"({"token":"abc)") == R"({"token":"***)");
  BOOST_TEST(fcd::redact(R"({"token":"abc\)") == R"({"token":"***)");
}

BOOST_AUTO_TEST_CASE(marker_never_survives) {
  const std::string m(marker);
  const std::vector<std::string> contexts = {
      "GET /notifications?token=" + m,
      "wss://h/notifications?api_key=fc_abc_" + m + "&api_key_id=x",
      "Authorization: Bearer " + m,
      "GET / HTTP/1.1\r\nHost: h\r\nAuthorization: ApiKey abc:fc_abc_" + m + "\r\n\r\n",
      R"({"apiKey":"fc_abc_)" + m + R"("})",
      R"({"apiKey":")" + m + R"("})",
      "invalid key fc_abc_" + m + " here",
      R"({"message":"bad","token" : ")" + m + R"("})",
      R"({"message":"{\"token\":\")" + m + R"(\"}"})",
      "Cookie: session=" + m + "; other=1",
      "Set-Cookie: sid=" + m,
      R"({"tenantId":"t","key":"K","value":")" + m + R"("})",
      R"({"configurationRepoCredentials":")" + m + R"("})",
      "/x?key=" + m,
      "apiKey=" + m,
      R"({"password":"x\")" + m + R"("})",
      "/x?token=" + m + "%2Fmore",
      "<a href=\"/x?token=" + m + "\">link</a>",
      "token=" + m + "'",
      std::string(600, 'a') + "?token=" + m,
  };
  for (const std::string& text : contexts) {
    BOOST_TEST_CONTEXT("input " << text) {
      BOOST_TEST(!contains(fcd::redact(text), marker));
      BOOST_TEST(!contains(redacted_sample(text), marker));
      BOOST_TEST(!contains(redacted_sample(text, 40), marker));
    }
  }
}

BOOST_AUTO_TEST_CASE(sample_short_text_is_kept_whole) {
  BOOST_TEST(redacted_sample("hello") == "hello");
  BOOST_TEST(redacted_sample(std::string(512, 'x')) == std::string(512, 'x'));
}

BOOST_AUTO_TEST_CASE(sample_long_text_is_cut_with_an_ellipsis) {
  const std::string sample = redacted_sample(std::string(10'000, 'x'));
  BOOST_TEST(sample.size() == 512u);
  BOOST_TEST(sample == std::string(509, 'x') + "...");
  BOOST_TEST(redacted_sample("abcdefghij", 8) == "abcde...");
  BOOST_TEST(redacted_sample("abcdefghij", 2) == "ab");
  BOOST_TEST(redacted_sample("abcdefghij", 0) == "");
}

BOOST_AUTO_TEST_CASE(sample_never_cuts_inside_a_utf8_sequence) {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "\xC3\xA9";  // é, 2 bytes
  for (std::size_t max = 3; max < 20; ++max) {
    const std::string sample = redacted_sample(text, max);
    BOOST_TEST(sample.size() <= max);
    BOOST_TEST(is_valid_utf8(sample), "max " << max);
  }
  std::string cjk;
  for (int i = 0; i < 300; ++i) cjk += "\xE6\x97\xA5";  // 日, 3 bytes
  cjk += "\xF0\x9F\x98\x80";                            // an emoji, 4 bytes
  for (std::size_t max : {4u, 5u, 6u, 7u, 8u, 512u}) {
    const std::string sample = redacted_sample(cjk, max);
    BOOST_TEST(sample.size() <= max);
    BOOST_TEST(is_valid_utf8(sample), "max " << max);
  }
  // 509 bytes fit before the ellipsis; that would end inside the 170th character, so the
  // cut backs off to 169 whole characters (507 bytes).
  BOOST_TEST(redacted_sample(cjk, 512).size() == 507u + 3u);
}

BOOST_AUTO_TEST_CASE(sample_of_binary_garbage_is_not_empty) {
  // Continuation bytes only: not UTF-8 at all, yet the sample must still show something.
  const std::string sample = redacted_sample(std::string(2000, '\x80'), 100);
  BOOST_TEST(sample.size() <= 100u);
  BOOST_TEST(sample.size() >= 94u);
}

BOOST_AUTO_TEST_CASE(sample_of_a_huge_body_hides_a_value_running_past_the_cut) {
  // A sample redacts only a prefix of a huge body; a value that starts in it is hidden
  // whatever its length.
  const std::string body = R"({"x":1,"token":")" + std::string(4 << 20, 'A') + R"("})";
  const std::string sample = redacted_sample(body);
  BOOST_TEST(sample == R"({"x":1,"token":"***...)");
  const std::string header = "Authorization: Bearer " + std::string(4 << 20, 'B');
  BOOST_TEST(redacted_sample(header) == "Authorization: ***...");
  const std::string key = "key fc_abc_" + std::string(4 << 20, 'C');
  BOOST_TEST(redacted_sample(key) == "key fc_abc_***...");
}

BOOST_AUTO_TEST_CASE(sample_of_a_huge_body_shows_max_bytes) {
  // Masks shrink long values; the sample still shows as much as allowed.
  std::string body;
  while (body.size() < (1u << 20)) body += "token=" + std::string(100, 'v') + "&n=1 ";
  const std::string sample = redacted_sample(body);
  BOOST_TEST(sample.size() == 512u);
  BOOST_TEST(!contains(sample, "vvv"));
}

BOOST_AUTO_TEST_CASE(sample_is_one_line_of_inert_text) {
  // Line breaks would let a server forge log lines; escape codes would drive a terminal.
  BOOST_TEST(redacted_sample("a\nWARNING forged") == "a\\nWARNING forged");
  BOOST_TEST(redacted_sample("a\r\nb\tc") == "a\\r\\nb\\tc");
  BOOST_TEST(redacted_sample("\x1b[31mred\x7f") == "\\u001b[31mred\\u007f");
  BOOST_TEST(redacted_sample(std::string("nul\0x", 5)) == "nul\\u0000x");
  BOOST_TEST(redacted_sample("next\xC2\x85line csi\xC2\x9B") == "next\\u0085line csi\\u009b");
  BOOST_TEST(redacted_sample("ls\xE2\x80\xA8ps\xE2\x80\xA9") == "ls\\u2028ps\\u2029");
  // Printable UTF-8 is kept as it is, and so is a stray byte.
  BOOST_TEST(redacted_sample("caf\xC3\xA9 \xE6\x97\xA5 \xC2\xA0 \xFF") ==
             "caf\xC3\xA9 \xE6\x97\xA5 \xC2\xA0 \xFF");
}

BOOST_AUTO_TEST_CASE(sample_never_cuts_an_escape) {
  const std::string text = std::string(10, 'x') + std::string(100, '\n');
  for (std::size_t max = 3; max < 40; ++max) {
    const std::string sample = redacted_sample(text, max);
    BOOST_TEST(sample.size() <= max);
    // Whole escapes only: the text before "..." ends with 'x' or a complete "\n".
    const std::string shown = sample.substr(0, sample.size() - 3);
    BOOST_TEST((shown.empty() || shown.back() == 'x' || shown.back() == 'n'), sample);
    BOOST_TEST(sample.find('\n') == std::string::npos);
  }
}

BOOST_AUTO_TEST_CASE(sample_is_redacted) {
  BOOST_TEST(redacted_sample("Authorization: Bearer xyz") == "Authorization: ***");
}

BOOST_AUTO_TEST_CASE(redactor_hides_known_secrets_everywhere) {
  redactor r;
  r.add_secret(std::string(marker));
  const std::string m(marker);
  BOOST_TEST(r("echoed: " + m + " and again " + m) == "echoed: *** and again ***");
  BOOST_TEST(r("no separator" + m + "inside") == "no separator***inside");
  BOOST_TEST(r("nothing here") == "nothing here");
}

BOOST_AUTO_TEST_CASE(redactor_also_applies_the_generic_patterns) {
  redactor r;
  r.add_secret("known-secret");
  BOOST_TEST(r("known-secret and token=abc and fc_x_y") == "*** and token=*** and fc_x_***");
}

BOOST_AUTO_TEST_CASE(redactor_ignores_short_secrets) {
  redactor r;
  r.add_secret("abc");
  r.add_secret("");
  BOOST_TEST(r("abc abc") == "abc abc");
  r.add_secret("abcd");
  BOOST_TEST(r("abc abcd") == "abc ***");
}

BOOST_AUTO_TEST_CASE(redactor_hides_overlapping_secrets_entirely) {
  redactor r;
  r.add_secret("abcdef");
  r.add_secret("defghi");
  BOOST_TEST(r("xx abcdefghi yy") == "xx *** yy");
  redactor periodic;
  periodic.add_secret("abab");
  BOOST_TEST(periodic("ababab!") == "***!");
}

BOOST_AUTO_TEST_CASE(redactor_remembers_recent_secrets) {
  redactor r;
  for (int i = 0; i < 100; ++i) r.add_secret("token-number-" + std::to_string(i));
  BOOST_TEST(r("token-number-99") == "***");
  BOOST_TEST(r("token-number-80") == "***");
}

BOOST_AUTO_TEST_CASE(long_input_is_handled) {
  // No regex recursion: a megabyte of near-matches must not blow the stack.
  std::string text;
  for (int i = 0; i < 150'000; ++i) text += "\"token\"";
  text += ":\"abc\"";
  const std::string out = fcd::redact(text);
  BOOST_TEST(!contains(out, "abc"));
  std::string keys(1'000'000, '_');
  keys.insert(0, "fc_a");
  BOOST_TEST(fcd::redact(keys) == "fc_a_***");
}

BOOST_AUTO_TEST_SUITE_END()
