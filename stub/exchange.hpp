// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One HTTP exchange as plain data: what the Beast layer (http_server.cpp) hands to the
// rest of the stub, and what it gets back. No Beast, no JSON here, so routes and state
// never depend on the transport and adding a route never recompiles the heavy TU.

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::stub::detail {

using header_list = std::vector<std::pair<std::string, std::string>>;

/// The first value of header `name` (compared case-insensitively), if any.
std::optional<std::string_view> find_header(const header_list& headers, std::string_view name);

/// A complete request as read from the wire.
struct http_request {
  std::string method;  ///< As sent ("GET"); HTTP methods are case-sensitive.
  std::string target;  ///< Path and query, still percent-encoded.
  header_list headers;  ///< In arrival order, names as sent.
  std::string body;
  bool has_content_length = false;
  bool chunked = false;
  std::uint64_t connection_id = 0;  ///< 1 for the first accepted connection.
  std::string sni;                  ///< TLS server name from the ClientHello; empty if none.

  std::optional<std::string_view> header(std::string_view name) const {
    return find_header(headers, name);
  }
  /// The target up to the first '?'.
  std::string_view raw_path() const;
};

/// Whether `request` asks for a WebSocket (RFC 6455 4.2.1): a GET whose `Upgrade` names
/// `websocket` and whose `Connection` names `upgrade`, tokens compared case-insensitively.
bool is_websocket_upgrade(const http_request& request);

/// Whether `key` is a valid `Sec-WebSocket-Key` (RFC 6455 4.1): the base64 of 16 bytes,
/// hence 22 base64 characters and "==".
bool valid_websocket_key(std::string_view key);

/// An answer. `body` is sent with `Content-Type: application/json` and `Content-Length`,
/// except for 204, which carries neither. Status 101, only ever answered to a WebSocket
/// upgrade, means "accept it": the transport completes the handshake itself.
struct http_response {
  int status = 200;
  std::string body;
  header_list headers;  ///< Extra headers (Retry-After); Content-Type/Length are added.
};

/// `status` with `{"message": message}`, the error body of docs/protocol.md section 13.2.
/// Defined with the JSON helpers (json_util.cpp), declared here for the transport's own
/// errors.
http_response message_answer(int status, std::string_view message);

/// What to do with one request, decided by the dispatcher before anything is answered
/// (docs/protocol.md section 13.2 steps 1-3): faults may postpone, drop or freeze the
/// answer.
struct request_plan {
  enum class action {
    respond,  ///< Call `respond` (after `delay`) and send its result.
    reset,    ///< Close the connection without answering.
    stall,    ///< Never answer; keep the connection until the peer or stop() ends it.
  };
  std::chrono::milliseconds delay{0};  ///< Waited first, on a cancellable timer.
  action then = action::respond;
  /// Computes the answer once the delay has passed, so a delayed request sees the state
  /// as it is when it is served, like a slow server would.
  std::function<http_response()> respond;
};

/// Where the HTTP layer sends requests. Implemented by the dispatcher.
class request_sink {
 public:
  virtual ~request_sink() = default;
  /// Records the request and decides how to serve it. Never throws.
  virtual request_plan plan(http_request request) = 0;
};

}  // namespace flowcore::stub::detail
