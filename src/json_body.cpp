// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "json_body.hpp"

#include "call_failure.hpp"
#include "utf8.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace flowcore::detail {

std::string json_body(const boost::json::object& body) {
  if (auto bad = find_invalid_utf8(body))
    fail(error::invalid_argument, bad->describe() + " in the request body is not valid UTF-8");
  return boost::json::serialize(body);
}

}  // namespace flowcore::detail
