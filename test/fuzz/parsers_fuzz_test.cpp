// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Parsers under random input: everything a server, a proxy or a caller can hand us. Each
// parser gets valid seeds mutated at random (flips, inserts of JSON punctuation and
// control bytes, cuts, repeats) plus pure noise, and must neither crash (ASan, UBSan)
// nor throw what it promised not to, nor break its own invariants. Deterministic: a fixed
// seed per suite, so a failure reproduces.
#include "auth_headers.hpp"
#include "json_reader.hpp"
#include "notifications/frame_parser.hpp"
#include "origin.hpp"
#include "redact.hpp"
#include "retry_after.hpp"
#include "server_message.hpp"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <random>
#include <string>
#include <variant>
#include <vector>

namespace {

using namespace flowcore::detail;

constexpr int rounds = 50'000;

class mutator {
 public:
  explicit mutator(unsigned seed) : random_(seed) {}

  std::string operator()(const std::vector<std::string>& seeds) {
    if (pick(10) == 0) return noise();
    std::string s = seeds[pick(seeds.size())];
    const std::size_t edits = 1 + pick(6);
    for (std::size_t i = 0; i < edits; ++i) mutate(s);
    return s;
  }

 private:
  std::size_t pick(std::size_t n) {
    return n == 0 ? 0 : std::uniform_int_distribution<std::size_t>(0, n - 1)(random_);
  }
  char interesting() {
    static const std::string chars = std::string("{}[]\":,\\ \t\r\n0-+.eE/u") +
                                     std::string("\0\x01\x7f\x80\xbf\xc3\xe2\xf0\xff", 9);
    return chars[pick(chars.size())];
  }
  std::string noise() {
    std::string s(pick(64), '\0');
    for (char& c : s) c = static_cast<char>(pick(256));
    return s;
  }
  void mutate(std::string& s) {
    const std::size_t at = pick(s.size() + 1);
    switch (pick(6)) {
      case 0:  // flip a byte
        if (!s.empty()) s[pick(s.size())] ^= static_cast<char>(1u << pick(8));
        break;
      case 1:  // insert punctuation or a control byte
        s.insert(s.begin() + static_cast<std::ptrdiff_t>(at), interesting());
        break;
      case 2:  // cut a range
        s.erase(at, pick(8));
        break;
      case 3:  // repeat a range
        s.insert(at, s.substr(pick(s.size() + 1), pick(16)));
        break;
      case 4:  // truncate
        s.resize(at);
        break;
      default:  // nest
        s = (pick(2) ? "[" : "{\"a\":") + s + (pick(2) ? "]" : "}");
        break;
    }
  }
  std::mt19937 random_;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(fuzz)

BOOST_AUTO_TEST_CASE(frame_parser) {
  const std::vector<std::string> seeds{
      R"({"message":"{\"pattern\":\"p\",\"data\":{\"tenantId\":\"t\",\"eventId\":\"e\",\"dataCore\":\"d\",\"aggregator\":\"a\",\"eventType\":\"c\",\"validTime\":\"2025-01-01T00:00:00Z\"}}"})",
      R"({"type":"validation","summary":"Invalid subscription","message":"/dataCoreId: Unknown data core","errors":[{"path":"/x","message":"m"}]})",
      R"({"type":"other"})", R"({"message":"{}"})", R"([[[[[[[[[[[[]]]]]]]]]]]])"};
  mutator next(1);
  int events = 0;
  for (int i = 0; i < rounds; ++i) {
    const std::string frame = next(seeds);
    const parsed_frame parsed = parse_frame(frame);  // throws only bad_alloc
    if (const auto* event = std::get_if<event_frame>(&parsed)) {
      ++events;
      BOOST_TEST_REQUIRE(!event->data.event_id.empty());
    }
    if (const auto* dropped = std::get_if<dropped_frame>(&parsed))
      BOOST_TEST_REQUIRE(!describe(dropped->reason).empty());
  }
  BOOST_TEST(events > 0);  // the mutations kept some frames valid: the seeds are seen
}

BOOST_AUTO_TEST_CASE(retry_after) {
  const std::vector<std::string> seeds{"0", "120", " 5 ", "Sun, 06 Nov 1994 08:49:37 GMT",
                                       "Sunday, 06-Nov-94 08:49:37 GMT",
                                       "Sun Nov  6 08:49:37 1994", "99999999999999999999"};
  mutator next(2);
  const auto now = std::chrono::system_clock::now();
  int parsed = 0;
  for (int i = 0; i < rounds; ++i) {
    const auto delay = parse_retry_after(next(seeds), now);
    if (delay) {
      ++parsed;
      BOOST_TEST_REQUIRE(delay->count() >= 0);
    }
  }
  BOOST_TEST(parsed > 0);
}

BOOST_AUTO_TEST_CASE(base_url) {
  const std::vector<std::string> seeds{"http://127.0.0.1:8080", "https://example.com/",
                                       "https://[::1]:443", "http://a.b.c:1"};
  mutator next(3);
  int parsed = 0;
  for (int i = 0; i < rounds; ++i) {
    const auto where = parse_base_url(next(seeds));
    if (where) {
      ++parsed;
      BOOST_TEST_REQUIRE(!where->host.empty());
      BOOST_TEST_REQUIRE(where->port != 0);
      BOOST_TEST_REQUIRE(!where->host_header().empty());
    }
  }
  BOOST_TEST(parsed > 0);
}

BOOST_AUTO_TEST_CASE(api_key) {
  const std::vector<std::string> seeds{"fc_abc_def0123456789", "fc_x_y", "legacy-key"};
  mutator next(4);
  int parsed = 0;
  for (int i = 0; i < rounds; ++i) {
    const flowcore::api_key key{.key = next(seeds), .id = i % 3 == 0 ? "legacy-id" : ""};
    const auto checked = parse_api_key(key);
    if (!checked) continue;
    ++parsed;
    // Whatever is accepted must make a header that cannot be split or shifted.
    const std::string header = api_key_authorization(*checked);
    BOOST_TEST_REQUIRE(std::none_of(header.begin(), header.end(), [](unsigned char c) {
      return c < 0x20 || c == 0x7f;
    }));
  }
  BOOST_TEST(parsed > 0);
}

BOOST_AUTO_TEST_CASE(redaction_never_lets_a_planted_key_through) {
  const std::string secret = "S3CRETS3CRETS3CRET";
  const std::vector<std::string> seeds{
      R"({"message":"bad key fc_abc_)" + secret + R"("})",
      "Authorization: Bearer " + secret, "GET /notifications?token=" + secret + "&x=1",
      R"({"apiKey":")" + secret + R"("})"};
  mutator next(5);
  for (int i = 0; i < rounds; ++i) {
    const std::string text = next(seeds);
    const std::string shown = redact(text);
    // A mutation may break the pattern that marks the secret; only intact ones count.
    bool intact = false;
    for (const auto& seed : seeds)
      if (text == seed) intact = true;
    if (intact) BOOST_TEST_REQUIRE(shown.find(secret) == std::string::npos);
    BOOST_TEST_REQUIRE(redacted_sample(text).size() <= 512 + 3);
    BOOST_TEST_REQUIRE(server_message_from_body(text).size() <= 512 + 3);
  }
  for (const auto& seed : seeds) BOOST_TEST(redact(seed).find(secret) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(response_bodies) {
  const std::vector<std::string> seeds{
      R"({"id":"x","name":"n","flags":[true,false],"n":1.5,"o":{"k":null}})", R"([1,2,3])",
      R"("text")", R"({"a":{"b":{"c":{"d":[[[[]]]]}}}})"};
  mutator next(6);
  for (int i = 0; i < rounds; ++i) {
    const std::string body = next(seeds);
    try {
      const json::value v = parse_json_body(body);
      if (v.is_object()) {
        json_object_reader r(v, "");
        (void)r.optional_string("id");
        (void)r.optional_integer("n");
        (void)r.optional_string_array("flags");
      }
    } catch (const call_failure& failure) {
      BOOST_TEST_REQUIRE(failure.code == flowcore::error::invalid_response);
    }
  }
}

BOOST_AUTO_TEST_SUITE_END()
