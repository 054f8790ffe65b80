// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::client`: runs commands against the Flowcore REST services.

#include <flowcore/error.hpp>
#include <flowcore/options.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <type_traits>
#include <utility>

/// @def FLOWCORE_GCC12_COROUTINE_TEMPORARIES
/// @brief 1 with GCC 12 and older, which miscompile an aggregate temporary inside
/// `co_await`: the calls that could await one then reject rvalue arguments at compile time.
/// 0 with every other compiler.
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ < 13
#define FLOWCORE_GCC12_COROUTINE_TEMPORARIES 1
#else
#define FLOWCORE_GCC12_COROUTINE_TEMPORARIES 0
#endif

namespace flowcore {

namespace detail {
class client_impl;
struct client_access;

template <class Command>
using result_of = typename Command::result_type;

template <class Command>
using handler_for =
    boost::asio::any_completion_handler<void(boost::system::error_code, result_of<Command>)>;

// Both are defined in src/ and explicitly instantiated there once per command, so no
// Beast, OpenSSL or Boost.JSON template is instantiated in a user's translation unit.
template <class Command>
void start_execute(std::shared_ptr<client_impl> impl, Command cmd, call_options opts,
                   diagnostics* diag, handler_for<Command> handler);

template <class Command>
boost::asio::awaitable<result_of<Command>> execute(std::shared_ptr<client_impl> impl, Command cmd,
                                                   call_options opts);
}  // namespace detail

/// @brief A handle to a Flowcore client: credentials, a connection pool per origin,
/// retry policy, timeouts and the tenant-instance cache.
///
/// Cheap to copy: copies share one client. There are no internal threads: the client runs
/// its calls, connections and timers on a strand of the executor given at construction
/// (that executor itself when it is a strand).
///
/// When the last copy is destroyed, every call still in flight ends with
/// `fc::error::cancelled` at once; each still completes, once, and its handler runs.
///
/// @par Thread safety
/// Safe from any thread: calls may start on any thread or executor at once, and each
/// completes on its handler's associated executor (an awaiting coroutine's own; by
/// default the client's strand). Cancellation is emitted on the caller's executor, as
/// Asio requires of every slot. The last handle may be destroyed on any thread. See
/// docs/threads.md.
class client {
 public:
  using executor_type = boost::asio::any_io_executor;  ///< The executor calls run on.

  /// @brief Creates a client. Options are checked on first use: a malformed `base_url`,
  /// credential or option makes each call fail with `fc::error::invalid_argument`.
  ///
  /// A template, constrained so that copying a client never considers it: with a plain
  /// `client(executor_type, ...)` a copy would ask whether a client converts to
  /// `any_io_executor`, which asks whether a client is copyable, and GCC stops the
  /// recursion with an error (seen when a coroutine takes a client by value).
  template <class Executor>
    requires(!std::is_same_v<std::remove_cvref_t<Executor>, client> &&
             std::is_convertible_v<const Executor&, executor_type>)
  explicit client(const Executor& ex, client_options options = {})
      : client(executor_type(ex), std::move(options), construct_tag{}) {}

  /// @brief The client's strand, on which its calls run: the executor given at
  /// construction when that is a strand, else a strand over it. Callers on it never
  /// change executor.
  executor_type get_executor() const noexcept;

  /// @brief Runs `cmd` and returns its result, or throws `fc::client_error`.
  ///
  /// @par Errors
  /// Any `fc::error`: see each command, and docs/protocol.md section 5 for when each
  /// arises. The exception's `diagnostics()` carries the command, HTTP status, server
  /// message and attempts.
  /// @par Cancellation
  /// Honours the awaiting coroutine's cancellation state (terminal by default): the
  /// connection in use is closed and the call fails with `fc::error::cancelled`.
  template <class Command>
  boost::asio::awaitable<detail::result_of<Command>> execute(const Command& cmd) const {
    return detail::execute(impl_, cmd, call_options{});
  }

  /// @brief As above, with per-call overrides of retry policy and deadline.
  template <class Command>
  boost::asio::awaitable<detail::result_of<Command>> execute(const Command& cmd,
                                                             const call_options& opts) const {
    return detail::execute(impl_, cmd, opts);
  }

#if FLOWCORE_GCC12_COROUTINE_TEMPORARIES
  // GCC 12 miscompiles `co_await client.execute(fc::tenant_fetch{...})`: an aggregate
  // temporary with non-trivial members, created inside a co_await expression, is copied
  // bitwise and destroyed twice (a crash at run time, not a compile error;
  // chriskohlhoff/asio#1073; fixed in GCC 13). These overloads catch such temporaries,
  // commands and call_options alike (braced `{.deadline = ...}` included), and turn the
  // crash into a compile error. They cannot tell `std::move(named)` (safe) from a
  // temporary, so every rvalue is rejected.
  template <class Command>
    requires(!std::is_lvalue_reference_v<Command>)
  boost::asio::awaitable<detail::result_of<std::remove_cvref_t<Command>>> execute(Command&&) const {
    static_assert(sizeof(Command) == 0,
                  "GCC 12 miscompiles a temporary inside co_await: name the command first "
                  "(fc::tenant_fetch cmd{...}; co_await client.execute(cmd);)");
    return {};
  }
  template <class Command>
    requires(!std::is_lvalue_reference_v<Command>)
  boost::asio::awaitable<detail::result_of<std::remove_cvref_t<Command>>> execute(
      Command&&, const call_options&) const {
    static_assert(sizeof(Command) == 0,
                  "GCC 12 miscompiles a temporary inside co_await: name the command first "
                  "(fc::tenant_fetch cmd{...}; co_await client.execute(cmd, opts);)");
    return {};
  }
  template <class Command>
  boost::asio::awaitable<detail::result_of<std::remove_cvref_t<Command>>> execute(
      Command&&, call_options&&) const {
    static_assert(sizeof(Command) == 0,
                  "GCC 12 miscompiles a temporary inside co_await: name the call_options "
                  "first (fc::call_options opts{...}; co_await client.execute(cmd, opts);)");
    return {};
  }
#endif

