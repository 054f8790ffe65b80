// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What the benchmarks set up before they measure: fetch a resource by name, create it when
// it does not exist yet, so a benchmark can run again against a stub that has it.

#include <flowcore/flowcore.hpp>

#include <boost/asio/awaitable.hpp>

namespace flowcore::bench {

template <class Fetch, class Create>
boost::asio::awaitable<typename Fetch::result_type> fetch_or_create(client& c, Fetch fetch,
                                                                    Create create) {
  try {
    co_return co_await c.execute(fetch);
  } catch (const client_error& e) {
    if (e.code() != error::not_found) throw;
  }
  co_return co_await c.execute(create);
}

}  // namespace flowcore::bench
