// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// REST round trips, the workload tools/ts-sdk-check/bench.ts runs with the TypeScript SDK
// (a measurement, not a test; see BENCHMARKS.md):
//   1. sequential: N data_core_fetch calls by id, one at a time: latency per call;
//   2. concurrent: the same N calls from CONCURRENCY workers at once: calls per second.
//
//   rest_bench BASE_URL [N=2000] [CONCURRENCY=32]
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace fc = flowcore;
using steady = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

asio::awaitable<std::string> bench_data_core(fc::client& client) {
  fc::data_core_fetch fetch{.tenant = "acme", .data_core = "bench-rest"};
  try {
    co_return (co_await client.execute(fetch)).id;
  } catch (const fc::client_error& e) {
    if (e.code() != fc::error::not_found) throw;
  }
  fc::tenant_fetch tenant_cmd{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant_cmd);
  fc::data_core_create create{.tenant_id = acme.id, .name = "bench-rest"};
  co_return (co_await client.execute(create)).id;
}

asio::awaitable<void> worker(fc::client& client, std::string id, int calls,
                             std::shared_ptr<int> left) {
  fc::data_core_fetch fetch{.data_core_id = std::move(id)};
  for (int i = 0; i < calls; ++i) co_await client.execute(fetch);
  --*left;
}

asio::awaitable<void> run(fc::client& client, int n, int concurrency) {
  const std::string id = co_await bench_data_core(client);
  fc::data_core_fetch fetch{.data_core_id = id};
  for (int i = 0; i < 50; ++i) co_await client.execute(fetch);  // warm up

  std::vector<double> us;
  const auto start = steady::now();
  for (int i = 0; i < n; ++i) {
    const auto t0 = steady::now();
    co_await client.execute(fetch);
    us.push_back(std::chrono::duration<double, std::micro>(steady::now() - t0).count());
  }
  const double seq_s = std::chrono::duration<double>(steady::now() - start).count();
  std::printf("C++ flowcore  sequential  %d calls: p50 %7.1f us  p99 %7.1f us  %8.0f calls/s\n",
              n, percentile(us, 0.50), percentile(us, 0.99), n / seq_s);

  auto left = std::make_shared<int>(concurrency);
  const auto conc_start = steady::now();
  for (int w = 0; w < concurrency; ++w)
    asio::co_spawn(client.get_executor(), worker(client, id, n / concurrency, left),
                   [](std::exception_ptr e) {
                     if (e) std::rethrow_exception(e);
                   });
  asio::steady_timer tick(client.get_executor());
  while (*left > 0) {
    tick.expires_after(std::chrono::microseconds(100));
    co_await tick.async_wait(asio::use_awaitable);
  }
  const double conc_s = std::chrono::duration<double>(steady::now() - conc_start).count();
  std::printf("C++ flowcore  concurrent  %d calls, %d in flight: %8.0f calls/s\n",
              n / concurrency * concurrency, concurrency,
              (n / concurrency * concurrency) / conc_s);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: rest_bench BASE_URL [N=2000] [CONCURRENCY=32]\n";
    return 2;
  }
  const int n = argc > 2 ? std::stoi(argv[2]) : 2000;
  const int concurrency = argc > 3 ? std::stoi(argv[3]) : 32;
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{.credentials = fc::api_key{"fc_bench_0123456789abcdef"},
                                       .base_url = argv[1],
                                       .max_connections_per_origin = 32});
  int status = 0;
  asio::co_spawn(ioc, run(client, n, concurrency), [&](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {
      std::cerr << "rest_bench: " << error.what() << "\n";
    }
    status = 1;
  });
  ioc.run();
  return status;
}
