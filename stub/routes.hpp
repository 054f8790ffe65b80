// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One registration function per route family; each lives in routes_<family>.cpp.

namespace flowcore::stub::detail {

class router;

/// API-CONTRACT.md 4.1.
void add_tenant_routes(router& r);
/// 4.2.
void add_api_key_routes(router& r);
/// 4.3.
void add_secret_variable_routes(router& r);
/// 4.4.
void add_data_core_routes(router& r);
/// 4.5.
void add_flow_type_routes(router& r);
/// 4.6, but the sensitive-data routes.
void add_event_type_routes(router& r);
/// 4.6: sensitive-data removal and its list.
void add_sensitive_data_routes(router& r);
/// 4.7.
void add_ingestion_routes(router& r);
/// 4.8.
void add_event_routes(router& r);

/// The `/__stub/...` control routes (9.3): no auth, no faults, not recorded.
void add_control_routes(router& r);

}  // namespace flowcore::stub::detail
