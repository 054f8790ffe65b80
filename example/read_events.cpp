// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Reading events: stores 12 events in two new event types of acme/orders/order, in two
// hourly time buckets, then reads them back three ways: the time buckets with
// fc::read_time_buckets, every event with fc::read_events (both generators follow the
// cursors), and one bucket page by page with client.execute(fc::event_list{...}),
// following next_cursor by hand. It exits 1 if any way reads a different set of events.
//
//   read_events [BASE_URL]     (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
//
// The API key comes from FLOWCORE_API_KEY; the stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>  // includes flowcore/read_events.hpp

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace fc = flowcore;

namespace {

// Each event's time picks its hourly bucket: these two give 20260101100000 and
// 20260101110000.
const std::vector<std::string> hours = {"2026-01-01T10:15:00Z", "2026-01-01T11:45:00Z"};

asio::awaitable<bool> run(fc::client& client) {
  fc::tenant_fetch tenant{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant);
  fc::data_core_fetch core_fetch{.tenant = "acme", .data_core = "orders"};
  fc::data_core_create core_create{.tenant_id = acme.id, .name = "orders"};
  const fc::data_core core = co_await fc::fetch_or_create(client, core_fetch, core_create);
  fc::flow_type_fetch flow_fetch{.data_core_id = core.id, .flow_type = "order"};
  fc::flow_type_create flow_create{.data_core_id = core.id, .name = "order"};
  const fc::flow_type flow = co_await fc::fetch_or_create(client, flow_fetch, flow_create);

  // Two new event types per run, so that a second run reads only its own events.
  const auto run_id = std::to_string(std::chrono::steady_clock::now().time_since_epoch().count());
  std::vector<std::string> type_ids;
  std::set<std::string> stored;
  for (const std::string name : {"shipped-", "paid-"}) {
    fc::event_type_create create{.flow_type_id = flow.id, .name = name + run_id};
    const fc::event_type type = co_await client.execute(create);
    type_ids.push_back(type.id);
    // Three events in each hour, one batch request each.
    for (const std::string& hour : hours) {
      fc::ingest_batch batch{.tenant_name = "acme",
                             .data_core_id = core.id,
                             .flow_type_name = "order",
                             .event_type_name = type.name,
                             .events = {R"({"n":1})", R"({"n":2})", R"({"n":3})"},
                             .event_time = hour};
      const fc::ingest_batch_result result = co_await client.execute(batch);
      stored.insert(result.event_ids.begin(), result.event_ids.end());
    }
  }
  std::cout << stored.size() << " events stored in 2 event types\n";

  // 1. The time buckets holding events of either type. The generator fetches a page only
  // when the last one is consumed; a page of one bucket here, to show it following cursors.
  fc::time_bucket_list bucket_cmd{.event_type_ids = type_ids, .page_size = 1};
  std::vector<std::string> buckets;
  auto bucket_names = fc::read_time_buckets(client, bucket_cmd);
  while (std::optional<std::string> b = co_await bucket_names.async_resume(asio::use_awaitable))
    buckets.push_back(*b);
  std::cout << "time buckets:";
  for (const std::string& b : buckets) std::cout << " " << b;
  std::cout << "\n";

  // 2. Every event of both types, bucket by bucket.
  std::set<std::string> read;
  for (const std::string& bucket : buckets) {
    fc::event_list list{.event_type_ids = type_ids, .time_bucket = bucket};
    auto events = fc::read_events(client, list);  // the generator keeps a copy of `list`
    while (std::optional<fc::event> e = co_await events.async_resume(asio::use_awaitable)) {
      if (read.empty())
        std::cout << "first event: " << e->event_type << " " << e->event_id << " " << e->payload
                  << " in " << e->time_bucket << "\n";
      read.insert(e->event_id);
    }
  }
  std::cout << read.size() << " events read with fc::read_events\n";

  // 3. The first bucket, two events a page, following next_cursor by hand. Only a page
  // without next_cursor is the last; a short page is not.
  fc::event_list page_cmd{.event_type_ids = type_ids, .time_bucket = buckets.at(0), .page_size = 2};
  std::set<std::string> paged;
  int pages = 0;
  for (;;) {
    const fc::event_page page = co_await client.execute(page_cmd);
    ++pages;
    for (const fc::event& e : page.events) paged.insert(e.event_id);
    if (!page.next_cursor) break;
    page_cmd.cursor = page.next_cursor;
  }
  std::cout << paged.size() << " events of bucket " << buckets.at(0) << " in " << pages
            << " pages\n";

  co_return buckets == std::vector<std::string>{"20260101100000", "20260101110000"} &&
      read == stored&& paged.size() == 6 && pages >= 3;
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
  int status = 1;
  asio::co_spawn(ioc, run(client), [&](std::exception_ptr e, bool ok) {
    if (!e) {
      status = ok ? 0 : 1;
      return;
    }
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {  // fc::client_error included
      std::cerr << "read_events: " << error.what() << "\n";
    }
  });
  ioc.run();
  return status;
}
