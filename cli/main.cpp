// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// flowcore-cli: the library's commands from a shell (docs/cli.md).
//
// The command line is parsed completely before anything else, so --help and usage errors
// need neither credentials nor a network. Then one io_context runs the chosen sub-command
// on one client; SIGINT and SIGTERM cancel it through its cancellation slot, and the exit
// status says which class of failure stopped it (exit_codes.hpp).
#include "commands.hpp"
#include "exit_codes.hpp"
#include "options.hpp"

#include <flowcore/client.hpp>
#include <flowcore/error.hpp>
#include <flowcore/version.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <csignal>
#include <cstdlib>
#include <exception>
#include <functional>
#include <iostream>
#include <optional>
#include <string>

namespace asio = boost::asio;

namespace flowcore::cli {
namespace {

constexpr const char* examples =
    "Examples:\n"
    "  export FLOWCORE_API_KEY=fc_<id>_<secret>\n"
    "  flowcore-cli tenant get acme\n"
    "  flowcore-cli data-core create --tenant acme --name orders\n"
    "  flowcore-cli ingest --tenant acme --data-core orders --flow-type order \\\n"
    "    --event-type created < events.ndjson\n"
    "  flowcore-cli events read --tenant acme --data-core orders --flow-type order \\\n"
    "    --event-type created\n"
    "  flowcore-cli --base-url http://127.0.0.1:8080 -o table data-core list --tenant acme\n"
    "\n"
    "Credentials: FLOWCORE_API_KEY or FLOWCORE_TOKEN (or --api-key / --token).\n"
    "Exit status: 0 ok, 1 failure, 2 usage, 3 not found, 4 auth, 5 HTTP error or conflict,\n"
    "6 network or timeout, 7 invalid response, 130 interrupted (docs/cli.md).";

// Runs `selected` to its end or to a signal; the process's exit status.
exit_code run(const global_options& options, const command& selected) {
  asio::io_context ioc;
  const flowcore::client_options client_options = make_client_options(options);
  flowcore::client client(ioc.get_executor(), client_options);
  command_context ctx{.client = client,
                      .format = *options.output,
                      .out = std::cout,
                      .deadline = client_options.deadline};

  asio::cancellation_signal cancel;
  bool interrupted = false;
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  // The first signal cancels the call, which then ends on its own; a second one (the user
  // pressing Ctrl-C again) exits at once. Nothing is half-written then either: results are
  // printed only after the call has finished.
  std::function<void(const boost::system::error_code&, int)> on_signal =
      [&](const boost::system::error_code& ec, int) {
        if (ec) return;  // Cancelled below: the command finished first.
        if (interrupted) {
          std::cerr << "flowcore-cli: interrupted\n";
          std::_Exit(to_int(exit_code::interrupted));
        }
        interrupted = true;
        // Terminal: the library closes the connection in use and fails the call (cancelled).
        cancel.emit(asio::cancellation_type::terminal);
        signals.async_wait(on_signal);
      };
  signals.async_wait(on_signal);

  exit_code status = exit_code::ok;
  asio::co_spawn(ioc, selected(ctx),
                 asio::bind_cancellation_slot(cancel.slot(), [&](std::exception_ptr e) {
                   signals.cancel();
                   if (!e) return;
                   try {
                     std::rethrow_exception(e);
                   } catch (const flowcore::client_error& error) {
                     status = exit_code_for(error.code(), error.diagnostics().http_status);
                     // what() is redacted by the library: no key, token or secret.
                     if (status != exit_code::interrupted) {
                       std::cerr << "flowcore-cli: " << error.what() << '\n';
                     }
                   } catch (const command_failure& failure) {
                     std::cerr << "flowcore-cli: " << failure.what() << '\n';
                     status = failure.status();
                   } catch (const std::exception& error) {
                     std::cerr << "flowcore-cli: " << error.what() << '\n';
                     status = exit_code::failure;
                   }
                 }));
  ioc.run();
  if (interrupted && status != exit_code::ok) {
    std::cerr << "flowcore-cli: interrupted\n";
    return exit_code::interrupted;
  }
  return status;
}

int main_impl(int argc, char** argv) {
  CLI::App app{"flowcore-cli " FLOWCORE_VERSION_STRING ": the Flowcore platform from a shell",
               "flowcore-cli"};
  // Global options may come after the sub-command too (flowcore-cli tenant get acme -v).
  app.fallthrough();
  app.require_subcommand(1);
  app.footer(examples);
  app.set_version_flag("--version", FLOWCORE_VERSION_STRING);
  global_options options;
  add_global_options(app, options);
  command selected;
  add_tenant_commands(app, selected);
  add_data_core_commands(app, selected);
  add_flow_type_commands(app, selected);
  add_event_type_commands(app, selected);
  add_api_key_commands(app, selected);
  add_secret_commands(app, selected);
  add_variable_commands(app, selected);
  add_notification_commands(app, selected, options);
  add_tail_commands(app, selected);
  standalone_command standalone;
#ifdef FLOWCORE_CLI_WITH_STUB
  add_stub_commands(app, standalone);
#endif
  add_ingest_commands(app, selected);
  add_events_commands(app, selected);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version are "errors" with status 0; every real error is a usage error.
    const int printed = app.exit(e);
    return printed == 0 ? 0 : to_int(exit_code::usage);
  }
  if (standalone) return standalone();
  try {
    resolve(options);
    return to_int(run(options, selected));
  } catch (const usage_error& e) {
    std::cerr << "flowcore-cli: " << e.what() << "\nRun with --help for more information.\n";
    return to_int(exit_code::usage);
  }
}

}  // namespace
}  // namespace flowcore::cli

int main(int argc, char** argv) {
  try {
    return flowcore::cli::main_impl(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "flowcore-cli: " << e.what() << '\n';
    return flowcore::cli::to_int(flowcore::cli::exit_code::failure);
  }
}
