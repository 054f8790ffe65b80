// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The resource tree under a tenant (docs/protocol.md sections 6.4 to 6.6): data cores,
// their flow types, their event types. Records in creation order; removal cascades down the
// tree. Events live in event_store; state ties the two together.

#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

struct data_core {
  std::string id;
  std::string tenant_id;
  std::string name;  ///< Unique per tenant.
  std::string description;
  bool is_public = false;  ///< accessControl "public"; else "private".
  bool delete_protection = false;
  bool is_deleting = false;
  bool is_flowcore_managed = false;
};

struct flow_type {
  std::string id;
  std::string tenant_id;
  std::string data_core_id;
  std::string name;  ///< Unique per data core.
  std::string description;
  bool is_deleting = false;
};

struct event_type {
  std::string id;
  std::string tenant_id;
  std::string data_core_id;
  std::string flow_type_id;
  std::string name;  ///< Unique per flow type.
  std::string description;
  std::string created_at;
  std::optional<std::string> updated_at;  ///< null until the first PATCH.
  bool is_truncating = false;
  bool is_deleting = false;
  /// `{"key": "...", "schema": {...}}` as checked by the routes; nullopt answers null.
  std::optional<boost::json::object> sensitive_data_mask;
  bool sensitive_data_enabled = false;
};

class resource_store {
 public:
  void clear();

  /// Each in creation order.
  const std::vector<data_core>& data_cores() const { return data_cores_; }
  const std::vector<flow_type>& flow_types() const { return flow_types_; }
  const std::vector<event_type>& event_types() const { return event_types_; }

  data_core* find_data_core(std::string_view id);
  data_core* find_data_core(std::string_view tenant_id, std::string_view name);
  flow_type* find_flow_type(std::string_view id);
  flow_type* find_flow_type(std::string_view data_core_id, std::string_view name);
  event_type* find_event_type(std::string_view id);
  event_type* find_event_type(std::string_view flow_type_id, std::string_view name);

  /// Store a record whose parent exists and whose name is free (the caller checked);
  /// the reference is valid until the next change of the same kind.
  data_core& add(data_core d);
  flow_type& add(flow_type f);
  event_type& add(event_type e);

  /// Remove the resource and everything under it; answer the ids of the event types
  /// removed, whose events the caller drops. Unknown ids remove nothing. `id` is a copy:
  /// it may name a record these calls move.
  std::vector<std::string> remove_data_core(std::string id);
  std::vector<std::string> remove_flow_type(std::string id);
  std::vector<std::string> remove_event_type(std::string id);

 private:
  std::vector<data_core> data_cores_;
  std::vector<flow_type> flow_types_;
  std::vector<event_type> event_types_;
};

}  // namespace flowcore::stub::detail
