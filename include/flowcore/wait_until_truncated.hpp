// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::wait_until_truncated`: waits until an event type's truncation has finished.

#include <flowcore/client.hpp>
#include <flowcore/options.hpp>
#include <flowcore/wait.hpp>

#include <boost/asio/awaitable.hpp>

#include <string>
#include <string_view>

namespace flowcore {

namespace detail {

// The wait as a command of its own, so that it runs like every other call: one deadline,
// diagnostics, cancellation, logging. Compiled in src/commands/event_type.cpp.
struct truncation_wait {
  using result_type = bool;
  static constexpr const char* command_name = "wait_until_truncated";
  static constexpr bool idempotent = true;
  std::string event_type_id;
  wait_options options;
};

// By value, the client last: see wait_until_deleted.
boost::asio::awaitable<void> wait_until_truncated(truncation_wait wait, call_options opts,
                                                  client c);

}  // namespace detail

/// @brief Waits until the truncation of an event type has finished: fetches the event type
/// at once, then every `options.poll_interval`, until its `is_truncating` is false.
///
/// `event_type_request_truncate` (with its default `.wait = true`) returns once the
/// truncation has started; await this after it to know that the events are gone:
/// @code
/// fc::event_type_request_truncate truncate{.tenant = "acme", .event_type_id = id};
/// co_await client.execute(truncate);
/// co_await fc::wait_until_truncated(client, id, {.cap = std::chrono::minutes(5)});
/// @endcode
/// An event type that is not being truncated returns at once.
///
/// @par Errors
/// `wait_timeout` when `options.cap` passes first (the diagnostics say the truncation is
/// still in progress); `invalid_argument` for an empty id or non-positive options;
/// `not_found` when the event type does not exist; `cancelled` (stops the wait at once);
/// an error of a fetch ends the wait with it. The call's deadline (`call`, else the
/// client's, 60 s by default) also bounds the wait: raise it for a cap beyond it.
inline boost::asio::awaitable<void> wait_until_truncated(const client& c,
                                                         std::string_view event_type_id,
                                                         const wait_options& options = {},
                                                         const call_options& call = {}) {
  return detail::wait_until_truncated(
      detail::truncation_wait{.event_type_id = std::string(event_type_id), .options = options},
      call, c);
}

}  // namespace flowcore
