// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `secret list|get|create|edit|delete`: a tenant's secrets. Bearer token only. A value goes
// in (from stdin by preference: an argument shows in ps) and never comes out: the platform
// does not return it, and nothing here prints or logs it.
#include "bearer_only.hpp"
#include "commands.hpp"
#include "resolve.hpp"
#include "secret_input.hpp"

#include <flowcore/commands/secret.hpp>

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowcore::cli {
namespace {

constexpr std::array<column, 4> list_columns{{
    {"KEY", "key"},
    {"CREATED", "created_at"},
    {"UPDATED", "updated_at"},
    {"DESCRIPTION", "description"},
}};

struct secret_arguments {
  std::string tenant;
  std::string key;
  std::optional<std::string> value;  // As given; "-" means stdin.
  bool value_stdin = false;
  std::optional<std::string> description;
};

constexpr const char* bearer_note = "Needs a bearer token (FLOWCORE_TOKEN), not an API key.";

void add_tenant_and_key(CLI::App& command, const std::shared_ptr<secret_arguments>& args) {
  command.add_option("KEY", args->key, "The secret's key (its name)")->type_name("")->required();
  command.add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
}

// VALUE, "-" and --value-stdin: where the value comes from.
void add_value_options(CLI::App& command, const std::shared_ptr<secret_arguments>& args,
                       std::string_view when_absent) {
  command
      .add_option("VALUE", args->value,
                  "The value (an argument shows in ps: prefer stdin); - reads stdin. " +
                      std::string(when_absent))
      ->type_name("");
  command.add_flag("--value-stdin", args->value_stdin,
                   "Read the value from stdin (all of it, less a final newline)");
  command.add_option("--description", args->description, "Free text")->type_name("TEXT");
}

// The value to send, if any: read from stdin when asked, or when `stdin_by_default` and no
// value was given. Called while parsing (see read_secret_from_stdin).
std::optional<std::string> value_to_send(const secret_arguments& args, bool stdin_by_default) {
  const bool dash = args.value && *args.value == "-";
  if (args.value_stdin && args.value && !dash) {
    throw CLI::ValidationError("VALUE", "give the value as an argument or --value-stdin, not both");
  }
  if (args.value_stdin || dash || (!args.value && stdin_by_default)) {
    return read_secret_from_stdin("secret value", secret_extent::whole_input);
  }
  return args.value;
}

void add_list(CLI::App& family, command& selected, const std::shared_ptr<secret_arguments>& args) {
  CLI::App* list = family.add_subcommand("list", "List a tenant's secrets (without values)");
  list->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  list->footer(
      help_footer(std::string("  flowcore-cli secret list --tenant acme\n\n") + bearer_note));
  list->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::secret_list cmd{.tenant_id = std::move(tenant)};
      const std::vector<flowcore::secret> result = co_await execute_with_token(ctx.client, cmd);
      print_list(ctx.out, ctx.format, result, list_columns);
    };
  });
}

void add_get(CLI::App& family, command& selected, const std::shared_ptr<secret_arguments>& args) {
  CLI::App* get = family.add_subcommand("get", "Show a secret (without its value)");
  add_tenant_and_key(*get, args);
  get->footer(help_footer(std::string("  flowcore-cli secret get --tenant acme db-password\n\n"
                                      "The platform never returns a secret's value: this shows "
                                      "its key, description and dates.\n") +
                          bearer_note));
  get->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::secret_fetch cmd{.tenant_id = std::move(tenant), .key = args->key};
      const flowcore::secret result = co_await execute_with_token(ctx.client, cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });
}

void add_create(CLI::App& family, command& selected,
                const std::shared_ptr<secret_arguments>& args) {
  CLI::App* create = family.add_subcommand("create", "Create a secret");
  add_tenant_and_key(*create, args);
  add_value_options(*create, args, "Absent: stdin.");
  create->footer(help_footer(
      std::string("  flowcore-cli secret create --tenant acme db-password < password.txt\n"
                  "  printenv DB_PASSWORD | flowcore-cli secret create --tenant acme "
                  "db-password --value-stdin\n"
                  "  flowcore-cli secret create --tenant acme db-password     (prompts, "
                  "without echo)\n\n"
                  "Prints the new secret without its value. ") +
      bearer_note));
  create->callback([&selected, args] {
    // Read now, while parsing: see read_secret_from_stdin.
    auto value = std::make_shared<std::string>(*value_to_send(*args, true));
    selected = [args, value](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::secret_create cmd{.tenant_id = std::move(tenant),
                                  .key = args->key,
                                  .value = *value,
                                  .description = args->description};
      const flowcore::secret result = co_await execute_with_token(ctx.client, cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });
}

void add_edit(CLI::App& family, command& selected, const std::shared_ptr<secret_arguments>& args) {
  CLI::App* edit = family.add_subcommand("edit", "Change a secret's value and/or description");
  add_tenant_and_key(*edit, args);
  add_value_options(*edit, args, "Absent: unchanged.");
  edit->footer(help_footer(
      std::string("  flowcore-cli secret edit --tenant acme db-password - < password.txt\n"
                  "  flowcore-cli secret edit --tenant acme db-password --description 'Main DB'\n"
                  "\n") +
      bearer_note));
  edit->callback([&selected, args] {
    auto value = std::make_shared<std::optional<std::string>>(value_to_send(*args, false));
    if (!*value && !args->description) {
      throw CLI::ValidationError("secret edit",
                                 "nothing to change: give a value (-, --value-stdin or VALUE) "
                                 "or --description");
    }
    selected = [args, value](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::secret_edit cmd{.tenant_id = std::move(tenant),
                                .key = args->key,
                                .value = *value,
                                .description = args->description};
      const flowcore::secret result = co_await execute_with_token(ctx.client, cmd);
      print_object(ctx.out, ctx.format, to_json(result));
    };
  });
}

void add_delete(CLI::App& family, command& selected,
                const std::shared_ptr<secret_arguments>& args) {
  CLI::App* erase = family.add_subcommand("delete", "Delete a secret");
  add_tenant_and_key(*erase, args);
  erase->footer(help_footer(
      std::string("  flowcore-cli secret delete --tenant acme db-password\n\n") + bearer_note));
  erase->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::secret_delete cmd{.tenant_id = std::move(tenant), .key = args->key};
      co_await execute_with_token(ctx.client, cmd);
      boost::json::object result{{"key", args->key}, {"deleted", true}};
      print_object(ctx.out, ctx.format, result);
    };
  });
}

}  // namespace

void add_secret_commands(CLI::App& app, command& selected) {
  CLI::App* family = app.add_subcommand("secret", "Secrets: list, get, create, edit, delete");
  family->require_subcommand(1);
  family->footer(
      help_footer("  flowcore-cli secret list --tenant acme\n"
                  "  flowcore-cli secret create --tenant acme db-password < password.txt\n"
                  "  flowcore-cli secret edit --tenant acme db-password --description 'Main DB'\n"
                  "  flowcore-cli secret delete --tenant acme db-password\n"
                  "\n"
                  "Values go in from stdin (an argument shows in ps) and are never shown.\n"
                  "Needs a bearer token (FLOWCORE_TOKEN), not an API key."));

  // One set of arguments for the family: only one sub-command runs.
  auto args = std::make_shared<secret_arguments>();
  add_list(*family, selected, args);
  add_get(*family, selected, args);
  add_create(*family, selected, args);
  add_edit(*family, selected, args);
  add_delete(*family, selected, args);
}

}  // namespace flowcore::cli
