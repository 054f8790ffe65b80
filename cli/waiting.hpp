// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Deletes and truncates are accepted at once and done later by the server. The commands
// that request them wait for the end by default (a script can then go on as if it were
// done), or return once accepted with --no-wait. Shared by the data-core, flow-type and
// event-type families.

#include "commands.hpp"

#include <flowcore/options.hpp>
#include <flowcore/wait.hpp>

#include <boost/json/object.hpp>

#include <CLI/CLI.hpp>

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

// {"id","name","deleted":true}, or with --no-wait {"id","name","deleted":false,
// "is_deleting":true}: the deletion was accepted and is under way.
boost::json::object deletion_result(const std::string& id, const std::string& name,
                                    const wait_arguments& args);

// As deletion_result, with "truncated" and "is_truncating".
boost::json::object truncation_result(const std::string& id, const std::string& name,
                                      const wait_arguments& args);

}  // namespace flowcore::cli
