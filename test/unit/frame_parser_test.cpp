// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Notification frame decoding (docs/protocol.md sections 10.5 and 10.6): every drop rule,
// and hostile inputs (broken or double-encoded JSON, depth bombs, invalid UTF-8, huge
// numbers), none of which may throw.
#include "notifications/frame_parser.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>
#include <boost/json/value.hpp>
#include <boost/test/unit_test.hpp>

#include <string>
#include <variant>

namespace {

namespace json = boost::json;
using namespace flowcore::detail;

// The example event frame of docs/protocol.md section 10.5 (ids shortened to plain ASCII).
constexpr std::string_view example_frame =
    R"({"message":"{\"pattern\":\"stored.event.notify.0.0b4c.order.created\",\"data\":{)"
    R"(\"tenantId\":\"3f6a\",\"eventId\":\"5e0f\",\"dataCore\":\"0b4c\",\"aggregator\":\"order\",)"
    R"(\"eventType\":\"created\",\"validTime\":\"2025-01-01T12:03:04.512Z\"}}"})";

// Wraps an inner value the way the server does: serialized into the string `message`.
std::string frame_with_inner(const json::value& inner) {
  return json::serialize(json::object{{"message", json::serialize(inner)}});
}

// An inner value with a valid `data`, for tests that change one thing.
json::object valid_inner() {
  return json::object{{"pattern", "p"},
                      {"data", json::object{{"tenantId", "t"},
                                            {"eventId", "e"},
                                            {"dataCore", "dc"},
                                            {"aggregator", "order"},
                                            {"eventType", "created"},
                                            {"validTime", "2025-01-01T00:00:00Z"}}}};
}

std::string frame_with_data_field(std::string_view key, json::value value) {
  json::object inner = valid_inner();
  inner["data"].as_object()[key] = std::move(value);
  return frame_with_inner(inner);
}

const event_frame* as_event(const parsed_frame& frame) { return std::get_if<event_frame>(&frame); }

bool dropped_for(const parsed_frame& frame, frame_drop_reason reason) {
  const dropped_frame* dropped = std::get_if<dropped_frame>(&frame);
  return dropped && dropped->reason == reason;
}

// Nests `depth` arrays: [[[...]]].
std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

}  // namespace

BOOST_AUTO_TEST_SUITE(frame_parser)

BOOST_AUTO_TEST_CASE(example_event_frame_maps_every_field) {
  parsed_frame frame = parse_frame(example_frame);
  const event_frame* event = as_event(frame);
  BOOST_TEST_REQUIRE(event);
  BOOST_TEST(event->pattern == "stored.event.notify.0.0b4c.order.created");
  BOOST_TEST(event->data.tenant == "3f6a");
  BOOST_TEST(event->data.event_id == "5e0f");
  BOOST_TEST(event->data.data_core_id == "0b4c");
  BOOST_TEST(event->data.flow_type == "order");
  BOOST_TEST(event->data.event_type == "created");
  BOOST_TEST(event->data.valid_time == "2025-01-01T12:03:04.512Z");
}

BOOST_AUTO_TEST_CASE(validation_frame_keeps_summary_and_message) {
  parsed_frame frame =
      parse_frame(R"({"type":"validation","summary":"Invalid subscription",)"
                  R"("message":"/dataCoreId: Unknown data core","found":"{\"tenant\":\"acme\"}",)"
                  R"("errors":[{"path":"/dataCoreId","message":"Unknown data core"}]})");
  const validation_frame* validation = std::get_if<validation_frame>(&frame);
  BOOST_TEST_REQUIRE(validation);
  BOOST_TEST(validation->summary == "Invalid subscription");
  BOOST_TEST(validation->message == "/dataCoreId: Unknown data core");
}

