// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The tenant-instance lookup (docs/protocol.md section 2.3), shared by
// tenant_instance_fetch and every command that goes to a dedicated tenant's own hosts.

#include "call.hpp"

#include <flowcore/commands/tenant.hpp>

namespace flowcore::detail {

/// `GET /api/v1/tenants/by-name/{tenant}/instance` through the client's cache, with
/// concurrent misses sharing one request. 404: not_found.
boost::asio::awaitable<tenant_instance> lookup_tenant_instance(call& c, std::string tenant);

/// Where a service of `tenant` lives: its dedicated host, or nullopt for the default one.
/// A 403 on the lookup means "not dedicated"; dedicated without a domain is
/// invalid_response.
boost::asio::awaitable<std::optional<origin>> dedicated_origin_for(call& c, std::string tenant,
                                                                   std::string_view subdomain);

}  // namespace flowcore::detail
