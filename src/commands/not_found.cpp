// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands/not_found.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace flowcore::detail {

std::string not_found_text(
    std::string_view resource,
    std::initializer_list<std::pair<std::string_view, std::string_view>> filters) {
  boost::json::object object;  // keeps insertion order, and escapes the caller's values
  for (const auto& [key, value] : filters) object[key] = value;
  return std::string(resource) + " not found: " + boost::json::serialize(object);
}

}  // namespace flowcore::detail
