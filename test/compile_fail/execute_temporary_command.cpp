// Must not compile with GCC 12: a command temporary inside co_await.
#include <flowcore/flowcore.hpp>

boost::asio::awaitable<void> f(flowcore::client& client) {
  co_await client.execute(flowcore::tenant_fetch{.tenant = "acme"});
}
