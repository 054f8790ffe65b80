// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Lifecycle: create a data core, a flow type and an event type in tenant "acme"; truncate
// the event type; delete all three, each waiting until it is gone; check that nothing is
// left. Prints each step with the time it took.
//
//   lifecycle [BASE_URL]      (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
//
// The API key comes from FLOWCORE_API_KEY; the stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <stdexcept>
#include <string>

namespace asio = boost::asio;
namespace fc = flowcore;

namespace {

// Prints "<what> (<ms> ms)" for the step that started at `since`, and restarts the clock.
void step(std::chrono::steady_clock::time_point& since, const std::string& what) {
  const auto now = std::chrono::steady_clock::now();
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - since).count();
  std::cout << "  " << what << " (" << ms << " ms)\n";
  since = now;
}

asio::awaitable<void> lifecycle(fc::client& client) {
  auto t = std::chrono::steady_clock::now();
  // Commands are named, then awaited: GCC 12 miscompiles a braced temporary inside co_await.
  fc::tenant_fetch tenant{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant);
  step(t, "tenant " + acme.name + " is " + acme.id);

  fc::data_core_create create_core{
      .tenant_id = acme.id, .name = "lifecycle-demo", .description = "Created by the example"};
  const fc::data_core core = co_await client.execute(create_core);
  step(t, "created data core " + core.name + " " + core.id);

  fc::flow_type_create create_flow{.data_core_id = core.id, .name = "order"};
  const fc::flow_type flow = co_await client.execute(create_flow);
  step(t, "created flow type " + flow.name + " " + flow.id);

  fc::event_type_create create_event{.flow_type_id = flow.id, .name = "created"};
  const fc::event_type event = co_await client.execute(create_event);
  step(t, "created event type " + event.name + " " + event.id);

  // Waits (by default) until the truncation has started; the events then go away.
  fc::event_type_request_truncate truncate{.tenant = "acme", .event_type_id = event.id};
  co_await client.execute(truncate);
  step(t, "truncation of " + event.name + " started");

  // Each request waits (by default) until the resource is gone: at most 25 s, else
  // fc::error::wait_timeout.
  fc::event_type_request_delete delete_event{.tenant = "acme", .event_type_id = event.id};
  co_await client.execute(delete_event);
  step(t, "deleted event type " + event.name);

  fc::flow_type_request_delete delete_flow{.tenant = "acme", .flow_type_id = flow.id};
  co_await client.execute(delete_flow);
  step(t, "deleted flow type " + flow.name);

  // Or request without waiting, and wait separately.
  fc::data_core_request_delete delete_core{
      .tenant = "acme", .data_core_id = core.id, .wait = false};
  co_await client.execute(delete_core);
  step(t, "requested deletion of data core " + core.name);
  fc::data_core_exists core_exists{.data_core_id = core.id};
  co_await fc::wait_until_deleted(client, core_exists);
  step(t, "data core " + core.name + " is gone");

  fc::event_type_exists event_exists{.event_type_id = event.id};
  fc::flow_type_exists flow_exists{.flow_type_id = flow.id};
  bool left = co_await client.execute(core_exists);
  left |= co_await client.execute(flow_exists);
  left |= co_await client.execute(event_exists);
  step(t, left ? "something is left!" : "nothing is left");
  if (left) throw std::runtime_error("a deleted resource still exists");
}

}  // namespace

int main(int argc, char** argv) {
  const char* key = std::getenv("FLOWCORE_API_KEY");
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{
                        .credentials = fc::api_key{.key = key ? key : "fc_demo_0123456789abcdef"},
                        .base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080",
                    });
  std::cout << "lifecycle:\n";
  int status = 0;
  asio::co_spawn(ioc, lifecycle(client), [&](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {  // fc::client_error included
      std::cerr << "lifecycle: " << error.what() << "\n";
    }
    status = 1;
  });
  ioc.run();
  return status;
}
