// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "resolve.hpp"

#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/flow_type.hpp>
#include <flowcore/commands/tenant.hpp>

namespace flowcore::cli {

boost::asio::awaitable<std::string> data_core_id(flowcore::client& client, std::string tenant,
                                                 std::string data_core) {
  flowcore::data_core_fetch fetch{.tenant = std::move(tenant), .data_core = std::move(data_core)};
  const flowcore::data_core found = co_await client.execute(fetch);
  co_return found.id;
}

boost::asio::awaitable<std::string> flow_type_id(flowcore::client& client, std::string tenant,
                                                 std::string data_core, std::string flow_type) {
  // Awaited apart from the aggregate: GCC 12 mishandles co_await inside braced initializers.
  std::string parent = co_await data_core_id(client, std::move(tenant), std::move(data_core));
  flowcore::flow_type_fetch fetch{.data_core_id = std::move(parent),
                                  .flow_type = std::move(flow_type)};
  const flowcore::flow_type found = co_await client.execute(fetch);
  co_return found.id;
}

boost::asio::awaitable<std::string> tenant_name(flowcore::client& client, std::string tenant_id) {
  flowcore::tenant_fetch fetch{.tenant_id = std::move(tenant_id)};
  const flowcore::tenant found = co_await client.execute(fetch);
  co_return found.name;
}

boost::asio::awaitable<std::string> tenant_id(flowcore::client& client, std::string tenant) {
  flowcore::tenant_fetch fetch{.tenant = std::move(tenant)};
  const flowcore::tenant found = co_await client.execute(fetch);
  co_return found.id;
}

}  // namespace flowcore::cli
