// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The shapes of a 2xx answer that commands share, as the readers of a single_request
// (call.hpp): one object, an array of objects, the first object of an array, or any
// answer at all. `Read` maps one object: `T Read(const json_object_reader&)`.

#include "call.hpp"
#include "commands/not_found.hpp"
#include "json_reader.hpp"

#include <string_view>

namespace flowcore::detail {

/// The answer is one object.
template <auto Read>
auto one_object(std::string_view body, const request_spec&) {
  return map_response(body, [](const json::value& v) { return Read(json_object_reader(v, "")); });
}

/// The answer is an array of objects.
template <auto Read>
auto object_array(std::string_view body, const request_spec&) {
  return map_response(body, [](const json::value& v) { return map_object_array(v, "", Read); });
}

/// The answer is an array whose first object is the result (a fetch by name: the service
/// filters a list); `[]` is not_found with the request's text.
template <auto Read>
auto first_object(std::string_view body, const request_spec& spec) {
  return first_match(object_array<Read>(body, spec), *spec.not_found_message);
}

/// Any 2xx is success, whatever its body: the services answer a delete 204 or an empty 200.
inline bool any_answer(std::string_view, const request_spec&) { return true; }

}  // namespace flowcore::detail
