// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The event tail: handle every event of acme/orders/order/created exactly where the last
// run stopped. A first tail handles some of the events another coroutine ingests, then
// stops; a second tail, started from the same checkpoint file, continues with no gap and
// no repeat. The program checks that and exits 1 if it does not hold.
//
//   tail [BASE_URL] [POSITION_FILE]   (defaults: http://127.0.0.1:8080, a file in /tmp)
//
// The API key comes from FLOWCORE_API_KEY; the stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace fc = flowcore;
using namespace std::chrono_literals;

// acme / orders / order / created. Returns the data core's id.
asio::awaitable<std::string> make_topology(fc::client& client) {
  fc::tenant_fetch tenant_cmd{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant_cmd);
  fc::data_core_fetch core_fetch{.tenant = "acme", .data_core = "orders"};
  fc::data_core_create core_create{.tenant_id = acme.id, .name = "orders"};
  const fc::data_core core = co_await fc::fetch_or_create(client, core_fetch, core_create);
  fc::flow_type_fetch flow_fetch{.data_core_id = core.id, .flow_type = "order"};
  fc::flow_type_create flow_create{.data_core_id = core.id, .name = "order"};
  const fc::flow_type flow = co_await fc::fetch_or_create(client, flow_fetch, flow_create);
  fc::event_type_fetch type_fetch{.flow_type_id = flow.id, .event_type = "created"};
  fc::event_type_create type_create{.flow_type_id = flow.id, .name = "created"};
  co_await fc::fetch_or_create(client, type_fetch, type_create);
  co_return core.id;
}

struct shared_log {
  std::vector<std::string> ingested;  // event ids, in the order stored
  std::vector<std::string> handled;   // event ids, in the order handled, both runs
};

// Stores `count` events, numbered from `first`, one every few milliseconds.
asio::awaitable<void> ingest(fc::client& client, std::string data_core_id, int first, int count,
                             std::shared_ptr<shared_log> log) {
  asio::steady_timer pause(co_await asio::this_coro::executor);
  for (int n = first; n < first + count; ++n) {
    fc::ingest_event cmd{.tenant_name = "acme",
                         .data_core_id = data_core_id,
                         .flow_type_name = "order",
                         .event_type_name = "created",
                         .event_data = R"({"order":)" + std::to_string(n) + "}"};
    const fc::ingest_result stored = co_await client.execute(cmd);
    log->ingested.push_back(stored.event_id);
    pause.expires_after(2ms);
    co_await pause.async_wait(asio::use_awaitable);
  }
}

// One run of the consumer: handles events until `stop_after` of them are handled in all,
// then closes the tail, whose run() commits the position to the file and returns.
asio::awaitable<void> consume(fc::event_tail& tail, std::shared_ptr<shared_log> log,
                              std::size_t stop_after) {
  co_await tail.run([&](const fc::event& e) -> asio::awaitable<void> {
    // A real handler updates a read model here. Throwing makes the tail call it again.
    log->handled.push_back(e.event_id);
    std::cout << "handled " << e.event_id << " " << e.payload << "\n";
    if (log->handled.size() == stop_after) tail.close();
    co_return;
  });
}

// Waits until `done()` holds, checking every few milliseconds; false after 10 s.
asio::awaitable<bool> wait_for(std::function<bool()> done) {
  asio::steady_timer tick(co_await asio::this_coro::executor);
  for (int i = 0; i < 2000 && !done(); ++i) {
    tick.expires_after(5ms);
    co_await tick.async_wait(asio::use_awaitable);
  }
  co_return done();
}

// Starts consume() in the background; `finished` is set when its run() has returned,
// that is after the tail committed its position.
void start_consumer(fc::event_tail& tail, std::shared_ptr<shared_log> log, std::size_t stop_after,
                    bool& finished) {
  asio::co_spawn(tail.get_executor(), consume(tail, log, stop_after),
                 [&finished](std::exception_ptr e) {
                   finished = true;
                   if (e) std::rethrow_exception(e);
                 });
}

asio::awaitable<void> run(fc::client client, std::filesystem::path position_file, int& status) {
  const std::string data_core_id = co_await make_topology(client);
  auto log = std::make_shared<shared_log>();
  fc::event_tail_options options;
  options.subscription = {
      .tenant = "acme", .data_core = "orders", .flow_type = "order", .event_types = {"created"}};
  options.start = fc::tail_start::now;  // when the file holds no position yet
  options.checkpoints = std::make_shared<fc::file_checkpoint_store>(position_file);
  options.checkpoint_every = 5;

  std::cout << "== first run: handles 10 of the 20 events being ingested, then stops\n";
  {
    fc::event_tail tail(client, options);
    bool finished = false;
    start_consumer(tail, log, 10, finished);
    // "now" is fixed once the tail has read the store the first time.
    co_await wait_for([&] { return tail.counters().polls > 0; });
    co_await ingest(client, data_core_id, 1, 20, log);
    co_await wait_for([&] { return finished; });
    std::cout << "stopped; saved position " << tail.position().to_string() << "\n";
  }

  std::cout << "== second run: continues from " << position_file.string()
            << " while 10 more come\n";
  {
    fc::event_tail tail(client, options);
    bool finished = false;
    start_consumer(tail, log, 30, finished);
    co_await ingest(client, data_core_id, 21, 10, log);
    co_await wait_for([&] { return finished; });
    std::cout << "delivered " << tail.counters().delivered << ", polls " << tail.counters().polls
              << ", wake-ups by notification " << tail.counters().wakeups << "\n";
  }

  if (log->handled == log->ingested) {
    std::cout << "every one of the " << log->ingested.size() << " events handled once, in order\n";
  } else {
    std::cerr << "handled " << log->handled.size() << " events, ingested " << log->ingested.size()
              << ": a gap or a repeat\n";
    status = 1;
  }
}

int main(int argc, char** argv) {
  const std::string url = argc > 1 ? argv[1] : "http://127.0.0.1:8080";
  const std::filesystem::path position_file =
      argc > 2 ? std::filesystem::path(argv[2])
               : std::filesystem::temp_directory_path() / "flowcore-tail-example.position";
  std::filesystem::remove(position_file);  // start from "now", not from an older run
  const char* key = std::getenv("FLOWCORE_API_KEY");
  asio::io_context ioc;
  fc::client client(
      ioc.get_executor(),
      fc::client_options{.credentials = fc::api_key{.key = key ? key : "fc_example_secret"},
                         .base_url = url});
  int status = 0;
  asio::co_spawn(ioc, run(client, position_file, status), [&](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& ex) {
      std::cerr << "error: " << ex.what() << "\n";
      status = 1;
    }
  });
  ioc.run();
  std::filesystem::remove(position_file);
  return status;
}
