// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The paging generators of read_events.hpp: one coroutine per item kind, following the
// page cursors of docs/protocol.md section 6.9 through client.execute().
#include <flowcore/read_events.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace flowcore {

namespace {

namespace asio = boost::asio;

std::vector<event>& items_of(event_page& page) { return page.events; }
std::vector<std::string>& items_of(time_bucket_page& page) { return page.time_buckets; }

// The executor comes first: experimental::coro takes its executor from there. The client
// is a copy the generator keeps, so its calls are not cancelled while it runs. The command
// is a copy too: the public functions below take a reference, which is fine only because
// they are not coroutines themselves.
template <class Item, class Command>
asio::experimental::coro<Item> pages(asio::any_io_executor ex, client c, Command cmd) {
  for (;;) {
    typename Command::result_type page =
        co_await asio::co_spawn(ex, c.execute(cmd), asio::deferred);
    for (Item& item : items_of(page)) co_yield std::move(item);
    if (!page.next_cursor) co_return;
    cmd.cursor = std::move(page.next_cursor);
  }
}

// Each time bucket in order, then each bucket's events: a pages() generator per bucket
// inside one over the buckets, so that both levels follow their cursors as read_events and
// read_time_buckets do. Awaiting a generator resumes it on this coroutine's executor and
// rethrows what it threw, so a failed page reaches the caller unchanged.
asio::experimental::coro<event> every_event(asio::any_io_executor ex, client c, all_events cmd) {
  time_bucket_list bucket_list{.tenant = cmd.tenant,
                               .event_type_ids = cmd.event_type_ids,
                               .from_time_bucket = cmd.from_time_bucket,
                               .to_time_bucket = cmd.to_time_bucket};
  auto buckets = pages<std::string>(ex, c, std::move(bucket_list));
  while (std::optional<std::string> bucket = co_await buckets) {
    event_list list{.tenant = cmd.tenant,
                    .event_type_ids = cmd.event_type_ids,
                    .time_bucket = std::move(*bucket),
                    .page_size = cmd.page_size};
    auto events = pages<event>(ex, c, std::move(list));
    while (std::optional<event> e = co_await events) co_yield std::move(*e);
  }
}

}  // namespace

asio::experimental::coro<event> read_events(client c, const all_events& cmd) {
  auto ex = c.get_executor();
  return every_event(std::move(ex), std::move(c), cmd);
}

asio::experimental::coro<event> read_events(client c, const event_list& cmd) {
  auto ex = c.get_executor();
  return pages<event>(std::move(ex), std::move(c), cmd);
}

asio::experimental::coro<event> read_events(client c, const events_fetch& cmd) {
  auto ex = c.get_executor();
  return pages<event>(std::move(ex), std::move(c), cmd);
}

asio::experimental::coro<std::string> read_time_buckets(client c, const time_bucket_list& cmd) {
  auto ex = c.get_executor();
  return pages<std::string>(std::move(ex), std::move(c), cmd);
}

asio::experimental::coro<std::string> read_time_buckets(
    client c, const events_fetch_time_buckets_by_names& cmd) {
  auto ex = c.get_executor();
  return pages<std::string>(std::move(ex), std::move(c), cmd);
}

}  // namespace flowcore
