// Must not compile with GCC 12: braced call_options inside co_await, named exists command.
#include <flowcore/flowcore.hpp>
#include <flowcore/wait_until_deleted.hpp>

#include <chrono>

boost::asio::awaitable<void> f(flowcore::client& client) {
  flowcore::data_core_exists exists{.data_core_id = "x"};
  flowcore::wait_options options;
  co_await flowcore::wait_until_deleted(client, exists, options,
                                        {.deadline = std::chrono::seconds(90)});
}
