// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// fc::event_tail against the stub: every event once and in order from many time buckets,
// live delivery by notification, lost notifications found by the poll, faults while
// ingestion runs, bounded read-ahead, positions and checkpoints, redelivery and the dead
// letter, backdated events, and close() from every state.
#include "full_listener.hpp"
#include "stub_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <istream>
#include <map>
#include <set>
#include <string>
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
  fc::ingest_batch cmd{.tenant_name = "acme",
                       .data_core_id = t.data_core,
                       .flow_type_name = "order",
                       .event_type_name = type,
                       .event_time = std::move(event_time)};
  for (int i = 0; i < n; ++i) cmd.events.push_back(R"({"n":)" + std::to_string(i) + "}");
  const fc::ingest_batch_result stored = co_await client.execute(cmd);
  auto& list = ids[type];
  list.insert(list.end(), stored.event_ids.begin(), stored.event_ids.end());
}

fc::event_tail_options tail_options(std::vector<std::string> types = {"created", "shipped"}) {
  fc::event_tail_options o;
  o.subscription = {.tenant = "acme",
                    .data_core = "orders",
                    .flow_type = "order",
                    .event_types = std::move(types)};
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

// The error next() fails with; fails the test if it returns instead.
asio::awaitable<boost::system::error_code> next_error(fc::event_tail& tail) {
  try {
    std::optional<fc::event> e = co_await tail.next();
    BOOST_ERROR("next() returned " << (e ? e->event_id : "nothing"));
  } catch (const fc::client_error& e) {
    co_return e.code();
  }
  co_return boost::system::error_code{};
}

// Starts a next() that waits, then asks for another: the second is refused.
asio::awaitable<boost::system::error_code> next_error_or_busy(fc::event_tail& tail) {
  auto first = start_consumer(tail, 1);
  co_await wait_until([&] { return tail.counters().polls >= 1; });
  boost::system::error_code second = co_await next_error(tail);
  tail.close();
  co_await wait_until([&] { return first->finished; });
  co_return second;
}

// wait_until without the throw: answers whether `done` came true within `limit`.
asio::awaitable<bool> wait_for(std::function<bool()> done, std::chrono::milliseconds limit) {
  try {
    co_await wait_until(done, limit);
  } catch (const std::runtime_error&) {
    co_return false;
  }
  co_return true;
}

// flowcore_tail_child running against the stub, its stdout read line by line.
class tail_child {
 public:
  tail_child(asio::io_context& ioc, const std::vector<std::string>& args) : out_(ioc) {
    int fds[2];
    BOOST_REQUIRE(::pipe(fds) == 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::vector<char*> argv;
    std::string program = FLOWCORE_TAIL_CHILD;
    argv.push_back(program.data());
    std::vector<std::string> copy = args;
    for (std::string& a : copy) argv.push_back(a.data());
    argv.push_back(nullptr);
    BOOST_REQUIRE(::posix_spawn(&pid_, program.c_str(), &actions, nullptr, argv.data(), environ) ==
                  0);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    out_.assign(fds[0]);
  }
  ~tail_child() { kill(); }

  /// The next line the child wrote; throws at end of output.
  asio::awaitable<std::string> line() {
    co_await asio::async_read_until(out_, buffer_, '\n', asio::use_awaitable);
    std::istream in(&buffer_);
    std::string text;
    std::getline(in, text);
    co_return text;
  }

  /// Every line still in the pipe, up to the end of output (call after kill()).
  asio::awaitable<std::vector<std::string>> rest() {
    std::vector<std::string> lines;
    for (;;) {
      auto [ec, n] = co_await asio::async_read_until(out_, buffer_, '\n', no_throw);
      if (ec) co_return lines;
      std::istream in(&buffer_);
      std::string text;
      std::getline(in, text);
      lines.push_back(std::move(text));
    }
  }

  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = 0;
  }

 private:
  pid_t pid_ = 0;
  asio::posix::stream_descriptor out_;
  asio::streambuf buffer_;
};

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
  f.run(
      [&]() -> asio::awaitable<void> {
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
      },
      120s);
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
    co_await wait_until([&] {
      return f.stub.subscribed_notification_sockets() == 1 && tail.counters().polls == 1;
    });
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
    for (int i = 0; i < 6; ++i)
      co_await ingest(client, t, i % 2 ? "shipped" : "created", 10, std::nullopt, stored);
    co_await wait_until([&] { return consumer->got.size() == 60; }, 10s);
    BOOST_TEST(check_in_order(stored, consumer->by_type) == 0u);
    BOOST_TEST(tail.counters().wakeups == 0u);
    BOOST_TEST(f.stub.notifications_dropped() == 60u);
  });
}

