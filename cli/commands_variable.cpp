// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `variable list|get|create|edit|delete`: a tenant's variables, plain configuration values
// (unlike secrets, shown in full). Bearer token only.
#include "bearer_only.hpp"
#include "commands.hpp"
#include "resolve.hpp"
#include "secret_input.hpp"

#include <flowcore/commands/variable.hpp>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowcore::cli {
namespace {

constexpr std::array<column, 5> list_columns{{
    {"KEY", "key"},
    {"VALUE", "value"},
    {"CREATED", "created_at"},
    {"UPDATED", "updated_at"},
    {"DESCRIPTION", "description"},
}};

struct variable_arguments {
  std::string tenant;
  std::string key;
  std::optional<std::string> value;  // As given; "-" means stdin.
  std::optional<std::string> description;
};

constexpr const char* bearer_note = "Needs a bearer token (FLOWCORE_TOKEN), not an API key.";

void add_tenant_and_key(CLI::App& command, const std::shared_ptr<variable_arguments>& args) {
  command.add_option("KEY", args->key, "The variable's key (its name)")->type_name("")->required();
  command.add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
}

// "-" reads the value from stdin (a multi-line value, a file). Called while parsing.
std::optional<std::string> value_to_send(const variable_arguments& args) {
  if (args.value && *args.value == "-") {
    return read_secret_from_stdin("variable value", secret_extent::whole_input);
  }
  return args.value;
}

void add_list(CLI::App& family, command& selected,
              const std::shared_ptr<variable_arguments>& args) {
  CLI::App* list = family.add_subcommand("list", "List a tenant's variables, with values");
  list->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  list->footer(
      help_footer(std::string("  flowcore-cli variable list --tenant acme\n\n") + bearer_note));
  list->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::variable_list cmd{.tenant_id = std::move(tenant)};
      const std::vector<flowcore::variable> result = co_await execute_with_token(ctx.client, cmd);
      print_list(ctx.out, ctx.format, result, list_columns);
    };
  });
}

void add_get(CLI::App& family, command& selected, const std::shared_ptr<variable_arguments>& args) {
  CLI::App* get = family.add_subcommand("get", "Show a variable, with its value");
  add_tenant_and_key(*get, args);
  get->footer(help_footer(std::string("  flowcore-cli variable get --tenant acme region\n"
                                      "  flowcore-cli variable get --tenant acme region -o json "
                                      "| jq -r .value\n\n") +
                          bearer_note));
  get->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::variable_fetch cmd{.tenant_id = std::move(tenant), .key = args->key};
      const flowcore::variable result = co_await execute_with_token(ctx.client, cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });
}

void add_create(CLI::App& family, command& selected,
                const std::shared_ptr<variable_arguments>& args) {
  CLI::App* create = family.add_subcommand("create", "Create a variable");
  add_tenant_and_key(*create, args);
  create->add_option("VALUE", args->value, "The value (may be empty); - reads stdin")
      ->type_name("")
      ->required();
  create->add_option("--description", args->description, "Free text")->type_name("TEXT");
  create->footer(help_footer(
      std::string("  flowcore-cli variable create --tenant acme region eu-west-1\n"
                  "  flowcore-cli variable create --tenant acme config - < config.yaml\n\n") +
      bearer_note));
  create->callback([&selected, args] {
    // Read now, while parsing: see read_secret_from_stdin.
    auto value = std::make_shared<std::string>(value_to_send(*args).value_or(""));
    selected = [args, value](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::variable_create cmd{.tenant_id = std::move(tenant),
                                    .key = args->key,
                                    .value = *value,
                                    .description = args->description};
      const flowcore::variable result = co_await execute_with_token(ctx.client, cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });
}

void add_edit(CLI::App& family, command& selected,
              const std::shared_ptr<variable_arguments>& args) {
  CLI::App* edit = family.add_subcommand("edit", "Change a variable's value and/or description");
  add_tenant_and_key(*edit, args);
  edit->add_option("VALUE", args->value, "The new value; - reads stdin. Absent: unchanged")
      ->type_name("");
  edit->add_option("--description", args->description, "The new description")->type_name("TEXT");
  edit->footer(help_footer(
      std::string("  flowcore-cli variable edit --tenant acme region eu-central-1\n"
                  "  flowcore-cli variable edit --tenant acme region --description 'AWS region'\n"
                  "\n") +
      bearer_note));
  edit->callback([&selected, args] {
    auto value = std::make_shared<std::optional<std::string>>(value_to_send(*args));
    if (!*value && !args->description) {
      throw CLI::ValidationError("variable edit",
                                 "nothing to change: give a VALUE (or -) or --description");
    }
    selected = [args, value](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::variable_edit cmd{.tenant_id = std::move(tenant),
                                  .key = args->key,
                                  .value = *value,
                                  .description = args->description};
      const flowcore::variable result = co_await execute_with_token(ctx.client, cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });
}

void add_delete(CLI::App& family, command& selected,
                const std::shared_ptr<variable_arguments>& args) {
  CLI::App* erase = family.add_subcommand("delete", "Delete a variable");
  add_tenant_and_key(*erase, args);
  erase->footer(help_footer(std::string("  flowcore-cli variable delete --tenant acme region\n\n") +
                            bearer_note));
  erase->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::variable_delete cmd{.tenant_id = std::move(tenant), .key = args->key};
      co_await execute_with_token(ctx.client, cmd);
      boost::json::object result{{"key", args->key}, {"deleted", true}};
      print_object(ctx.out, ctx.format, result);
    };
  });
}

}  // namespace

void add_variable_commands(CLI::App& app, command& selected) {
  CLI::App* family = app.add_subcommand("variable", "Variables: list, get, create, edit, delete");
  family->require_subcommand(1);
  family->footer(
      help_footer("  flowcore-cli variable list --tenant acme\n"
                  "  flowcore-cli variable create --tenant acme region eu-west-1\n"
                  "  flowcore-cli variable edit --tenant acme region eu-central-1\n"
                  "  flowcore-cli variable delete --tenant acme region\n"
                  "\n"
                  "Needs a bearer token (FLOWCORE_TOKEN), not an API key."));

  // One set of arguments for the family: only one sub-command runs.
  auto args = std::make_shared<variable_arguments>();
  add_list(*family, selected, args);
  add_get(*family, selected, args);
  add_create(*family, selected, args);
  add_edit(*family, selected, args);
  add_delete(*family, selected, args);
}

}  // namespace flowcore::cli
