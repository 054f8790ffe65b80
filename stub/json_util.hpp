// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// JSON in and out of handlers: the error a handler throws to answer with a status, the
// answer builders, and the field checks of docs/protocol.md section 13.2 step 6 with their
// 400 messages ("\"name\" is required").

#include "exchange.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/system/error_code.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

struct api_request;

/// Thrown by handlers and field checks; the dispatcher answers `{"message": what()}` with
/// `status`. Keeps handlers linear: check, check, answer.
class http_error : public std::runtime_error {
 public:
  http_error(int status, const std::string& message) : std::runtime_error(message), status_(status) {}
  int status() const { return status_; }

 private:
  int status_;
};

/// Parses a request body. Deep nesting is allowed (event payloads are user data, and the
/// client's own depth limit must be testable against stored events) but bounded, since
/// destroying a value recurses.
boost::json::value parse_json(std::string_view text, boost::system::error_code& ec);

/// `status` with the JSON text of `body`.
http_response json_answer(int status, const boost::json::value& body);

/// The body as an object; an empty body reads as `{}`. Another JSON type: 400.
const boost::json::object& body_object(const api_request& request);

/// `key` in double quotes, as field messages show it: "\"name\" is required".
std::string quoted(std::string_view key);

/// Field checks. Absent and `null` are the same ("is required" / nullopt); a wrong JSON
/// type is 400 "\"key\" must be a <type>".
std::string required_string(const boost::json::object& body, std::string_view key);
/// As required_string, and the value must not be empty (ids, names, keys).
std::string required_name(const boost::json::object& body, std::string_view key);
std::optional<std::string> optional_string(const boost::json::object& body, std::string_view key);
bool required_bool(const boost::json::object& body, std::string_view key);
std::optional<bool> optional_bool(const boost::json::object& body, std::string_view key);
/// An integer (a double with an exact integer value counts) fitting int64.
std::optional<std::int64_t> optional_int(const boost::json::object& body, std::string_view key);
/// A non-empty array of non-empty strings ("eventTypes").
std::vector<std::string> required_name_list(const boost::json::object& body, std::string_view key);

/// 400 `"key" must be "a" or "b"` unless `value` is one of `allowed`; for closed string
/// sets (accessControl, order, sort, type) in bodies and queries alike.
void check_one_of(std::string_view key, std::string_view value,
                  std::initializer_list<std::string_view> allowed);

}  // namespace flowcore::stub::detail
