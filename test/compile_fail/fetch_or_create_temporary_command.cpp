// Must not compile with GCC 12: a command temporary inside co_await.
#include <flowcore/flowcore.hpp>

boost::asio::awaitable<void> f(flowcore::client& client) {
  flowcore::data_core_fetch fetch{.tenant = "acme", .data_core = "orders"};
  co_await flowcore::fetch_or_create(client, fetch,
                                     flowcore::data_core_create{.tenant_id = "t", .name = "orders"});
}
