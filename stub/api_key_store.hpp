// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The API keys of the stub's tenant store (docs/protocol.md sections 6.2 and 13.1).

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::stub::detail {

class id_generator;

struct api_key_record {
  std::string id;
  std::string tenant_id;
  std::string name;  ///< Unique per tenant.
  std::string description;
  std::string key;     ///< The whole `fc_<id>_<32 hex>`, shown once, at creation.
  std::string masked;  ///< `fc_<first 8 of id>********`.
  std::string created_at;
  std::optional<std::string> last_used_at;  ///< Set by requests presenting the key.
};

class api_key_store {
 public:
  void clear() { keys_.clear(); }

  /// A new key for `tenant_id` with a fresh id, secret and mask; the caller has checked
  /// that the tenant exists and the name is free.
  api_key_record& create(id_generator& ids, std::string tenant_id, std::string name,
                         std::string description);

  /// Stores `k` as it is (a state file's record); the caller has checked that its id and
  /// name are free.
  api_key_record& add(api_key_record k) { return keys_.emplace_back(std::move(k)); }

  /// In creation order.
  const std::vector<api_key_record>& all() const { return keys_; }
  api_key_record* find(std::string_view id);
  api_key_record* find_by_name(std::string_view tenant_id, std::string_view name);
  /// The key whose whole text is `key`.
  api_key_record* find_by_key(std::string_view key);
  bool erase(std::string_view id);

 private:
  std::vector<api_key_record> keys_;
};

}  // namespace flowcore::stub::detail
