// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The boundary between the public templates of client.hpp and the compiled commands:
// a command's `run(call&, Command)` coroutine runs inside run_guarded, which turns every
// failure into an error code plus diagnostics. Each src/commands/<family>.cpp includes
// this and instantiates the two entry points once per command with
// FLOWCORE_INSTANTIATE_COMMAND.

#include "call.hpp"
#include "call_failure.hpp"
#include "logging.hpp"

#include <flowcore/client.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/dispatch.hpp>

#include <exception>
#include <new>
#include <tuple>

namespace flowcore::detail {

template <class Command>
boost::asio::awaitable<std::tuple<boost::system::error_code, result_of<Command>>> run_guarded(
    std::shared_ptr<client_impl> impl, Command cmd, call_options opts, diagnostics* diag_out) {
  diagnostics diag;
  diag.command = Command::command_name;
  boost::system::error_code ec;
  result_of<Command> result{};
  try {
    call c(impl, Command::command_name, opts, diag);
    result = co_await run(c, std::move(cmd));
  } catch (const call_failure& failure) {
    ec = failure.code;
    if (!failure.message.empty()) diag.message = failure.message;
  } catch (const boost::system::system_error& e) {
    // Asio reports a cancelled wait as operation_aborted.
    ec = e.code() == boost::asio::error::operation_aborted ? error::cancelled
                                                            : error::connection_failed;
    diag.message = ec == error::cancelled ? "cancelled" : "unexpected I/O error";
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception&) {
    // Never leak an unexpected exception's text: it could quote a response.
    ec = error::invalid_response;
    diag.message = "unexpected internal error while handling the response";
  }
  if (ec) {
    const logger& log = impl->options().logger;
    if (log_enabled(log, log_level::warning))
      log_line(log, log_level::warning,
               std::string(Command::command_name) + " failed: " + ec.message() +
                   (diag.message.empty() ? "" : ": " + diag.message));
  }
  if (diag_out) *diag_out = std::move(diag);
  co_return std::tuple{ec, std::move(result)};
}

template <class Command>
void start_execute(std::shared_ptr<client_impl> impl, Command cmd, call_options opts,
                   diagnostics* diag, handler_for<Command> handler) {
  namespace asio = boost::asio;
  auto slot = asio::get_associated_cancellation_slot(handler);
  auto ex = impl->executor();
  asio::co_spawn(
      ex, run_guarded<Command>(std::move(impl), std::move(cmd), std::move(opts), diag),
      asio::bind_cancellation_slot(
          slot, [handler = std::move(handler), ex](
                    std::exception_ptr ep,
                    std::tuple<boost::system::error_code, result_of<Command>> outcome) mutable {
            auto [ec, result] = std::move(outcome);
            if (ep) std::rethrow_exception(ep);  // only bad_alloc escapes run_guarded
            auto handler_ex = asio::get_associated_executor(handler, ex);
            asio::dispatch(handler_ex,
                           asio::append(std::move(handler), ec, std::move(result)));
          }));
}

template <class Command>
boost::asio::awaitable<result_of<Command>> execute(std::shared_ptr<client_impl> impl, Command cmd,
                                                   call_options opts) {
  diagnostics diag;
  auto [ec, result] = co_await run_guarded<Command>(std::move(impl), std::move(cmd),
                                                    std::move(opts), &diag);
  if (ec) throw client_error(ec, std::move(diag));
  co_return std::move(result);
}

}  // namespace flowcore::detail

#define FLOWCORE_INSTANTIATE_COMMAND(Command)                                               \
  template void flowcore::detail::start_execute<Command>(                                   \
      std::shared_ptr<flowcore::detail::client_impl>, Command, flowcore::call_options,      \
      flowcore::diagnostics*, flowcore::detail::handler_for<Command>);                      \
  template boost::asio::awaitable<flowcore::detail::result_of<Command>>                     \
  flowcore::detail::execute<Command>(std::shared_ptr<flowcore::detail::client_impl>, Command, \
                                     flowcore::call_options)
