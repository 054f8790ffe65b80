// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "event_store.hpp"

#include <algorithm>
#include <utility>

namespace flowcore::stub::detail {
namespace {

// A repeated id (`eventTypeId=a&eventTypeId=a`) must not list its events twice.
std::vector<std::string> distinct(std::vector<std::string> ids) {
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

}  // namespace

void event_store::clear() {
  by_type_.clear();
  next_seq_ = 1;
}

const stored_event& event_store::append(stored_event e) {
  e.seq = next_seq_++;
  bucket_map& buckets = by_type_[e.event_type_id];
  std::vector<stored_event>& events = buckets[e.time_bucket];
  return events.emplace_back(std::move(e));
}

void event_store::erase_event_types(const std::vector<std::string>& event_type_ids) {
  for (const std::string& id : event_type_ids) by_type_.erase(id);
}

void event_store::truncate(std::string_view event_type_id, std::uint64_t seq) {
  auto type = by_type_.find(event_type_id);
  if (type == by_type_.end()) return;
  bucket_map& buckets = type->second;
  for (auto it = buckets.begin(); it != buckets.end();) {
    std::erase_if(it->second, [&](const stored_event& e) { return e.seq < seq; });
    it = it->second.empty() ? buckets.erase(it) : std::next(it);
  }
  if (buckets.empty()) by_type_.erase(type);
}

std::vector<std::string> event_store::buckets(const std::vector<std::string>& event_type_ids) const {
  std::vector<std::string> out;
  for (const std::string& id : distinct(event_type_ids)) {
    auto type = by_type_.find(id);
    if (type == by_type_.end()) continue;
    for (const auto& [bucket, events] : type->second) out.push_back(bucket);
  }
  return distinct(std::move(out));
}

std::vector<const stored_event*> event_store::in_bucket(
    const std::vector<std::string>& event_type_ids, std::string_view bucket) const {
  std::vector<const stored_event*> out;
  for (const std::string& id : distinct(event_type_ids)) {
    auto type = by_type_.find(id);
    if (type == by_type_.end()) continue;
    auto events = type->second.find(bucket);
    if (events == type->second.end()) continue;
    for (const stored_event& e : events->second) out.push_back(&e);
  }
  std::sort(out.begin(), out.end(),
            [](const stored_event* a, const stored_event* b) { return a->seq < b->seq; });
  return out;
}

const stored_event* event_store::find(const std::vector<std::string>& event_type_ids,
                                      std::string_view event_id) const {
  for (const std::string& id : distinct(event_type_ids)) {
    auto type = by_type_.find(id);
    if (type == by_type_.end()) continue;
    for (const auto& [bucket, events] : type->second)
      for (const stored_event& e : events)
        if (e.event_id == event_id) return &e;
  }
  return nullptr;
}

}  // namespace flowcore::stub::detail
