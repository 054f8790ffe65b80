// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `event-type list|get|create|update|delete|truncate`, addressed by names: --tenant,
// --data-core and --flow-type name the flow type; an event type is named by its id, or by
// its name with all three of them.
#include "commands.hpp"
#include "progress.hpp"
#include "resolve.hpp"
#include "waiting.hpp"

#include <flowcore/commands/event_type.hpp>
#include <flowcore/commands/flow_type.hpp>
#include <flowcore/wait_until_truncated.hpp>

#include <boost/asio/this_coro.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowcore::cli {
namespace {

constexpr std::array<column, 3> list_columns{{
    {"ID", "id"},
    {"NAME", "name"},
    {"DESCRIPTION", "description"},
}};

struct event_type_arguments {
  std::string tenant;
  std::string data_core;
  std::string flow_type;
  std::string id_or_name;
  std::string name;
  std::optional<std::string> description;
  std::string mask_key;
  std::string mask_schema;
  bool sensitive_data = false;
  bool no_sensitive_data = false;
  wait_arguments wait;

  std::optional<flowcore::sensitive_data_mask> mask() const {
    if (mask_key.empty()) return std::nullopt;
    return flowcore::sensitive_data_mask{.key = mask_key, .schema = mask_schema};
  }
  std::optional<bool> sensitive_data_enabled() const {
    if (sensitive_data) return true;
    if (no_sensitive_data) return false;
    return std::nullopt;
  }
};

// --tenant, --data-core and --flow-type, required (list, create).
void add_parent(CLI::App& command, event_type_arguments& args) {
  command.add_option("--tenant", args.tenant, "The tenant's name")->type_name("NAME")->required();
  command.add_option("--data-core", args.data_core, "The data core's name")
      ->type_name("NAME")
      ->required();
  command.add_option("--flow-type", args.flow_type, "The flow type's name")
      ->type_name("NAME")
      ->required();
}

// EVENT_TYPE: an id, or a name with --tenant, --data-core and --flow-type (get, update,
// delete, truncate).
void add_address(CLI::App& command, event_type_arguments& args) {
  command
      .add_option("EVENT_TYPE", args.id_or_name,
                  "The event type's id (its name with --tenant, --data-core and --flow-type)")
      ->type_name("")
      ->required();
  const std::array<CLI::Option*, 3> parent{
      command
          .add_option("--tenant", args.tenant, "The tenant's name: look the event type up by name")
          ->type_name("NAME"),
      command.add_option("--data-core", args.data_core, "The data core's name, with --tenant")
          ->type_name("NAME"),
      command.add_option("--flow-type", args.flow_type, "The flow type's name, with --tenant")
          ->type_name("NAME"),
  };
  // All three or none: a name is only unique within its flow type.
  for (CLI::Option* option : parent) {
    for (CLI::Option* other : parent) {
      if (other != option) option->needs(other);
    }
  }
}

// --description: an optional, so that update can tell "unchanged" from "empty".
void add_description(CLI::App& command, event_type_arguments& args, const char* help) {
  command
      .add_option_function<std::string>(
          "--description", [&args](const std::string& text) { args.description = text; }, help)
      ->type_name("TEXT");
}

// The sensitive-data options of create and update.
void add_sensitive_data_options(CLI::App& command, event_type_arguments& args) {
  CLI::Option* key =
      command
          .add_option("--sensitive-data-key", args.mask_key,
                      "The payload field naming the subject, e.g. customerId (with the schema)")
          ->type_name("FIELD");
  CLI::Option* schema =
      command
          .add_option("--sensitive-data-schema", args.mask_schema,
                      "JSON object of the sensitive fields, e.g. '{\"email\":\"string\"}'")
          ->type_name("JSON");
  key->needs(schema);
  schema->needs(key);
  CLI::Option* enable =
      command.add_flag("--sensitive-data", args.sensitive_data, "Enable sensitive-data handling");
  command
      .add_flag("--no-sensitive-data", args.no_sensitive_data, "Disable sensitive-data handling")
      ->excludes(enable);
}

boost::asio::awaitable<flowcore::event_type> fetch_event_type(flowcore::client& client,
                                                              const event_type_arguments& args) {
  flowcore::event_type_fetch cmd;
  if (args.tenant.empty()) {
    cmd.event_type_id = args.id_or_name;
  } else {
    cmd.flow_type_id = co_await flow_type_id(client, args.tenant, args.data_core, args.flow_type);
    cmd.event_type = args.id_or_name;
  }
  co_return co_await client.execute(cmd);
}

// The event type's id: as given, or looked up by its name.
boost::asio::awaitable<std::string> event_type_id_of(flowcore::client& client,
                                                     const event_type_arguments& args) {
  if (args.tenant.empty()) co_return args.id_or_name;
  const flowcore::event_type found = co_await fetch_event_type(client, args);
  co_return found.id;
}

// The event type a delete or truncate acts on, and its tenant's name, which the request
// wants (an event type carries only its tenant's id).
struct target {
  flowcore::event_type event_type;
  std::string tenant;
};

boost::asio::awaitable<target> fetch_target(flowcore::client& client,
                                            const event_type_arguments& args) {
  target result;
  result.event_type = co_await fetch_event_type(client, args);
  result.tenant = args.tenant;
  if (result.tenant.empty()) {
    result.tenant = co_await tenant_name(client, result.event_type.tenant_id);
  }
  co_return result;
}

// Starts the status line of a wait (shown on a terminal only) in `waiting`; it ends when
// `waiting` is reset.
}  // namespace

