// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "json_reader.hpp"

#include <boost/json/parse.hpp>
#include <boost/test/unit_test.hpp>

namespace fcd = flowcore::detail;
namespace json = boost::json;

namespace {
// Runs `f` and returns the invalid_response message it failed with ("" if it did not).
template <class F>
std::string schema_failure(F&& f) {
  try {
    f();
  } catch (const fcd::call_failure& failure) {
    BOOST_TEST(failure.code == flowcore::error::invalid_response);
    return failure.message;
  }
  return "";
}
}  // namespace

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(reads_every_kind_and_ignores_unknown_fields) {
  json::value v = json::parse(R"({"s":"x","n":null,"b":true,"i":42,"a":["p","q"],
      "o":{"k":"v"},"unknown":{"deep":[1,2,3]}})");
  fcd::json_object_reader r(v, "");
  BOOST_TEST(r.string("s") == "x");
  BOOST_TEST(!r.nullable_string("n").has_value());
  BOOST_TEST(!r.optional_string("absent").has_value());
  BOOST_TEST(!r.optional_string("n").has_value());  // null counts as absent
  BOOST_TEST(r.boolean("b"));
  BOOST_TEST(r.integer("i") == 42);
  BOOST_TEST(r.string_array("a").size() == 2u);
  BOOST_TEST(r.optional_string_array("absent").empty());
  BOOST_TEST(r.object("o").string("k") == "v");
  BOOST_TEST(!r.optional_object("absent").has_value());
  BOOST_TEST(r.object_text("o") == R"({"k":"v"})");
}

BOOST_AUTO_TEST_CASE(failures_name_the_field_as_a_json_pointer) {
  json::value v =
      json::parse(R"({"id":7,"o":{"k":1},"a":["x",2],"items":[{"id":"a"},{"id":false}]})");
  fcd::json_object_reader r(v, "");
  BOOST_TEST(schema_failure([&] { r.string("id"); }) == "/id: expected a string");
  BOOST_TEST(schema_failure([&] { r.string("missing"); }) == "/missing: required field is missing");
  BOOST_TEST(schema_failure([&] { r.nullable_string("missing"); }) ==
             "/missing: required field is missing");
  BOOST_TEST(schema_failure([&] { r.object("o").string("k"); }) == "/o/k: expected a string");
  // An event's payload and metadata are kept as text, but only an object's.
  BOOST_TEST(schema_failure([&] { r.object_text("id"); }) == "/id: expected an object");
  BOOST_TEST(schema_failure([&] { r.string_array("a"); }) == "/a/1: expected a string");
  std::string pointer;
  const json::array& items = r.array("items", pointer);
  BOOST_TEST(schema_failure([&] {
               fcd::map_object_array(
                   json::value(items), pointer,
                   [](const fcd::json_object_reader& e) { return e.string("id"); });
             }) == "/items/1/id: expected a string");
  BOOST_TEST(schema_failure([&] { fcd::json_object_reader(json::parse("[]"), ""); }) ==
             "(root): expected an object");
}

BOOST_AUTO_TEST_CASE(integers_must_fit_int64) {
  json::value v = json::parse(
      R"({"big":1e400,"frac":1.5,"u":18446744073709551615,"neg":-5,"max":9223372036854775807})");
  fcd::json_object_reader r(v, "");
  BOOST_TEST(r.integer("neg") == -5);
  BOOST_TEST(r.integer("max") == 9223372036854775807);
  BOOST_TEST(!schema_failure([&] { r.integer("big"); }).empty());
  BOOST_TEST(!schema_failure([&] { r.integer("frac"); }).empty());
  BOOST_TEST(!schema_failure([&] { r.integer("u"); }).empty());
}

BOOST_AUTO_TEST_CASE(bodies_that_are_not_json_fail_cleanly) {
  BOOST_TEST(schema_failure([] { fcd::parse_json_body(""); }).find("empty body") !=
             std::string::npos);
  BOOST_TEST(schema_failure([] { fcd::parse_json_body("<html>"); }).find("not valid JSON") !=
             std::string::npos);
  BOOST_TEST(schema_failure([] { fcd::parse_json_body("{\"a\":"); }).find("not valid JSON") !=
             std::string::npos);
  // Depth is bounded: 40 levels pass with a limit of 64, 300 do not.
  std::string deep40 = std::string(40, '[') + std::string(40, ']');
  std::string deep300 = std::string(300, '[') + std::string(300, ']');
  BOOST_TEST(schema_failure([&] { fcd::parse_json_body(deep40, 64); }).empty());
  BOOST_TEST(!schema_failure([&] { fcd::parse_json_body(deep300, 256); }).empty());
}

BOOST_AUTO_TEST_CASE(map_response_quotes_the_body_apart_from_the_message) {
  // The message goes to the log; the body only to diagnostics, as a quote the call
  // redacts and escapes (end_call).
  std::string body = R"({"id":1,"apiKey":"fc_abc_TOPSECRET"})";
  try {
    fcd::map_response(
        body, [](const json::value& v) { return fcd::json_object_reader(v, "").string("id"); });
    BOOST_ERROR("no failure");
  } catch (const fcd::call_failure& failure) {
    BOOST_TEST(failure.code == flowcore::error::invalid_response);
    BOOST_TEST(failure.message == "/id: expected a string");
    BOOST_TEST(failure.quoted == body);
  }
  // Not JSON at all: the same split.
  try {
    fcd::parse_json_body("<html>down</html>");
    BOOST_ERROR("no failure");
  } catch (const fcd::call_failure& failure) {
    BOOST_TEST(failure.message.find("<html>") == std::string::npos);
    BOOST_TEST(failure.quoted == "<html>down</html>");
  }
}

BOOST_AUTO_TEST_SUITE_END()
