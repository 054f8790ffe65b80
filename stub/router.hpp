// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Method + path pattern -> handler. Handlers are plain functions of the decoded request,
// so a new route is one line in a routes_<family>.cpp and never touches the transport.

#include "api_request.hpp"
#include "exchange.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

struct context;

using handler = http_response (*)(context&, const api_request&);

class router {
 public:
  /// `pattern` is a path whose `{name}` segments bind a non-empty path parameter:
  /// "/api/v1/tenants/by-id/{tenantId}".
  void add(std::string_view method, std::string_view pattern, handler fn);

  struct match {
    int status = 0;  ///< 0: found; 404: no pattern fits the path; 405: none for this method.
    handler fn = nullptr;
    param_list params;
  };
  /// Among the routes for `method` that fit, the most specific wins: at the first segment
  /// where two differ, a literal beats a parameter (so `/event-types/sensitive-data/{id}`
  /// is chosen over `/event-types/{id}/exists`, as docs/protocol.md section 6.7 requires).
  match find(std::string_view method, const std::vector<std::string>& segments) const;

 private:
  struct segment {
    std::string text;  ///< Literal text, or the parameter name.
    bool is_param = false;
  };
  struct route {
    std::string method;
    std::vector<segment> pattern;
    handler fn;
  };
  static bool fits(const route& r, const std::vector<std::string>& segments);
  static bool more_specific(const route& a, const route& b);

  std::vector<route> routes_;
};

}  // namespace flowcore::stub::detail
