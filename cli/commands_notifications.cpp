// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `flowcore-cli notifications`: a data core's events as they are stored, one NDJSON line
// each, until Ctrl-C, --count or a failure the stream cannot recover from.
//
// Ending it with Ctrl-C (or SIGTERM) is how a live stream normally ends, so it exits 0:
// every notification received was already written whole. Failures keep their exit status
// (exit_codes.hpp), so a script can still tell "I stopped it" from "it broke".
#include "commands.hpp"
#include "options.hpp"

#include <flowcore/error.hpp>
#include <flowcore/notifications.hpp>

#include <boost/asio/this_coro.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace flowcore::cli {
namespace {

struct notification_arguments {
  std::string tenant;
  std::string data_core;
  std::string flow_type;
  std::string event_type;
  std::size_t count = 0;  // 0: until Ctrl-C.
  int max_reconnects = 0;
};

}  // namespace

void add_notification_commands(CLI::App& app, command& selected, const global_options& global) {
  auto args = std::make_shared<notification_arguments>();
  CLI::App* cmd = app.add_subcommand(
      "notifications", "Print a data core's events as they are stored (NDJSON, until Ctrl-C)");
  cmd->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  cmd->add_option("--data-core", args->data_core, "The data core's name")
      ->type_name("NAME")
      ->required();
  CLI::Option* flow_type =
      cmd->add_option("--flow-type", args->flow_type, "Only this flow type's events")
          ->type_name("NAME");
  cmd->add_option("--event-type", args->event_type,
                  "Only this event type's events (needs --flow-type)")
      ->type_name("NAME")
      ->needs(flow_type);
  cmd->add_option("--count", args->count, "Stop after N notifications (exit 0)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-reconnects", args->max_reconnects,
                  "Fail (exit 6) after N failed reconnects in a row; 0: retry forever")
      ->type_name("N")
      ->check(CLI::NonNegativeNumber);
  cmd->footer(help_footer(
      "  flowcore-cli notifications --tenant acme --data-core orders\n"
      "  flowcore-cli notifications --tenant acme --data-core orders --flow-type order \\\n"
      "      --event-type created --count 10 > created.ndjson\n"
      "\n"
      "One JSON object per line: {\"pattern\":...,\"data\":{\"event_id\":...}}. Events stored\n"
      "while the socket was down are not replayed: use `tail` to see every event.\n"
      "Exit status: 0 after --count or Ctrl-C; a failure's status otherwise."));
  cmd->callback([&selected, &global, args] {
    selected = [&global, args](command_context& ctx) -> boost::asio::awaitable<void> {
      const flowcore::client_options client = make_client_options(global);
      flowcore::notification_options options{.credentials = client.credentials,
                                             .base_url = client.base_url,
                                             .subscription = {.tenant = args->tenant,
                                                              .data_core = args->data_core,
                                                              .flow_type = args->flow_type,
                                                              .event_type = args->event_type},
                                             .max_reconnects = args->max_reconnects,
                                             .max_events = args->count,
                                             .logger = client.logger,
                                             .ca_file = client.ca_file};
      flowcore::notification_stream stream(ctx.client.get_executor(), std::move(options));
      try {
        while (std::optional<flowcore::notification_event> event = co_await stream.next())
          print_line(ctx.out, to_json(*event));
      } catch (const flowcore::client_error& error) {
        if (error.code() != flowcore::error::cancelled) throw;
        // Ctrl-C or SIGTERM: the user's way to end a live stream; not a failure.
        stream.close();
      }
    };
  });
}

}  // namespace flowcore::cli
