// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands.hpp"

#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/tenant.hpp>

#include <array>
#include <memory>
#include <string>
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
};

}  // namespace

void add_data_core_commands(CLI::App& app, command& selected) {
  CLI::App* family = app.add_subcommand("data-core", "Data cores: list, get, create");
  family->require_subcommand(1);
  family->footer(
      help_footer("  flowcore-cli data-core list --tenant acme\n"
                  "  flowcore-cli data-core create --tenant acme --name orders\n"
                  "  flowcore-cli data-core get <id>\n"
                  "  flowcore-cli data-core get --tenant acme orders"));

  // One set of arguments for the family: only one sub-command runs.
  auto args = std::make_shared<data_core_arguments>();

  CLI::App* list = family->add_subcommand("list", "List a tenant's data cores");
  list->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  list->footer(help_footer("  flowcore-cli data-core list --tenant acme"));
  list->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::data_core_list cmd{.tenant = args->tenant};
      const std::vector<flowcore::data_core> result = co_await ctx.client.execute(cmd);
      boost::json::array rows;
      for (const flowcore::data_core& dc : result) rows.push_back(to_json(dc));
      print_list(ctx.out, ctx.format, rows, list_columns);
    };
  });

  CLI::App* get = family->add_subcommand("get", "Show a data core by id, or by name with --tenant");
  get->add_option("ID", args->id_or_name, "The data core's id (its name with --tenant)")
      ->type_name("")
      ->required();
  get->add_option("--tenant", args->tenant, "The tenant's name: look the data core up by name")
      ->type_name("NAME");
  get->footer(
      help_footer("  flowcore-cli data-core get 3f2a...\n"
                  "  flowcore-cli data-core get --tenant acme orders"));
  get->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::data_core_fetch cmd;
      if (args->tenant.empty()) {
        cmd.data_core_id = args->id_or_name;
      } else {
        cmd.tenant = args->tenant;
        cmd.data_core = args->id_or_name;
      }
      const flowcore::data_core result = co_await ctx.client.execute(cmd);
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
      // The create command takes the tenant's id; users know its name.
      flowcore::tenant_fetch fetch{.tenant = args->tenant};
      const flowcore::tenant tenant = co_await ctx.client.execute(fetch);
      flowcore::data_core_create cmd{
          .tenant_id = tenant.id,
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
}

}  // namespace flowcore::cli
