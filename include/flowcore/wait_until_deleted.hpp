// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::wait_until_deleted`: the wait of delete-and-poll, for any exists command.

#include <flowcore/client.hpp>
#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/event_type.hpp>
#include <flowcore/commands/flow_type.hpp>
#include <flowcore/wait.hpp>

#include <type_traits>

namespace flowcore {

namespace detail {

template <class T>
inline constexpr bool is_exists_command = std::is_same_v<T, data_core_exists> ||
                                          std::is_same_v<T, flow_type_exists> ||
                                          std::is_same_v<T, event_type_exists>;

// The wait as a command of its own, so that it runs like every other call: one deadline,
// diagnostics, cancellation, logging. Compiled in src/commands/wait_until_deleted.cpp.
template <class Exists>
struct deletion_wait {
  using result_type = bool;
  static constexpr const char* command_name = "wait_until_deleted";
  static constexpr bool idempotent = true;
  Exists exists;
  wait_options options;
};

// Takes everything by value: the caller's objects may be gone when this first runs. The
// client comes last: Asio inspects a coroutine's first parameter for an executor.
template <class Exists>
boost::asio::awaitable<void> wait_until_deleted(deletion_wait<Exists> wait, call_options opts,
                                                client c) {
  co_await c.execute(wait, opts);
}
}  // namespace detail

/// @brief Waits until the resource named by an exists command (`fc::data_core_exists`,
/// `fc::flow_type_exists` or `fc::event_type_exists`) no longer exists: checks at once,
/// then every `options.poll_interval`, as `*_request_delete` does after its request.
///
/// Use it after a `*_request_delete` sent with `.wait = false`, or for a deletion someone
/// else requested: `co_await fc::wait_until_deleted(client, exists, {.cap = 5s});`
/// @par Errors
/// `wait_timeout` when `options.cap` passes first (the diagnostics say the deletion is
/// still in progress); `invalid_argument` for an empty id or non-positive options;
/// `cancelled` (stops the wait at once); an error of a check ends the wait with it. The
/// call's deadline (`call`, else the client's, 60 s by default) also bounds the wait:
/// raise it for a cap beyond it.
template <class Exists>
  requires detail::is_exists_command<Exists>
boost::asio::awaitable<void> wait_until_deleted(const client& c, const Exists& exists,
                                                const wait_options& options = {},
                                                const call_options& call = {}) {
  return detail::wait_until_deleted(detail::deletion_wait<Exists>{exists, options}, call, c);
}

// A braced `{.cap = ...}` inside co_await is fine even with GCC 12: its double
// destruction is harmless only while wait_options stays trivially destructible.
static_assert(std::is_trivially_destructible_v<wait_options>,
              "wait_options temporaries are allowed inside co_await; with a non-trivial "
              "member, reject them as call_options temporaries are rejected below");

#if FLOWCORE_GCC12_COROUTINE_TEMPORARIES
// See client::execute: GCC 12 miscompiles an aggregate temporary inside co_await. These
// catch a temporary exists command, then a temporary call_options (braced or not).
template <class Exists>
  requires(detail::is_exists_command<std::remove_cvref_t<Exists>> &&
           !std::is_lvalue_reference_v<Exists>)
boost::asio::awaitable<void> wait_until_deleted(const client&, Exists&&, const wait_options& = {},
                                                const call_options& = {}) {
  static_assert(sizeof(Exists) == 0,
                "GCC 12 miscompiles a temporary inside co_await: name the exists command "
                "first (fc::data_core_exists exists{...}; co_await "
                "fc::wait_until_deleted(client, exists);)");
  return {};
}
template <class Exists>
  requires detail::is_exists_command<std::remove_cvref_t<Exists>>
boost::asio::awaitable<void> wait_until_deleted(const client&, Exists&&, const wait_options&,
                                                call_options&&) {
  static_assert(sizeof(Exists) == 0,
                "GCC 12 miscompiles a temporary inside co_await: name the call_options "
                "first (fc::call_options call{...}; co_await "
                "fc::wait_until_deleted(client, exists, options, call);)");
  return {};
}
#endif

}  // namespace flowcore
