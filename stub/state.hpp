// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The stub's in-memory model (API-CONTRACT.md 9.1): plain records and lookups, no wire
// formats (those belong to the routes) and no I/O.

#include "ids.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

struct tenant {
  std::string id;
  std::string name;  ///< The slug; unique.
  std::string display_name;
  std::string description;
  std::string website_url;
  bool sensitive_data_enabled = false;
  bool configured = true;
};

class state {
 public:
  /// Seeds the model; the seeded tenant gets its id here, once for the server's life.
  state();

  /// Back to the seeded model; the seeded tenant keeps its id.
  void reset();

  id_generator& ids() { return ids_; }
  const std::string& acme_id() const { return acme_id_; }

  /// Tenants in creation order.
  const std::vector<tenant>& tenants() const { return tenants_; }
  tenant* find_tenant_by_id(std::string_view id);
  tenant* find_tenant_by_name(std::string_view name);
  /// Stores `t`, which must have a unique name; returns the stored record.
  tenant& add_tenant(tenant t);

 private:
  id_generator ids_;
  std::string acme_id_;
  std::vector<tenant> tenants_;
};

}  // namespace flowcore::stub::detail
