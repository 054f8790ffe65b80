// Must not compile with GCC 12: a command temporary inside co_await, as_tuple(use_awaitable).
#include <flowcore/flowcore.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

boost::asio::awaitable<void> f(flowcore::client& client) {
  auto [ec, tenant] = co_await client.async_execute(
      flowcore::tenant_fetch{.tenant = "acme"}, boost::asio::as_tuple(boost::asio::use_awaitable));
}
