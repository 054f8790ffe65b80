// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "state.hpp"

#include <algorithm>
#include <utility>

namespace flowcore::stub::detail {

state::state(std::optional<std::uint64_t> id_seed) : ids_(id_seed), acme_id_(ids_.uuid()) {
  reset();
}

void state::reset() {
  tenants_.clear();
  tenants_.push_back(tenant{.id = acme_id_,
                            .name = "acme",
                            .display_name = "Acme",
                            .description = "Seeded tenant",
                            .website_url = "",
                            .sensitive_data_enabled = false,
                            .configured = true});
  api_keys_.clear();
  secrets_.clear();
  variables_.clear();
  resources_.clear();
  removals_.clear();
  events_.clear();
}

tenant* state::find_tenant_by_id(std::string_view id) {
  auto it = std::find_if(tenants_.begin(), tenants_.end(), [&](const tenant& t) { return t.id == id; });
  return it == tenants_.end() ? nullptr : &*it;
}

tenant* state::find_tenant_by_name(std::string_view name) {
  auto it = std::find_if(tenants_.begin(), tenants_.end(),
                         [&](const tenant& t) { return t.name == name; });
  return it == tenants_.end() ? nullptr : &*it;
}

tenant& state::add_tenant(tenant t) { return tenants_.emplace_back(std::move(t)); }

void state::replace_tenants(std::string acme_id, std::vector<tenant> tenants) {
  acme_id_ = std::move(acme_id);
  tenants_ = std::move(tenants);
}

void state::remove_data_core(std::string id) {
  events_.erase_event_types(resources_.remove_data_core(std::move(id)));
}

void state::remove_flow_type(std::string id) {
  events_.erase_event_types(resources_.remove_flow_type(std::move(id)));
}

void state::remove_event_type(std::string id) {
  events_.erase_event_types(resources_.remove_event_type(std::move(id)));
}

void state::finish_truncate(std::string event_type_id, std::uint64_t seq) {
  event_type* e = resources_.find_event_type(event_type_id);
  if (!e) return;
  e->is_truncating = false;
  events_.truncate(event_type_id, seq);
}

const stored_event& state::store_event(stored_event e) {
  const stored_event& stored = events_.append(std::move(e));
  if (event_listener_) event_listener_(stored);
  return stored;
}

}  // namespace flowcore::stub::detail
