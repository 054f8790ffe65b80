// Must not compile with GCC 12: an event temporary inside co_await.
#include <flowcore/flowcore.hpp>

boost::asio::awaitable<void> f(flowcore::event_producer& producer) {
  co_await producer.send(flowcore::ingest_event{.tenant_name = "acme", .event_data = "{}"});
}
