// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "json_util.hpp"

#include "api_request.hpp"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

namespace flowcore::stub::detail {
namespace json = boost::json;
namespace {

// The field, or nullptr when absent or null.
const json::value* find_field(const json::object& body, std::string_view key) {
  const json::value* v = body.if_contains(key);
  return v && !v->is_null() ? v : nullptr;
}

[[noreturn]] void wrong_type(std::string_view key, std::string_view type) {
  throw http_error(400, quoted(key) + " must be " + std::string(type));
}

}  // namespace

std::string quoted(std::string_view key) { return "\"" + std::string(key) + "\""; }

json::value parse_json(std::string_view text, boost::system::error_code& ec) {
  json::parse_options options;
  options.max_depth = 1024;
  return json::parse(text, ec, json::storage_ptr(), options);
}

http_response json_answer(int status, const json::value& body) {
  return {status, json::serialize(body), {}};
}

http_response message_answer(int status, std::string_view message) {
  return json_answer(status, json::object{{"message", message}});
}

const json::object& body_object(const api_request& request) {
  static const json::object empty;  // immutable, so no shared mutable state
  if (request.body.is_null()) return empty;
  if (const json::object* object = request.body.if_object()) return *object;
  throw http_error(400, "request body must be a JSON object");
}

std::string required_string(const json::object& body, std::string_view key) {
  if (auto value = optional_string(body, key)) return std::move(*value);
  throw http_error(400, quoted(key) + " is required");
}

std::string required_name(const json::object& body, std::string_view key) {
  std::string value = required_string(body, key);
  if (value.empty()) throw http_error(400, quoted(key) + " must not be empty");
  return value;
}

std::optional<std::string> optional_string(const json::object& body, std::string_view key) {
  const json::value* v = find_field(body, key);
  if (!v) return std::nullopt;
  if (const json::string* s = v->if_string()) return std::string(*s);
  wrong_type(key, "a string");
}

bool required_bool(const json::object& body, std::string_view key) {
  if (auto value = optional_bool(body, key)) return *value;
  throw http_error(400, quoted(key) + " is required");
}

std::optional<bool> optional_bool(const json::object& body, std::string_view key) {
  const json::value* v = find_field(body, key);
  if (!v) return std::nullopt;
  if (const bool* b = v->if_bool()) return *b;
  wrong_type(key, "a boolean");
}

std::optional<std::int64_t> optional_int(const json::object& body, std::string_view key) {
  const json::value* v = find_field(body, key);
  if (!v) return std::nullopt;
  boost::system::error_code ec;
  const auto n = v->to_number<std::int64_t>(ec);
  if (ec) wrong_type(key, "an integer");
  return n;
}

std::vector<std::string> required_name_list(const json::object& body, std::string_view key) {
  const json::value* v = find_field(body, key);
  if (!v) throw http_error(400, quoted(key) + " is required");
  const json::array* items = v->if_array();
  if (!items) wrong_type(key, "an array of strings");
  if (items->empty()) throw http_error(400, quoted(key) + " must not be empty");
  std::vector<std::string> names;
  for (const json::value& item : *items) {
    const json::string* s = item.if_string();
    if (!s) wrong_type(key, "an array of strings");
    if (s->empty()) throw http_error(400, quoted(key) + " must not contain empty strings");
    names.emplace_back(*s);
  }
  return names;
}

void check_one_of(std::string_view key, std::string_view value,
                  std::initializer_list<std::string_view> allowed) {
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  std::string choices;
  std::size_t i = 0;
  for (const std::string_view a : allowed) {
    if (i > 0) choices += i + 1 == allowed.size() ? " or " : ", ";
    choices += quoted(a);
    ++i;
  }
  throw http_error(400, quoted(key) + " must be " + choices);
}

}  // namespace flowcore::stub::detail
