// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands.hpp"
#include "resolve.hpp"
#include "waiting.hpp"

#include <flowcore/commands/data_core.hpp>

#include <array>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace flowcore::cli {
namespace {

constexpr std::array<column, 4> list_columns{{
    {"ID", "id"},
    {"NAME", "name"},
    {"ACCESS", "access_control"},
    {"DESCRIPTION", "description"},
}};

struct data_core_arguments {
  std::string tenant;
  std::string name;
  std::string description;
  std::string id_or_name;
  bool public_access = false;
  bool delete_protection = false;
  // update: what to change (unset or false: unchanged).
  std::optional<std::string> new_description;
  bool private_access = false;
  bool no_delete_protection = false;
  wait_arguments wait;
};

// ID, or NAME with --tenant: how get, update and delete name their data core.
void add_address(CLI::App& command, data_core_arguments& args) {
  command.add_option("ID", args.id_or_name, "The data core's id (its name with --tenant)")
      ->type_name("")
      ->required();
  command.add_option("--tenant", args.tenant, "The tenant's name: look the data core up by name")
      ->type_name("NAME");
}

boost::asio::awaitable<flowcore::data_core> fetch_data_core(flowcore::client& client,
                                                            const data_core_arguments& args) {
  flowcore::data_core_fetch cmd;
  if (args.tenant.empty()) {
    cmd.data_core_id = args.id_or_name;
  } else {
    cmd.tenant = args.tenant;
    cmd.data_core = args.id_or_name;
  }
  co_return co_await client.execute(cmd);
}

}  // namespace

void add_data_core_commands(CLI::App& app, command& selected) {
  CLI::App* family =
      app.add_subcommand("data-core", "Data cores: list, get, create, update, delete");
  family->require_subcommand(1);
  family->footer(
      help_footer("  flowcore-cli data-core list --tenant acme\n"
                  "  flowcore-cli data-core create --tenant acme --name orders\n"
                  "  flowcore-cli data-core get <id>\n"
                  "  flowcore-cli data-core get --tenant acme orders\n"
                  "  flowcore-cli data-core update --tenant acme orders --public\n"
                  "  flowcore-cli data-core delete --tenant acme orders"));

  // One set of arguments for the family: only one sub-command runs.
  auto args = std::make_shared<data_core_arguments>();

  CLI::App* list = family->add_subcommand("list", "List a tenant's data cores");
  list->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  list->footer(help_footer("  flowcore-cli data-core list --tenant acme"));
  list->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::data_core_list cmd{.tenant = args->tenant};
      const std::vector<flowcore::data_core> result = co_await ctx.client.execute(cmd);
      print_list(ctx.out, ctx.format, result, list_columns);
    };
  });

  CLI::App* get = family->add_subcommand("get", "Show a data core by id, or by name with --tenant");
  add_address(*get, *args);
  get->footer(
      help_footer("  flowcore-cli data-core get 3f2a...\n"
                  "  flowcore-cli data-core get --tenant acme orders"));
  get->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      const flowcore::data_core result = co_await fetch_data_core(ctx.client, *args);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* create = family->add_subcommand("create", "Create a data core");
  create->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  create->add_option("--name", args->name, "The new data core's name")
      ->type_name("NAME")
      ->required();
  create->add_option("--description", args->description, "Free text (default: empty)")
      ->type_name("TEXT");
  create->add_flag("--public", args->public_access, "Public access (default: private)");
  create->add_flag("--delete-protection", args->delete_protection,
                   "Refuse deletion until turned off");
  create->footer(help_footer(
      "  flowcore-cli data-core create --tenant acme --name orders\n"
      "  flowcore-cli data-core create --tenant acme --name orders --description 'Web shop'"));
  create->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      // The create command takes the tenant's id; users know its name. Awaited apart from
      // the aggregate: GCC 12 mishandles co_await inside braced initializers.
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::data_core_create cmd{
          .tenant_id = std::move(tenant),
          .name = args->name,
          .description = args->description,
          .access_control = args->public_access ? flowcore::access_control::public_access
                                                : flowcore::access_control::private_access,
          .delete_protection = args->delete_protection,
      };
      const flowcore::data_core result = co_await ctx.client.execute(cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* update = family->add_subcommand(
      "update", "Change a data core's description, access or delete protection");
  add_address(*update, *args);
  update
      ->add_option_function<std::string>(
          "--description", [args](const std::string& text) { args->new_description = text; },
          "New free text (empty: none)")
      ->type_name("TEXT");
  CLI::Option* make_public = update->add_flag("--public", args->public_access, "Make it public");
  update->add_flag("--private", args->private_access, "Make it private")->excludes(make_public);
  CLI::Option* protect = update->add_flag("--delete-protection", args->delete_protection,
                                          "Refuse deletion until turned off");
  update->add_flag("--no-delete-protection", args->no_delete_protection, "Allow deletion")
      ->excludes(protect);
  update->footer(
      help_footer("  flowcore-cli data-core update --tenant acme orders --description 'Web shop'\n"
                  "  flowcore-cli data-core update 3f2a... --public --delete-protection\n"
                  "  flowcore-cli data-core update --tenant acme orders --no-delete-protection"));
  update->callback([&selected, args] {
    if (!args->new_description && !args->public_access && !args->private_access &&
        !args->delete_protection && !args->no_delete_protection) {
      throw CLI::ValidationError(
          "nothing to update: give --description, --public, --private, --delete-protection or "
          "--no-delete-protection");
    }
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::data_core_update cmd;
      if (args->tenant.empty()) {
        cmd.data_core_id = args->id_or_name;
      } else {
        cmd.data_core_id = co_await data_core_id(ctx.client, args->tenant, args->id_or_name);
      }
      cmd.description = args->new_description;
      if (args->public_access) cmd.access_control = flowcore::access_control::public_access;
      if (args->private_access) cmd.access_control = flowcore::access_control::private_access;
      if (args->delete_protection) cmd.delete_protection = true;
      if (args->no_delete_protection) cmd.delete_protection = false;
      const flowcore::data_core result = co_await ctx.client.execute(cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });

  CLI::App* remove = family->add_subcommand(
      "delete",
      "Delete a data core with its flow types, event types and events, and wait until it is\n"
      "gone. A delete-protected data core is refused (exit status 5): update it with\n"
      "--no-delete-protection first");
  add_address(*remove, *args);
  add_wait_options(*remove, args->wait);
  remove->footer(
      help_footer("  flowcore-cli data-core delete --tenant acme orders\n"
                  "  flowcore-cli data-core delete 3f2a... --no-wait\n"
                  "  flowcore-cli data-core delete --tenant acme orders --wait-timeout 120"));
  remove->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      // Fetched first: the request wants the tenant's name, which an id alone does not give.
      const flowcore::data_core target = co_await fetch_data_core(ctx.client, *args);
      flowcore::data_core_request_delete cmd{.tenant = target.tenant,
                                             .data_core_id = target.id,
                                             .wait = !args->wait.no_wait,
                                             .wait_options = to_wait_options(args->wait)};
      const std::string what = "data core " + target.id;
      co_await delete_and_wait(ctx, cmd, args->wait, what);
      print_object(ctx.out, ctx.format, deletion_result(target.id, target.name, args->wait));
    };
  });
}

}  // namespace flowcore::cli
