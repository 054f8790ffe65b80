// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `flow-type list|get|create|update|delete`, addressed by names: --tenant and --data-core
// name the data core; a flow type is named by its id, or by its name with both of them.
#include "commands.hpp"
#include "resolve.hpp"
#include "waiting.hpp"

#include <flowcore/commands/flow_type.hpp>

#include <array>
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

struct flow_type_arguments {
  std::string tenant;
  std::string data_core;
  std::string id_or_name;
  std::string name;
  std::string description;
  std::optional<std::string> new_description;
  wait_arguments wait;
};

// --tenant and --data-core, required (list, create).
void add_parent(CLI::App& command, flow_type_arguments& args) {
  command.add_option("--tenant", args.tenant, "The tenant's name")->type_name("NAME")->required();
  command.add_option("--data-core", args.data_core, "The data core's name")
      ->type_name("NAME")
      ->required();
}

// FLOW_TYPE: an id, or a name with --tenant and --data-core (get, update, delete).
void add_address(CLI::App& command, flow_type_arguments& args) {
  command
      .add_option("FLOW_TYPE", args.id_or_name,
                  "The flow type's id (its name with --tenant and --data-core)")
      ->type_name("")
      ->required();
  CLI::Option* tenant =
      command
          .add_option("--tenant", args.tenant, "The tenant's name: look the flow type up by name")
          ->type_name("NAME");
  CLI::Option* data_core =
      command.add_option("--data-core", args.data_core, "The data core's name, with --tenant")
          ->type_name("NAME");
  tenant->needs(data_core);
  data_core->needs(tenant);
}

boost::asio::awaitable<flowcore::flow_type> fetch_flow_type(flowcore::client& client,
                                                            const flow_type_arguments& args) {
  flowcore::flow_type_fetch cmd;
  if (args.tenant.empty()) {
    cmd.flow_type_id = args.id_or_name;
  } else {
    cmd.data_core_id = co_await data_core_id(client, args.tenant, args.data_core);
    cmd.flow_type = args.id_or_name;
  }
  co_return co_await client.execute(cmd);
}

// The flow type's id: as given, or looked up by its name.
boost::asio::awaitable<std::string> flow_type_id_of(flowcore::client& client,
                                                    const flow_type_arguments& args) {
  if (args.tenant.empty()) co_return args.id_or_name;
  co_return co_await flow_type_id(client, args.tenant, args.data_core, args.id_or_name);
}

}  // namespace

void add_flow_type_commands(CLI::App& app, command& selected) {
  CLI::App* family =
      app.add_subcommand("flow-type", "Flow types: list, get, create, update, delete");
  family->require_subcommand(1);
  family->footer(
      help_footer("  flowcore-cli flow-type list --tenant acme --data-core orders\n"
                  "  flowcore-cli flow-type create --tenant acme --data-core orders --name order\n"
                  "  flowcore-cli flow-type get --tenant acme --data-core orders order\n"
                  "  flowcore-cli flow-type delete <id>"));

  // One set of arguments for the family: only one sub-command runs.
  auto args = std::make_shared<flow_type_arguments>();

  CLI::App* list = family->add_subcommand("list", "List a data core's flow types");
  add_parent(*list, *args);
  list->footer(help_footer("  flowcore-cli flow-type list --tenant acme --data-core orders"));
  list->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::flow_type_list cmd;
      cmd.data_core_id = co_await data_core_id(ctx.client, args->tenant, args->data_core);
      const std::vector<flowcore::flow_type> result = co_await ctx.client.execute(cmd);
      print_list(ctx.out, ctx.format, result, list_columns);
    };
  });

  CLI::App* get = family->add_subcommand(
      "get", "Show a flow type by id, or by name with --tenant and --data-core");
  add_address(*get, *args);
  get->footer(
      help_footer("  flowcore-cli flow-type get 7c1e...\n"
                  "  flowcore-cli flow-type get --tenant acme --data-core orders order"));
  get->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      const flowcore::flow_type result = co_await fetch_flow_type(ctx.client, *args);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* create = family->add_subcommand("create", "Create a flow type in a data core");
  add_parent(*create, *args);
  create->add_option("--name", args->name, "The new flow type's name")
      ->type_name("NAME")
      ->required();
  create->add_option("--description", args->description, "Free text (default: empty)")
      ->type_name("TEXT");
  create->footer(
      help_footer("  flowcore-cli flow-type create --tenant acme --data-core orders --name order\n"
                  "  flowcore-cli flow-type create --tenant acme --data-core orders --name order "
                  "--description 'Orders'"));
  create->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::flow_type_create cmd{.name = args->name, .description = args->description};
      cmd.data_core_id = co_await data_core_id(ctx.client, args->tenant, args->data_core);
      const flowcore::flow_type result = co_await ctx.client.execute(cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* update = family->add_subcommand("update", "Change a flow type's description");
  add_address(*update, *args);
  update
      ->add_option_function<std::string>(
          "--description", [args](const std::string& text) { args->new_description = text; },
          "New free text (empty: none)")
      ->type_name("TEXT")
      // The only field a flow type's update changes: without it there is nothing to do.
      ->required();
  update->footer(
      help_footer("  flowcore-cli flow-type update --tenant acme --data-core orders order "
                  "--description 'Orders'\n"
                  "  flowcore-cli flow-type update 7c1e... --description ''"));
  update->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::flow_type_update cmd{.description = args->new_description};
      cmd.flow_type_id = co_await flow_type_id_of(ctx.client, *args);
      const flowcore::flow_type result = co_await ctx.client.execute(cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* remove = family->add_subcommand(
      "delete", "Delete a flow type with its event types and events, and wait until it is gone");
  add_address(*remove, *args);
  add_wait_options(*remove, args->wait);
  remove->footer(
      help_footer("  flowcore-cli flow-type delete --tenant acme --data-core orders order\n"
                  "  flowcore-cli flow-type delete 7c1e... --no-wait"));
  remove->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      const flowcore::flow_type target = co_await fetch_flow_type(ctx.client, *args);
      // The request wants the tenant's name; a flow type carries only its tenant's id.
      std::string tenant = args->tenant;
      if (tenant.empty()) tenant = co_await tenant_name(ctx.client, target.tenant_id);
      flowcore::flow_type_request_delete cmd{.tenant = std::move(tenant),
                                             .flow_type_id = target.id,
                                             .wait = !args->wait.no_wait,
                                             .wait_options = to_wait_options(args->wait)};
      const std::string what = "flow type " + target.id;
      co_await delete_and_wait(ctx, cmd, args->wait, what);
      print_object(ctx.out, ctx.format, deletion_result(target.id, target.name, args->wait));
    };
  });
}

}  // namespace flowcore::cli
