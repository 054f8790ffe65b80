// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// flowcore-stub: the stub server as a program (docs/design.md "The stub server").
//
//   flowcore-stub --port 8080 [--host 127.0.0.1] [--delete-delay-ms 300]
//                 [--truncate-delay-ms 1500] [--tls-cert c.pem --tls-key k.pem]
//                 [--seed N] [--state-file PATH]
//                 [limits: --max-header-bytes N ... --body-timeout-ms MS]
//
// Prints "listening on http://127.0.0.1:PORT" as its first line, then serves the REST
// routes and the /notifications WebSocket (wss with TLS) on that port until SIGINT or
// SIGTERM. A state file that cannot be loaded is reported on stderr before that line, and
// the program exits with status 1. The flags and the run are shared with `flowcore-cli
// stub` (flowcore/stub/command_line.hpp).
#include <flowcore/stub/command_line.hpp>

#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <vector>

namespace {

constexpr const char* usage_line =
    "usage: flowcore-stub --port PORT [--host IP] [--delete-delay-ms MS]\n"
    "                     [--truncate-delay-ms MS] [--tls-cert FILE --tls-key FILE]\n"
    "                     [--seed N] [--state-file PATH] [LIMITS]\n";

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  for (const std::string_view arg : args) {
    if (arg == "--help" || arg == "-h") {
      std::printf("%s%s", usage_line, flowcore::stub::command_line_flags);
      return 0;
    }
  }
  flowcore::stub::command_line parsed;
  try {
    parsed = flowcore::stub::parse_command_line(args);
    if (!parsed.port_given) throw std::invalid_argument("--port is required");
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "flowcore-stub: %s\n%s%s", e.what(), usage_line,
                 flowcore::stub::command_line_flags);
    return 2;
  }
  return flowcore::stub::serve_until_signalled(parsed.options, "flowcore-stub");
}
