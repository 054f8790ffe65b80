// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What one HTTP exchange takes and gives, free of Beast so callers stay light.

#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::detail {

using steady_clock = std::chrono::steady_clock;

/// Name resolution as the transport sees it: calls `done` once, maybe never (a hung DNS
/// server). Empty: the system resolver. Tests replace it to script DNS.
using resolver_fn = std::function<void(
    const std::string& host, std::uint16_t port,
    std::function<void(boost::system::error_code, std::vector<boost::asio::ip::tcp::endpoint>)>
        done)>;

/// The longest header name or value the transport sends. Beast-based servers keep a
/// field's offsets as uint16_t and cannot take a name or a value that, with the two bytes
/// of ": ", passes 65535; the transport refuses such a request before any I/O with
/// invalid_argument, and commands check the fields they know by name first.
inline constexpr std::size_t max_header_bytes = 65535 - 2;

/// What one exchange sends. The views are the caller's: they must outlive the exchange.
struct http_request {
  std::string_view method = "GET";
  std::string_view target;  ///< Path and query, already percent-encoded.
  /// Besides Host, User-Agent, Accept, Authorization, Content-Type and Content-Length:
  /// the ingestion headers.
  std::vector<std::pair<std::string, std::string>> headers;
  /// The Authorization value; the caller keeps it alive until the exchange ends.
  std::string_view authorization;
  std::optional<std::string_view> body;           ///< JSON; sets Content-Type and Content-Length.
  std::size_t body_limit = std::size_t(8) << 20;  ///< Larger answers: invalid_response.
  bool idempotent = true;  ///< May be re-sent after a stale keep-alive connection failed.
};

struct http_response {
  int status = 0;
  std::string body;
  std::optional<std::string> retry_after;  ///< The raw Retry-After header, if any.
};

/// How one exchange ended. `ec` is a flowcore::error (connection_failed, tls_failed,
/// timeout, cancelled, invalid_response, invalid_argument) or success.
struct exchange_result {
  boost::system::error_code ec;
  std::string phase;   ///< Where it failed: resolve, connect, tls_handshake, write, ...
  std::string detail;  ///< The underlying error's text, e.g. "Connection refused".
  http_response response;
  bool may_have_reached_server = false;  ///< Some byte of the request was written.
  int requests_sent = 0;                 ///< 2 when a stale keep-alive connection forced a resend.
};

}  // namespace flowcore::detail