BOOST_AUTO_TEST_CASE(faults_while_ingesting_lose_nothing_and_keep_order) {
  stub_fixture f;
  f.run(
      [&]() -> asio::awaitable<void> {
        fc::client client = f.make_client();
        const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
        fc::event_tail_options o = tail_options();
        o.notifications = true;
        o.max_buffered_events = 50;
        fc::event_tail tail(client, o);
        constexpr std::size_t batches = 40, per_batch = 50;
        auto consumer = start_consumer(tail, batches * per_batch);
        ids_by_type stored;
        for (std::size_t b = 0; b < batches; ++b) {
          // Every few hundred events something else breaks: the notification socket closes,
          // reads answer 503 or lose their connection, notifications get lost; the tail also
          // moves to a new time bucket now and then.
          switch (b % 4) {
            case 0:
              f.stub.close_notification_sockets(b % 8 ? 1011 : 1006);
              break;
            case 1:
              f.stub.add_fault(
                  {.method = "GET", .path_prefix = "/api/v1/events", .count = 3, .status = 503});
              break;
            case 2:
              f.stub.add_fault(
                  {.method = "GET", .path_prefix = "/api/v1/", .count = 2, .reset = true});
              break;
            case 3:
              f.stub.drop_notifications(20);
              break;
          }
          const int hour = static_cast<int>(b / 10);
          co_await ingest(client, t, b % 2 ? "shipped" : "created", per_batch, at_hour(hour),
                          stored);
          // Pacing: the tail keeps up roughly, so faults hit reads of every kind.
          if (b % 5 == 0)
            co_await wait_for([&] { return consumer->got.size() >= b * per_batch / 2; }, 10s);
        }
        // On a timeout, the check below says which events are missing.
        BOOST_TEST(co_await wait_for([&] { return consumer->finished; }, 20s));
        if (consumer->failure) std::rethrow_exception(consumer->failure);
        BOOST_TEST(check_in_order(stored, consumer->by_type) == 0u);
        BOOST_TEST(tail.counters().read_failures > 0u);
        BOOST_TEST(tail.counters().delivered == batches * per_batch);
      },
      60s);
}

BOOST_AUTO_TEST_CASE(events_stored_while_a_newer_bucket_appears_are_not_skipped) {
  // The tail is in the 11:00 bucket. While its bucket listing is on the way, one event is
  // stored into 11:00 and then one into 12:00. It must read 11:00 again before it moves
  // on: reading 11:00 first and listing afterwards would skip the first event for good.
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 1, at_hour(11), stored);
    fc::event_tail_options o = tail_options({"created"});
    o.poll_interval = 20ms;
    fc::event_tail tail(client, o);
    co_await take(tail, 1);
    f.stub.add_fault(
        {.method = "GET", .path_prefix = "/api/v1/time-buckets", .count = 1, .delay = 200ms});
    const std::size_t listings = f.stub.hits("GET", "/api/v1/time-buckets");
    auto consumer = start_consumer(tail, 2);
    co_await wait_until([&] { return f.stub.hits("GET", "/api/v1/time-buckets") > listings; });
    co_await ingest(client, t, "created", 1, at_hour(11), stored);
    co_await ingest(client, t, "created", 1, at_hour(12), stored);
    co_await wait_until([&] { return consumer->finished; });
    const std::vector<std::string> want(stored["created"].begin() + 1, stored["created"].end());
    BOOST_TEST(consumer->got == want);
  });
}

BOOST_AUTO_TEST_CASE(a_slow_consumer_keeps_the_read_ahead_within_the_buffer) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    // One time bucket, so that every page is full: the count of reads below is exact.
    co_await ingest(client, t, "created", 200, at_hour(10), stored);
    fc::event_tail_options o = tail_options({"created"});
    o.max_buffered_events = 10;  // pages of 5
    fc::event_tail tail(client, o);
    f.stub.clear_requests();
    const ids_by_type first = co_await take(tail, 1);
    // The consumer holds one event and takes no more: the reader fills the buffer and stops.
    co_await wait_until([&] { return f.stub.hits("GET", "/api/v1/events") >= 2; });
    asio::steady_timer settle(f.ioc, 50ms);  // time for a reader that would not stop to go on
    co_await settle.async_wait(asio::use_awaitable);
    // Two pages: after the second, 9 or 10 events wait and a third page would not fit.
    BOOST_TEST(f.stub.hits("GET", "/api/v1/events") == 2u, "at most 10 events read ahead");
    ids_by_type rest = co_await take(tail, 199);
    rest["created"].insert(rest["created"].begin(), first.at("created").front());
    BOOST_TEST(check_in_order(stored, rest) == 0u);
  });
}

