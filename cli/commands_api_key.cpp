// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `api-key create|list|delete|validate`. All but validate need a bearer token (the library
// refuses them with an API key). Tenants are named; the commands take ids, looked up here.
#include "bearer_only.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "resolve.hpp"
#include "secret_input.hpp"

#include <flowcore/commands/api_key.hpp>
#include <flowcore/error.hpp>

#include <array>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowcore::cli {
namespace {

constexpr std::array<column, 6> list_columns{{
    {"ID", "id"},
    {"NAME", "name"},
    {"KEY", "masked_api_key"},
    {"CREATED", "created_at"},
    {"LAST_USED", "last_used_at"},
    {"DESCRIPTION", "description"},
}};

struct api_key_arguments {
  std::string tenant;
  std::string name;
  std::optional<std::string> description;
  std::string id_or_name;
  std::string key;  // validate: the key itself, read from stdin unless given as an argument.
};

// The id of the key named `name` in the tenant with id `tenant_id`: the API has no lookup by
// name, so it is looked for among the tenant's keys.
boost::asio::awaitable<std::string> api_key_id(flowcore::client& client, std::string tenant_id,
                                               std::string name) {
  flowcore::api_key_list list{.tenant_id = std::move(tenant_id)};
  const std::vector<flowcore::api_key_info> keys = co_await execute_with_token(client, list);
  for (const flowcore::api_key_info& key : keys) {
    if (key.name == name) co_return key.id;
  }
  flowcore::diagnostics diagnostics;
  diagnostics.command = "api_key_list";
  diagnostics.message = "no API key named '" + name + "' in the tenant";
  throw flowcore::client_error(flowcore::error::not_found, diagnostics);
}

void add_create(CLI::App& family, command& selected,
                const std::shared_ptr<api_key_arguments>& args) {
  CLI::App* create = family.add_subcommand(
      "create", "Create an API key and print it: the full key is shown this once, save it now");
  create->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  create->add_option("--name", args->name, "The key's name, unique within the tenant")
      ->type_name("NAME")
      ->required();
  create->add_option("--description", args->description, "Free text (default: empty)")
      ->type_name("TEXT");
  create->footer(help_footer(
      "  flowcore-cli api-key create --tenant acme --name ci\n"
      "  flowcore-cli api-key create --tenant acme --name ci -o json | jq -r .api_key\n"
      "\n"
      "The full key (api_key) is printed this once: the platform keeps only its masked form.\n"
      "Needs a bearer token (FLOWCORE_TOKEN), not an API key."));
  create->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::api_key_create cmd{
          .tenant_id = std::move(tenant),
          .name = args->name,
          .description = args->description,
      };
      const flowcore::api_key_created result = co_await execute_with_token(ctx.client, cmd);
      print_object(ctx.out, ctx.format, to_json(result));
      if (ctx.format == output_format::table) {
        std::cerr << "flowcore-cli: save the api_key now: it is not shown again\n";
      }
    };
  });
}

void add_list(CLI::App& family, command& selected, const std::shared_ptr<api_key_arguments>& args) {
  CLI::App* list = family.add_subcommand("list", "List a tenant's API keys (masked)");
  list->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  list->footer(
      help_footer("  flowcore-cli api-key list --tenant acme\n"
                  "\n"
                  "Keys are shown masked. Needs a bearer token (FLOWCORE_TOKEN)."));
  list->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      std::string tenant = co_await tenant_id(ctx.client, args->tenant);
      flowcore::api_key_list cmd{.tenant_id = std::move(tenant)};
      const std::vector<flowcore::api_key_info> result =
          co_await execute_with_token(ctx.client, cmd);
      print_list(ctx.out, ctx.format, result, list_columns);
    };
  });
}

