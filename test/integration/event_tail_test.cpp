// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// fc::event_tail against the stub: every event once and in order from many time buckets,
// live delivery by notification, lost notifications found by the poll, faults while
// ingestion runs, bounded read-ahead, positions and checkpoints, redelivery and the dead
// letter, backdated events, and close() from every state.
#include "stub_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

namespace flowcore::test {

namespace {

using ids_by_type = std::map<std::string, std::vector<std::string>>;

// "2025-01-01T<hh>:30:00.000Z": an event time in the bucket of that hour.
std::string at_hour(int hour) {
  const std::string hh = (hour < 10 ? "0" : "") + std::to_string(hour);
  return "2025-01-01T" + hh + ":30:00.000Z";
}

// Stores `n` events of `type` in one batch; appends their ids to `ids`.
asio::awaitable<void> ingest(fc::client& client, const tree& t, const std::string& type, int n,
                             std::optional<std::string> event_time, ids_by_type& ids) {
  fc::ingest_batch cmd{.tenant_name = "acme", .data_core_id = t.data_core, .flow_type_name = "order",
                       .event_type_name = type, .event_time = std::move(event_time)};
  for (int i = 0; i < n; ++i) cmd.events.push_back(R"({"n":)" + std::to_string(i) + "}");
  const fc::ingest_batch_result stored = co_await client.execute(cmd);
  auto& list = ids[type];
  list.insert(list.end(), stored.event_ids.begin(), stored.event_ids.end());
}

fc::event_tail_options tail_options(std::vector<std::string> types = {"created", "shipped"}) {
  fc::event_tail_options o;
  o.subscription = {.tenant = "acme", .data_core = "orders", .flow_type = "order", .event_types = std::move(types)};
  o.poll_interval = 100ms;
  o.retry_interval = 5ms;
  o.notifications = false;
  return o;
}

// Takes `n` events from the tail, by event type, in the order delivered.
asio::awaitable<ids_by_type> take(fc::event_tail& tail, std::size_t n) {
  ids_by_type got;
  for (std::size_t i = 0; i < n; ++i) {
    std::optional<fc::event> e = co_await tail.next();
    if (!e) throw std::runtime_error("the tail ended early");
    got[e->event_type].push_back(e->event_id);
  }
  co_return got;
}

std::size_t total(const ids_by_type& ids) {
  std::size_t n = 0;
  for (const auto& [type, list] : ids) n += list.size();
  return n;
}

// `got` is `want` for every event type, except that a run of events may come again right
// after a failure: duplicates are allowed only as a repeat of events already delivered,
// and every event of `want` comes, in order. Answers the number of duplicates.
std::size_t check_in_order(const ids_by_type& want, const ids_by_type& got) {
  std::size_t duplicates = 0;
  for (const auto& [type, wanted] : want) {
    const auto it = got.find(type);
    BOOST_REQUIRE_MESSAGE(it != got.end(), "no event of " << type);
    std::map<std::string, std::size_t> index;
    for (std::size_t i = 0; i < wanted.size(); ++i) index[wanted[i]] = i;
    std::size_t next = 0;  // the first event not delivered yet
    for (const std::string& id : it->second) {
      const auto at = index.find(id);
      BOOST_REQUIRE_MESSAGE(at != index.end(), "an event that was not stored: " << id);
      if (at->second == next)
        ++next;
      else if (at->second < next)
        ++duplicates;
      else
        BOOST_FAIL(type << ": event " << at->second << " came before event " << next);
    }
    BOOST_TEST(next == wanted.size(), type << ": " << next << " of " << wanted.size());
  }
  return duplicates;
}

// A coroutine that takes events from a tail until it has `n`, so that a test can act
// (ingest, arm faults) while the tail runs.
struct consumer_state {
  std::vector<std::string> got;
  ids_by_type by_type;
  std::exception_ptr failure;
  bool finished = false;
};

std::shared_ptr<consumer_state> start_consumer(fc::event_tail& tail, std::size_t n) {
  auto state = std::make_shared<consumer_state>();
  asio::co_spawn(
      tail.get_executor(),
      [&tail, state, n]() -> asio::awaitable<void> {
        while (state->got.size() < n) {
          std::optional<fc::event> e = co_await tail.next();
          if (!e) break;
          state->got.push_back(e->event_id);
          state->by_type[e->event_type].push_back(e->event_id);
        }
      },
      [state](std::exception_ptr e) {
        state->failure = e;
        state->finished = true;
      });
  return state;
}

struct temp_file {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("flowcore-tail-" + std::to_string(::getpid()) + ".position");
  temp_file() { std::filesystem::remove(path); }
  ~temp_file() { std::filesystem::remove(path); }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(event_tail)

BOOST_AUTO_TEST_CASE(twenty_thousand_events_in_ten_buckets_come_once_in_order) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    for (int hour = 0; hour < 10; ++hour) {
      co_await ingest(client, t, "created", 1000, at_hour(hour), stored);
      co_await ingest(client, t, "shipped", 1000, at_hour(hour), stored);
    }
    fc::event_tail tail(client, tail_options());
    const ids_by_type got = co_await take(tail, 20'000);
    BOOST_TEST(check_in_order(stored, got) == 0u);
    BOOST_TEST(tail.counters().delivered == 20'000u);
    BOOST_TEST(tail.counters().read_failures == 0u);
    // Nothing more: a further event would be a duplicate.
    co_await ingest(client, t, "created", 1, at_hour(9), stored);
    std::optional<fc::event> last = co_await tail.next();
    BOOST_TEST(last->event_id == stored["created"].back());
  }, 120s);
}

BOOST_AUTO_TEST_CASE(a_notification_wakes_the_tail_long_before_the_poll) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 3, std::nullopt, stored);
    fc::event_tail_options o = tail_options({"created"});
    o.start = fc::tail_start::now;  // the three above are not delivered
    o.notifications = true;
    o.poll_interval = 3600s;  // only a notification can wake it within the watchdog
    fc::event_tail tail(client, o);
    auto consumer = start_consumer(tail, 2);
    co_await wait_until([&] { return f.stub.subscribed_notification_sockets() == 1 && tail.counters().polls == 1; });
    ids_by_type live;
    co_await ingest(client, t, "created", 1, std::nullopt, live);
    co_await ingest(client, t, "created", 1, std::nullopt, live);
    co_await wait_until([&] { return consumer->got.size() == 2; });
    BOOST_TEST(consumer->got == live["created"]);
    BOOST_TEST(tail.counters().wakeups >= 1u);
    BOOST_TEST(tail.counters().polls >= 2u);
  });
}

BOOST_AUTO_TEST_CASE(events_whose_notifications_were_lost_are_found_by_the_poll) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::event_tail_options o = tail_options();
    o.notifications = true;
    fc::event_tail tail(client, o);
    auto consumer = start_consumer(tail, 60);
    co_await wait_until([&] { return f.stub.subscribed_notification_sockets() == 1; });
    f.stub.drop_notifications(-1);
    ids_by_type stored;
    for (int i = 0; i < 6; ++i) co_await ingest(client, t, i % 2 ? "shipped" : "created", 10, std::nullopt, stored);
    co_await wait_until([&] { return consumer->got.size() == 60; }, 10s);
    BOOST_TEST(check_in_order(stored, consumer->by_type) == 0u);
    BOOST_TEST(tail.counters().wakeups == 0u);
    BOOST_TEST(f.stub.notifications_dropped() == 60u);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
