// Must not compile with GCC 12: an exists command temporary inside co_await.
#include <flowcore/flowcore.hpp>
#include <flowcore/wait_until_deleted.hpp>

#include <chrono>

boost::asio::awaitable<void> f(flowcore::client& client) {
  co_await flowcore::wait_until_deleted(client, flowcore::data_core_exists{.data_core_id = "x"},
                                        {.cap = std::chrono::seconds(5)});
}
