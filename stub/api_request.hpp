// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// A request as route handlers see it: path segments and query decoded, body parsed as
// JSON, path parameters bound by the router.

#include "exchange.hpp"

#include <boost/json/value.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::stub::detail {

using param_list = std::vector<std::pair<std::string, std::string>>;

struct api_request {
  http_request http;                  ///< As received.
  std::vector<std::string> segments;  ///< Path split on '/', each percent-decoded.
  param_list query;                   ///< In order, '+' and %XX decoded; repeats kept.
  boost::json::value body;            ///< null when the body is empty.
  param_list params;                  ///< Path parameters, set by the router.

  /// The path parameter `name` of the matched route ({tenantId} -> "tenantId").
  std::string_view param(std::string_view name) const;
  /// The first query value for `key`.
  std::optional<std::string_view> query_value(std::string_view key) const;
  /// Every query value for `key`, in order (`eventTypeId=a&eventTypeId=b`).
  std::vector<std::string_view> query_values(std::string_view key) const;
};

/// Splits an origin-form target ("/a/b%20c?x=1&y") into decoded segments and query pairs.
/// False for anything else (absolute form, '*', a malformed %XX escape).
bool parse_target(std::string_view target, std::vector<std::string>& segments, param_list& query);

}  // namespace flowcore::stub::detail
