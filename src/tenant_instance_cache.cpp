// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "tenant_instance_cache.hpp"

#include <algorithm>

namespace flowcore::detail {

std::optional<tenant_instance> tenant_instance_cache::find(const std::string& key,
                                                           clock::time_point now) {
  auto it = entries_.find(key);
  if (it == entries_.end()) return std::nullopt;
  if (now - it->second.stored >= time_to_live) {
    entries_.erase(it);
    return std::nullopt;
  }
  return it->second.value;
}

void tenant_instance_cache::store(const std::string& key, tenant_instance value,
                                  clock::time_point now) {
  if (entries_.size() >= max_entries && !entries_.contains(key)) {
    // Linear scan: eviction happens only with over 1024 distinct tenants per client.
    auto oldest = std::min_element(
        entries_.begin(), entries_.end(),
        [](const auto& a, const auto& b) { return a.second.stored < b.second.stored; });
    entries_.erase(oldest);
  }
  entries_[key] = entry{std::move(value), now};
}

std::shared_ptr<tenant_instance_cache::pending> tenant_instance_cache::in_flight(
    const std::string& key) const {
  auto it = in_flight_.find(key);
  return it == in_flight_.end() ? nullptr : it->second;
}

std::shared_ptr<tenant_instance_cache::pending> tenant_instance_cache::begin(
    const std::string& key, boost::asio::any_io_executor ex) {
  auto p = std::make_shared<pending>(std::move(ex));
  // Set once here: expires_at() on a timer cancels its waits, so followers never touch it.
  p->done.expires_at(clock::time_point::max());
  in_flight_[key] = p;
  return p;
}

void tenant_instance_cache::finish(const std::string& key, const std::shared_ptr<pending>& p,
                                   clock::time_point now) {
  p->finished = true;
  if (!p->ec && p->value) store(key, *p->value, now);
  auto it = in_flight_.find(key);
  if (it != in_flight_.end() && it->second == p) in_flight_.erase(it);
  p->done.cancel();
}

}  // namespace flowcore::detail
