// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include <flowcore/error.hpp>

#include <ostream>
#include <string>

namespace flowcore {
namespace {

class category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "flowcore"; }

  std::string message(int value) const override {
    switch (static_cast<error>(value)) {
      case error::invalid_argument:
        return "invalid argument";
      case error::not_allowed_in_mode:
        return "command not allowed in this credentials mode";
      case error::not_found:
        return "not found";
      case error::http_status:
        return "unexpected HTTP status";
      case error::invalid_response:
        return "invalid response from server";
      case error::timeout:
        return "timed out";
      case error::wait_timeout:
        return "wait cap reached; the request is still in progress";
      case error::connection_failed:
        return "connection failed";
      case error::tls_failed:
        return "TLS handshake or certificate verification failed";
      case error::auth_failed:
        return "could not obtain credentials";
      case error::cancelled:
        return "cancelled";
      case error::reconnects_exhausted:
        return "reconnect attempts exhausted";
      case error::stream_in_use:
        return "another operation is pending on this stream";
      case error::handler_failed:
        return "the event handler failed";
      case error::checkpoint_failed:
        return "the saved position could not be loaded";
      case error::producer_closed:
        return "the producer is closed";
    }
    return "unknown flowcore error";
  }
};

// "tenant_fetch: HTTP 404: server said ...": the what() text of client_error. Every piece
// of diagnostics is already redacted, so it is safe to print.
std::string describe(const diagnostics& d) {
  std::string text = d.command.empty() ? std::string("flowcore") : d.command;
  if (!d.message.empty()) text += ": " + d.message;
  // A 2xx is no error: a lookup answered with [] is not_found with a 200 behind it.
  const bool http_error = d.http_status != 0 && (d.http_status < 200 || d.http_status > 299);
  if (http_error) text += ": HTTP " + std::to_string(d.http_status);
  if (!d.server_message.empty()) text += ": server said \"" + d.server_message + "\"";
  if (!d.phase.empty()) text += " (phase " + d.phase + ")";
  if (d.attempts > 1) text += " after " + std::to_string(d.attempts) + " attempts";
  return text;
}

}  // namespace

const boost::system::error_category& error_category() noexcept {
  static const category instance;
  return instance;
}

std::ostream& operator<<(std::ostream& os, error e) {
  return os << error_category().message(static_cast<int>(e));
}

client_error::client_error(boost::system::error_code ec, flowcore::diagnostics diag)
    : boost::system::system_error(ec, describe(diag)), diag_(std::move(diag)) {}

}  // namespace flowcore
