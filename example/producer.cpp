// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The event producer: a server handling many requests at once stores one event per
// request; the producer turns those sends into a few batch requests. Here 200 request
// handlers each store 10 events of acme/orders/order/created, then the program reads the
// event type back and checks that every event is there once, each handler's in the order
// it sent them. It exits 1 if that does not hold.
//
//   producer [BASE_URL]     (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
//
// The API key comes from FLOWCORE_API_KEY; the stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

namespace asio = boost::asio;
namespace fc = flowcore;

// acme / orders / order / a new event type per run, so a second run reads only its own.
asio::awaitable<fc::event_type> make_event_type(fc::client& client, std::string& data_core_id) {
  fc::tenant_fetch tenant_cmd{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant_cmd);
  fc::data_core_fetch core_fetch{.tenant = "acme", .data_core = "orders"};
  fc::data_core_create core_create{.tenant_id = acme.id, .name = "orders"};
  data_core_id = (co_await fc::fetch_or_create(client, core_fetch, core_create)).id;
  fc::flow_type_fetch flow_fetch{.data_core_id = data_core_id, .flow_type = "order"};
  fc::flow_type_create flow_create{.data_core_id = data_core_id, .name = "order"};
  const fc::flow_type flow = co_await fc::fetch_or_create(client, flow_fetch, flow_create);
  const auto run = std::chrono::steady_clock::now().time_since_epoch().count();
  fc::event_type_create type_cmd{.flow_type_id = flow.id, .name = "created-" + std::to_string(run)};
  co_return co_await client.execute(type_cmd);
}

// One request handler of a server: it stores an event for each step of its work. Each
// send completes once the event is stored, with its id; a failure throws
// fc::client_error with the batch's diagnostics, as client.execute() does.
asio::awaitable<void> handle_request(fc::event_producer& producer, fc::ingest_event event,
                                     int request) {
  for (int step = 0; step < 10; ++step) {
    event.event_data =
        R"({"request":)" + std::to_string(request) + R"(,"step":)" + std::to_string(step) + "}";
    const std::string event_id = co_await producer.send(event);
    if (event_id.empty()) throw std::runtime_error("a stored event without an id");
  }
}

asio::awaitable<int> run(fc::client& client) {
  std::string data_core_id;
  const fc::event_type type = co_await make_event_type(client, data_core_id);
  const fc::ingest_event destination{.tenant_name = "acme",
                                     .data_core_id = data_core_id,
                                     .flow_type_name = "order",
                                     .event_type_name = type.name};

  // Defaults: batches of up to 25 events, a lone event waits at most 2 ms for company, one
  // batch in flight per event type (which keeps each handler's order), 16 MiB buffered.
  fc::event_producer producer(client);
  constexpr int requests = 200;
  int running = requests;
  auto ex = co_await asio::this_coro::executor;
  asio::steady_timer all_done(ex, std::chrono::steady_clock::time_point::max());
  for (int r = 0; r < requests; ++r)
    asio::co_spawn(ex, handle_request(producer, destination, r), [&](std::exception_ptr e) {
      if (e) std::rethrow_exception(e);
      if (--running == 0) all_done.cancel();
    });
  boost::system::error_code ignored;
  co_await all_done.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
  // Nothing is left buffered once every send has completed; close() refuses new sends.
  co_await producer.close();
  const fc::producer_counters c = producer.counters();
  std::cout << c.events_stored << " events stored in " << c.batches_sent << " requests\n";

  // Read the event type back: each handler's events once, in its send order.
  std::map<std::int64_t, std::int64_t> next_step;
  std::size_t read = 0;
  fc::time_bucket_list buckets{.event_type_ids = {type.id}};
  auto bucket_names = fc::read_time_buckets(client, buckets);
  while (auto bucket = co_await bucket_names.async_resume(asio::use_awaitable)) {
    fc::event_list list{.event_type_ids = {type.id}, .time_bucket = *bucket};
    auto events = fc::read_events(client, list);
    while (auto e = co_await events.async_resume(asio::use_awaitable)) {
      ++read;
      const auto request = std::stoll(e->payload.substr(e->payload.find(':') + 1));
      const auto step = std::stoll(e->payload.substr(e->payload.rfind(':') + 1));
      if (step != next_step[request]++) {
        std::cerr << "producer: request " << request << " stored step " << step
                  << " out of order\n";
        co_return 1;
      }
    }
  }
  std::cout << read << " events read back, each request's in the order it sent them\n";
  co_return read == std::size_t(requests) * 10 ? 0 : 1;
}

int main(int argc, char** argv) {
  const char* key = std::getenv("FLOWCORE_API_KEY");
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{
                        .credentials = fc::api_key{.key = key ? key : "fc_demo_0123456789abcdef"},
                        .base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080",
                    });
  int status = 1;
  asio::co_spawn(ioc, run(client), [&](std::exception_ptr e, int result) {
    if (!e) {
      status = result;
      return;
    }
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {
      std::cerr << "producer: " << error.what() << "\n";
    }
  });
  ioc.run();
  return status;
}
