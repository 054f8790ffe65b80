// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The JSON text of a request body. Bodies are UTF-8 JSON; Boost.JSON serializes a string's
// bytes as they are, so text that is not UTF-8 is refused here, before anything is sent.

#include <boost/json/fwd.hpp>

#include <string>

namespace flowcore::detail {

/// `body` serialized; fails with invalid_argument naming the first string (value or key)
/// that is not valid UTF-8 by its JSON pointer and wire name, e.g. "/name in the request
/// body is not valid UTF-8". The string itself is never quoted: it may be a secret.
std::string json_body(const boost::json::object& body);

}  // namespace flowcore::detail
