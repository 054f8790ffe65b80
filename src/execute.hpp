// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The boundary between the public templates of client.hpp and the compiled commands. Each
// src/commands/<family>.cpp includes this and instantiates the two entry points once per
// command with FLOWCORE_INSTANTIATE_COMMAND.
//
// A command is one of two kinds, found by overload:
// - a single request: `single_request<R> request_for(call&, const Command&)` builds its
//   one request (and may fail before any I/O) and names the function that maps a 2xx body
//   to the result. The generic path below sends it; nothing command-specific runs as a
//   coroutine. The command is the call's own copy and outlives the request, so the request
//   may view its strings; taking `Command&` instead, request_for may move a payload out.
// - anything else (delete and poll, truncate, lookups before the request, exists):
//   `run(call&, Command)`, a coroutine of its own on the same call.
//
// Per call, one allocation holds everything (command, options, diagnostics, result,
// registration, handler), and one coroutine (run_operation) runs it: call::send and the
// transport's exchange are the only frames between it and the socket.

#include "call.hpp"
#include "call_registration.hpp"

#include <flowcore/client.hpp>

#include <boost/asio/associated_cancellation_slot.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <exception>
#include <memory>
#include <optional>
#include <string>

namespace flowcore::detail {

/// One call in flight: what it was asked, what it found, and whom to tell. Shared between
/// the call's coroutine and the forwarder in the caller's cancellation slot, which holds
/// it weakly.
template <class Command>
struct call_operation {
  call_operation(std::shared_ptr<client_impl> client, Command command, call_options options,
                 diagnostics* diagnostics_out, handler_for<Command> completion)
      : impl(std::move(client)),
        cmd(std::move(command)),
        opts(std::move(options)),
        diag_out(diagnostics_out),
        registration(*impl),
        handler(std::move(completion)),
        caller_slot(boost::asio::get_associated_cancellation_slot(handler)) {
    diag.command = Command::command_name;
  }

  std::shared_ptr<client_impl> impl;
  Command cmd;
  call_options opts;
  diagnostics diag;
  diagnostics* diag_out;  // the caller's, filled in before completion; may be null
  result_of<Command> result{};
  boost::system::error_code ec;
  call_registration registration;  // after impl: it goes first
  handler_for<Command> handler;
  boost::asio::cancellation_slot caller_slot;  // the handler's; cleared on its executor
};

/// Runs the command inside a call and records how it ended in `op`. Throws nothing but
/// std::bad_alloc (see end_call).
template <class Command>
boost::asio::awaitable<void> run_operation(call_operation<Command>& op) {
  std::optional<call> c;
  std::exception_ptr failure;
  try {
    c.emplace(op.impl, Command::command_name, op.opts, op.diag);
    if constexpr (requires { request_for(*c, op.cmd); }) {
      single_request<result_of<Command>> request = request_for(*c, op.cmd);
      std::string answer = co_await c->send(request.spec);
      op.result = request.read(answer, request.spec);
    } else {
      op.result = co_await run(*c, op.cmd);
    }
  } catch (...) {
    failure = std::current_exception();
  }
  op.ec = end_call(*op.impl, Command::command_name, op.diag, c ? &*c : nullptr, failure);
}

/// On the client's strand: completes `op`. Its registration ends, the caller's diagnostics
/// are filled in, and on the handler's own executor the caller's slot is cleared and the
/// handler runs with the code and the result.
template <class Command>
void complete_operation(std::shared_ptr<call_operation<Command>> op, std::exception_ptr failure) {
  namespace asio = boost::asio;
  op->registration.unlink();
  if (failure) std::rethrow_exception(failure);  // only bad_alloc escapes run_operation
  if (op->diag_out) *op->diag_out = std::move(op->diag);
  auto handler_ex = asio::get_associated_executor(op->handler, op->impl->executor());
  auto completion = [handler = std::move(op->handler), ec = op->ec,
                     result = std::move(op->result), caller_slot = op->caller_slot]() mutable {
    if (caller_slot.is_connected()) caller_slot.clear();
    std::move(handler)(ec, std::move(result));
  };
  op.reset();  // registered no longer when the handler runs
  asio::dispatch(handler_ex, std::move(completion));
}

/// On the client's strand: registers `op` with its client and starts its coroutine.
template <class Command>
void begin_operation(std::shared_ptr<call_operation<Command>> op) {
  namespace asio = boost::asio;
  op->registration.link();
  call_operation<Command>& running = *op;
  asio::co_spawn(
      running.impl->executor(), run_operation(running),
      asio::bind_cancellation_slot(running.registration.slot(),
                                   [op = std::move(op)](std::exception_ptr failure) mutable {
                                     complete_operation(std::move(op), failure);
                                   }));
}

/// Callable from any thread: the call is carried to the client's strand (at once when this
/// thread may enter it, as always with one thread), and completes on the handler's
/// executor (docs/design.md "Threads").
template <class Command>
void start_execute(std::shared_ptr<client_impl> impl, Command cmd, call_options opts,
                   diagnostics* diag, handler_for<Command> handler) {
  namespace asio = boost::asio;
  auto op = std::make_shared<call_operation<Command>>(std::move(impl), std::move(cmd),
                                                      std::move(opts), diag, std::move(handler));
  // The slot is the caller's: installed here, on the caller's thread.
  forward_cancellation(op->caller_slot, std::shared_ptr<call_registration>(op, &op->registration));
  const asio::any_io_executor strand = op->impl->executor();
  asio::dispatch(strand, [op = std::move(op)]() mutable { begin_operation(std::move(op)); });
}

// The same initiation as async_execute, awaited with use_awaitable: its result goes
// straight to this coroutine's return value, and a failure arrives as the system_error
// that use_awaitable throws, turned here into a client_error with the diagnostics. (With a
// tuple of code and result, this frame held the result three times and passed the 1 KiB
// that glibc serves from its per-thread cache.)
template <class Command>
boost::asio::awaitable<result_of<Command>> execute(std::shared_ptr<client_impl> impl, Command cmd,
                                                   call_options opts) {
  namespace asio = boost::asio;
  using signature = void(boost::system::error_code, result_of<Command>);
  diagnostics diag{.command = Command::command_name};
  try {
    // The awaiting coroutine's cancellation slot is the handler's, so its cancellation
    // reaches the call.
    co_return co_await asio::async_initiate<const asio::use_awaitable_t<>, signature>(
        [&](auto handler) {
          start_execute<Command>(std::move(impl), std::move(cmd), std::move(opts), &diag,
                                 handler_for<Command>(std::move(handler)));
        },
        asio::use_awaitable);
  } catch (const boost::system::system_error& e) {
    // Asio's own code for an operation cancelled before it began is ours too.
    const bool aborted = e.code() == asio::error::operation_aborted;
    throw client_error(aborted ? make_error_code(error::cancelled) : e.code(), std::move(diag));
  }
}

}  // namespace flowcore::detail

#define FLOWCORE_INSTANTIATE_COMMAND(Command)                                                 \
  template void flowcore::detail::start_execute<Command>(                                     \
      std::shared_ptr<flowcore::detail::client_impl>, Command, flowcore::call_options,        \
      flowcore::diagnostics*, flowcore::detail::handler_for<Command>);                        \
  template boost::asio::awaitable<flowcore::detail::result_of<Command>>                       \
  flowcore::detail::execute<Command>(std::shared_ptr<flowcore::detail::client_impl>, Command, \
                                     flowcore::call_options)
