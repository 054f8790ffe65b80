// Must compile everywhere: the named forms of every entry point, temporaries with callback
// tokens (nothing is awaited), and braced wait_options (trivially destructible).
#include <flowcore/flowcore.hpp>
#include <flowcore/read_events.hpp>
#include <flowcore/wait_until_deleted.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/deferred.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <string>
#include <utility>

namespace asio = boost::asio;
namespace fc = flowcore;

asio::awaitable<void> f(fc::client& client) {
  fc::tenant_fetch cmd{.tenant = "acme"};
  const fc::tenant_fetch const_cmd{.tenant = "acme"};
  fc::call_options opts{.deadline = std::chrono::seconds(5)};
  const fc::call_options const_opts{.deadline = std::chrono::seconds(5)};
  fc::diagnostics diag;

  fc::tenant t = co_await client.execute(cmd);
  t = co_await client.execute(const_cmd, const_opts);
  t = co_await client.execute(cmd, opts);

  t = co_await client.async_execute(cmd, asio::use_awaitable);
  auto [ec, t2] =
      co_await client.async_execute(const_cmd, opts, diag, asio::as_tuple(asio::use_awaitable));
  t = co_await client.async_execute(cmd, const_opts, asio::deferred);
  t = co_await client.async_execute(cmd, diag, asio::use_awaitable);

  // Callback tokens: the call returns nothing, so nothing is awaited; temporaries are fine.
  client.async_execute(fc::tenant_fetch{.tenant = "acme"},
                       [](boost::system::error_code, fc::tenant) {});
  client.async_execute(std::move(cmd), fc::call_options{.deadline = std::chrono::seconds(1)}, diag,
                       asio::detached);
  asio::cancellation_signal signal;
  client.async_execute(fc::tenant_fetch{.tenant = "acme"}, fc::call_options{},
                       asio::bind_cancellation_slot(signal.slot(), asio::detached));

  fc::data_core_exists exists{.data_core_id = "x"};
  co_await fc::wait_until_deleted(client, exists);
  co_await fc::wait_until_deleted(client, exists, {.cap = std::chrono::seconds(5)});
  co_await fc::wait_until_deleted(client, exists, fc::wait_options{}, const_opts);

  fc::event_list list{.event_type_ids = {"e"}};
  auto events = fc::read_events(client, list);
  fc::time_bucket_list buckets_cmd{.event_type_ids = {"e"}};
  auto buckets = fc::read_time_buckets(client, buckets_cmd);
  fc::data_core_fetch core_fetch{.tenant = "acme", .data_core = "orders"};
  fc::data_core_create core_create{.tenant_id = "t", .name = "orders"};
  fc::data_core core = co_await fc::fetch_or_create(client, core_fetch, core_create);
  co_await fc::wait_until_truncated(client, core.id, {.cap = std::chrono::seconds(5)});
  fc::all_events history{.event_type_ids = {"e"}};
  auto every = fc::read_events(client, history);

  fc::event_producer producer(client);
  fc::ingest_event event{.tenant_name = "acme", .event_data = "{}"};
  const fc::ingest_event const_event = event;
  std::string id = co_await producer.send(event);
  id = co_await producer.send(const_event);
  id = co_await producer.async_send(event, asio::use_awaitable);
  auto [send_ec, send_id] = co_await producer.async_send(event, diag, asio::as_tuple(asio::use_awaitable));
  producer.async_send(fc::ingest_event{.tenant_name = "acme", .event_data = "{}"},
                      [](boost::system::error_code, std::string) {});
  co_await producer.flush();
  co_await producer.close();
  (void)t2;
  (void)send_ec;
  (void)send_id;
}
