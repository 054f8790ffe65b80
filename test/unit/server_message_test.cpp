// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "server_message.hpp"

#include <boost/test/unit_test.hpp>

#include <string>

namespace {

namespace fc = flowcore;
using fc::detail::error_for_status;
using fc::detail::server_message_from_body;

boost::system::error_code code(fc::error e) { return e; }

}  // namespace

BOOST_AUTO_TEST_SUITE(server_message)

BOOST_AUTO_TEST_CASE(message_member) {
  BOOST_TEST(server_message_from_body(R"({"message":"Data core not found"})") ==
             "Data core not found");
}

BOOST_AUTO_TEST_CASE(error_member_when_there_is_no_message) {
  BOOST_TEST(server_message_from_body(R"({"error":"Bad Request","statusCode":400})") ==
             "Bad Request");
}

BOOST_AUTO_TEST_CASE(message_wins_over_error) {
  BOOST_TEST(server_message_from_body(R"({"error":"Conflict","message":"name taken"})") ==
             "name taken");
}

BOOST_AUTO_TEST_CASE(non_string_or_empty_message_falls_back_to_error) {
  // NestJS validation errors carry an array in "message".
  BOOST_TEST(
      server_message_from_body(R"({"message":["name must be a string"],"error":"Bad Request"})") ==
      "Bad Request");
  BOOST_TEST(server_message_from_body(R"({"message":null,"error":"Gone"})") == "Gone");
  BOOST_TEST(server_message_from_body(R"({"message":"","error":"Gone"})") == "Gone");
}

BOOST_AUTO_TEST_CASE(json_escapes_are_decoded) {
  // Decoded, then escaped into one line: a line feed cannot start a forged log line.
  BOOST_TEST(server_message_from_body(R"({"message":"say \"hi\"\n\u00e9"})") ==
             "say \"hi\"\\n\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(raw_text_when_no_usable_member) {
  BOOST_TEST(server_message_from_body(R"({"status":500})") == R"({"status":500})");
  BOOST_TEST(server_message_from_body(R"({"error":42})") == R"({"error":42})");
  BOOST_TEST(server_message_from_body(R"(["message"])") == R"(["message"])");
  BOOST_TEST(server_message_from_body(R"("message")") == R"("message")");
}

BOOST_AUTO_TEST_CASE(raw_text_when_not_json) {
  BOOST_TEST(server_message_from_body("<html><body>502 Bad Gateway</body></html>") ==
             "<html><body>502 Bad Gateway</body></html>");
  BOOST_TEST(server_message_from_body(R"({"message":)") == R"({"message":)");
  BOOST_TEST(server_message_from_body("upstream connect error") == "upstream connect error");
  BOOST_TEST(server_message_from_body("") == "");
}

BOOST_AUTO_TEST_CASE(too_deep_json_falls_back_to_the_raw_text) {
  const std::string deep = std::string(100, '[') + std::string(100, ']');
  BOOST_TEST(server_message_from_body(deep) == deep);
}

BOOST_AUTO_TEST_CASE(huge_body_is_cut_to_512_bytes) {
  const std::string body(100'000, 'x');
  const std::string message = server_message_from_body(body);
  BOOST_TEST(message.size() <= 512u);
  BOOST_TEST(message.size() >= 500u);
  BOOST_TEST(message.substr(0, 10) == "xxxxxxxxxx");
}

BOOST_AUTO_TEST_CASE(huge_message_member_is_cut_to_512_bytes) {
  const std::string body = R"({"message":")" + std::string(10'000, 'm') + R"("})";
  const std::string message = server_message_from_body(body);
  BOOST_TEST(message.size() <= 512u);
  BOOST_TEST(message.size() >= 500u);
  BOOST_TEST(message.find_first_not_of("m.") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(secrets_in_the_body_are_redacted) {
  BOOST_TEST(server_message_from_body(R"({"message":"invalid key fc_abc_S3CRET here"})") ==
             "invalid key fc_abc_*** here");
  BOOST_TEST(server_message_from_body("echo: Authorization: Bearer S3CRET") ==
             "echo: Authorization: ***");
  BOOST_TEST(server_message_from_body(R"({"message":"bad url /n?token=S3CRET&x=1"})") ==
             "bad url /n?token=***&x=1");
  // Raw-text fallback: the whole body, redacted.
  BOOST_TEST(server_message_from_body(R"({"apiKey":"S3CRET","status":401})") ==
             R"({"apiKey":"***","status":401})");
  // Only the message is kept; other members never reach diagnostics.
  BOOST_TEST(server_message_from_body(R"({"message":"denied","apiKey":"S3CRET"})") == "denied");
}

BOOST_AUTO_TEST_CASE(secret_past_the_cut_of_a_huge_body_does_not_leak) {
  const std::string body = std::string(505, 'x') + "token=S3CRETVALUE";
  const std::string message = server_message_from_body(body);
  BOOST_TEST(message.size() <= 512u);
  BOOST_TEST(message.find("S3C") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(status_404_maps_to_not_found_only_when_the_command_maps_it) {
  BOOST_TEST(code(error_for_status(404, true)) == code(fc::error::not_found));
  BOOST_TEST(code(error_for_status(404, false)) == code(fc::error::http_status));
}

BOOST_AUTO_TEST_CASE(other_statuses_are_http_status) {
  for (int status : {400, 401, 403, 405, 409, 410, 429, 500, 503}) {
    BOOST_TEST(code(error_for_status(status, true)) == code(fc::error::http_status),
               "status " << status);
    BOOST_TEST(code(error_for_status(status, false)) == code(fc::error::http_status),
               "status " << status);
  }
}

BOOST_AUTO_TEST_SUITE_END()