BOOST_AUTO_TEST_CASE(a_stalled_read_and_a_stalled_notification_connect_do_not_wedge_it) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client_options co = f.options();
    co.deadline = 300ms;
    co.retry = fc::retry_policy::none();
    fc::client client = f.make_client(co);
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 10, std::nullopt, stored);
    f.stub.add_fault({.path_prefix = "/notifications", .count = 0, .stall = true});
    f.stub.add_fault({.method = "GET", .path_prefix = "/api/v1/events", .count = 2, .stall = true});
    fc::event_tail_options o = tail_options({"created"});
    o.notifications = true;
    fc::event_tail tail(client, o);
    const ids_by_type got = co_await take(tail, 10);
    BOOST_TEST(check_in_order(stored, got) == 0u);
    BOOST_TEST(tail.counters().read_failures >= 2u);
    BOOST_TEST(!tail.diagnostics().phase.empty(), "a timeout, with its phase");
  });
}

BOOST_AUTO_TEST_CASE(a_connect_that_never_completes_does_not_wedge_it) {
  // A server whose accept queue is full: Linux drops further SYNs, so every connect, for
  // the reads and for the notification socket alike, hangs until its budget. The tail
  // keeps retrying, each read bounded by the client's connect timeout, and close() ends it.
  stub_fixture f;
  full_listener full(f.ioc);
  f.run([&]() -> asio::awaitable<void> {
    fc::client_options co = f.options();
    co.base_url = "http://127.0.0.1:" + std::to_string(full.port());
    co.timeouts.connect = 100ms;
    co.retry = fc::retry_policy::none();
    fc::client client = f.make_client(co);
    fc::event_tail_options o = tail_options({"created"});
    o.notifications = true;
    fc::event_tail tail(client, o);
    auto consumer = start_consumer(tail, 1);
    co_await wait_until([&] { return tail.counters().read_failures >= 3; }, 5s);
    BOOST_TEST(tail.diagnostics().phase == "connect");
    tail.close();
    co_await wait_until([&] { return consumer->finished; }, 1s);
    BOOST_TEST(!consumer->failure);
    full.close();
  });
}

BOOST_AUTO_TEST_CASE(a_server_answering_errors_for_long_only_delays_it) {
  stub_fixture f;
  f.run(
      [&]() -> asio::awaitable<void> {
        fc::client_options co = f.options();
        co.retry = fc::retry_policy::none();
        fc::client client = f.make_client(co);
        const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
        ids_by_type stored;
        co_await ingest(client, t, "created", 5, std::nullopt, stored);
        // 200 failed reads in a row, with the backoff capped at the poll interval (2 ms here):
        // the tail neither gives up nor stops retrying.
        f.stub.add_fault({.method = "GET", .path_prefix = "/api/v1/", .count = 100, .status = 503});
        f.stub.add_fault({.method = "GET", .path_prefix = "/api/v1/", .count = 100, .status = 500});
        fc::event_tail_options o = tail_options({"created"});
        o.retry_interval = 1ms;
        o.poll_interval = 2ms;
        fc::event_tail tail(client, o);
        const ids_by_type got = co_await take(tail, 5);
        BOOST_TEST(check_in_order(stored, got) == 0u);
        BOOST_TEST(tail.counters().read_failures == 200u);
        BOOST_TEST(tail.diagnostics().http_status == 500);
      },
      60s);
}

BOOST_AUTO_TEST_CASE(failures_no_retry_can_fix_end_the_tail_with_their_code) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    co_await make_tree(client, f.stub.acme_tenant_id());
    {
      fc::event_tail tail(client, tail_options({"created", "no-such-type"}));
      BOOST_TEST(co_await next_error(tail) == fc::error::not_found);
      BOOST_TEST(tail.diagnostics().message.find("no-such-type") != std::string::npos);
      BOOST_TEST(co_await next_error(tail) == fc::error::not_found,
                 "every later call fails the same");
    }
    {
      const std::size_t before = f.stub.requests().size();
      fc::event_tail_options o = tail_options({"created"});
      o.max_buffered_events = 0;
      fc::event_tail tail(client, o);
      BOOST_TEST(co_await next_error(tail) == fc::error::invalid_argument);
      BOOST_TEST(tail.diagnostics().message.find("max_buffered_events") != std::string::npos);
      BOOST_TEST(f.stub.requests().size() == before, "nothing was sent");
    }
    {
      f.stub.add_fault(
          {.method = "GET", .path_prefix = "/api/v1/time-buckets", .count = 1, .status = 403});
      fc::event_tail tail(client, tail_options({"created"}));
      BOOST_TEST(co_await next_error(tail) == fc::error::http_status);
      BOOST_TEST(tail.diagnostics().http_status == 403);
    }
  });
}

