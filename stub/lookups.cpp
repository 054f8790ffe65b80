// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "lookups.hpp"

#include "json_util.hpp"

namespace flowcore::stub::detail {
namespace {

template <class Record>
Record& or_404(Record* found, const char* message) {
  if (!found) throw http_error(404, message);
  return *found;
}

}  // namespace

tenant& tenant_or_404(state& model, std::string_view id) {
  return or_404(model.find_tenant_by_id(id), "Tenant not found");
}

tenant& tenant_by_name_or_404(state& model, std::string_view name) {
  return or_404(model.find_tenant_by_name(name), "Tenant not found");
}

data_core& data_core_or_404(state& model, std::string_view id) {
  return or_404(model.resources().find_data_core(id), "Data core not found");
}

flow_type& flow_type_or_404(state& model, std::string_view id) {
  return or_404(model.resources().find_flow_type(id), "Flow type not found");
}

event_type& event_type_or_404(state& model, std::string_view id) {
  return or_404(model.resources().find_event_type(id), "Event type not found");
}

named_flow_type resolve_flow_type(state& model, std::string_view tenant_name,
                                  std::string_view data_core_id, std::string_view flow_type_name) {
  tenant& owner = tenant_by_name_or_404(model, tenant_name);
  data_core* core = model.resources().find_data_core(data_core_id);
  if (core && core->tenant_id != owner.id) core = nullptr;  // another tenant's
  data_core& c = or_404(core, "Data core not found");
  flow_type& flow = or_404(model.resources().find_flow_type(c.id, flow_type_name),
                           "Flow type not found");
  return {owner, c, flow};
}

event_type& event_type_by_name_or_404(state& model, const flow_type& flow, std::string_view name) {
  return or_404(model.resources().find_event_type(flow.id, name), "Event type not found");
}

}  // namespace flowcore::stub::detail
