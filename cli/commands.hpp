// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Sub-commands. Each family adds its CLI11 sub-commands; the one the user picked stores the
// coroutine to run in `selected`, which main() runs on the client once the command line,
// the credentials and the client are all in place (so --help and usage errors never need
// credentials or a network).

#include "options.hpp"
#include "output.hpp"

#include <flowcore/client.hpp>

#include <boost/asio/awaitable.hpp>

#include <CLI/CLI.hpp>

#include <chrono>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace flowcore::cli {

// What a sub-command runs with.
struct command_context {
  flowcore::client& client;
  output_format format;
  std::ostream& out;
  // The client's per-call deadline (--timeout); a wait extends it by its own cap.
  std::chrono::milliseconds deadline;
};

// A coroutine lambda reads its captures through the lambda object, so a command may capture
// (it is kept, in main, until the io_context has stopped); the context outlives it too.
using command = std::function<boost::asio::awaitable<void>(command_context&)>;

// A sub-command's help footer: its examples, then where the global options are described
// (CLI11 lists only a command's own options in its help).
std::string help_footer(std::string_view examples);

// `tenant list|get`.
void add_tenant_commands(CLI::App& app, command& selected);
// `data-core list|get|create|update|delete`.
void add_data_core_commands(CLI::App& app, command& selected);
// `flow-type list|get|create|update|delete`.
void add_flow_type_commands(CLI::App& app, command& selected);
// `event-type list|get|create|update|delete|truncate`.
void add_event_type_commands(CLI::App& app, command& selected);
// `api-key create|list|delete|validate`.
void add_api_key_commands(CLI::App& app, command& selected);
// `secret list|get|create|edit|delete`.
void add_secret_commands(CLI::App& app, command& selected);
// `variable list|get|create|edit|delete`.
void add_variable_commands(CLI::App& app, command& selected);
// `notifications`: needs the credentials themselves, for its own WebSocket connection.
void add_notification_commands(CLI::App& app, command& selected, const global_options& global);
// `tail`.
void add_tail_commands(CLI::App& app, command& selected);

// A sub-command that needs no client nor credentials (`stub`): runs instead of a command,
// after parsing; returns the exit status.
using standalone_command = std::function<int()>;
// `stub`, only when built with FLOWCORE_BUILD_STUB (it defines FLOWCORE_CLI_WITH_STUB).
void add_stub_commands(CLI::App& app, standalone_command& selected);
// `ingest`, one event or NDJSON from stdin; `events read`, NDJSON out.
void add_ingest_commands(CLI::App& app, command& selected);
void add_events_commands(CLI::App& app, command& selected);

}  // namespace flowcore::cli