BOOST_AUTO_TEST_CASE(a_checkpoint_store_is_committed_and_resumed_from) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 30, at_hour(1), stored);
    co_await ingest(client, t, "created", 30, at_hour(2), stored);
    auto store = std::make_shared<fc::memory_checkpoint_store>();
    fc::event_tail_options o = tail_options({"created"});
    o.checkpoints = store;
    o.checkpoint_every = 10;
    o.checkpoint_interval = 3600s;
    {
      fc::event_tail tail(client, o);
      co_await take(tail, 25);  // 24 done: the 25th is done only at the next call
      co_await take(tail, 1);
      BOOST_TEST(store->saves() == 2u, "after 10 and 20 events");
      BOOST_TEST(store->saved()->event_types.at("created").event_id == stored["created"][19]);
      co_await tail.commit();  // all 26 returned are done
      BOOST_TEST(store->saved()->event_types.at("created").event_id == stored["created"][25]);
      BOOST_TEST((tail.position() == *store->saved()));
      BOOST_TEST(tail.counters().commits == 3u);
    }
    // A new tail resumes after the saved position: no event twice, none missed.
    fc::event_tail again(client, o);
    const ids_by_type rest = co_await take(again, 34);
    const std::vector<std::string> want(stored["created"].begin() + 26, stored["created"].end());
    BOOST_TEST(rest.at("created") == want);
  });
}

BOOST_AUTO_TEST_CASE(the_interval_commits_a_quiet_tail) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 3, std::nullopt, stored);
    auto store = std::make_shared<fc::memory_checkpoint_store>();
    fc::event_tail_options o = tail_options({"created"});
    o.checkpoints = store;
    o.checkpoint_interval = 20ms;
    fc::event_tail tail(client, o);
    co_await take(tail, 3);
    // The next() below waits for an event that does not come; meanwhile the three done
    // events are committed by time.
    auto consumer = start_consumer(tail, 1);
    co_await wait_until([&] { return store->saves() == 1; });
    BOOST_TEST(store->saved()->event_types.at("created").event_id == stored["created"][2]);
    tail.close();
    co_await wait_until([&] { return consumer->finished; });
  });
}

BOOST_AUTO_TEST_CASE(a_position_as_text_is_where_the_next_tail_starts) {
  // The effectively-once pattern: the position travels with the work it describes (here a
  // string, as a database row would hold it) and the next tail starts from it.
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 4, at_hour(3), stored);
    co_await ingest(client, t, "shipped", 4, at_hour(4), stored);
    std::string saved;
    {
      fc::event_tail tail(client, tail_options());
      co_await take(tail, 6);
      co_await tail.commit();
      saved = tail.position().to_string();
    }
    fc::event_tail_options o = tail_options();
    o.position = fc::tail_position::parse(saved);
    fc::event_tail tail(client, o);
    const ids_by_type rest = co_await take(tail, 2);
    BOOST_TEST(total(rest) == 2u);
    for (const auto& [type, ids] : rest)
      for (const std::string& id : ids)
        BOOST_TEST(saved.find(id) == std::string::npos, "not one of the six done before");
  });
}

BOOST_AUTO_TEST_CASE(a_failing_handler_is_redelivered_then_stops_the_tail) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 5, std::nullopt, stored);
    auto store = std::make_shared<fc::memory_checkpoint_store>();
    fc::event_tail_options o = tail_options({"created"});
    o.checkpoints = store;
    o.max_redeliveries = 2;
    o.redelivery_delay = 1ms;
    fc::event_tail tail(client, o);
    std::vector<std::string> calls;
    const std::string poison = stored["created"][2];
    try {
      co_await tail.run([&](const fc::event& e) -> asio::awaitable<void> {
        calls.push_back(e.event_id);
        if (e.event_id == poison) throw std::runtime_error("cannot project it");
        co_return;
      });
      BOOST_ERROR("run() returned");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::handler_failed);
      const std::string what = e.what();
      BOOST_TEST(what.find(poison) != std::string::npos, what);
      BOOST_TEST(what.find("cannot project it") != std::string::npos, what);
      BOOST_TEST(what.find("3 times") != std::string::npos, what);
    }
    const std::vector<std::string> want{stored["created"][0], stored["created"][1], poison, poison,
                                        poison};
    BOOST_TEST(calls == want);
    BOOST_TEST(tail.counters().redelivered == 2u);
    // What was handled is committed on the way out; the poison event is not.
    BOOST_TEST(store->saved()->event_types.at("created").event_id == stored["created"][1]);
  });
}

