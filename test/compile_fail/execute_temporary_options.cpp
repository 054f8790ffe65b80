// Must not compile with GCC 12: braced call_options inside co_await, with a named command.
#include <flowcore/flowcore.hpp>

#include <chrono>

boost::asio::awaitable<void> f(flowcore::client& client) {
  flowcore::tenant_fetch cmd{.tenant = "acme"};
  co_await client.execute(cmd, {.deadline = std::chrono::seconds(5)});
}
