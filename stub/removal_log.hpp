// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Sensitive-data removal requests (docs/protocol.md section 6.7): one record per
// `POST /api/v1/event-types/sensitive-data/remove`, listed per tenant. The records are a
// log: they outlive the event type they name, until reset.

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace flowcore::stub::detail {

struct removal_record {
  std::string id;
  std::string tenant_id;
  std::string data_core_id;
  std::string flow_type_id;
  std::string event_type_id;
  std::string application;
  std::string parent_key;
  std::string key;
  std::string type;  ///< "remove" or "scramble".
  std::chrono::system_clock::time_point created;
  std::string created_at;  ///< `created` as text.
};

class removal_log {
 public:
  void clear() { records_.clear(); }
  const removal_record& add(removal_record r) { return records_.emplace_back(std::move(r)); }
  /// In creation order.
  const std::vector<removal_record>& all() const { return records_; }

 private:
  std::vector<removal_record> records_;
};

}  // namespace flowcore::stub::detail
