// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "resource_store.hpp"

#include <algorithm>
#include <utility>

namespace flowcore::stub::detail {
namespace {

template <class Record, class Pred>
Record* find_in(std::vector<Record>& records, Pred pred) {
  auto it = std::find_if(records.begin(), records.end(), pred);
  return it == records.end() ? nullptr : &*it;
}

}  // namespace

void resource_store::clear() {
  data_cores_.clear();
  flow_types_.clear();
  event_types_.clear();
}

data_core* resource_store::find_data_core(std::string_view id) {
  return find_in(data_cores_, [&](const data_core& d) { return d.id == id; });
}

data_core* resource_store::find_data_core(std::string_view tenant_id, std::string_view name) {
  return find_in(data_cores_,
                 [&](const data_core& d) { return d.tenant_id == tenant_id && d.name == name; });
}

flow_type* resource_store::find_flow_type(std::string_view id) {
  return find_in(flow_types_, [&](const flow_type& f) { return f.id == id; });
}

flow_type* resource_store::find_flow_type(std::string_view data_core_id, std::string_view name) {
  return find_in(flow_types_, [&](const flow_type& f) {
    return f.data_core_id == data_core_id && f.name == name;
  });
}

event_type* resource_store::find_event_type(std::string_view id) {
  return find_in(event_types_, [&](const event_type& e) { return e.id == id; });
}

event_type* resource_store::find_event_type(std::string_view flow_type_id, std::string_view name) {
  return find_in(event_types_, [&](const event_type& e) {
    return e.flow_type_id == flow_type_id && e.name == name;
  });
}

data_core& resource_store::add(data_core d) { return data_cores_.emplace_back(std::move(d)); }
flow_type& resource_store::add(flow_type f) { return flow_types_.emplace_back(std::move(f)); }
event_type& resource_store::add(event_type e) { return event_types_.emplace_back(std::move(e)); }

std::vector<std::string> resource_store::remove_data_core(std::string id) {
  std::vector<std::string> removed;
  std::vector<std::string> flow_type_ids;
  for (const flow_type& f : flow_types_)
    if (f.data_core_id == id) flow_type_ids.push_back(f.id);
  for (const std::string& f : flow_type_ids) {
    std::vector<std::string> more = remove_flow_type(f);
    removed.insert(removed.end(), more.begin(), more.end());
  }
  std::erase_if(data_cores_, [&](const data_core& d) { return d.id == id; });
  return removed;
}

std::vector<std::string> resource_store::remove_flow_type(std::string id) {
  std::vector<std::string> removed;
  std::erase_if(event_types_, [&](const event_type& e) {
    if (e.flow_type_id != id) return false;
    removed.push_back(e.id);
    return true;
  });
  std::erase_if(flow_types_, [&](const flow_type& f) { return f.id == id; });
  return removed;
}

std::vector<std::string> resource_store::remove_event_type(std::string id) {
  std::vector<std::string> removed;
  std::erase_if(event_types_, [&](const event_type& e) {
    if (e.id != id) return false;
    removed.push_back(e.id);
    return true;
  });
  return removed;
}

}  // namespace flowcore::stub::detail
