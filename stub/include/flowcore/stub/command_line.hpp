// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief The stub server's command line and foreground run, shared by the flowcore-stub
/// program and `flowcore-cli stub`, so that both take the same flags and behave alike.

#include <flowcore/stub/server.hpp>

#include <span>
#include <string>
#include <string_view>

namespace flowcore::stub {

/// @brief The flags `parse_command_line` takes, one per line with what it does, for a
/// usage text (the caller adds its own first line).
extern const char* const command_line_flags;

/// @brief What a command line asked for.
struct command_line {
  server_options options;   ///< With `record_requests` off: nobody can read them.
  bool port_given = false;  ///< Whether `--port` was there (flowcore-stub requires it).
};

/// @brief Reads the flags of `command_line_flags` (the program name excluded). Flags take
/// their value as the next argument or after '=' (--port=8080). Throws
/// `std::invalid_argument` naming the argument that is wrong.
command_line parse_command_line(std::span<const std::string_view> args);

/// @brief Runs a server with `options` on this thread until SIGINT or SIGTERM: prints
/// "listening on URL" on stdout as its first line (flushed), then serves. Returns the
/// process's exit status: 0 after a signal, 1 when the server cannot start (a port in
/// use, a state file that cannot be loaded), said on stderr with `program` in front.
int serve_until_signalled(const server_options& options, std::string_view program);

}  // namespace flowcore::stub
