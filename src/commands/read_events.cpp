// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The paging generators of read_events.hpp: one coroutine per item kind, following the
// page cursors of docs/protocol.md section 6.9 through client.execute().
#include <flowcore/read_events.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/deferred.hpp>

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

// Each time bucket in order, then each bucket's events, both across pages.
asio::experimental::coro<event> every_event(asio::any_io_executor ex, client c, all_events cmd) {
  time_bucket_list buckets{.tenant = cmd.tenant,
                           .event_type_ids = cmd.event_type_ids,
                           .from_time_bucket = cmd.from_time_bucket,
                           .to_time_bucket = cmd.to_time_bucket};
  for (;;) {
    time_bucket_page bucket_page = co_await asio::co_spawn(ex, c.execute(buckets), asio::deferred);
    for (std::string& bucket : bucket_page.time_buckets) {
      event_list list{.tenant = cmd.tenant,
                      .event_type_ids = cmd.event_type_ids,
                      .time_bucket = std::move(bucket),
                      .page_size = cmd.page_size};
      for (;;) {
        event_page page = co_await asio::co_spawn(ex, c.execute(list), asio::deferred);
        for (event& e : page.events) co_yield std::move(e);
        if (!page.next_cursor) break;
        list.cursor = std::move(page.next_cursor);
      }
    }
    if (!bucket_page.next_cursor) co_return;
    buckets.cursor = std::move(bucket_page.next_cursor);
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