BOOST_AUTO_TEST_CASE(a_failing_handler_goes_to_the_dead_letter_and_the_tail_goes_on) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 5, std::nullopt, stored);
    std::vector<std::string> dead, handled;
    fc::event_tail_options o = tail_options({"created"});
    o.max_redeliveries = 1;
    o.redelivery_delay = 1ms;
    o.dead_letter = [&](const fc::event& e, std::exception_ptr why) -> asio::awaitable<void> {
      BOOST_TEST(static_cast<bool>(why));
      dead.push_back(e.event_id);
      co_return;
    };
    fc::event_tail tail(client, o);
    const std::string poison = stored["created"][1];
    co_await tail.run([&](const fc::event& e) -> asio::awaitable<void> {
      if (e.event_id == poison) throw 42;  // not even a std::exception
      handled.push_back(e.event_id);
      if (handled.size() == 4) tail.close();
      co_return;
    });
    BOOST_TEST(dead == std::vector<std::string>{poison});
    BOOST_TEST(handled.size() == 4u);
    BOOST_TEST(tail.counters().dead_lettered == 1u);
    BOOST_TEST(tail.counters().redelivered == 1u);
    BOOST_TEST(tail.position().event_types.at("created").event_id == stored["created"][4]);
  });
}

BOOST_AUTO_TEST_CASE(backdated_events_behind_the_tail_are_not_delivered_as_documented) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 2, at_hour(11), stored);
    fc::event_tail tail(client, tail_options({"created"}));
    co_await take(tail, 2);  // the tail is in the 11:00 bucket now
    ids_by_type older, same, newer;
    co_await ingest(client, t, "created", 1, at_hour(10), older);
    co_await ingest(client, t, "created", 1, at_hour(11), same);
    co_await ingest(client, t, "created", 1, at_hour(12), newer);
    // Delivered: the one in the tail's bucket, then the one in a later bucket.
    const ids_by_type got = co_await take(tail, 2);
    const std::vector<std::string> want{same["created"][0], newer["created"][0]};
    BOOST_TEST(got.at("created") == want);
    // Not delivered: the one in the older bucket. A tail from the beginning has it, in
    // bucket order.
    fc::event_tail from_start(client, tail_options({"created"}));
    const ids_by_type all = co_await take(from_start, 5);
    BOOST_TEST(all.at("created").front() == older["created"][0]);
    tail.close();
    BOOST_TEST(!(co_await tail.next()).has_value());
    BOOST_TEST(tail.counters().delivered == 4u);
  });
}

