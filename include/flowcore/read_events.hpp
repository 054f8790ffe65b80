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

#include <string>

namespace flowcore {

/// @brief Every event `cmd` selects, across pages.
boost::asio::experimental::coro<event> read_events(client c, event_list cmd);
/// @brief Every event `cmd` selects, across pages.
boost::asio::experimental::coro<event> read_events(client c, events_fetch cmd);

/// @brief Every time bucket `cmd` selects, across pages.
boost::asio::experimental::coro<std::string> read_time_buckets(client c, time_bucket_list cmd);
/// @brief Every time bucket `cmd` selects, across pages.
boost::asio::experimental::coro<std::string> read_time_buckets(
    client c, events_fetch_time_buckets_by_names cmd);

}  // namespace flowcore
