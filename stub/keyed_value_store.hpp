// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Per-tenant key/value records of the tenant store: secrets and variables (docs/protocol.md
// section 6.3) share this shape; whether the value is ever shown is the routes' business.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

struct keyed_value {
  std::string tenant_id;
  std::string key;  ///< Unique per tenant.
  std::string value;
  std::string description;
  std::string created_at;
  std::optional<std::string> updated_at;  ///< null until the first PATCH.
};

class keyed_value_store {
 public:
  void clear() { items_.clear(); }

  /// Stores `v`, whose key the caller has checked to be free in its tenant.
  keyed_value& add(keyed_value v);
  keyed_value* find(std::string_view tenant_id, std::string_view key);
  /// Every tenant's records in creation order.
  const std::vector<keyed_value>& all() const { return items_; }
  /// The tenant's records in creation order.
  std::vector<const keyed_value*> of_tenant(std::string_view tenant_id) const;
  bool erase(std::string_view tenant_id, std::string_view key);

 private:
  std::vector<keyed_value> items_;
};

}  // namespace flowcore::stub::detail
