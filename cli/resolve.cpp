// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "resolve.hpp"

#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/tenant.hpp>

namespace flowcore::cli {

boost::asio::awaitable<std::string> data_core_id(flowcore::client& client, std::string tenant,
                                                 std::string data_core) {
  flowcore::data_core_fetch fetch{.tenant = std::move(tenant), .data_core = std::move(data_core)};
  const flowcore::data_core found = co_await client.execute(fetch);
  co_return found.id;
}

boost::asio::awaitable<std::string> tenant_id(flowcore::client& client, std::string tenant) {
  flowcore::tenant_fetch fetch{.tenant = std::move(tenant)};
  const flowcore::tenant found = co_await client.execute(fetch);
  co_return found.id;
}

}  // namespace flowcore::cli
