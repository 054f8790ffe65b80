// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Checked reading of JSON responses (docs/protocol.md sections 5.2 and 5.3). Nothing here
// trusts the shape: every access checks presence and type, and a mismatch fails the call
// with fc::error::invalid_response naming the field as a JSON pointer ("/events/3/eventId").
// Unknown members are ignored at every level.

#include "call_failure.hpp"

#include <boost/json/array.hpp>
#include <boost/json/monotonic_resource.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::detail {

namespace json = boost::json;

/// Parses `body` as JSON with nesting bounded by `max_depth`, the tree in `storage` (the
/// default heap when null). Empty, non-JSON or too deep: call_failure(invalid_response)
/// quoting the body.
json::value parse_json_body(std::string_view body, unsigned max_depth = 32,
                            json::storage_ptr storage = {});

/// Appends "/<key>" to a JSON pointer (RFC 6901), escaping '~' and '/' in the key.
void append_pointer_token(std::string& pointer, std::string_view key);

/// Fails with invalid_response: "<pointer>: <problem>".
[[noreturn]] void fail_schema(std::string_view pointer, std::string_view problem);

/// A checked view of one JSON object at `pointer` ("" for the root).
class json_object_reader {
 public:
  /// Fails unless `value` is an object.
  json_object_reader(const json::value& value, std::string pointer);

  std::string string(std::string_view key) const;  ///< Required string.
  /// Present, string or null (a **null** field of docs/protocol.md section 6.10).
  std::optional<std::string> nullable_string(std::string_view key) const;
  /// May be absent; null counts as absent.
  std::optional<std::string> optional_string(std::string_view key) const;
  bool boolean(std::string_view key) const;
  std::optional<bool> optional_boolean(std::string_view key) const;
  std::int64_t integer(std::string_view key) const;  ///< Must fit int64; 1.5 or 1e400 fail.
  std::optional<std::int64_t> optional_integer(std::string_view key) const;
  std::vector<std::string> string_array(std::string_view key) const;
  /// Absent or null: empty.
  std::vector<std::string> optional_string_array(std::string_view key) const;
  json_object_reader object(std::string_view key) const;
  std::optional<json_object_reader> nullable_object(std::string_view key) const;
  std::optional<json_object_reader> optional_object(std::string_view key) const;
  /// A required object member as compact JSON text (event payloads, metadata).
  std::string object_text(std::string_view key) const;
  /// A required array member; `pointer_out` receives its pointer for element errors.
  const json::array& array(std::string_view key, std::string& pointer_out) const;

  const std::string& pointer() const noexcept { return pointer_; }

 private:
  const json::value* find(std::string_view key) const;
  const json::value& required(std::string_view key) const;
  std::string member_pointer(std::string_view key) const;

  const json::object* object_;
  std::string pointer_;
};

/// Maps a JSON array of objects at `pointer`, element by element.
template <class Mapper>
auto map_object_array(const json::array& items, const std::string& pointer, Mapper&& map)
    -> std::vector<decltype(map(std::declval<const json_object_reader&>()))> {
  std::vector<decltype(map(std::declval<const json_object_reader&>()))> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    out.push_back(map(json_object_reader(items[i], pointer + "/" + std::to_string(i))));
  return out;
}

/// As above; fails unless `value` is an array.
template <class Mapper>
auto map_object_array(const json::value& value, const std::string& pointer, Mapper&& map) {
  const json::array* items = value.if_array();
  if (!items) fail_schema(pointer, "expected an array");
  return map_object_array(*items, pointer, std::forward<Mapper>(map));
}

/// Parses `body` and maps it with `map(const json::value&)`; a schema failure quotes the
/// body (a sample of it reaches diagnostics, never the log).
template <class Mapper>
auto map_response(std::string_view body, Mapper&& map, unsigned max_depth = 32) {
  // The tree lives only while it is mapped, so it goes into one arena, on the stack for an
  // answer of usual size: parsing then allocates nothing per object, array or string.
  // Nothing of the tree may outlive this function (mappers copy what they keep).
  unsigned char arena[4096];
  json::monotonic_resource resource(arena, sizeof arena);
  json::value root = parse_json_body(body, max_depth, &resource);
  try {
    return map(static_cast<const json::value&>(root));
  } catch (call_failure& failure) {
    if (failure.quoted.empty()) fail_quoting(failure.code, std::move(failure.message), body);
    throw;
  }
}

}  // namespace flowcore::detail