BOOST_AUTO_TEST_CASE(close_ends_it_promptly_from_every_state) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 20, std::nullopt, stored);
    fc::event_tail_options slow = tail_options({"created"});
    slow.poll_interval = 3600s;
    slow.retry_interval = 3600s;
    slow.notifications = true;
    // Each state: set up, then close() must end the pending call at once.
    auto closes = [&](fc::event_tail& tail,
                      std::shared_ptr<consumer_state> c) -> asio::awaitable<void> {
      const auto started = std::chrono::steady_clock::now();
      tail.close();
      co_await wait_until([&] { return c->finished; });
      BOOST_TEST(!c->failure);
      BOOST_TEST((std::chrono::steady_clock::now() - started < 1s));
    };
    {  // never started
      fc::event_tail tail(client, slow);
      tail.close();
      BOOST_TEST(!(co_await tail.next()).has_value());
    }
    {  // waiting for events, caught up; the notification socket open
      fc::event_tail tail(client, slow);
      auto c = start_consumer(tail, 21);
      co_await wait_until(
          [&] { return c->got.size() == 20 && f.stub.subscribed_notification_sockets() == 1; });
      co_await closes(tail, c);
    }
    {  // a read stalled on the server; the notification upgrade stalled too
      f.stub.add_fault({.method = "GET", .path_prefix = "/api/v1/", .count = 0, .stall = true});
      f.stub.add_fault({.path_prefix = "/notifications", .count = 0, .stall = true});
      fc::event_tail tail(client, slow);
      auto c = start_consumer(tail, 1);
      co_await wait_until([&] { return f.stub.hits("GET", "/api/v1/") >= 1; });
      co_await closes(tail, c);
      f.stub.clear_faults();
    }
    {  // backing off after a failed read
      f.stub.add_fault({.method = "GET", .path_prefix = "/api/v1/", .count = 0, .status = 503});
      fc::event_tail tail(client, slow);
      auto c = start_consumer(tail, 1);
      co_await wait_until([&] { return tail.counters().read_failures >= 1; });
      co_await closes(tail, c);
      f.stub.clear_faults();
    }
    {  // the reader waiting for room: the consumer holds events it does not take
      fc::event_tail_options o = slow;
      o.max_buffered_events = 4;
      fc::event_tail tail(client, o);
      auto c = start_consumer(tail, 1);
      co_await wait_until([&] { return c->finished; });
      auto d = start_consumer(tail, 1);  // one more, then it waits with a full buffer
      co_await wait_until([&] { return d->finished; });
      co_await wait_until([&] { return f.stub.hits("GET", "/api/v1/events") >= 2; });
      auto e = start_consumer(tail, 100);
      co_await wait_until([&] { return e->got.size() == 18; });
      co_await closes(tail, e);
    }
    {  // run() waiting before a redelivery
      fc::event_tail_options o = slow;
      o.redelivery_delay = 3600s;
      fc::event_tail tail(client, o);
      bool failed_once = false, returned = false;
      asio::co_spawn(f.ioc, tail.run([&](const fc::event&) -> asio::awaitable<void> {
        failed_once = true;
        throw std::runtime_error("later");
        co_return;
      }),
                     [&](std::exception_ptr e) {
                       BOOST_TEST(!e);
                       returned = true;
                     });
      co_await wait_until([&] { return failed_once; });
      tail.close();
      co_await wait_until([&] { return returned; });
      BOOST_TEST(tail.position().event_types.empty(), "the failed event is not done");
    }
  });
}

BOOST_AUTO_TEST_CASE(a_cancelled_next_loses_no_event) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::event_tail tail(client, tail_options({"created"}));
    asio::cancellation_signal cancel;
    boost::system::error_code code;
    bool done = false;
    asio::co_spawn(f.ioc, tail.next(),
                   asio::bind_cancellation_slot(
                       cancel.slot(), [&](std::exception_ptr e, std::optional<fc::event>) {
                         try {
                           if (e) std::rethrow_exception(e);
                         } catch (const fc::client_error& err) {
                           code = err.code();
                         }
                         done = true;
                       }));
    co_await wait_until([&] { return tail.counters().polls >= 1; });
    cancel.emit(asio::cancellation_type::terminal);
    co_await wait_until([&] { return done; });
    BOOST_TEST(code == fc::error::cancelled);
    ids_by_type stored;
    co_await ingest(client, t, "created", 3, std::nullopt, stored);
    BOOST_TEST(check_in_order(stored, co_await take(tail, 3)) == 0u);
    BOOST_TEST(co_await next_error_or_busy(tail) == fc::error::stream_in_use);
  });
}

BOOST_AUTO_TEST_CASE(a_consumer_killed_with_sigkill_resumes_after_its_last_commit) {
  stub_fixture f;
  temp_file position_file;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    for (int hour = 0; hour < 3; ++hour)
      co_await ingest(client, t, "created", 100, at_hour(hour), stored);
    const std::vector<std::string>& all = stored["created"];
    const std::vector<std::string> args{f.stub.base_url(), test_key, position_file.path.string(),
                                        "7", "1"};

    // First run: killed without warning once it has handled 150 events.
    std::vector<std::string> first;
    {
      tail_child child(f.ioc, args);
      while (first.size() < 150) first.push_back(co_await child.line());
      child.kill();
      for (std::string& line : co_await child.rest()) first.push_back(std::move(line));
    }
    BOOST_TEST_REQUIRE(first.size() < all.size(), "the kill came before the end");
    BOOST_TEST(std::vector<std::string>(
                   all.begin(), all.begin() + static_cast<std::ptrdiff_t>(first.size())) == first);
    std::ifstream saved_file(position_file.path);
    std::string saved_text;
    std::getline(saved_file, saved_text);
    const fc::tail_position saved = fc::tail_position::parse(saved_text);
    const auto at = std::find(all.begin(), all.end(), saved.event_types.at("created").event_id);
    BOOST_REQUIRE(at != all.end());
    const std::size_t committed = static_cast<std::size_t>(at - all.begin()) + 1;  // events done
    // Commits come every 7 events: the process handled at most 7 more before it died.
    BOOST_TEST(committed <= first.size());
    BOOST_TEST(committed + 7 >= first.size());

    // Second run: it continues right after the last committed event, to the end.
    std::vector<std::string> second;
    {
      tail_child child(f.ioc, args);
      while (second.size() < all.size() - committed) second.push_back(co_await child.line());
      child.kill();
    }
    BOOST_TEST(std::vector<std::string>(all.begin() + static_cast<std::ptrdiff_t>(committed),
                                        all.end()) == second);
  });
}

