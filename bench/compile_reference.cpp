// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The reference for bench/compile_time.sh: a program with one coroutine that awaits one
// Asio timer, and no flowcore. What a file pays for Asio's coroutines alone; compiled
// by the script with the same command line as example/quickstart.cpp, never built.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <iostream>

namespace asio = boost::asio;

asio::awaitable<void> wait_a_moment() {
  asio::steady_timer timer(co_await asio::this_coro::executor, std::chrono::milliseconds(1));
  co_await timer.async_wait(asio::use_awaitable);
  std::cout << "waited\n";
}

int main() {
  asio::io_context ioc;
  asio::co_spawn(ioc, wait_a_moment(), asio::detached);
  ioc.run();
}
