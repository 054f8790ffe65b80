// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The options every sub-command shares, and the client options made from them.

#include "output.hpp"

#include <flowcore/options.hpp>

#include <CLI/CLI.hpp>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

namespace flowcore::cli {

struct global_options {
  std::string base_url;  // Empty: the real Flowcore hosts.
  // Secrets: never printed, logged or put into an error message.
  std::string api_key;
  std::string token;
  std::string output_name;              // --output as given: "json", "table" or empty.
  std::optional<output_format> output;  // Set by resolve(): json unless stdout is a terminal.
  double timeout_seconds = 60;
  int retries = 3;
  bool verbose = false;
};

// A mistake on the command line or in the environment that CLI11 cannot see (exit 2).
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Accepts a number of seconds in (0, 86400] (--timeout, --wait-timeout).
CLI::Validator seconds_validator();
// Seconds as checked by seconds_validator(), rounded up to whole milliseconds.
std::chrono::milliseconds to_milliseconds(double seconds);

// Adds --base-url, --api-key, --token, --output, --timeout, --retries and -v to `app`.
void add_global_options(CLI::App& app, global_options& options);

// Fills in credentials from FLOWCORE_API_KEY / FLOWCORE_TOKEN when no flag gave one, and
// the output format from whether stdout is a terminal. Throws usage_error.
void resolve(global_options& options);

// The client's options. Throws usage_error when there are no credentials.
flowcore::client_options make_client_options(const global_options& options);

}  // namespace flowcore::cli