BOOST_AUTO_TEST_CASE(a_position_file_that_does_not_parse_stops_the_tail) {
  stub_fixture f;
  temp_file position_file;
  std::ofstream(position_file.path) << "not a position\n";
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    co_await make_tree(client, f.stub.acme_tenant_id());
    fc::event_tail_options o = tail_options({"created"});
    o.checkpoints = std::make_shared<fc::file_checkpoint_store>(position_file.path);
    fc::event_tail tail(client, o);
    BOOST_TEST(co_await next_error(tail) == fc::error::checkpoint_failed);
    BOOST_TEST(tail.diagnostics().message.find(position_file.path.string()) != std::string::npos);
    BOOST_TEST(f.stub.hits("GET", "/api/v1/events") == 0u, "nothing read from the wrong place");
  });
}

BOOST_AUTO_TEST_CASE(a_failed_save_is_logged_and_tried_again_at_the_next_commit) {
  // A store whose first save fails, as a database that is briefly away.
  struct flaky_store final : fc::checkpoint_store {
    int attempts = 0;
    std::optional<fc::tail_position> saved;
    asio::awaitable<std::optional<fc::tail_position>> load() override { co_return std::nullopt; }
    asio::awaitable<void> save(const fc::tail_position& p) override {
      if (++attempts == 1) throw std::runtime_error("database unavailable");
      saved = p;
      co_return;
    }
  };
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client_options co = f.options();
    co.logger = logs.logger();
    fc::client client = f.make_client(co);
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 6, std::nullopt, stored);
    auto store = std::make_shared<flaky_store>();
    fc::event_tail_options o = tail_options({"created"});
    o.checkpoints = store;
    o.checkpoint_every = 2;
    fc::event_tail tail(client, o);
    BOOST_TEST(check_in_order(stored, co_await take(tail, 6)) == 0u);
    BOOST_TEST(store->attempts == 2);
    BOOST_TEST(store->saved->event_types.at("created").event_id == stored["created"][3]);
    BOOST_TEST(tail.counters().commits == 1u);
    BOOST_TEST(logs.contains(
        "saving the position failed; the next commit tries again: database unavailable"));
  });
}

BOOST_AUTO_TEST_CASE(lag_is_now_minus_the_valid_time_of_the_last_event_delivered) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::ingest_event old{.tenant_name = "acme",
                         .data_core_id = t.data_core,
                         .flow_type_name = "order",
                         .event_type_name = "created",
                         .event_data = "{}",
                         .valid_time = "2020-01-01T00:00:00.000Z"};
    co_await client.execute(old);
    fc::event_tail tail(client, tail_options({"created"}));
    BOOST_TEST(tail.counters().lag.count() == 0);
    co_await take(tail, 1);
    BOOST_TEST((tail.counters().lag > std::chrono::hours(24 * 365)));
    fc::ingest_event fresh{.tenant_name = "acme",
                           .data_core_id = t.data_core,
                           .flow_type_name = "order",
                           .event_type_name = "created",
                           .event_data = "{}"};
    co_await client.execute(fresh);  // stored now, without a valid time of its own
    co_await take(tail, 1);
    BOOST_TEST((tail.counters().lag < std::chrono::minutes(1)));
  });
}

