// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `flowcore-cli stub`: the bundled stub server in the foreground, for trying the CLI (and
// programs built on the library) without an account. Built only with FLOWCORE_BUILD_STUB.
//
// The flags are flowcore-stub's, read by the same function (flowcore/stub/command_line.hpp):
// CLI11 passes them through untouched, so the two programs cannot drift apart.
#include "commands.hpp"
#include "exit_codes.hpp"

#include <flowcore/stub/command_line.hpp>

#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::cli {

void add_stub_commands(CLI::App& app, standalone_command& selected) {
  CLI::App* stub = app.add_subcommand(
      "stub", "Run the bundled stub server in the foreground until Ctrl-C (exit 0)");
  // Every argument after `stub` is the stub's: none falls through to the global options.
  stub->allow_extras();
  stub->fallthrough(false);
  stub->footer(std::string("Flags (those of flowcore-stub; --port defaults to 0, a free port):\n") +
               flowcore::stub::command_line_flags + "\n" +
               help_footer("  flowcore-cli stub --port 8080\n"
                           "  flowcore-cli stub --port 0 --seed 42 --state-file stub.json\n"
                           "  flowcore-cli --base-url http://127.0.0.1:8080 tenant get acme") +
               "\n(stub itself takes none of them: every argument after `stub` is the stub's.)");
  stub->callback([&selected, stub] {
    const std::vector<std::string> extras = stub->remaining();
    const std::vector<std::string_view> args(extras.begin(), extras.end());
    flowcore::stub::command_line parsed;
    try {
      parsed = flowcore::stub::parse_command_line(args);
    } catch (const std::invalid_argument& e) {
      // Raised inside parsing: main() reports it as any other usage error (exit 2).
      throw CLI::ValidationError("stub", e.what());
    }
    selected = [options = parsed.options] {
      // The stub's own run: "listening on URL" first, 0 after SIGINT or SIGTERM.
      return flowcore::stub::serve_until_signalled(options, "flowcore-cli stub");
    };
  });
}

}  // namespace flowcore::cli
