// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `flowcore-cli tail`: every event of some event types, in order, at least once, as NDJSON
// on stdout; with --position-file it resumes where the last run stopped.
//
// At least once: an event's position is saved only after its line is on stdout (written
// and flushed), through the library's file_checkpoint_store (an atomic, fsynced replace).
// A run killed between the two prints that one event again at the restart; nothing is
// ever skipped. Ctrl-C exits 0, as for `notifications`: everything printed is saved.
#include "commands.hpp"

#include <flowcore/error.hpp>
#include <flowcore/event_tail.hpp>

#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace flowcore::cli {
namespace {

struct tail_arguments {
  std::string tenant;
  std::string data_core;
  std::string flow_type;
  std::vector<std::string> event_types;
  std::string position_file;
  std::string from = "beginning";
  std::size_t count = 0;  // 0: until Ctrl-C.
  // Set from --from while parsing, so a bad value is a usage error before any I/O.
  flowcore::tail_start start = flowcore::tail_start::beginning;
  std::optional<flowcore::tail_position> position;
};

// --from: "beginning", "now", or a position as a position file holds it.
void read_from(tail_arguments& args) {
  if (args.from == "beginning") {
    args.start = flowcore::tail_start::beginning;
  } else if (args.from == "now") {
    args.start = flowcore::tail_start::now;
  } else {
    try {
      args.position = flowcore::tail_position::parse(args.from);
    } catch (const flowcore::client_error& e) {
      throw CLI::ValidationError(
          "--from", "expected beginning, now or a saved position: " + std::string(e.what()));
    }
  }
}

// The position is saved beside the file (a temporary renamed over it): without its
// directory every save would fail, after the first event is already printed.
void check_position_directory(const tail_arguments& args) {
  if (args.position_file.empty()) return;
  std::filesystem::path directory = std::filesystem::path(args.position_file).parent_path();
  if (directory.empty()) directory = ".";
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec))
    throw CLI::ValidationError("--position-file",
                               "the directory " + directory.string() + " does not exist");
}

}  // namespace

void add_tail_commands(CLI::App& app, command& selected) {
  auto args = std::make_shared<tail_arguments>();
  CLI::App* cmd = app.add_subcommand(
      "tail", "Print every event of some event types, at least once, in order (NDJSON)");
  cmd->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  cmd->add_option("--data-core", args->data_core, "The data core's name")
      ->type_name("NAME")
      ->required();
  cmd->add_option("--flow-type", args->flow_type, "The flow type's name")
      ->type_name("NAME")
      ->required();
  cmd->add_option("--event-type", args->event_types, "Event type names (one or more)")
      ->type_name("NAME...")
      ->required();
  cmd->add_option("--position-file", args->position_file,
                  "Resume from the position saved here; save it after each event printed")
      ->type_name("PATH");
  cmd->add_option("--from", args->from,
                  "Where to start without a saved position: beginning (default), now, or a "
                  "position as a position file holds it")
      ->type_name("WHERE");
  cmd->add_option("--count", args->count, "Stop after N events (exit 0)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  cmd->footer(help_footer(
      "  flowcore-cli tail --tenant acme --data-core orders --flow-type order \\\n"
      "      --event-type created shipped --position-file orders.position\n"
      "  flowcore-cli tail --tenant acme --data-core orders --flow-type order \\\n"
      "      --event-type created --from now --count 1\n"
      "\n"
      "One event per line: {\"event_id\":...,\"payload\":{...}}. A position file that exists\n"
      "wins over --from; a missing one starts at --from and is created; one that does not\n"
      "parse is an error (exit 2), never a silent restart. Exit status: 0 after --count or\n"
      "Ctrl-C; a failure's status otherwise."));
  cmd->callback([&selected, args] {
    read_from(*args);
    check_position_directory(*args);
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::shared_ptr<flowcore::file_checkpoint_store> store;
      if (!args->position_file.empty()) {
        store = std::make_shared<flowcore::file_checkpoint_store>(args->position_file);
        // Read once here so that a corrupt file fails at once, with the library's error
        // naming it (invalid_argument: exit 2); the tail loads it again when it starts.
        co_await store->load();
      }
      flowcore::event_tail_options options{.subscription = {.tenant = args->tenant,
                                                            .data_core = args->data_core,
                                                            .flow_type = args->flow_type,
                                                            .event_types = args->event_types},
                                           .start = args->start,
                                           .position = args->position,
                                           .checkpoints = store};
      flowcore::event_tail tail(ctx.client, std::move(options));
      std::size_t printed = 0;
      try {
        while (args->count == 0 || printed < args->count) {
          std::optional<flowcore::event> event = co_await tail.next();
          if (!event) break;
          print_line(ctx.out, to_json(*event));
          ++printed;
          // Only now, with the line on stdout, is the event done: save past it.
          if (store) co_await tail.commit();
        }
      } catch (const flowcore::client_error& error) {
        if (error.code() != flowcore::error::cancelled) throw;
        // Ctrl-C or SIGTERM: every event printed is already saved; nothing to undo.
      }
      tail.close();
    };
  });
}

}  // namespace flowcore::cli
