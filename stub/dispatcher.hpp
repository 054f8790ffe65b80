// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Request handling in the order of API-CONTRACT.md 9.2: body is JSON, control routes,
// faults, Authorization shape, route, then the handler's own checks. Owns the model, the
// faults, the routes and the request log.

#include "context.hpp"
#include "exchange.hpp"
#include "faults.hpp"
#include "router.hpp"
#include "state.hpp"

#include <flowcore/stub/server.hpp>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

struct api_request;

class dispatcher final : public request_sink {
 public:
  /// `record_requests` false keeps requests() empty: a long-running stub under load
  /// would otherwise grow without bound.
  explicit dispatcher(bool record_requests);

  request_plan plan(http_request request) override;

  context& ctx() { return ctx_; }
  const std::vector<request_record>& requests() const { return records_; }
  std::size_t hits(std::string_view method, std::string_view path_prefix) const;
  void clear_requests() { records_.clear(); }

 private:
  http_response serve_api(api_request& req);  // 9.2 steps 4-6
  /// The matching handler's answer; http_error 404/405 if none.
  http_response route(const router& routes, api_request& req);

  state model_;
  fault_list faults_;
  context ctx_{model_, faults_};
  router api_routes_;
  router control_routes_;
  std::vector<request_record> records_;
  bool record_requests_;
};

}  // namespace flowcore::stub::detail
