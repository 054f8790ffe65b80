// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "api_key_store.hpp"

#include "ids.hpp"

#include <algorithm>
#include <utility>

namespace flowcore::stub::detail {

api_key_record& api_key_store::create(id_generator& ids, std::string tenant_id, std::string name,
                                      std::string description) {
  std::string id = ids.uuid();
  api_key_record k{.id = id,
                   .tenant_id = std::move(tenant_id),
                   .name = std::move(name),
                   .description = std::move(description),
                   .key = "fc_" + id + "_" + ids.hex(32),
                   .masked = "fc_" + id.substr(0, 8) + "********",
                   .created_at = iso_now(),
                   .last_used_at = std::nullopt};
  return keys_.emplace_back(std::move(k));
}

api_key_record* api_key_store::find(std::string_view id) {
  auto it = std::find_if(keys_.begin(), keys_.end(), [&](const auto& k) { return k.id == id; });
  return it == keys_.end() ? nullptr : &*it;
}

api_key_record* api_key_store::find_by_name(std::string_view tenant_id, std::string_view name) {
  auto it = std::find_if(keys_.begin(), keys_.end(), [&](const auto& k) {
    return k.tenant_id == tenant_id && k.name == name;
  });
  return it == keys_.end() ? nullptr : &*it;
}

api_key_record* api_key_store::find_by_key(std::string_view key) {
  auto it = std::find_if(keys_.begin(), keys_.end(), [&](const auto& k) { return k.key == key; });
  return it == keys_.end() ? nullptr : &*it;
}

bool api_key_store::erase(std::string_view id) {
  return std::erase_if(keys_, [&](const auto& k) { return k.id == id; }) > 0;
}

}  // namespace flowcore::stub::detail
