// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "dispatcher.hpp"

#include "api_request.hpp"
#include "auth.hpp"
#include "json_util.hpp"
#include "routes.hpp"

#include <boost/beast/core/string.hpp>

#include <cstdio>
#include <exception>
#include <string>
#include <utility>

namespace flowcore::stub::detail {
namespace {

bool is_control_path(std::string_view path) {
  constexpr std::string_view prefix = "/__stub";
  return path.substr(0, prefix.size()) == prefix &&
         (path.size() == prefix.size() || path[prefix.size()] == '/');
}

request_record to_record(const http_request& r) {
  return request_record{.method = r.method,
                        .target = r.target,
                        .authorization = std::string(r.header("Authorization").value_or("")),
                        .content_type = std::string(r.header("Content-Type").value_or("")),
                        .user_agent = std::string(r.header("User-Agent").value_or("")),
                        .body = r.body,
                        .has_content_length = r.has_content_length,
                        .chunked = r.chunked,
                        .connection_id = r.connection_id,
                        .sni = r.sni,
                        .headers = r.headers};
}

// Anything but http_error escaping a handler is a stub bug: a 500 for the client, rather
// than the process going down.
http_response internal_error(const std::exception& e) {
  return message_answer(500, std::string("stub internal error: ") + e.what());
}

// Handlers answer errors by throwing http_error.
template <class F>
http_response guarded(F&& serve) {
  try {
    return serve();
  } catch (const http_error& e) {
    return message_answer(e.status(), e.what());
  } catch (const std::exception& e) {
    return internal_error(e);
  }
}

std::function<http_response()> always(http_response answer) {
  return [answer = std::move(answer)] { return answer; };
}

request_plan answer_now(http_response answer) {
  request_plan plan;
  plan.respond = always(std::move(answer));
  return plan;
}

http_response fault_answer(const fault& f) {
  http_response answer;
  if (f.body) {
    answer = {f.status.value_or(200), *f.body, {}};
  } else {
    answer = message_answer(*f.status, "stub fault: " + std::to_string(*f.status));
  }
  if (f.retry_after) answer.headers.emplace_back("Retry-After", *f.retry_after);
  return answer;
}

}  // namespace

dispatcher::dispatcher(boost::asio::any_io_executor ex, const server_options& options)
    : model_(options.id_seed),
      later_(std::move(ex), [this] { save_state_or_report(); }),
      hub_(model_, options.record_requests),
      ctx_{model_,
           faults_,
           later_,
           hub_,
           options.delete_delay,
           options.truncate_delay,
           [this] { save_state_or_report(); }},
      record_requests_(options.record_requests) {
  if (!options.state_file.empty()) file_.emplace(options.state_file);
  // docs/protocol.md section 10.10: every stored event, in storage order, to the matching
  // sockets.
  model_.set_event_listener([this](const stored_event& e) { hub_.notify(e); });
  add_tenant_routes(api_routes_);
  add_api_key_routes(api_routes_);
  add_secret_variable_routes(api_routes_);
  add_data_core_routes(api_routes_);
  add_flow_type_routes(api_routes_);
  add_event_type_routes(api_routes_);
  add_sensitive_data_routes(api_routes_);
  add_ingestion_routes(api_routes_);
  add_event_routes(api_routes_);
  add_control_routes(control_routes_);
}

request_plan dispatcher::plan(http_request request) {
  try {
    const bool control = is_control_path(request.raw_path());
    if (!control && record_requests_) records_.push_back(to_record(request));

    auto req = std::make_shared<api_request>();
    // 1. A non-empty body must be JSON, whatever the route.
    if (!request.body.empty()) {
      boost::system::error_code ec;
      req->body = parse_json(request.body, ec);
      if (ec) return answer_now(message_answer(400, "request body is not valid JSON"));
    }
    if (!parse_target(request.target, req->segments, req->query))
      return answer_now(message_answer(400, "malformed request target"));
    req->http = std::move(request);

    const bool upgrade = is_websocket_upgrade(req->http);
    // 2. Control routes: no auth, no faults; and no WebSocket endpoint.
    if (control && upgrade)
      return answer_now(
          message_answer(404, "no WebSocket endpoint at " + std::string(req->http.raw_path())));
    if (control) return answer_now(guarded([&] { return route(control_routes_, *req); }));

    // 3. Faults, for REST and the /notifications upgrade alike. The shared_ptr keeps the
    // request alive across a fault's delay.
    request_plan plan;
    if (upgrade)
      plan.respond = [req] { return guarded([&] { return serve_upgrade(*req); }); };
    else
      plan.respond = [this, req] { return guarded([&] { return serve_api(*req); }); };
    if (std::optional<fault> f = faults_.take(req->http.method, req->http.raw_path())) {
      plan.delay = f->delay.value_or(std::chrono::milliseconds::zero());
      if (f->reset)
        plan.then = request_plan::action::reset;
      else if (f->stall)
        plan.then = request_plan::action::stall;
      else if (f->body || f->status)
        plan.respond = always(fault_answer(*f));
      // delay_ms alone: the normal answer, later.
    }
    return plan;
  } catch (const std::exception& e) {
    return answer_now(internal_error(e));
  }
}

http_response dispatcher::route(const router& routes, api_request& req) {
  router::match m = routes.find(req.http.method, req.segments);
  if (m.status != 0)
    throw http_error(m.status, "no route for " + req.http.method + " " +
                                   std::string(req.http.raw_path()));
  req.params = std::move(m.params);
  return m.fn(ctx_, req);
}

http_response dispatcher::serve_api(api_request& req) {
  // 4. The Authorization header's shape; values are not checked.
  const bool ingestion = is_ingestion_path(req.segments);
  const auto credentials = check_authorization(req.http.header("Authorization"), ingestion);
  if (!credentials) throw http_error(401, "missing or malformed Authorization header");
  note_key_use(req, *credentials);
  // 5. Route, then 6. the handler's own checks.
  http_response answer = route(api_routes_, req);
  // Reads change nothing but lastUsedAt; anything else may have changed the model. A
  // failed route threw above, having changed nothing.
  if (file_ && req.http.method != "GET") {
    try {
      save_state();
    } catch (const std::exception& e) {
      // The change stands in memory; the client learns that it is not on disk.
      throw http_error(500, std::string("stub could not save its state: ") + e.what());
    }
  }
  return answer;
}

http_response dispatcher::serve_upgrade(const api_request& req) {
  if (req.segments.size() != 1 || req.segments[0] != "notifications")
    throw http_error(404, "no WebSocket endpoint at " + std::string(req.http.raw_path()));
  // The credentials travel in the query (docs/protocol.md section 10.3); their values are
  // not checked (section 10.10).
  const auto token = req.query_value("token");
  const auto api_key = req.query_value("api_key");
  if ((!token || token->empty()) && (!api_key || api_key->empty()))
    throw http_error(401, "missing token or api_key query parameter");
  // Beast checks only that the key is present and at most 24 characters long.
  if (!req.http.header("Sec-WebSocket-Key"))
    throw http_error(400, "missing Sec-WebSocket-Key header");
  if (!valid_websocket_key(*req.http.header("Sec-WebSocket-Key")))
    throw http_error(400, "malformed Sec-WebSocket-Key header: must be the base64 of 16 bytes");
  return http_response{.status = 101, .body = {}, .headers = {}};
}

void dispatcher::note_key_use(const api_request& req, const presented_credentials& credentials) {
  api_key_record* key = nullptr;
  if (credentials.kind == presented_credentials::scheme::api_key)
    key = model_.api_keys().find(credentials.api_key_id);
  else if (credentials.kind == presented_credentials::scheme::raw_key)
    key = model_.api_keys().find_by_key(req.http.header("Authorization").value_or(""));
  if (!key) return;
  key->last_used_at = iso_now();
  unsaved_ = true;
}

void dispatcher::load_state() {
  if (!file_ || state_loaded_) return;
  file_lock_.emplace(file_->path());
  try {
    file_->load(model_);
    state_loaded_ = true;
    save_state();
  } catch (...) {
    // start() fails: nothing was answered that the file must hold, stop() must not report
    // the same failure again, and a corrected start may take the file.
    state_loaded_ = false;
    unsaved_ = false;
    file_lock_.reset();
    throw;
  }
}

void dispatcher::stop() {
  later_.cancel_all();
  if (unsaved_) save_state_or_report();
  file_lock_.reset();  // the last save is done: another stub may take the file
}

void dispatcher::save_state() {
  // Before the file is loaded (a reset() before start(), a file that failed to load), the
  // model is not the file's: writing it would destroy what the file holds.
  if (!file_ || !state_loaded_) return;
  unsaved_ = true;  // until the file holds it
  file_->save(model_);
  unsaved_ = false;
}

void dispatcher::save_state_or_report() {
  try {
    save_state();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "flowcore-stub: %s\n", e.what());
  }
}

std::size_t dispatcher::hits(std::string_view method, std::string_view path_prefix) const {
  std::size_t n = 0;
  for (const request_record& r : records_) {
    if (!method.empty() && !boost::beast::iequals(r.method, method)) continue;
    const std::string_view target(r.target);
    const std::string_view path = target.substr(0, target.find('?'));
    if (path.substr(0, path_prefix.size()) == path_prefix) ++n;
  }
  return n;
}

}  // namespace flowcore::stub::detail
