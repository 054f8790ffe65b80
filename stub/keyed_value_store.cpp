// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "keyed_value_store.hpp"

#include <algorithm>
#include <utility>

namespace flowcore::stub::detail {

keyed_value& keyed_value_store::add(keyed_value v) { return items_.emplace_back(std::move(v)); }

keyed_value* keyed_value_store::find(std::string_view tenant_id, std::string_view key) {
  auto it = std::find_if(items_.begin(), items_.end(), [&](const keyed_value& v) {
    return v.tenant_id == tenant_id && v.key == key;
  });
  return it == items_.end() ? nullptr : &*it;
}

std::vector<const keyed_value*> keyed_value_store::of_tenant(std::string_view tenant_id) const {
  std::vector<const keyed_value*> out;
  for (const keyed_value& v : items_)
    if (v.tenant_id == tenant_id) out.push_back(&v);
  return out;
}

bool keyed_value_store::erase(std::string_view tenant_id, std::string_view key) {
  return std::erase_if(items_, [&](const keyed_value& v) {
           return v.tenant_id == tenant_id && v.key == key;
         }) > 0;
}

}  // namespace flowcore::stub::detail
