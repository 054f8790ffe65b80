// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// A consumer process for the event tail's restart test: tails acme/orders/order/created
// with a file checkpoint and writes each event id to stdout as it handles it, until it is
// killed; each event takes HANDLE_MS of (timer) work, so a kill lands mid-stream.
// Usage: flowcore_tail_child BASE_URL API_KEY POSITION_FILE CHECKPOINT_EVERY HANDLE_MS
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <unistd.h>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

namespace asio = boost::asio;
namespace fc = flowcore;

int main(int argc, char** argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s BASE_URL API_KEY POSITION_FILE CHECKPOINT_EVERY HANDLE_MS\n",
                 argv[0]);
    return 2;
  }
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{.credentials = fc::api_key{argv[2]}, .base_url = argv[1]});
  fc::event_tail_options options;
  options.subscription = {
      .tenant = "acme", .data_core = "orders", .flow_type = "order", .event_types = {"created"}};
  options.checkpoints = std::make_shared<fc::file_checkpoint_store>(argv[3]);
  options.checkpoint_every = static_cast<std::size_t>(std::atoi(argv[4]));
  options.checkpoint_interval = std::chrono::hours(1);
  options.poll_interval = std::chrono::milliseconds(50);
  options.notifications = false;
  fc::event_tail tail(client, options);
  asio::co_spawn(ioc,
                 tail.run([handle = std::chrono::milliseconds(std::atoi(argv[5]))](
                              const fc::event& e) -> asio::awaitable<void> {
                   asio::steady_timer work(co_await asio::this_coro::executor, handle);
                   co_await work.async_wait(asio::use_awaitable);
                   // One write per line, unbuffered: what the parent reads is exactly what was
                   // handled.
                   const std::string line = e.event_id + "\n";
                   if (::write(1, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                     std::abort();
                   co_return;
                 }),
                 [](std::exception_ptr e) {
                   if (!e) return;
                   try {
                     std::rethrow_exception(e);
                   } catch (const std::exception& ex) {
                     std::fprintf(stderr, "tail failed: %s\n", ex.what());
                     std::exit(1);
                   }
                 });
  ioc.run();
}
