// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Request handling in the order of docs/protocol.md section 13.2: body is JSON, control
// routes, faults, Authorization shape, route, then the handler's own checks; for a
// WebSocket upgrade, faults, then path and token (section 10.10). Owns the model, the
// faults, the routes, the notification hub and the request log, and decides when the
// state file (server_options::state_file) is written: after every REST request that may
// have changed the model, every completion and every reset, so that a stub killed
// without warning loses nothing it answered for.

#include "context.hpp"
#include "deferred_work.hpp"
#include "exchange.hpp"
#include "faults.hpp"
#include "notification_hub.hpp"
#include "router.hpp"
#include "state.hpp"
#include "state_file.hpp"
#include "state_file_lock.hpp"

#include <flowcore/stub/server.hpp>

#include <boost/asio/any_io_executor.hpp>

#include <cstddef>
#include <memory>
#include <optional>
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

  /// server::start(): the first call replaces the model with the state file's, if the
  /// file exists, then writes the file, so that it exists from the start and a directory
  /// it cannot be written to fails here rather than at the first change. Throws
  /// std::runtime_error naming the file. Later calls do nothing.
  void load_state();

  /// Discards pending completions (the server is stopping and nothing may wait on them)
  /// and writes what the state file does not hold yet.
  void stop();

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

  /// Writes the state file, if there is one; throws std::runtime_error naming it.
  void save_state();
  /// save_state() for a change no request waits on: a failure goes to stderr, and the
  /// next change or stop() tries again.
  void save_state_or_report();

  state model_;
  std::optional<state_file> file_;
  // Held from load_state() until stop(): one stub per file.
  std::optional<state_file_lock> file_lock_;
  bool state_loaded_ = false;
  // A change the file does not hold: a failed save, or a key's lastUsedAt, which is set by
  // every request presenting it and so is written with the next change, not on its own.
  bool unsaved_ = false;
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
