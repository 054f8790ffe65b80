// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Credentials come from flags or the environment, never both silently mixed: a key on the
// command line wins over the environment (it is the more deliberate of the two), but a key
// and a token from the same place are refused rather than guessed between.
#include "options.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

namespace flowcore::cli {

CLI::Validator seconds_validator() {
  // Our own check: CLI11's PositiveNumber names the largest double in its message.
  return CLI::Validator(
      [](std::string& value) -> std::string {
        try {
          // At most a day: keeps the conversion to milliseconds far from overflow.
          const double seconds = std::stod(value);
          if (seconds > 0 && seconds <= 86400) return {};
        } catch (const std::exception&) {
        }
        return value + " is not a number of seconds in (0, 86400]";
      },
      "");
}

std::chrono::milliseconds to_milliseconds(double seconds) {
  return std::chrono::milliseconds(
      static_cast<std::chrono::milliseconds::rep>(std::ceil(seconds * 1000)));
}

void add_global_options(CLI::App& app, global_options& options) {
  app.add_option("--base-url", options.base_url,
                 "Server URL, http[s]://host[:port] (default: the Flowcore hosts)")
      ->type_name("URL");
  // No envname() here: CLI11 would then take the value from the environment before we can
  // tell a flag from a variable, and precedence is resolved in resolve().
  app.add_option("--api-key", options.api_key,
                 "API key (prefer FLOWCORE_API_KEY: a flag is visible to other users in ps)")
      ->type_name("KEY");
  app.add_option("--token", options.token,
                 "Bearer token (prefer FLOWCORE_TOKEN: a flag is visible to other users in ps)")
      ->type_name("TOKEN");
  // A plain string checked against the two names: CLI11's enum mapping would print the
  // enum's numbers in the help.
  app.add_option("-o,--output", options.output_name,
                 "json or table (default: table on a terminal, json otherwise)")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"json", "table"}));
  app.add_option("--timeout", options.timeout_seconds,
                 "Seconds a call may take, retries included (default 60, at most 86400)")
      ->check(seconds_validator())
      ->type_name("SECONDS");
  app.add_option("--retries", options.retries,
                 "Retries of a failed idempotent call (default 3; 0: none)")
      ->type_name("N")
      ->check(CLI::Range(0, 100).description(""));
  app.add_flag("-v,--verbose", options.verbose, "The library's debug log on stderr");
}

void resolve(global_options& options) {
  if (!options.api_key.empty() && !options.token.empty()) {
    throw usage_error("--api-key and --token: give one of them, not both");
  }
  if (options.api_key.empty() && options.token.empty()) {
    const char* key = std::getenv("FLOWCORE_API_KEY");
    const char* token = std::getenv("FLOWCORE_TOKEN");
    const bool has_key = key != nullptr && *key != '\0';
    const bool has_token = token != nullptr && *token != '\0';
    if (has_key && has_token) {
      throw usage_error(
          "both FLOWCORE_API_KEY and FLOWCORE_TOKEN are set: unset one, or pass --api-key or "
          "--token");
    }
    if (has_key) options.api_key = key;
    if (has_token) options.token = token;
  }
  if (options.output_name == "json") {
    options.output = output_format::json;
  } else if (options.output_name == "table") {
    options.output = output_format::table;
  } else {
    options.output = ::isatty(STDOUT_FILENO) ? output_format::table : output_format::json;
  }
}

flowcore::client_options make_client_options(const global_options& options) {
  flowcore::client_options result;
  if (!options.api_key.empty()) {
    result.credentials = flowcore::api_key{.key = options.api_key};
  } else if (!options.token.empty()) {
    // A fixed token: the CLI lives shorter than any token. Shared so that each copy of the
    // provider the client makes returns the same string without copying the secret around.
    auto token = std::make_shared<const std::string>(options.token);
    result.credentials = flowcore::bearer_token{
        .provider = [token]() -> boost::asio::awaitable<std::string> { co_return *token; }};
  } else {
    throw usage_error(
        "no credentials: set FLOWCORE_API_KEY or FLOWCORE_TOKEN (or pass --api-key or --token)");
  }
  result.base_url = options.base_url;
  result.deadline = to_milliseconds(options.timeout_seconds);
  result.retry.max_retries = options.retries;
  if (options.verbose) {
    // The library redacts secrets from its log lines; we add nothing of our own.
    result.logger = flowcore::logger{.level = flowcore::log_level::debug,
                                     .sink = [](flowcore::log_level level, std::string_view line) {
                                       std::cerr << "flowcore-cli: " << flowcore::to_string(level)
                                                 << ": " << line << '\n';
                                     }};
  }
  return result;
}

}  // namespace flowcore::cli
