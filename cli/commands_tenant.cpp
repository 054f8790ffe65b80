// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands.hpp"

#include <flowcore/commands/tenant.hpp>

#include <memory>
#include <string>

namespace flowcore::cli {

void add_tenant_commands(CLI::App& app, command& selected) {
  CLI::App* tenant = app.add_subcommand("tenant", "Tenants: get");
  tenant->require_subcommand(1);
  tenant->footer(help_footer("  flowcore-cli tenant get acme"));

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
