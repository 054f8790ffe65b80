// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One registration function per route family; each lives in routes_<family>.cpp. The
// sections named are those of docs/protocol.md.

namespace flowcore::stub::detail {

class router;

/// Section 6.1.
void add_tenant_routes(router& r);
/// Section 6.2.
void add_api_key_routes(router& r);
/// Section 6.3.
void add_secret_variable_routes(router& r);
/// Section 6.4.
void add_data_core_routes(router& r);
/// Section 6.5.
void add_flow_type_routes(router& r);
/// Section 6.6.
void add_event_type_routes(router& r);
/// Section 6.7: sensitive-data removal and its list.
void add_sensitive_data_routes(router& r);
/// Section 6.8.
void add_ingestion_routes(router& r);
/// Section 6.9.
void add_event_routes(router& r);

/// The `/__stub/...` control routes (section 13.4): no auth, no faults, not recorded.
void add_control_routes(router& r);

}  // namespace flowcore::stub::detail
