// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One registration function per route family; each lives in routes_<family>.cpp.

namespace flowcore::stub::detail {

class router;

/// API-CONTRACT.md 4.1.
void add_tenant_routes(router& r);

/// The `/__stub/...` control routes (9.3): no auth, no faults, not recorded.
void add_control_routes(router& r);

}  // namespace flowcore::stub::detail
