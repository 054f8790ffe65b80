// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::read_events` and `fc::read_time_buckets`: the event reading commands as
/// async generators that follow the cursors for you.
///
/// @code
/// fc::event_list cmd{.event_type_ids = {id}, .time_bucket = bucket, .page_size = 500};
/// auto events = fc::read_events(client, cmd);
/// while (std::optional<fc::event> e = co_await events.async_resume(asio::use_awaitable))
///   handle(*e);
/// @endcode
///
/// Each generator sends its command, yields the page's items, and sends it again with the
/// page's `next_cursor` until a page has none; it asks for the next page only when the
/// items of the last one are consumed. A failed page is thrown from `async_resume` as
/// `fc::client_error`, like `execute`. The generator holds a copy of the client.

#include <flowcore/client.hpp>
#include <flowcore/commands/events.hpp>

#include <boost/asio/experimental/coro.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace flowcore {

/// @brief Every stored event of some event types, across time buckets: what
/// `read_events(client, all_events)` reads.
struct all_events {
  std::string tenant;  ///< Optional: the tenant's name, to reach a dedicated tenant.
  std::vector<std::string> event_type_ids;      ///< At least one.
  std::optional<std::string> from_time_bucket;  ///< Inclusive; unset: the first bucket.
  std::optional<std::string> to_time_bucket;    ///< Inclusive; unset: the last bucket.
  std::optional<int> page_size;                 ///< Events per request; unset: the server's.
};

/// @brief Every event `cmd` selects: the time buckets holding events of its event types
/// (`time_bucket_list`), oldest first, and in each the events in storage order
/// (`event_list`), across pages.
///
/// @code
/// fc::all_events history{.event_type_ids = {created.id}};
/// auto events = fc::read_events(client, history);
/// while (std::optional<fc::event> e = co_await events.async_resume(asio::use_awaitable))
///   handle(*e);
/// @endcode
boost::asio::experimental::coro<event> read_events(client c, const all_events& cmd);
/// @brief Every event `cmd` selects, across pages.
boost::asio::experimental::coro<event> read_events(client c, const event_list& cmd);
/// @brief Every event `cmd` selects, across pages.
boost::asio::experimental::coro<event> read_events(client c, const events_fetch& cmd);

/// @brief Every time bucket `cmd` selects, across pages.
boost::asio::experimental::coro<std::string> read_time_buckets(client c,
                                                               const time_bucket_list& cmd);
/// @brief Every time bucket `cmd` selects, across pages.
boost::asio::experimental::coro<std::string> read_time_buckets(
    client c, const events_fetch_time_buckets_by_names& cmd);

#if FLOWCORE_GCC12_COROUTINE_TEMPORARIES
// See client::execute. A generator is not awaited itself, but a call that builds the
// command inside a co_await, `co_await drain(fc::read_events(client, fc::event_list{...}))`,
// destroys it twice with GCC 12. The command cannot tell where it is built, so every
// rvalue command is rejected; the named form costs one line.
template <class Command>
  requires((std::is_same_v<std::remove_cvref_t<Command>, event_list> ||
            std::is_same_v<std::remove_cvref_t<Command>, events_fetch> ||
            std::is_same_v<std::remove_cvref_t<Command>, all_events>) &&
           !std::is_lvalue_reference_v<Command>)
boost::asio::experimental::coro<event> read_events(client, Command&&) {
  static_assert(sizeof(Command) == 0,
                "GCC 12 miscompiles a temporary inside co_await: name the command first "
                "(fc::event_list cmd{...}; auto events = fc::read_events(client, cmd);)");
  return {};
}
template <class Command>
  requires((std::is_same_v<std::remove_cvref_t<Command>, time_bucket_list> ||
            std::is_same_v<std::remove_cvref_t<Command>, events_fetch_time_buckets_by_names>) &&
           !std::is_lvalue_reference_v<Command>)
boost::asio::experimental::coro<std::string> read_time_buckets(client, Command&&) {
  static_assert(sizeof(Command) == 0,
                "GCC 12 miscompiles a temporary inside co_await: name the command first "
                "(fc::time_bucket_list cmd{...}; auto buckets = fc::read_time_buckets(client, "
                "cmd);)");
  return {};
}
#endif

}  // namespace flowcore
