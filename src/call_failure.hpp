// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Inside one call, failures travel as a call_failure exception: command code reads
// top to bottom, and the boundary (start_execute / execute) turns it into an error code
// plus diagnostics. It never leaves the library.

#include <flowcore/error.hpp>

#include <exception>
#include <string>

namespace flowcore::detail {

struct call_failure : std::exception {
  boost::system::error_code code;
  std::string message;  ///< Our own explanation, already redacted. Goes to diagnostics.

  call_failure(boost::system::error_code ec, std::string text)
      : code(ec), message(std::move(text)) {}
  const char* what() const noexcept override { return message.c_str(); }
};

[[noreturn]] inline void fail(boost::system::error_code ec, std::string message = {}) {
  throw call_failure(ec, std::move(message));
}

}  // namespace flowcore::detail
