// Must not compile with GCC 12: the command is built inside the co_await expression.
#include <flowcore/flowcore.hpp>
#include <flowcore/read_events.hpp>

#include <string>

boost::asio::awaitable<void> drain(boost::asio::experimental::coro<std::string> buckets);

boost::asio::awaitable<void> f(flowcore::client& client) {
  co_await drain(flowcore::read_time_buckets(client, flowcore::time_bucket_list{.tenant = "acme"}));
}
