// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands.hpp"

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
    {"DISPLAY NAME", "display_name"},
    {"DEDICATED", "is_dedicated"},
}};

}  // namespace

void add_tenant_commands(CLI::App& app, command& selected) {
  CLI::App* tenant = app.add_subcommand("tenant", "Tenants: list, get");
  tenant->require_subcommand(1);
  tenant->footer(help_footer("  flowcore-cli tenant list\n  flowcore-cli tenant get acme"));

  CLI::App* list = tenant->add_subcommand("list", "List the tenants the credentials can see");
  list->footer(help_footer("  flowcore-cli tenant list\n  flowcore-cli -o table tenant list"));
  list->callback([&selected] {
    selected = [](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::tenant_list cmd;
      const std::vector<flowcore::tenant_list_item> result = co_await ctx.client.execute(cmd);
      print_list(ctx.out, ctx.format, result, list_columns);
    };
  });

  // Shared: CLI11 writes into it while parsing, the command reads it later.
  auto name = std::make_shared<std::string>();
  CLI::App* get = tenant->add_subcommand("get", "Show a tenant by name");
  get->add_option("NAME", *name, "The tenant's name")->type_name("")->required();
  get->footer(
      help_footer("  flowcore-cli tenant get acme\n  flowcore-cli -o table tenant get acme"));
  get->callback([&selected, name] {
    selected = [name](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::tenant_fetch fetch{.tenant = *name};
      const flowcore::tenant result = co_await ctx.client.execute(fetch);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });
}

}  // namespace flowcore::cli
