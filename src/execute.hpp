// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The boundary between the public templates of client.hpp and the compiled commands:
// a command's `run(call&, Command)` coroutine runs inside run_call (call.hpp), which turns
// every failure into an error code plus diagnostics. Each src/commands/<family>.cpp
// includes this and instantiates the two entry points once per command with
// FLOWCORE_INSTANTIATE_COMMAND.

#include "call.hpp"

#include <flowcore/client.hpp>

#include <boost/asio/append.hpp>
#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/dispatch.hpp>

namespace flowcore::detail {

// Runs one command's `run(call&, Command)` overload and stores its result in `out`.
template <class Command>
boost::asio::awaitable<void> run_into(call& c, Command cmd,
                                      std::shared_ptr<result_of<Command>> out) {
  *out = co_await run(c, std::move(cmd));
}

// Everything command-specific, behind a type-erased body: the machinery of run_call and
// spawn_call is compiled once, in call.cpp, not once per command (STYLE.md 3).
template <class Command>
call_body body_for(Command cmd, std::shared_ptr<result_of<Command>> out) {
  return [cmd = std::move(cmd), out = std::move(out)](call& c) {
    return run_into<Command>(c, cmd, out);
  };
}

template <class Command>
void start_execute(std::shared_ptr<client_impl> impl, Command cmd, call_options opts,
                   diagnostics* diag, handler_for<Command> handler) {
  namespace asio = boost::asio;
  auto out = std::make_shared<result_of<Command>>();
  auto slot = asio::get_associated_cancellation_slot(handler);
  auto ex = impl->executor();
  spawn_call(std::move(impl), Command::command_name, std::move(opts), diag,
             body_for(std::move(cmd), out), slot,
             [handler = std::move(handler), out, ex](boost::system::error_code ec) mutable {
               auto handler_ex = asio::get_associated_executor(handler, ex);
               asio::dispatch(handler_ex, asio::append(std::move(handler), ec, std::move(*out)));
             });
}

template <class Command>
boost::asio::awaitable<result_of<Command>> execute(std::shared_ptr<client_impl> impl, Command cmd,
                                                   call_options opts) {
  diagnostics diag;
  auto out = std::make_shared<result_of<Command>>();
  boost::system::error_code ec = co_await run_registered_call(
      std::move(impl), Command::command_name, std::move(opts), diag, body_for(std::move(cmd), out));
  if (ec) throw client_error(ec, std::move(diag));
  co_return std::move(*out);
}

}  // namespace flowcore::detail

#define FLOWCORE_INSTANTIATE_COMMAND(Command)                                                 \
  template void flowcore::detail::start_execute<Command>(                                     \
      std::shared_ptr<flowcore::detail::client_impl>, Command, flowcore::call_options,        \
      flowcore::diagnostics*, flowcore::detail::handler_for<Command>);                        \
  template boost::asio::awaitable<flowcore::detail::result_of<Command>>                       \
  flowcore::detail::execute<Command>(std::shared_ptr<flowcore::detail::client_impl>, Command, \
                                     flowcore::call_options)
