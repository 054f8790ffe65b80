// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Producer benchmark (a measurement, not a test; see BENCHMARKS.md): EVENTS events of
// about 100 bytes stored into one event type by 1, 64 and 1,000 concurrent senders, three
// ways side by side in one run:
//   - ingest_event: each sender stores one event per request, one after another;
//   - batch of 25:  the floor for batching, hand-made `fc::ingest_batch` requests of 25
//                   events each, with as many requests in flight as senders (capped at the
//                   number of batches);
//   - producer:     each sender awaits `fc::event_producer::send` per event (default
//                   options: batches of 25, linger 2 ms, one batch in flight, so the
//                   events are stored in send order);
//   - producer x4:  the same with `max_in_flight_per_destination` 4 (order traded for
//                   throughput, as the hand-made batches do).
// For each: events per second (wall clock), client CPU per event (getrusage, user plus
// system), and the throughput against the first two ways.
//
//   producer_bench BASE_URL [EVENTS=20000] [ONLY]
//
// ONLY (`producer`, for a profile) runs that way alone.
// Run it against an out-of-process flowcore-stub (bench/run.sh producer_bench does), so
// that the CPU measured is the client's only. The API key comes from FLOWCORE_API_KEY; the
// stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace fc = flowcore;
using steady = std::chrono::steady_clock;

namespace {

constexpr std::size_t hand_batch = 25;

// This process's CPU time so far, user plus system, in microseconds.
double cpu_us() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  const auto us = [](const timeval& t) { return t.tv_sec * 1e6 + static_cast<double>(t.tv_usec); };
  return us(u.ru_utime) + us(u.ru_stime);
}

// acme / bench-producer / tick / ev-<run>: a fresh event type per run.
asio::awaitable<fc::ingest_event> make_destination(fc::client& client) {
  fc::tenant_fetch tenant_cmd{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant_cmd);
  fc::data_core_fetch core_fetch{.tenant = "acme", .data_core = "bench-producer"};
  fc::data_core_create core_create{.tenant_id = acme.id, .name = "bench-producer"};
  const fc::data_core core = co_await fc::fetch_or_create(client, core_fetch, core_create);
  fc::flow_type_fetch flow_fetch{.data_core_id = core.id, .flow_type = "tick"};
  fc::flow_type_create flow_create{.data_core_id = core.id, .name = "tick"};
  const fc::flow_type flow = co_await fc::fetch_or_create(client, flow_fetch, flow_create);
  const std::string name = "ev-" + std::to_string(steady::now().time_since_epoch().count());
  fc::event_type_create type_cmd{.flow_type_id = flow.id, .name = name};
  co_await client.execute(type_cmd);
  co_return fc::ingest_event{.tenant_name = "acme",
                             .data_core_id = core.id,
                             .flow_type_name = "tick",
                             .event_type_name = name};
}

// About 100 bytes, as a typical small domain event.
std::string payload(int n) {
  return R"({"n":)" + std::to_string(n) + R"(,"pad":")" + std::string(80, 'x') + R"("})";
}

// Runs `senders` copies of `sender(index)` at once and waits for all of them.
asio::awaitable<void> run_senders(int senders, std::function<asio::awaitable<void>(int)> sender) {
  auto ex = co_await asio::this_coro::executor;
  int running = senders;
  asio::steady_timer all_done(ex, steady::time_point::max());
  for (int i = 0; i < senders; ++i)
    asio::co_spawn(ex, sender(i), [&](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
      if (--running == 0) all_done.cancel();
    });
  boost::system::error_code ignored;
  co_await all_done.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
}

struct result {
  double events_per_s;
  double cpu_us_per_event;
};

using work = std::function<asio::awaitable<void>()>;

// Times `w`, which stores `events` events.
asio::awaitable<result> measure(int events, const work& w) {
  const double cpu0 = cpu_us();
  const auto t0 = steady::now();
  co_await w();
  const double seconds = std::chrono::duration<double>(steady::now() - t0).count();
  co_return result{events / seconds, (cpu_us() - cpu0) / events};
}