  /// @brief Runs `cmd`, completing with `void(boost::system::error_code, result_type)`.
  ///
  /// Works with any completion token; `asio::as_tuple(asio::use_awaitable)` gives a path
  /// that never throws. On error the result is value-initialised.
  ///
  /// With GCC 12, a command or `call_options` passed as an rvalue (a temporary, or
  /// `std::move` of a named one) is a compile error when the token makes the call return
  /// something (an awaitable, a deferred operation, a future): that result may be awaited
  /// in the same expression, where GCC 12 destroys the temporary twice. Name them first.
  /// With a callback token (the call returns nothing) temporaries are fine.
  /// @par Cancellation
  /// Terminal, partial and total cancellation through the token's cancellation slot end
  /// the call with `fc::error::cancelled`; the connection in use is closed, never reused.
  template <class Command, class CompletionToken>
  auto async_execute(Command&& cmd, CompletionToken&& token) const {
    return initiate<!std::is_lvalue_reference_v<Command>, false>(
        std::forward<Command>(cmd), call_options{}, nullptr, std::forward<CompletionToken>(token));
  }

  /// @brief As above, with per-call overrides of retry policy and deadline.
  template <class Command, class CompletionToken>
  auto async_execute(Command&& cmd, const call_options& opts, CompletionToken&& token) const {
    return initiate<!std::is_lvalue_reference_v<Command>, false>(
        std::forward<Command>(cmd), opts, nullptr, std::forward<CompletionToken>(token));
  }
  /// @brief As above, for `call_options` passed as an rvalue (rejected with GCC 12 when the
  /// token makes the call return something).
  template <class Command, class CompletionToken>
  auto async_execute(Command&& cmd, call_options&& opts, CompletionToken&& token) const {
    return initiate<!std::is_lvalue_reference_v<Command>, true>(
        std::forward<Command>(cmd), std::move(opts), nullptr, std::forward<CompletionToken>(token));
  }

  /// @brief As above; `diag` is filled in before completion and must outlive the call.
  template <class Command, class CompletionToken>
  auto async_execute(Command&& cmd, diagnostics& diag, CompletionToken&& token) const {
    return initiate<!std::is_lvalue_reference_v<Command>, false>(
        std::forward<Command>(cmd), call_options{}, &diag, std::forward<CompletionToken>(token));
  }

  /// @brief As above, with per-call overrides and diagnostics.
  template <class Command, class CompletionToken>
  auto async_execute(Command&& cmd, const call_options& opts, diagnostics& diag,
                     CompletionToken&& token) const {
    return initiate<!std::is_lvalue_reference_v<Command>, false>(
        std::forward<Command>(cmd), opts, &diag, std::forward<CompletionToken>(token));
  }
  /// @brief As above, for `call_options` passed as an rvalue (rejected with GCC 12 when the
  /// token makes the call return something).
  template <class Command, class CompletionToken>
  auto async_execute(Command&& cmd, call_options&& opts, diagnostics& diag,
                     CompletionToken&& token) const {
    return initiate<!std::is_lvalue_reference_v<Command>, true>(
        std::forward<Command>(cmd), std::move(opts), &diag, std::forward<CompletionToken>(token));
  }

 private:
  friend struct detail::client_access;
  struct construct_tag {};
  client(executor_type ex, client_options options, construct_tag);

  // `TemporaryCommand` / `TemporaryOptions`: the caller passed that argument as an rvalue.
  template <bool TemporaryCommand, bool TemporaryOptions, class CommandArg, class CompletionToken>
  auto initiate(CommandArg&& cmd_arg, call_options opts, diagnostics* diag,
                CompletionToken&& token) const {
    using Command = std::remove_cvref_t<CommandArg>;
    using signature = void(boost::system::error_code, detail::result_of<Command>);
    auto start = [impl = impl_](auto handler, Command c, call_options o, diagnostics* d) {
      detail::start_execute(std::move(impl), std::move(c), std::move(o), d,
                            detail::handler_for<Command>(std::move(handler)));
    };
    Command cmd(std::forward<CommandArg>(cmd_arg));
    // What the token makes of the call: void for a callback; otherwise something the
    // caller may co_await in the very expression that built the temporary.
    using returned = decltype(boost::asio::async_initiate<CompletionToken, signature>(
        std::move(start), token, std::move(cmd), std::move(opts), diag));
    static_assert(
        !FLOWCORE_GCC12_COROUTINE_TEMPORARIES || !TemporaryCommand || std::is_void_v<returned>,
        "GCC 12 miscompiles a temporary inside co_await: name the command first "
        "(fc::tenant_fetch cmd{...}; co_await client.async_execute(cmd, token);), "
        "or use a callback token");
    static_assert(
        !FLOWCORE_GCC12_COROUTINE_TEMPORARIES || !TemporaryOptions || std::is_void_v<returned>,
        "GCC 12 miscompiles a temporary inside co_await: name the call_options first "
        "(fc::call_options opts{...}; co_await client.async_execute(cmd, opts, token);), "
        "or use a callback token");
    return boost::asio::async_initiate<CompletionToken, signature>(
        std::move(start), token, std::move(cmd), std::move(opts), diag);
  }

  std::shared_ptr<detail::client_impl> impl_;
  /// Shared by the handles only; its deleter cancels the calls in flight. Declared after
  /// impl_, so it goes first.
  std::shared_ptr<void> last_handle_;
};

}  // namespace flowcore
