// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Secrets (an API key to validate, a secret's value) are read from stdin rather than taken
// from the command line, where every user of the machine can see them in ps.

#include <string>
#include <string_view>

namespace flowcore::cli {

// How much of a piped stdin makes the secret.
enum class secret_extent {
  first_line,   // An API key: one line.
  whole_input,  // A secret's value: everything, so a PEM key keeps its inner lines.
};

// Reads a secret from stdin. On a terminal: prompts on stderr with `what` and reads one line
// without echo. Otherwise: the first line or the whole input (per `extent`), less its final
// newline. Call it while parsing (a sub-command's callback): before the signal handlers are
// in place, so Ctrl-C at the prompt ends the program at once. Throws CLI::ValidationError
// (a usage error, exit 2) naming `what` when stdin gives nothing.
std::string read_secret_from_stdin(std::string_view what, secret_extent extent);

}  // namespace flowcore::cli
