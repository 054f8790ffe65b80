// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Deletes and truncates are accepted at once and done later by the server. The commands
// that request them wait for the end by default (a script can then go on as if it were
// done), or return once accepted with --no-wait. Shared by the data-core, flow-type and
// event-type families.

#include "commands.hpp"
#include "progress.hpp"

#include <flowcore/options.hpp>
#include <flowcore/wait.hpp>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json/object.hpp>

#include <CLI/CLI.hpp>

#include <optional>
#include <stdexcept>
#include <string>

namespace flowcore::cli {

struct wait_arguments {
  bool no_wait = false;
  double wait_timeout_seconds = 25;  // The library's default cap.
};

// --no-wait and --wait-timeout SECONDS on `command` (one excludes the other).
void add_wait_options(CLI::App& command, wait_arguments& args);

// The poll interval and cap of the library's wait.
flowcore::wait_options to_wait_options(const wait_arguments& args);

// The call's options: while waiting, its deadline (--timeout) is extended by the wait's
// cap, so that --wait-timeout, not --timeout, bounds a long wait.
flowcore::call_options waiting_call_options(const command_context& ctx, const wait_arguments& args);

// A progress line labelled `label` in `line`, on the running coroutine's executor.
boost::asio::awaitable<void> start_progress(std::optional<progress>& line, const char* label);

// Sends a delete request (`cmd`, a named object: see the GCC 12 note in client.hpp) with
// the wait's deadline and, while it waits, a progress line; fails when the server does not
// accept the deletion of `what` ("data core ID").
template <class Request>
boost::asio::awaitable<void> delete_and_wait(command_context& ctx, const Request& cmd,
                                             const wait_arguments& args, std::string what) {
  const flowcore::call_options options = waiting_call_options(ctx, args);
  std::optional<progress> waiting;
  if (cmd.wait) co_await start_progress(waiting, "waiting for the deletion");
  const bool accepted = co_await ctx.client.execute(cmd, options);
  if (!accepted) throw std::runtime_error("the server did not accept the deletion of " + what);
}

// {"id","name","deleted":true}, or with --no-wait {"id","name","deleted":false,
// "is_deleting":true}: the deletion was accepted and is under way.
boost::json::object deletion_result(const std::string& id, const std::string& name,
                                    const wait_arguments& args);

// As deletion_result, with "truncated" and "is_truncating".
boost::json::object truncation_result(const std::string& id, const std::string& name,
                                      const wait_arguments& args);

}  // namespace flowcore::cli
