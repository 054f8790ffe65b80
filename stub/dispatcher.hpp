// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Request handling in the order of docs/protocol.md section 13.2: body is JSON, control
// routes, faults, Authorization shape, route, then the handler's own checks; for a
// WebSocket upgrade, faults, then path and token (section 10.10). Owns the model, the
// faults, the routes, the notification hub and the request log.

#include "context.hpp"
#include "deferred_work.hpp"
#include "exchange.hpp"
#include "faults.hpp"
#include "notification_hub.hpp"
#include "router.hpp"
#include "state.hpp"

#include <flowcore/stub/server.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

struct api_request;
struct presented_credentials;

class dispatcher final : public request_sink {
 public:
  /// Completions (delete, truncate) run on `ex` after the delays of `options`.
  /// `options.record_requests` false keeps requests() empty: a long-running stub under
  /// load would otherwise grow without bound.
  dispatcher(boost::asio::any_io_executor ex, const server_options& options);

  request_plan plan(http_request request) override;

  /// Discards pending completions; the server is stopping and nothing may wait on them.
  void stop() { later_.cancel_all(); }

  context& ctx() { return ctx_; }
  notification_hub& notifications() { return hub_; }
  const std::vector<request_record>& requests() const { return records_; }
  std::size_t hits(std::string_view method, std::string_view path_prefix) const;
  void clear_requests() { records_.clear(); }

 private:
  http_response serve_api(api_request& req);  // docs/protocol.md 13.2 steps 4-6
  /// docs/protocol.md section 10.10: 404 off /notifications, 401 without a token or
  /// api_key, 400 without a valid Sec-WebSocket-Key, else 101 (accept).
  static http_response serve_upgrade(const api_request& req);
  /// The matching handler's answer; http_error 404/405 if none.
  http_response route(const router& routes, api_request& req);

  /// docs/protocol.md section 13.1: a request presenting a stored API key sets that key's
  /// lastUsedAt.
  void note_key_use(const api_request& req, const presented_credentials& credentials);

  state model_;
  fault_list faults_;
  // After model_: destroyed first, it cancels every completion that refers to the model.
  deferred_work later_;
  // After model_: stored events are announced to it through the model's listener.
  notification_hub hub_;
  context ctx_;
  router api_routes_;
  router control_routes_;
  std::vector<request_record> records_;
  bool record_requests_;
};

}  // namespace flowcore::stub::detail
