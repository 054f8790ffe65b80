// Must not compile with GCC 12: a call_options temporary inside co_await, use_awaitable.
#include <flowcore/flowcore.hpp>

#include <boost/asio/use_awaitable.hpp>

#include <chrono>

boost::asio::awaitable<void> f(flowcore::client& client) {
  flowcore::tenant_fetch cmd{.tenant = "acme"};
  flowcore::diagnostics diag;
  co_await client.async_execute(cmd, flowcore::call_options{.deadline = std::chrono::seconds(5)},
                                diag, boost::asio::use_awaitable);
}
