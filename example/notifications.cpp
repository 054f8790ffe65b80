// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Notifications: subscribe to acme/orders/order, ingest five events, print each as it
// arrives, exit.
//
//   notifications [BASE_URL]     (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
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
#include <iostream>
#include <string>

namespace asio = boost::asio;
namespace fc = flowcore;
using namespace std::chrono_literals;

constexpr int event_count = 5;

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

// Ingests the events once the stream has subscribed: the server sends a notification
// only for events stored after it has the subscription.
asio::awaitable<void> ingest_events(fc::client& client, fc::notification_stream& stream,
                                    std::string data_core_id) {
  asio::steady_timer tick(co_await asio::this_coro::executor);
  while (stream.counters().subscriptions == 0) {
    tick.expires_after(10ms);
    co_await tick.async_wait(asio::use_awaitable);
  }
  for (int n = 1; n <= event_count; ++n) {
    fc::ingest_event cmd{.tenant_name = "acme",
                         .data_core_id = data_core_id,
                         .flow_type_name = "order",
                         .event_type_name = "created",
                         .event_data = R"({"order":)" + std::to_string(n) + "}"};
    const fc::ingest_result stored = co_await client.execute(cmd);
    std::cout << "ingested " << stored.event_id << "\n";
  }
}

asio::awaitable<void> run(fc::client& client, fc::notification_options options) {
  const std::string data_core_id = co_await make_topology(client);
  options.max_events = event_count;  // then the stream closes itself
  fc::notification_stream stream(client.get_executor(), std::move(options));
  asio::co_spawn(client.get_executor(), ingest_events(client, stream, data_core_id),
                 asio::detached);
  while (std::optional<fc::notification_event> event = co_await stream.next())
    std::cout << "notified " << event->data.event_id << " " << event->data.flow_type << "."
              << event->data.event_type << " at " << event->data.valid_time << "\n";
  std::cout << "stream ended after " << stream.counters().events << " events\n";
}

int main(int argc, char** argv) {
  const char* key = std::getenv("FLOWCORE_API_KEY");
  const std::string base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080";
  const fc::api_key credentials{key ? key : "fc_demo_0123456789abcdef"};
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{.credentials = credentials, .base_url = base_url});
  fc::notification_options options{
      .credentials = credentials,
      .base_url = base_url,
      .subscription = {.tenant = "acme", .data_core = "orders", .flow_type = "order"}};
  int status = 0;
  asio::co_spawn(ioc, run(client, std::move(options)), [&](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {
      std::cerr << "notifications: " << error.what() << "\n";
    }
    status = 1;
  });
  ioc.run();
  return status;
}
