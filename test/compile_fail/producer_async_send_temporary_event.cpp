// Must not compile with GCC 12: an event temporary inside co_await, through a token that
// returns something to await.
#include <flowcore/flowcore.hpp>

#include <boost/asio/use_awaitable.hpp>

boost::asio::awaitable<void> f(flowcore::event_producer& producer) {
  co_await producer.async_send(flowcore::ingest_event{.tenant_name = "acme", .event_data = "{}"},
                               boost::asio::use_awaitable);
}
