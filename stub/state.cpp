// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "state.hpp"

#include <algorithm>
#include <utility>

namespace flowcore::stub::detail {

state::state() : acme_id_(ids_.uuid()) { reset(); }

void state::reset() {
  tenants_.clear();
  tenants_.push_back(tenant{.id = acme_id_,
                            .name = "acme",
                            .display_name = "Acme",
                            .description = "Seeded tenant",
                            .website_url = "",
                            .sensitive_data_enabled = false,
                            .configured = true});
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

}  // namespace flowcore::stub::detail
