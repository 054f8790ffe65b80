// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief Error codes (`fc::error`), call diagnostics and the exception thrown by `execute`.

#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>

#include <chrono>
#include <iosfwd>
#include <optional>
#include <string>
#include <type_traits>

namespace flowcore {

/// @brief Every failure the library reports. Enumerator names and values are stable.
enum class error {
  invalid_argument = 1,  ///< A command, option or credential is malformed; nothing was sent.
  not_allowed_in_mode,   ///< The command needs bearer (or api-key) credentials; nothing was sent.
  not_found,             ///< The resource does not exist (a 404 on a command that maps it).
  http_status,           ///< The server answered with a non-2xx status; see diagnostics.
  invalid_response,      ///< A 2xx answer that does not match the command's schema.
  timeout,               ///< A phase budget or the per-call deadline expired; see diagnostics.
  wait_timeout,          ///< Delete/truncate polling hit its cap; the request was accepted.
  connection_failed,     ///< Refused, unreachable, DNS failure, or closed before a full response.
  tls_failed,            ///< TLS handshake or certificate verification failed. Never retried.
  auth_failed,           ///< The bearer-token provider threw or returned a bad token.
  cancelled,             ///< The operation was cancelled through its cancellation slot.
  reconnects_exhausted,  ///< A notification stream spent `max_reconnects`.
  stream_in_use,         ///< A second `next()` while one is pending on the same stream.
  handler_failed,        ///< An event tail's handler failed for an event every time.
  checkpoint_failed,     ///< An event tail could not load its saved position.
  producer_closed,       ///< A send to an `fc::event_producer` after its `close()`.
};

/// @brief The category of `fc::error`; `name()` is "flowcore".
const boost::system::error_category& error_category() noexcept;

/// @brief Makes `fc::error` usable wherever a `boost::system::error_code` is expected.
inline boost::system::error_code make_error_code(error e) noexcept {
  return {static_cast<int>(e), error_category()};
}

/// @brief Writes the error's message, e.g. "not found".
std::ostream& operator<<(std::ostream& os, error e);

/// @brief Details of a failed (or finished) call that an error code cannot carry.
///
/// The server's message is kept apart from our own text because it may echo user input.
/// Every string here is redacted: no token, key or secret ever appears.
struct diagnostics {
  std::string command;         ///< The C++ command name, e.g. "tenant_fetch".
  int http_status = 0;         ///< Last HTTP status received; 0 if none arrived.
  std::string server_message;  ///< The server's error message (<= 512 bytes, redacted).
  std::string message;         ///< Our own explanation, e.g. the bad field of a response.
  int attempts = 0;  ///< HTTP attempts made (retries and the stale-connection resend count).
  std::optional<std::chrono::milliseconds> retry_after;  ///< Last Retry-After the server sent.
  std::string phase;  ///< Where a timeout struck: resolve, connect, tls_handshake, write,
                      ///< read_headers, read_body, queue, retry_wait, deadline or token
                      ///< (the bearer-token provider did not answer in time).
};

/// @brief Thrown by `client::execute`: an error code plus the call's diagnostics.
class client_error : public boost::system::system_error {
 public:
  /// @brief Wraps `ec`; `what()` adds the command, message, HTTP status, server message,
  /// phase and attempts from `diag`.
  client_error(boost::system::error_code ec, flowcore::diagnostics diag);

  /// @brief What went wrong besides the code: command, status, server message, attempts.
  const flowcore::diagnostics& diagnostics() const noexcept { return diag_; }

 private:
  flowcore::diagnostics diag_;
};

}  // namespace flowcore

/// @cond
// Lets `fc::error` convert to `boost::system::error_code` implicitly (through
// `make_error_code` above). Left out of the API reference: Doxygen cannot place a
// specialisation declared with a qualified name in another namespace.
template <>
struct boost::system::is_error_code_enum<flowcore::error> : std::true_type {};
/// @endcond
