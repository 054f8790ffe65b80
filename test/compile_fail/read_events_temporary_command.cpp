// Must not compile with GCC 12: the command is built inside the co_await expression.
#include <flowcore/flowcore.hpp>
#include <flowcore/read_events.hpp>

boost::asio::awaitable<void> drain(boost::asio::experimental::coro<flowcore::event> events);

boost::asio::awaitable<void> f(flowcore::client& client) {
  co_await drain(
      flowcore::read_events(client, flowcore::event_list{.time_bucket = "20260101000000"}));
}