asio::awaitable<result> one_at_a_time(fc::client& client, const fc::ingest_event& dest, int events,
                                      int senders) {
  int next = 0;
  // Named first: GCC 12 destroys a temporary built inside co_await twice.
  const work w = [&]() {
    return run_senders(senders, [&](int) -> asio::awaitable<void> {
      while (next < events) {
        fc::ingest_event e = dest;
        e.event_data = payload(next++);
        co_await client.execute(e);
      }
    });
  };
  co_return co_await measure(events, w);
}

asio::awaitable<result> hand_batches(fc::client& client, const fc::ingest_event& dest, int events,
                                     int senders) {
  const int batches = static_cast<int>((events + hand_batch - 1) / hand_batch);
  int next = 0;
  // Named first: GCC 12 destroys a temporary built inside co_await twice.
  const work w = [&]() {
    return run_senders(std::min(senders, batches), [&](int) -> asio::awaitable<void> {
      while (next < events) {
        fc::ingest_batch b{.tenant_name = dest.tenant_name,
                           .data_core_id = dest.data_core_id,
                           .flow_type_name = dest.flow_type_name,
                           .event_type_name = dest.event_type_name};
        for (std::size_t i = 0; i < hand_batch && next < events; ++i)
          b.events.push_back(payload(next++));
        co_await client.execute(b);
      }
    });
  };
  co_return co_await measure(events, w);
}

asio::awaitable<result> producer(fc::client& client, const fc::ingest_event& dest, int events,
                                 int senders, std::size_t in_flight = 1) {
  fc::event_producer p(client, fc::producer_options{.max_in_flight_per_destination = in_flight});
  int next = 0;
  // Named first: GCC 12 destroys a temporary built inside co_await twice.
  const work w = [&]() {
    return run_senders(senders, [&](int) -> asio::awaitable<void> {
      while (next < events) {
        fc::ingest_event e = dest;
        e.event_data = payload(next++);
        co_await p.send(e);
      }
    });
  };
  co_return co_await measure(events, w);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: producer_bench BASE_URL [EVENTS=20000] [producer]\n";
    return 2;
  }
  const std::string base_url = argv[1];
  const int events = argc > 2 ? std::stoi(argv[2]) : 20'000;
  const std::string only = argc > 3 ? argv[3] : "";
  const char* key = std::getenv("FLOWCORE_API_KEY");
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{.credentials = fc::api_key{key ? key : "fc_bench_secret"},
                                       .base_url = base_url});
  int status = 0;
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        const fc::ingest_event dest = co_await make_destination(client);
        std::printf("%d events of about 100 bytes into one event type, per way and sender count\n",
                    events);
        std::printf("%-8s %-14s %12s %14s %16s %16s\n", "senders", "way", "events/s",
                    "CPU us/event", "vs ingest_event", "vs batch of 25");
        for (int senders : {1, 64, 1000}) {
          if (only == "producer") {
            const result r = co_await producer(client, dest, events, senders);
            std::printf("%-8d %-14s %12.0f %14.2f\n", senders, "producer", r.events_per_s,
                        r.cpu_us_per_event);
            continue;
          }
          const result single = co_await one_at_a_time(client, dest, events, senders);
          const result batch = co_await hand_batches(client, dest, events, senders);
          const result produced = co_await producer(client, dest, events, senders);
          const result produced_x4 = co_await producer(client, dest, events, senders, 4);
          auto row = [&](const char* way, const result& r) {
            std::printf("%-8d %-14s %12.0f %14.2f %15.2fx %15.2fx\n", senders, way, r.events_per_s,
                        r.cpu_us_per_event, r.events_per_s / single.events_per_s,
                        r.events_per_s / batch.events_per_s);
          };
          row("ingest_event", single);
          row("batch of 25", batch);
          row("producer", produced);
          row("producer x4", produced_x4);
        }
      },
      [&](std::exception_ptr e) {
        if (!e) return;
        try {
          std::rethrow_exception(e);
        } catch (const std::exception& error) {
          std::cerr << "producer_bench: " << error.what() << "\n";
        }
        status = 1;
      });
  ioc.run();
  return status;
}
