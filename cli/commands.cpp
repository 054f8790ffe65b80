// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands.hpp"

namespace flowcore::cli {

std::string help_footer(std::string_view examples) {
  std::string text = "Examples:\n";
  text += examples;
  text +=
      "\n\nGlobal options (--base-url, --output, --timeout, --retries, -v, credentials)\n"
      "go before or after the sub-command: see flowcore-cli --help";
  return text;
}

}  // namespace flowcore::cli
