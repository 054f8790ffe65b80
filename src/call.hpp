// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The generic execute path: one command's requests, each with credentials, retry policy,
// deadline, diagnostics and logging. Commands describe requests; this sends them.

#include "client_impl.hpp"
#include "commands/not_found.hpp"
#include "origin.hpp"

#include <flowcore/error.hpp>
#include <flowcore/options.hpp>

#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::detail {

/// One REST request as a command describes it.
struct request_spec {
  std::string_view method = "GET";  ///< A literal.
  detail::service service = service::tenant;
  std::string target;               ///< Percent-encoded path and query.
  std::optional<std::string> body;  ///< JSON text.
  bool idempotent = true;           ///< Retried on the whole retryable set (else: unsent only).
  bool raw_key_auth = false;        ///< Ingestion: `Authorization: <raw key>`.
  std::vector<std::pair<std::string, std::string>> headers;
  std::size_t body_limit = std::size_t(8) << 20;
  /// Set for the commands whose 404 means "no such resource": it becomes not_found with this text
  /// ("DataCore not found: {\"id\":\"...\"}").
  std::optional<not_found_text> not_found_message;
  /// A dedicated tenant's origin; ignored when base_url is set. The caller keeps it alive
  /// for the call (a pointer: most requests have none, and the spec lives in a frame).
  const origin* dedicated = nullptr;
};

/// A command that is one request: the request, and how a 2xx body becomes the result
/// (`read` may fail, for example with invalid_response naming the bad field). A command
/// declares `single_request<R> request_for(call&, const Command&)` and the generic path
/// (execute.hpp) does the rest.
template <class Result>
struct single_request {
  request_spec spec;
  Result (*read)(std::string_view body, const request_spec& spec);
};

class call {
 public:
  /// What one attempt's outcome means for the call (see after_attempt).
  struct next_step {
    enum { answered, resend, retry } what;
    std::chrono::milliseconds delay{};  ///< For retry: the sleep before it.
  };

  /// `opts` and `diag` must outlive the call (they live in its call_operation).
  call(std::shared_ptr<client_impl> impl, const char* command, const call_options& opts,
       diagnostics& diag);

  /// Sends `spec` until a 2xx (returning its body) or a final failure (call_failure).
  ///
  /// Takes a non-const reference on purpose: callers must name the spec. GCC 12
  /// miscompiles an aggregate temporary that holds a std::string inside a co_await
  /// full-expression (it relocates the object bitwise, breaking the string's small
  /// buffer; see chriskohlhoff/asio#1073), so `co_await c.send({...})` must not compile.
  boost::asio::awaitable<std::string> send(request_spec& spec) { return send(spec, deadline_); }

  /// As send(spec), ending at `until` when that comes before the call's deadline (a
  /// delete poll is bounded by its wait cap).
  boost::asio::awaitable<std::string> send(request_spec& spec, steady_clock::time_point until);

  /// Sleeps `d` on a cancellable timer (or the test clock); fails with timeout when the
  /// call's deadline comes first.
  boost::asio::awaitable<void> sleep(std::chrono::milliseconds d);

  /// Fails with not_allowed_in_mode unless the client has bearer credentials.
  void require_bearer() const;
  /// Fails with not_allowed_in_mode unless the client has api-key credentials.
  void require_api_key() const;

  /// Hides `secret` (a secret's value, a key under validation) in this call's diagnostics
  /// and log lines, wherever the server echoes it back.
  void add_secret(std::string secret) { own_secrets_.add_secret(std::move(secret)); }
  /// `text` with every secret this call and its client know hidden.
  std::string redact(std::string_view text) const;

  client_impl& client() const noexcept { return *impl_; }
  const std::shared_ptr<client_impl>& client_ptr() const noexcept { return impl_; }
  diagnostics& diag() noexcept { return diag_; }
  const char* command() const noexcept { return command_; }
  steady_clock::time_point deadline() const noexcept { return deadline_; }

 private:
  /// What the attempt that ended with `result` means: answered (a 2xx, its body in
  /// `result`), resend at once (the first 401 in bearer mode, with a fresh token) or retry
  /// after a delay; fails the call when it cannot go on. A plain function, so that nothing
  /// it works with takes room in send()'s coroutine frame while a call waits.
  next_step after_attempt(const request_spec& spec, const origin& where, exchange_result& result,
                          int attempt, bool& refreshed_after_401, steady_clock::time_point started,
                          steady_clock::time_point deadline);

  /// The Authorization value of one attempt in bearer mode: a token fetched within
  /// `deadline`. (An API key's value is built once, by the client.)
  boost::asio::awaitable<std::shared_ptr<const std::string>> bearer_header(
      steady_clock::time_point deadline);

  std::shared_ptr<client_impl> impl_;
  const char* command_;
  const retry_policy& policy_;  // the call's options' or the client's: both outlive the call
  steady_clock::time_point deadline_;
  diagnostics& diag_;
  redactor own_secrets_;  // tokens fetched and secrets named during this call
};

/// How a call ended, once its body returned (`failure` null) or threw: the error code,
/// with `diag` completed (our message redacted with the call's secrets when `c` is set,
/// a sample of what the server sent) and a failed call logged, at warning unless the
/// caller can expect it (not_found, cancelled). Rethrows std::bad_alloc; maps a
/// call_failure to its code, an aborted Asio operation to cancelled and anything else to
/// invalid_response, never passing its text on.
boost::system::error_code end_call(client_impl& client, const char* command, diagnostics& diag,
                                   const call* c, std::exception_ptr failure);

}  // namespace flowcore::detail