void add_delete(CLI::App& family, command& selected,
                const std::shared_ptr<api_key_arguments>& args) {
  CLI::App* erase =
      family.add_subcommand("delete", "Delete an API key by id, or by name with --tenant");
  erase->add_option("ID", args->id_or_name, "The key's id (its name with --tenant)")
      ->type_name("")
      ->required();
  erase->add_option("--tenant", args->tenant, "The tenant's name: look the key up by name")
      ->type_name("NAME");
  erase->footer(
      help_footer("  flowcore-cli api-key delete 5d1e...\n"
                  "  flowcore-cli api-key delete --tenant acme ci\n"
                  "\n"
                  "Needs a bearer token (FLOWCORE_TOKEN)."));
  erase->callback([&selected, args] {
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::api_key_delete cmd{.api_key_id = args->id_or_name};
      if (!args->tenant.empty()) {
        std::string tenant = co_await tenant_id(ctx.client, args->tenant);
        cmd.api_key_id = co_await api_key_id(ctx.client, std::move(tenant), args->id_or_name);
      }
      co_await execute_with_token(ctx.client, cmd);
      boost::json::object result{{"id", cmd.api_key_id}, {"deleted", true}};
      print_object(ctx.out, ctx.format, result);
    };
  });
}

void add_validate(CLI::App& family, command& selected,
                  const std::shared_ptr<api_key_arguments>& args) {
  CLI::App* validate = family.add_subcommand(
      "validate", "Check whether an API key is valid (exit 0), or not (exit 4)");
  validate
      ->add_option("KEY", args->key,
                   "The key; - or nothing: read it from stdin (an argument shows in ps)")
      ->type_name("");
  validate->add_option("--tenant", args->tenant, "Valid for this tenant (its name) only")
      ->type_name("NAME");
  validate->footer(
      help_footer("  flowcore-cli api-key validate < key.txt\n"
                  "  printenv NEW_KEY | flowcore-cli api-key validate --tenant acme\n"
                  "  flowcore-cli api-key validate        (prompts, without echo)\n"
                  "\n"
                  "Valid: prints {\"valid\":true,\"api_key_id\":...,\"tenant_id\":...}, exit 0.\n"
                  "Not valid: prints {\"valid\":false}, says so on stderr, exit 4.\n"
                  "Works with either kind of credentials."));
  validate->callback([&selected, args] {
    if (args->key.empty() || args->key == "-") {
      args->key = read_secret_from_stdin("API key", secret_extent::first_line);
    }
    selected = [args](command_context& ctx) -> boost::asio::awaitable<void> {
      flowcore::api_key_validation result;
      if (args->tenant.empty()) {
        flowcore::api_key_validate cmd{.api_key = args->key};
        result = co_await ctx.client.execute(cmd);
      } else {
        std::string tenant = co_await tenant_id(ctx.client, args->tenant);
        flowcore::api_key_validate_with_tenant_id cmd{.api_key = args->key,
                                                      .tenant_id = std::move(tenant)};
        result = co_await ctx.client.execute(cmd);
      }
      print_object(ctx.out, ctx.format, to_json(result));
      if (!result.valid) {
        // Exit 4, the status of refused credentials, so `if flowcore-cli api-key validate`
        // works in scripts; the printed {"valid":false} tells it from our own being refused.
        throw command_failure(exit_code::auth,
                              args->tenant.empty()
                                  ? "the API key is not valid"
                                  : "the API key is not valid for tenant " + args->tenant);
      }
    };
  });
}

}  // namespace

void add_api_key_commands(CLI::App& app, command& selected) {
  CLI::App* family = app.add_subcommand("api-key", "API keys: create, list, delete, validate");
  family->require_subcommand(1);
  family->footer(
      help_footer("  flowcore-cli api-key create --tenant acme --name ci\n"
                  "  flowcore-cli api-key list --tenant acme\n"
                  "  flowcore-cli api-key delete --tenant acme ci\n"
                  "  flowcore-cli api-key validate < key.txt\n"
                  "\n"
                  "All but validate need a bearer token (FLOWCORE_TOKEN), not an API key."));

  // One set of arguments for the family: only one sub-command runs.
  auto args = std::make_shared<api_key_arguments>();
  add_create(*family, selected, args);
  add_list(*family, selected, args);
  add_delete(*family, selected, args);
  add_validate(*family, selected, args);
}

}  // namespace flowcore::cli