BOOST_AUTO_TEST_CASE(validation_frame_texts_are_bounded_and_optional) {
  std::string huge(10'000, 'x');
  parsed_frame frame = parse_frame(
      json::serialize(json::object{{"type", "validation"}, {"summary", huge}, {"message", 42}}));
  const validation_frame* validation = std::get_if<validation_frame>(&frame);
  BOOST_TEST_REQUIRE(validation);
  BOOST_TEST(validation->summary.size() <= 512u);
  BOOST_TEST(validation->message.empty());
}

BOOST_AUTO_TEST_CASE(validation_frame_texts_are_redacted) {
  parsed_frame frame = parse_frame(
      R"({"type":"validation","summary":"bad","message":"key fc_abc_s3cr3tv4lue rejected"})");
  const validation_frame* validation = std::get_if<validation_frame>(&frame);
  BOOST_TEST_REQUIRE(validation);
  BOOST_TEST(validation->message.find("s3cr3tv4lue") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(validation_frame_texts_hide_known_secrets_even_at_the_cut) {
  // A token echoed where the 512-byte cut falls: hidden first, so no prefix of it remains.
  const std::string token = "tok-SECRETMARKER-0123456789";
  redactor secrets;
  secrets.add_secret(token);
  const std::string summary = std::string(500, 'x') + token + " and\nmore";
  parsed_frame frame = parse_frame(
      json::serialize(json::object{{"type", "validation"}, {"summary", summary}, {"message", token}}),
      secrets);
  const validation_frame* validation = std::get_if<validation_frame>(&frame);
  BOOST_TEST_REQUIRE(validation);
  BOOST_TEST(validation->summary.find("tok-") == std::string::npos, validation->summary);
  BOOST_TEST(validation->summary.find('\n') == std::string::npos);
  BOOST_TEST(validation->message == "***");
}

BOOST_AUTO_TEST_CASE(other_type_is_ignored_even_with_a_message) {
  BOOST_TEST(std::holds_alternative<other_type_frame>(parse_frame(R"({"type":"hello"})")));
  json::object outer{{"type", "heartbeat"}, {"message", json::serialize(valid_inner())}};
  BOOST_TEST(std::holds_alternative<other_type_frame>(parse_frame(json::serialize(outer))));
}

BOOST_AUTO_TEST_CASE(non_string_type_is_decoded_as_an_event_frame) {
  json::object outer{{"type", 7}, {"message", json::serialize(valid_inner())}};
  BOOST_TEST(as_event(parse_frame(json::serialize(outer))));
  BOOST_TEST(dropped_for(parse_frame(R"({"type":null})"), frame_drop_reason::message_missing));
}

BOOST_AUTO_TEST_CASE(outer_text_that_is_not_json_is_dropped) {
  BOOST_TEST(dropped_for(parse_frame(""), frame_drop_reason::not_json));
  BOOST_TEST(dropped_for(parse_frame("{"), frame_drop_reason::not_json));
  BOOST_TEST(dropped_for(parse_frame("hello"), frame_drop_reason::not_json));
  BOOST_TEST(dropped_for(parse_frame(R"({"message":"x"} trailing)"), frame_drop_reason::not_json));
}

BOOST_AUTO_TEST_CASE(outer_json_that_is_not_an_object_is_dropped) {
  for (std::string_view text : {"[]", "null", "42", "\"text\"", "true", "[{\"message\":\"{}\"}]"})
    BOOST_TEST(dropped_for(parse_frame(text), frame_drop_reason::not_an_object), text);
}

BOOST_AUTO_TEST_CASE(missing_message_is_dropped) {
  BOOST_TEST(dropped_for(parse_frame("{}"), frame_drop_reason::message_missing));
  BOOST_TEST(dropped_for(parse_frame(R"({"Message":"{}"})"), frame_drop_reason::message_missing));
}

BOOST_AUTO_TEST_CASE(message_that_is_not_a_string_is_dropped) {
  // The inner object sent unencoded, as a careless server might: still not the protocol.
  json::object outer{{"message", valid_inner()}};
  BOOST_TEST(
      dropped_for(parse_frame(json::serialize(outer)), frame_drop_reason::message_not_string));
  for (std::string_view text : {R"({"message":null})", R"({"message":1})", R"({"message":[]})"})
    BOOST_TEST(dropped_for(parse_frame(text), frame_drop_reason::message_not_string), text);
}

BOOST_AUTO_TEST_CASE(message_that_does_not_hold_json_is_dropped) {
  for (std::string_view text :
       {R"({"message":""})", R"({"message":"{"})", R"({"message":"plain words"})"})
    BOOST_TEST(dropped_for(parse_frame(text), frame_drop_reason::message_not_json), text);
}

BOOST_AUTO_TEST_CASE(inner_value_without_an_object_data_is_dropped) {
  BOOST_TEST(dropped_for(parse_frame(frame_with_inner(json::array{1, 2})),
                         frame_drop_reason::data_not_object));
  BOOST_TEST(
      dropped_for(parse_frame(frame_with_inner("text")), frame_drop_reason::data_not_object));
  BOOST_TEST(dropped_for(parse_frame(frame_with_inner(json::object{{"pattern", "p"}})),
                         frame_drop_reason::data_not_object));
  for (json::value data : {json::value(nullptr), json::value("x"), json::value(json::array{})}) {
    json::object inner = valid_inner();
    inner["data"] = data;
    BOOST_TEST(
        dropped_for(parse_frame(frame_with_inner(inner)), frame_drop_reason::data_not_object));
  }
}

BOOST_AUTO_TEST_CASE(event_id_must_be_a_non_empty_string) {
  BOOST_TEST(dropped_for(parse_frame(frame_with_data_field("eventId", "")),
                         frame_drop_reason::event_id_invalid));
  BOOST_TEST(dropped_for(parse_frame(frame_with_data_field("eventId", 5)),
                         frame_drop_reason::event_id_invalid));
  BOOST_TEST(dropped_for(parse_frame(frame_with_data_field("eventId", nullptr)),
                         frame_drop_reason::event_id_invalid));
  json::object inner = valid_inner();
  inner["data"].as_object().erase("eventId");
  BOOST_TEST(
      dropped_for(parse_frame(frame_with_inner(inner)), frame_drop_reason::event_id_invalid));
}

BOOST_AUTO_TEST_CASE(mapped_field_present_but_not_a_string_is_dropped) {
  for (std::string_view key : {"tenantId", "dataCore", "aggregator", "eventType", "validTime"}) {
    BOOST_TEST(dropped_for(parse_frame(frame_with_data_field(key, 1)),
                           frame_drop_reason::field_not_string),
               key);
    // null is present and not a string: the decoding rules drop it too.
    BOOST_TEST(dropped_for(parse_frame(frame_with_data_field(key, nullptr)),
                           frame_drop_reason::field_not_string),
               key);
  }
  json::object inner = valid_inner();
  inner["pattern"] = json::object{};
  BOOST_TEST(
      dropped_for(parse_frame(frame_with_inner(inner)), frame_drop_reason::field_not_string));
}

BOOST_AUTO_TEST_CASE(absent_mapped_fields_become_empty_strings) {
  json::object inner{{"data", json::object{{"eventId", "e1"}}}};
  parsed_frame frame = parse_frame(frame_with_inner(inner));
  const event_frame* event = as_event(frame);
  BOOST_TEST_REQUIRE(event);
  BOOST_TEST(event->data.event_id == "e1");
  BOOST_TEST((*event == event_frame{.pattern = "", .data = {.event_id = "e1"}}));
}

BOOST_AUTO_TEST_CASE(unknown_keys_are_ignored_at_every_level) {
  json::object inner = valid_inner();
  inner["extra"] = json::array{1, json::object{{"deep", true}}};
  inner["data"].as_object()["payload"] = json::object{{"amount", 12.5}};
  inner["data"].as_object()["tenant"] = 99;  // the name is tenantId; this is just unknown
  json::object outer{{"message", json::serialize(inner)}, {"id", 3}, {"found", nullptr}};
  parsed_frame frame = parse_frame(json::serialize(outer));
  const event_frame* event = as_event(frame);
  BOOST_TEST_REQUIRE(event);
  BOOST_TEST(event->data.tenant == "t");
  BOOST_TEST(event->data.flow_type == "order");
}

BOOST_AUTO_TEST_CASE(depth_bombs_are_dropped_at_both_levels) {
  // Outer: 10000 nested arrays under an unknown key.
  std::string outer_bomb = R"({"message":"{}","x":)" + nested_arrays(10'000) + "}";
  BOOST_TEST(dropped_for(parse_frame(outer_bomb), frame_drop_reason::too_deep));
  BOOST_TEST(dropped_for(parse_frame(nested_arrays(100'000)), frame_drop_reason::too_deep));

  json::object inner = valid_inner();
  std::string inner_text = json::serialize(inner);
  inner_text.insert(inner_text.size() - 1, R"(,"x":)" + nested_arrays(5'000));
  std::string inner_bomb = json::serialize(json::object{{"message", inner_text}});
  BOOST_TEST(dropped_for(parse_frame(inner_bomb), frame_drop_reason::too_deep));
}

BOOST_AUTO_TEST_CASE(nesting_within_the_bound_is_accepted) {
  // An unknown member nested 20 deep inside data: 3 levels above it, well under 32.
  json::object inner = valid_inner();
  std::string inner_text = json::serialize(inner);
  inner_text.insert(inner_text.size() - 1, R"(,"x":)" + nested_arrays(20));
  BOOST_TEST(as_event(parse_frame(json::serialize(json::object{{"message", inner_text}}))));
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_dropped) {
  BOOST_TEST(dropped_for(parse_frame("{\"message\":\"\xff\xfe\"}"), frame_drop_reason::not_json));
  BOOST_TEST(dropped_for(parse_frame("\xc3\x28"), frame_drop_reason::not_json));
  // An overlong encoding of '/' and a lone surrogate escape.
  BOOST_TEST(dropped_for(parse_frame("{\"type\":\"\xc0\xaf\"}"), frame_drop_reason::not_json));
  BOOST_TEST(dropped_for(parse_frame(R"({"message":"\ud800"})"), frame_drop_reason::not_json));
}

BOOST_AUTO_TEST_CASE(valid_utf8_in_fields_is_kept) {
  parsed_frame frame =
      parse_frame(frame_with_data_field("aggregator", "commande-\xc3\xa9t\xc3\xa9"));
  const event_frame* event = as_event(frame);
  BOOST_TEST_REQUIRE(event);
  BOOST_TEST(event->data.flow_type == "commande-\xc3\xa9t\xc3\xa9");
}

BOOST_AUTO_TEST_CASE(binary_ish_text_is_dropped) {
  const std::string with_nul("{\"message\":\0\"x\"}", 16);
  BOOST_TEST(dropped_for(parse_frame(with_nul), frame_drop_reason::not_json));
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<char>(i));
  BOOST_TEST(dropped_for(parse_frame(bytes), frame_drop_reason::not_json));
  BOOST_TEST(dropped_for(parse_frame(std::string(1000, '\0')), frame_drop_reason::not_json));
  // Garbage inside a well-formed message string.
  BOOST_TEST(dropped_for(parse_frame(R"({"message":"\u0000\u0001{"})"),
                         frame_drop_reason::message_not_json));
}

BOOST_AUTO_TEST_CASE(huge_numbers_are_harmless) {
  json::object inner = valid_inner();
  std::string inner_text = json::serialize(inner);
  inner_text.insert(inner_text.size() - 1,
                    R"(,"big":123456789012345678901234567890,"inf":1e400,"tiny":-1e-400)");
  BOOST_TEST(as_event(parse_frame(json::serialize(json::object{{"message", inner_text}}))));
  // The same numbers where a string is mapped: dropped, not converted.
  BOOST_TEST(dropped_for(parse_frame(R"({"message":"{\"data\":{\"eventId\":1e400}}"})"),
                         frame_drop_reason::event_id_invalid));
  BOOST_TEST(dropped_for(parse_frame(R"({"message":"{\"data\":{\"eventId\":\"e\",)"
                                     R"(\"validTime\":123456789012345678901234567890}}"})"),
                         frame_drop_reason::field_not_string));
  BOOST_TEST(
      dropped_for(parse_frame("123456789012345678901234567890"), frame_drop_reason::not_an_object));
}

BOOST_AUTO_TEST_CASE(drop_descriptions_hold_no_frame_content) {
  const std::string secret_marker = "PERSONAL-DATA-42";
  parsed_frame frame =
      parse_frame(frame_with_data_field("tenantId", json::string(secret_marker + "\x01")) + "junk");
  const dropped_frame* dropped = std::get_if<dropped_frame>(&frame);
  BOOST_TEST_REQUIRE(dropped);
  BOOST_TEST(describe(dropped->reason).find(secret_marker) == std::string_view::npos);
  for (int r = 0; r <= static_cast<int>(frame_drop_reason::decode_failed); ++r)
    BOOST_TEST(!describe(static_cast<frame_drop_reason>(r)).empty());
}

BOOST_AUTO_TEST_CASE(max_frame_bytes_is_one_mebibyte) {
  BOOST_TEST(max_frame_bytes == 1024u * 1024u);
}

BOOST_AUTO_TEST_SUITE_END()
