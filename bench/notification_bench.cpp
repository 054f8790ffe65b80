// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Notification benchmarks (a measurement, not a test; see BENCHMARKS.md):
//   1. ingest-to-notification latency: one stream, N events ingested one at a time; for
//      each, the ingest's own round trip and the time until the stream delivered it,
//      side by side, so the notification's share is visible;
//   2. memory per open idle stream: K streams connected and subscribed, heap bytes in use
//      (glibc mallinfo2) and resident set before and after, divided by K.
//
//   notification_bench BASE_URL [EVENTS=1000] [IDLE_STREAMS=200]
//
// Run it against an out-of-process flowcore-stub (bench/run.sh does), so the stub's
// memory is not counted.
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace fc = flowcore;
using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

namespace {

const fc::api_key bench_key{"fc_bench_0123456789abcdef"};


// acme / bench / tick / happened. Returns the data core's id.
asio::awaitable<std::string> make_topology(fc::client& client) {
  fc::tenant_fetch tenant_cmd{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant_cmd);
  fc::data_core_fetch core_fetch{.tenant = "acme", .data_core = "bench"};
  fc::data_core_create core_create{.tenant_id = acme.id, .name = "bench"};
  const fc::data_core core = co_await fc::fetch_or_create(client, core_fetch, core_create);
  fc::flow_type_fetch flow_fetch{.data_core_id = core.id, .flow_type = "tick"};
  fc::flow_type_create flow_create{.data_core_id = core.id, .name = "tick"};
  const fc::flow_type flow = co_await fc::fetch_or_create(client, flow_fetch, flow_create);
  fc::event_type_fetch type_fetch{.flow_type_id = flow.id, .event_type = "happened"};
  fc::event_type_create type_create{.flow_type_id = flow.id, .name = "happened"};
  co_await fc::fetch_or_create(client, type_fetch, type_create);
  co_return core.id;
}

fc::notification_options stream_options(const std::string& base_url) {
  fc::notification_options o;
  o.credentials = bench_key;
  o.base_url = base_url;
  o.subscription = {.tenant = "acme", .data_core = "bench"};
  return o;
}

asio::awaitable<void> sleep_for(std::chrono::milliseconds d) {
  asio::steady_timer t(co_await asio::this_coro::executor, d);
  co_await t.async_wait(asio::use_awaitable);
}

double micros(steady::duration d) {
  return std::chrono::duration<double, std::micro>(d).count();
}

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

void report(const char* name, const std::vector<double>& us) {
  double sum = 0;
  for (double x : us) sum += x;
  std::printf("  %-28s p50 %8.1f us   p99 %8.1f us   mean %8.1f us   max %8.1f us\n", name,
              percentile(us, 0.50), percentile(us, 0.99), sum / static_cast<double>(us.size()),
              *std::max_element(us.begin(), us.end()));
}

asio::awaitable<void> latency(fc::client& client, std::string base_url, std::string core_id,
                              int events) {
  fc::notification_stream stream(client.get_executor(), stream_options(base_url));
  fc::ingest_event cmd{.tenant_name = "acme",
                       .data_core_id = core_id,
                       .flow_type_name = "tick",
                       .event_type_name = "happened",
                       .event_data = R"({"n":0})"};
  // Warm up: the server sends notifications only once it has read the subscription, so
  // ingest until one comes back (the stream connects on the first next()).
  auto warmed = std::make_shared<bool>(false);
  asio::co_spawn(client.get_executor(), stream.next(),
                 [warmed](std::exception_ptr, auto) { *warmed = true; });
  while (!*warmed) {
    co_await client.execute(cmd);
    co_await sleep_for(10ms);
  }

  std::vector<double> ingest_us, notified_us;
  for (int i = 0; i < events; ++i) {
    const auto start = steady::now();
    const fc::ingest_result stored = co_await client.execute(cmd);
    const auto acked = steady::now();
    // Skips what is left of the warm-up events (only the first sample can meet one).
    std::optional<fc::notification_event> event;
    do event = co_await stream.next();
    while (event && event->data.event_id != stored.event_id);
    const auto notified = steady::now();
    if (!event) throw std::runtime_error("the stream ended before the event arrived");
    ingest_us.push_back(micros(acked - start));
    notified_us.push_back(micros(notified - start));
  }
  std::printf("latency over %d events, one at a time, loopback:\n", events);
  report("ingest round trip", ingest_us);
  report("ingest -> notification", notified_us);
}

struct memory_reading {
  std::size_t heap = 0;  // bytes in use by malloc
  std::size_t rss = 0;   // resident bytes
};

memory_reading read_memory() {
  memory_reading m;
  m.heap = mallinfo2().uordblks;
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0, resident = 0;
  statm >> pages >> resident;
  m.rss = resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  return m;
}

asio::awaitable<void> idle_memory(std::string base_url, int count) {
  auto ex = co_await asio::this_coro::executor;
  std::vector<std::unique_ptr<fc::notification_stream>> streams;
  streams.reserve(static_cast<std::size_t>(count));
  malloc_trim(0);
  const memory_reading before = read_memory();
  for (int i = 0; i < count; ++i) {
    streams.push_back(std::make_unique<fc::notification_stream>(ex, stream_options(base_url)));
    // Start it: next() connects; the stream stays idle because nothing is ingested.
    asio::co_spawn(ex, streams.back()->next(), [](std::exception_ptr, auto) {});
  }
  for (;;) {
    const auto subscribed =
        std::count_if(streams.begin(), streams.end(),
                      [](const auto& s) { return s->counters().subscriptions > 0; });
    if (subscribed == count) break;
    co_await sleep_for(10ms);
  }
  co_await sleep_for(200ms);  // the last subscriptions' lookups wind down
  const memory_reading after = read_memory();
  std::printf("memory per open idle stream (%d streams, ws, subscribed):\n", count);
  std::printf("  heap in use   %8.0f bytes per stream\n",
              static_cast<double>(after.heap - before.heap) / count);
  std::printf("  resident set  %8.0f bytes per stream\n",
              static_cast<double>(after.rss - before.rss) / count);
  for (auto& s : streams) s->close();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: notification_bench BASE_URL [EVENTS=1000] [IDLE_STREAMS=200]\n";
    return 2;
  }
  const std::string base_url = argv[1];
  const int events = argc > 2 ? std::stoi(argv[2]) : 1000;
  const int idle = argc > 3 ? std::stoi(argv[3]) : 200;
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{.credentials = bench_key, .base_url = base_url});
  int status = 0;
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        const std::string core_id = co_await make_topology(client);
        co_await latency(client, base_url, core_id, events);
        co_await idle_memory(base_url, idle);
      },
      [&](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& error) {
          std::cerr << "notification_bench: " << error.what() << "\n";
        }
        status = 1;
      });
  ioc.run();
  return status;
}
