// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Inside one call, failures travel as a call_failure exception: command code reads
// top to bottom, and the boundary (start_execute / execute) turns it into an error code
// plus diagnostics. It never leaves the library.

#include <flowcore/error.hpp>

#include <exception>
#include <string>
#include <string_view>

namespace flowcore::detail {

struct call_failure : std::exception {
  boost::system::error_code code;
  std::string message;  ///< Our own explanation. Goes to diagnostics and the log.
  /// What the server sent that the message is about (a prefix of a response body), raw.
  /// The boundary redacts it with the call's secrets, escapes it and keeps a sample in
  /// diagnostics; it never reaches the log.
  std::string quoted;

  call_failure(boost::system::error_code ec, std::string text, std::string quote = {})
      : code(ec), message(std::move(text)), quoted(std::move(quote)) {}
  const char* what() const noexcept override { return message.c_str(); }
};

[[noreturn]] inline void fail(boost::system::error_code ec, std::string message = {}) {
  throw call_failure(ec, std::move(message));
}

/// Fails with invalid_argument ("<field> is required") when `value` is empty. The boundary
/// puts the command in front, as for every failure ("ingest_event: tenant_name is required").
inline void require_nonempty(const std::string& value, const char* field) {
  if (value.empty()) fail(error::invalid_argument, std::string(field) + " is required");
}

/// Fails with `message`, quoting the start of `server_text` in diagnostics (see `quoted`).
[[noreturn]] inline void fail_quoting(boost::system::error_code ec, std::string message,
                                      std::string_view server_text) {
  // Enough for a sample after redaction; a redactor pass over more would only cost time.
  constexpr std::size_t kept = std::size_t(64) << 10;
  throw call_failure(ec, std::move(message), std::string(server_text.substr(0, kept)));
}

}  // namespace flowcore::detail