void add_event_type_commands(CLI::App& app, command& selected) {
  CLI::App* family =
      app.add_subcommand("event-type", "Event types: list, get, create, update, delete, truncate");
  family->require_subcommand(1);
  family->footer(help_footer(
      "  flowcore-cli event-type list --tenant acme --data-core orders --flow-type order\n"
      "  flowcore-cli event-type create --tenant acme --data-core orders --flow-type order "
      "--name created\n"
      "  flowcore-cli event-type get --tenant acme --data-core orders --flow-type order created\n"
      "  flowcore-cli event-type truncate <id>"));

  // One set of arguments for the family: only one sub-command runs.
  auto args = std::make_shared<event_type_arguments>();

  CLI::App* list = family->add_subcommand("list", "List a flow type's event types");
  add_parent(*list, *args);
  list->footer(help_footer(
      "  flowcore-cli event-type list --tenant acme --data-core orders --flow-type order"));
  list->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::event_type_list cmd;
      cmd.flow_type_id =
          co_await flow_type_id(ctx.client, args->tenant, args->data_core, args->flow_type);
      const std::vector<flowcore::event_type> result = co_await ctx.client.execute(cmd);
      print_list(ctx.out, ctx.format, result, list_columns);
    };
  });

  CLI::App* get = family->add_subcommand(
      "get", "Show an event type by id, or by name with --tenant, --data-core and --flow-type");
  add_address(*get, *args);
  get->footer(help_footer(
      "  flowcore-cli event-type get 9d4b...\n"
      "  flowcore-cli event-type get --tenant acme --data-core orders --flow-type order created"));
  get->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      const flowcore::event_type result = co_await fetch_event_type(ctx.client, *args);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* create = family->add_subcommand("create", "Create an event type in a flow type");
  add_parent(*create, *args);
  create->add_option("--name", args->name, "The new event type's name")
      ->type_name("NAME")
      ->required();
  add_description(*create, *args, "Free text (default: empty)");
  add_sensitive_data_options(*create, *args);
  create->footer(help_footer(
      "  flowcore-cli event-type create --tenant acme --data-core orders --flow-type order "
      "--name created\n"
      "  flowcore-cli event-type create --tenant acme --data-core orders --flow-type order "
      "--name created \\\n"
      "      --sensitive-data-key customerId --sensitive-data-schema '{\"email\":\"string\"}'"));
  create->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::event_type_create cmd{.name = args->name,
                                      .description = args->description.value_or(""),
                                      .sensitive_data_mask = args->mask(),
                                      .sensitive_data_enabled = args->sensitive_data_enabled()};
      cmd.flow_type_id =
          co_await flow_type_id(ctx.client, args->tenant, args->data_core, args->flow_type);
      const flowcore::event_type result = co_await ctx.client.execute(cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* update = family->add_subcommand(
      "update", "Change an event type's description or sensitive-data settings");
  add_address(*update, *args);
  add_description(*update, *args, "New free text (empty: none)");
  add_sensitive_data_options(*update, *args);
  update->footer(help_footer(
      "  flowcore-cli event-type update --tenant acme --data-core orders --flow-type order "
      "created --description 'An order was placed'\n"
      "  flowcore-cli event-type update 9d4b... --no-sensitive-data"));
  update->callback([&selected, args] {
    if (!args->description && !args->mask() && !args->sensitive_data_enabled()) {
      throw CLI::ValidationError(
          "nothing to update: give --description, --sensitive-data-key with "
          "--sensitive-data-schema, --sensitive-data or --no-sensitive-data");
    }
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::event_type_update cmd{.description = args->description,
                                      .sensitive_data_mask = args->mask(),
                                      .sensitive_data_enabled = args->sensitive_data_enabled()};
      cmd.event_type_id = co_await event_type_id_of(ctx.client, *args);
      const flowcore::event_type result = co_await ctx.client.execute(cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* remove = family->add_subcommand(
      "delete", "Delete an event type with its events, and wait until it is gone");
  add_address(*remove, *args);
  add_wait_options(*remove, args->wait);
  remove->footer(help_footer(
      "  flowcore-cli event-type delete --tenant acme --data-core orders --flow-type order "
      "created\n"
      "  flowcore-cli event-type delete 9d4b... --no-wait"));
  remove->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      const target found = co_await fetch_target(ctx.client, *args);
      flowcore::event_type_request_delete cmd{.tenant = found.tenant,
                                              .event_type_id = found.event_type.id,
                                              .wait = !args->wait.no_wait,
                                              .wait_options = to_wait_options(args->wait)};
      const std::string what = "event type " + found.event_type.id;
      co_await delete_and_wait(ctx, cmd, args->wait, what);
      print_object(ctx.out, ctx.format,
                   deletion_result(found.event_type.id, found.event_type.name, args->wait));
    };
  });

  CLI::App* truncate = family->add_subcommand(
      "truncate", "Delete an event type's stored events, keep the event type, and wait until done");
  add_address(*truncate, *args);
  add_wait_options(*truncate, args->wait);
  truncate->footer(help_footer(
      "  flowcore-cli event-type truncate --tenant acme --data-core orders --flow-type order "
      "created\n"
      "  flowcore-cli event-type truncate 9d4b... --no-wait"));
  truncate->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      const target found = co_await fetch_target(ctx.client, *args);
      const flowcore::wait_options wait_options = to_wait_options(args->wait);
      flowcore::event_type_request_truncate cmd{.tenant = found.tenant,
                                                .event_type_id = found.event_type.id,
                                                .wait = !args->wait.no_wait,
                                                .wait_options = wait_options};
      const flowcore::call_options options = waiting_call_options(ctx, args->wait);
      std::optional<progress> waiting;
      if (cmd.wait) co_await start_progress(waiting, "waiting for the truncation");
      const auto started = std::chrono::steady_clock::now();
      const bool accepted = co_await ctx.client.execute(cmd, options);
      if (!accepted) {
        throw std::runtime_error("the server did not accept the truncation of event type " +
                                 found.event_type.id);
      }
      if (cmd.wait) {
        // The request's own wait ends when the truncation has started; the events are gone
        // only when it has finished. One --wait-timeout for both waits together.
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now() - started);
        flowcore::wait_options rest = wait_options;
        rest.cap = std::max(wait_options.cap - elapsed, std::chrono::milliseconds(1));
        co_await flowcore::wait_until_truncated(ctx.client, found.event_type.id, rest, options);
      }
      waiting.reset();
      print_object(ctx.out, ctx.format,
                   truncation_result(found.event_type.id, found.event_type.name, args->wait));
    };
  });
}

}  // namespace flowcore::cli