BOOST_AUTO_TEST_CASE(handlers_of_different_event_types_run_concurrently_in_order_per_type) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::event_type_create returned{.flow_type_id = t.order, .name = "returned"};
    co_await client.execute(returned);
    ids_by_type stored;
    for (int round = 0; round < 4; ++round)
      for (const char* type : {"created", "shipped", "returned"})
        co_await ingest(client, t, type, 5, std::nullopt, stored);
    fc::event_tail_options o = tail_options({"created", "shipped", "returned"});
    o.max_concurrent_handlers = 2;
    fc::event_tail tail(client, o);
    ids_by_type handled;
    std::map<std::string, int> in_flight_by_type;
    int in_flight = 0, most = 0;
    co_await tail.run([&](const fc::event& e) -> asio::awaitable<void> {
      BOOST_TEST(in_flight_by_type[e.event_type]++ == 0, "one handler per event type at a time");
      most = std::max(most, ++in_flight);
      asio::steady_timer work(co_await asio::this_coro::executor, 1ms);
      co_await work.async_wait(asio::use_awaitable);
      --in_flight;
      --in_flight_by_type[e.event_type];
      handled[e.event_type].push_back(e.event_id);
      if (total(handled) == 60) tail.close();
    });
    BOOST_TEST(check_in_order(stored, handled) == 0u);
    BOOST_TEST(most == 2, "two types at a time, never three");
    for (const auto& [type, ids] : stored)
      BOOST_TEST(tail.position().event_types.at(type).event_id == ids.back());
  });
}

BOOST_AUTO_TEST_CASE(a_lane_that_fails_for_good_stops_every_lane) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 3, std::nullopt, stored);
    co_await ingest(client, t, "shipped", 50, std::nullopt, stored);
    auto store = std::make_shared<fc::memory_checkpoint_store>();
    fc::event_tail_options o = tail_options();
    o.max_concurrent_handlers = 2;
    o.max_redeliveries = 1;
    o.redelivery_delay = 1ms;
    o.checkpoints = store;
    fc::event_tail tail(client, o);
    const std::string poison = stored["created"][1];
    std::size_t shipped = 0;
    boost::system::error_code code;
    try {
      co_await tail.run([&](const fc::event& e) -> asio::awaitable<void> {
        if (e.event_id == poison) throw std::runtime_error("bad event");
        if (e.event_type == "shipped") {
          ++shipped;
          asio::steady_timer work(co_await asio::this_coro::executor, 1ms);
          co_await work.async_wait(asio::use_awaitable);
        }
      });
    } catch (const fc::client_error& e) {
      code = e.code();
    }
    BOOST_TEST(code == fc::error::handler_failed);
    BOOST_TEST(shipped < 50u, "the other lane stopped too");
    // What each lane handled is committed: created up to the event before the poison.
    BOOST_TEST(store->saved()->event_types.at("created").event_id == stored["created"][0]);
    if (shipped > 0)
      BOOST_TEST(store->saved()->event_types.at("shipped").event_id ==
                 stored["shipped"][shipped - 1]);
  });
}

BOOST_AUTO_TEST_CASE(a_store_that_throws_anything_on_load_stops_the_tail) {
  struct broken_store final : fc::checkpoint_store {
    asio::awaitable<std::optional<fc::tail_position>> load() override {
      throw 7;  // not even a std::exception
      co_return std::nullopt;
    }
    asio::awaitable<void> save(const fc::tail_position&) override { co_return; }
  };
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    co_await make_tree(client, f.stub.acme_tenant_id());
    fc::event_tail_options o = tail_options({"created"});
    o.checkpoints = std::make_shared<broken_store>();
    fc::event_tail tail(client, o);
    BOOST_TEST(co_await next_error(tail) == fc::error::checkpoint_failed);
    BOOST_TEST(tail.diagnostics().message.find("not a std::exception") != std::string::npos);
  });
}

BOOST_AUTO_TEST_CASE(answers_that_cannot_become_a_position_are_invalid_and_retried) {
  // A bucket or an event id the position could not hold (and read back after a restart)
  // is an invalid answer: counted, retried, and the tail goes on.
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    ids_by_type stored;
    co_await ingest(client, t, "created", 2, std::nullopt, stored);
    f.stub.add_fault({.method = "GET",
                      .path_prefix = "/api/v1/time-buckets",
                      .count = 1,
                      .body = R"({"timeBuckets":["2025-01-01T10"]})"});
    f.stub.add_fault(
        {.method = "GET",
         .path_prefix = "/api/v1/events",
         .count = 1,
         .body = R"({"events":[{"eventId":"","timeBucket":"20250101100000","tenant":"acme",)"
                 R"("dataCoreId":"d","flowType":"order","eventType":"created","validTime":"x",)"
                 R"("metadata":{},"payload":{}}]})"});
    fc::event_tail tail(client, tail_options({"created"}));
    BOOST_TEST(check_in_order(stored, co_await take(tail, 2)) == 0u);
    BOOST_TEST(tail.counters().read_failures == 2u);
    BOOST_TEST(tail.diagnostics().message.find("empty eventId") != std::string::npos);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
