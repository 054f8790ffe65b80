// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Event tail benchmarks (a measurement, not a test; see BENCHMARKS.md):
//   1. catch-up: EVENTS events stored in 10 hourly time buckets, then read by a tail from
//      the beginning (notifications off): events per second and client CPU per event,
//      beside the same reads done bare at the tail's page size (client.execute() page by
//      page, and the paging generator fc::read_events), so that the tail's own overhead
//      is visible; with the default buffer (1,000 events, pages of 500) and with 10,000;
//   2. live lag: a tail started from "now" with notifications on; LIVE_EVENTS events
//      ingested one at a time, first 1 ms apart, then back to back; for each, the time
//      from just before the ingest call until the tail's next() returned it.
//
//   tail_bench BASE_URL [EVENTS=100000] [LIVE_EVENTS=2000]
//
// Run it against an out-of-process flowcore-stub (bench/run.sh tail_bench does), so that
// the CPU measured is the client's only. The API key comes from FLOWCORE_API_KEY; the stub
// accepts any well-formed key.
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace fc = flowcore;
using namespace std::chrono_literals;
using namespace boost::asio::experimental::awaitable_operators;
using steady = std::chrono::steady_clock;

namespace {

constexpr int bucket_count = 10;
constexpr int batch_size = 1'000;

// Where the bench's events go. The event types get a fresh name per run, so a run against
// a stub that already holds events of an earlier run reads only its own.
struct topology {
  std::string data_core_id;
  std::string caught_up;     // event type name, catch-up
  std::string caught_up_id;  // its id, for the bare reads
  std::string live;          // event type name, live lag
};


// acme / bench-tail / tick / caught-<run> and live-<run>.
asio::awaitable<topology> make_topology(fc::client& client) {
  fc::tenant_fetch tenant_cmd{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant_cmd);
  fc::data_core_fetch core_fetch{.tenant = "acme", .data_core = "bench-tail"};
  fc::data_core_create core_create{.tenant_id = acme.id, .name = "bench-tail"};
  const fc::data_core core = co_await fc::fetch_or_create(client, core_fetch, core_create);
  fc::flow_type_fetch flow_fetch{.data_core_id = core.id, .flow_type = "tick"};
  fc::flow_type_create flow_create{.data_core_id = core.id, .name = "tick"};
  const fc::flow_type flow = co_await fc::fetch_or_create(client, flow_fetch, flow_create);
  const std::string run = std::to_string(steady::now().time_since_epoch().count());
  topology t{.data_core_id = core.id, .caught_up = "caught-" + run, .live = "live-" + run};
  fc::event_type_create caught_cmd{.flow_type_id = flow.id, .name = t.caught_up};
  t.caught_up_id = (co_await client.execute(caught_cmd)).id;
  fc::event_type_create live_cmd{.flow_type_id = flow.id, .name = t.live};
  co_await client.execute(live_cmd);
  co_return t;
}

fc::event_tail_options tail_options(const std::string& event_type) {
  fc::event_tail_options o;
  o.subscription = {.tenant = "acme",
                    .data_core = "bench-tail",
                    .flow_type = "tick",
                    .event_types = {event_type}};
  return o;
}

asio::awaitable<void> sleep_for(steady::duration d) {
  asio::steady_timer t(co_await asio::this_coro::executor, d);
  co_await t.async_wait(asio::use_awaitable);
}

double seconds_since(steady::time_point start) {
  return std::chrono::duration<double>(steady::now() - start).count();
}

// This process's CPU time so far, user plus system, in microseconds.
double cpu_us() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  const auto us = [](const timeval& t) { return t.tv_sec * 1e6 + static_cast<double>(t.tv_usec); };
  return us(u.ru_utime) + us(u.ru_stime);
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// ---- 1. catch-up ----

// EVENTS events, `batch_size` per request, the batches spread evenly over `bucket_count`
// hourly buckets of 2025-01-01.
asio::awaitable<void> ingest_history(fc::client& client, const topology& t, int events) {
  const int batches = (events + batch_size - 1) / batch_size;
  const auto start = steady::now();
  for (int b = 0; b < batches; ++b) {
    fc::ingest_batch cmd{.tenant_name = "acme",
                         .data_core_id = t.data_core_id,
                         .flow_type_name = "tick",
                         .event_type_name = t.caught_up};
    for (int n = b * batch_size; n < std::min(events, (b + 1) * batch_size); ++n)
      cmd.events.push_back(R"({"n":)" + std::to_string(n) + "}");
    char hour[40];
    std::snprintf(hour, sizeof hour, "2025-01-01T%02d:30:00.000Z", b * bucket_count / batches);
    cmd.event_time = hour;
    co_await client.execute(cmd);
  }
  std::printf("catch-up: %d events in %d time buckets, ingested in %.2f s (batches of %d)\n",
              events, bucket_count, seconds_since(start), batch_size);
}

// The floors: every bucket, page after page, with nothing on top; `generator`: through
// fc::read_events, else client.execute() following the cursors by hand.
asio::awaitable<void> bare_reads(fc::client& client, const topology& t, int events, int page,
                                 bool generator) {
  std::size_t read = 0;
  fc::time_bucket_list buckets_cmd{.tenant = "acme", .event_type_ids = {t.caught_up_id}};
  auto buckets = fc::read_time_buckets(client, buckets_cmd);
  while (std::optional<std::string> bucket = co_await buckets.async_resume(asio::use_awaitable)) {
    fc::event_list cmd{.tenant = "acme",
                       .event_type_ids = {t.caught_up_id},
                       .time_bucket = *bucket,
                       .page_size = page};
    if (generator) {
      auto page_events = fc::read_events(client, cmd);
      while (co_await page_events.async_resume(asio::use_awaitable)) ++read;
      continue;
    }
    for (;;) {
      const fc::event_page events_page = co_await client.execute(cmd);
      read += events_page.events.size();
      if (!events_page.next_cursor) break;
      cmd.cursor = events_page.next_cursor;
    }
  }
  if (read != static_cast<std::size_t>(events))
    throw std::runtime_error("the bare reads read " + std::to_string(read) + " events");
}

asio::awaitable<void> tail_reads(fc::client& client, const topology& t, int events,
                                 std::size_t buffer) {
  fc::event_tail_options options = tail_options(t.caught_up);
  options.start = fc::tail_start::beginning;
  options.notifications = false;  // nothing new comes: this measures reading only
  options.max_buffered_events = buffer;
  fc::event_tail tail(client, options);
  for (int read = 0; read < events; ++read)
    if (!co_await tail.next()) throw std::runtime_error("the tail ended early");
}

struct reading {
  double seconds = 0;  // wall clock
  double cpu_us = 0;   // this process, user + system
};

asio::awaitable<reading> timed(asio::awaitable<void> read) {
  const auto start = steady::now();
  const double cpu0 = cpu_us();
  co_await std::move(read);
  co_return reading{seconds_since(start), cpu_us() - cpu0};
}

// The median run's rate and CPU per event.
void report_read(const std::string& name, int events, const std::vector<reading>& runs) {
  std::vector<double> rates, cpus;
  for (const reading& r : runs) {
    rates.push_back(events / r.seconds);
    cpus.push_back(r.cpu_us / events);
  }
  std::printf("  %-42s %9.0f events/s   %6.2f us CPU/event\n", name.c_str(), percentile(rates, 0.5),
              percentile(cpus, 0.5));
}

asio::awaitable<void> catch_up(fc::client& client, const topology& t, int events) {
  co_await ingest_history(client, t, events);
  constexpr int runs = 3;
  std::printf("  median of %d runs, each reading all %d events:\n", runs, events);
  const std::size_t buffers[] = {1'000, 10'000};  // the default, and ten times it
  for (const std::size_t buffer : buffers) {
    const int page = static_cast<int>((buffer + 1) / 2);  // the tail's page size
    // Interleaved, so that a busy moment of the machine does not land on one row only.
    std::vector<reading> plain, generator, tail;
    for (int run = 0; run < runs; ++run) {
      plain.push_back(co_await timed(bare_reads(client, t, events, page, false)));
      generator.push_back(co_await timed(bare_reads(client, t, events, page, true)));
      tail.push_back(co_await timed(tail_reads(client, t, events, buffer)));
    }
    const std::string pages = ", pages of " + std::to_string(page);
    report_read("client.execute(event_list)" + pages, events, plain);
    report_read("read_events" + pages, events, generator);
    report_read("event_tail, buffer " + std::to_string(buffer) + pages, events, tail);
  }
}

// ---- 2. live lag ----

void report_lag(const char* name, const std::vector<double>& us) {
  double sum = 0;
  for (double x : us) sum += x;
  std::printf("  %-24s p50 %8.1f us   p99 %8.1f us   mean %8.1f us   max %8.1f us\n", name,
              percentile(us, 0.50), percentile(us, 0.99), sum / static_cast<double>(us.size()),
              *std::max_element(us.begin(), us.end()));
}

// The send time the ingester put in the payload, {"t":<steady ns>}; 0 for a warm-up event.
std::int64_t sent_at(const std::string& payload) {
  std::int64_t t = 0;
  if (const auto at = payload.find("\"t\":"); at != std::string::npos)
    std::from_chars(payload.data() + at + 4, payload.data() + payload.size(), t);
  return t;
}

// Waits until `done()` holds, checking every millisecond; throws after 10 s.
asio::awaitable<void> wait_for(std::function<bool()> done, const char* what) {
  for (int i = 0; i < 10'000 && !done(); ++i) co_await sleep_for(1ms);
  if (!done()) throw std::runtime_error(std::string("timed out waiting for ") + what);
}

// One live run on a fresh tail. The consumer and the ingester are two coroutines, as in
// an application; `&&` runs them side by side and ends the other when one fails.
asio::awaitable<void> live_lag(fc::client& client, const topology& t, int events,
                               steady::duration gap) {
  fc::event_tail_options options = tail_options(t.live);
  options.start = fc::tail_start::now;
  fc::event_tail tail(client, options);
  std::vector<double> lag_us, ingest_us;
  int received = 0;  // warm-up events included

  const auto consume = [&]() -> asio::awaitable<void> {
    while (lag_us.size() < static_cast<std::size_t>(events)) {
      const std::optional<fc::event> e = co_await tail.next();
      const auto now = steady::now().time_since_epoch();
      if (!e) throw std::runtime_error("the tail ended early");
      ++received;
      if (const std::int64_t sent = sent_at(e->payload))
        lag_us.push_back(
            std::chrono::duration<double, std::micro>(now - std::chrono::nanoseconds(sent))
                .count());
    }
  };

  fc::tail_counters before;
  const auto ingest = [&]() -> asio::awaitable<void> {
    fc::ingest_event cmd{.tenant_name = "acme",
                         .data_core_id = t.data_core_id,
                         .flow_type_name = "tick",
                         .event_type_name = t.live,
                         .event_data = R"({"t":0})"};
    // "now" is fixed by the tail's first read; the notification stream subscribes on its
    // own. Ingest warm-up events until one wakes the tail, so that no measured event is
    // found by a poll, and let the consumer take them all.
    co_await wait_for([&] { return tail.counters().polls > 0; }, "the tail's first read");
    int warm_up = 0;
    while (tail.counters().wakeups == 0) {
      if (++warm_up > 1'000) throw std::runtime_error("no notification woke the tail");
      co_await client.execute(cmd);
      co_await sleep_for(10ms);
    }
    co_await wait_for([&] { return received == warm_up; }, "the warm-up events");
    before = tail.counters();
    for (int i = 0; i < events; ++i) {
      const auto start = steady::now();
      cmd.event_data = R"({"t":)" + std::to_string(start.time_since_epoch().count()) + "}";
      co_await client.execute(cmd);
      ingest_us.push_back(std::chrono::duration<double, std::micro>(steady::now() - start).count());
      if (gap > steady::duration::zero()) co_await sleep_for(gap);
    }
  };

  co_await (consume() && ingest());
  const fc::tail_counters after = tail.counters();

  if (gap > steady::duration::zero())
    std::printf(
        "live lag over %d events, one at a time, %lld us apart, loopback:\n", events,
        static_cast<long long>(std::chrono::duration_cast<std::chrono::microseconds>(gap).count()));
  else
    std::printf("live lag over %d events, one at a time, back to back, loopback:\n", events);
  report_lag("ingest round trip", ingest_us);
  report_lag("ingest -> tail.next()", lag_us);
  std::printf("  read passes %llu, woken by notification %llu\n",
              static_cast<unsigned long long>(after.polls - before.polls),
              static_cast<unsigned long long>(after.wakeups - before.wakeups));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: tail_bench BASE_URL [EVENTS=100000] [LIVE_EVENTS=2000]\n";
    return 2;
  }
  const std::string base_url = argv[1];
  const int events = argc > 2 ? std::stoi(argv[2]) : 100'000;
  const int live_events = argc > 3 ? std::stoi(argv[3]) : 2'000;
  const char* key = std::getenv("FLOWCORE_API_KEY");
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{.credentials = fc::api_key{key ? key : "fc_bench_secret"},
                                       .base_url = base_url});
  int status = 0;
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        const topology t = co_await make_topology(client);
        co_await catch_up(client, t, events);
        co_await live_lag(client, t, live_events, 1ms);
        co_await live_lag(client, t, live_events, steady::duration::zero());
      },
      [&](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& error) {
          std::cerr << "tail_bench: " << error.what() << "\n";
        }
        status = 1;
      });
  ioc.run();
  return status;
}
