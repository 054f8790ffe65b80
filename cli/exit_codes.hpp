// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The exit status of flowcore-cli, one per class of failure, so that scripts can tell "the
// data core is not there" from "the network is down" without parsing stderr. The table is
// documented in docs/cli.md; values are stable once released.

#include <flowcore/error.hpp>

#include <boost/system/error_code.hpp>

#include <stdexcept>
#include <string>

namespace flowcore::cli {

enum class exit_code : int {
  ok = 0,
  failure = 1,           // Anything not classed below (a bug, an unexpected exception).
  usage = 2,             // Bad flags or arguments, missing credentials, a malformed value.
  not_found = 3,         // The resource does not exist.
  auth = 4,              // Credentials refused (401, 403), or the token could not be had.
  http_error = 5,        // Any other non-2xx answer, a 409 conflict among them.
  network = 6,           // Connection, TLS or timeout: the server may not have answered.
  invalid_response = 7,  // The server answered 2xx with something we cannot read.
  interrupted = 130,     // SIGINT or SIGTERM: the running call was cancelled (128 + SIGINT).
};

// The exit status for a failed call: its error code, refined by the HTTP status for
// http_status (the library reports 401/403 as http_status, which is an auth problem to a user).
inline exit_code exit_code_for(const boost::system::error_code& ec, int http_status = 0) {
  if (ec.category() != flowcore::error_category()) return exit_code::failure;
  switch (static_cast<flowcore::error>(ec.value())) {
    case error::invalid_argument:
    case error::not_allowed_in_mode:
      return exit_code::usage;
    case error::not_found:
      return exit_code::not_found;
    case error::auth_failed:
      return exit_code::auth;
    case error::http_status:
      if (http_status == 401 || http_status == 403) return exit_code::auth;
      if (http_status == 404) return exit_code::not_found;
      return exit_code::http_error;
    case error::invalid_response:
      return exit_code::invalid_response;
    case error::timeout:
    case error::wait_timeout:
    case error::connection_failed:
    case error::tls_failed:
    case error::reconnects_exhausted:
      return exit_code::network;
    case error::cancelled:
      return exit_code::interrupted;
    default:
      return exit_code::failure;
  }
}

inline int to_int(exit_code code) { return static_cast<int>(code); }

// A command's own outcome that is not the library's error but still must end the program
// with a given status (`api-key validate` of a key that is not valid: exit 4). main()
// prints what() after "flowcore-cli: " and exits with status().
class command_failure : public std::runtime_error {
 public:
  command_failure(exit_code status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  exit_code status() const noexcept { return status_; }

 private:
  exit_code status_;
};

}  // namespace flowcore::cli
