// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Finding a record a route names, or answering 404 with the service's message
// (docs/protocol.md section 13.2 step 6: "Tenant not found", "Data core not found", ...).

#include "state.hpp"

#include <string_view>

namespace flowcore::stub::detail {

tenant& tenant_or_404(state& model, std::string_view id);
tenant& tenant_by_name_or_404(state& model, std::string_view name);
data_core& data_core_or_404(state& model, std::string_view id);
flow_type& flow_type_or_404(state& model, std::string_view id);
event_type& event_type_or_404(state& model, std::string_view id);

/// A flow type named by the path of ingestion or the body of a by-names read
/// (docs/protocol.md section 13.2 steps 7, 8): the tenant by name, its data core by id, the
/// flow type by name in it.
struct named_flow_type {
  tenant& owner;
  data_core& core;
  flow_type& flow;
};
named_flow_type resolve_flow_type(state& model, std::string_view tenant_name,
                                  std::string_view data_core_id, std::string_view flow_type_name);
/// The event type named `name` in `flow`, or 404 "Event type not found".
event_type& event_type_by_name_or_404(state& model, const flow_type& flow, std::string_view name);

}  // namespace flowcore::stub::detail
