// Must not compile with GCC 12: a command temporary inside co_await, asio::deferred.
#include <flowcore/flowcore.hpp>

#include <boost/asio/deferred.hpp>

boost::asio::awaitable<void> f(flowcore::client& client) {
  co_await client.async_execute(flowcore::tenant_fetch{.tenant = "acme"}, boost::asio::deferred);
}
