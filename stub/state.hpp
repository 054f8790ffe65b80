// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The stub's in-memory model (docs/protocol.md section 13.1): plain records and lookups, no
// wire formats (those belong to the routes) and no I/O. Tenants live here; each other
// family has its store, and state ties them together where one change spans several
// (cascading removal, storing an event and announcing it).

#include "api_key_store.hpp"
#include "event_store.hpp"
#include "ids.hpp"
#include "keyed_value_store.hpp"
#include "removal_log.hpp"
#include "resource_store.hpp"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

/// Called once for every event stored, in storage order, right after it is stored
/// (docs/protocol.md section 10.10). Must not throw.
using event_listener = std::function<void(const stored_event&)>;

class state {
 public:
  /// Seeds the model; the seeded tenant gets its id here, once for the server's life
  /// (unless a state file replaces it, see replace_tenants()). `id_seed`: deterministic
  /// ids (id_generator).
  explicit state(std::optional<std::uint64_t> id_seed = std::nullopt);

  /// Back to the seeded model; the seeded tenant keeps its id, the event listener stays.
  void reset();

  id_generator& ids() { return ids_; }
  const id_generator& ids() const { return ids_; }
  const std::string& acme_id() const { return acme_id_; }

  /// Tenants in creation order.
  const std::vector<tenant>& tenants() const { return tenants_; }
  tenant* find_tenant_by_id(std::string_view id);
  tenant* find_tenant_by_name(std::string_view name);
  /// Stores `t`, which must have a unique name; returns the stored record.
  tenant& add_tenant(tenant t);
  /// Replaces every tenant and the seeded tenant's id with a state file's, so that a
  /// restarted stub answers with the ids its clients already hold; reset() keeps them.
  /// `acme_id` must name one of `tenants`.
  void replace_tenants(std::string acme_id, std::vector<tenant> tenants);

  // The tenant store (docs/protocol.md sections 6.2, 6.3).
  api_key_store& api_keys() { return api_keys_; }
  const api_key_store& api_keys() const { return api_keys_; }
  keyed_value_store& secrets() { return secrets_; }
  const keyed_value_store& secrets() const { return secrets_; }
  keyed_value_store& variables() { return variables_; }
  const keyed_value_store& variables() const { return variables_; }

  // Data cores, flow types, event types (docs/protocol.md 6.4 to 6.6) and the
  // sensitive-data log.
  resource_store& resources() { return resources_; }
  const resource_store& resources() const { return resources_; }
  removal_log& removals() { return removals_; }
  const removal_log& removals() const { return removals_; }

  /// The stored events (docs/protocol.md section 6.9). Store new ones with store_event().
  const event_store& events() const { return events_; }

  /// Removes the resource, everything under it and their events; unknown ids do nothing
  /// (a completion may find its resource already gone).
  void remove_data_core(std::string id);
  void remove_flow_type(std::string id);
  void remove_event_type(std::string id);
  /// The seq at which a truncation requested now cuts, for finish_truncate().
  std::uint64_t truncate_point() const { return events_.next_seq(); }
  /// Ends a truncation of `event_type_id` requested at `seq` (docs/protocol.md 13.3): drops
  /// its events stored before it and clears isTruncating. Unknown ids do nothing.
  void finish_truncate(std::string event_type_id, std::uint64_t seq);

  /// Stores `e` (its seq is assigned) and announces it to the event listener.
  const stored_event& store_event(stored_event e);
  /// Where stored events are announced: the notification hub. Empty: nobody.
  void set_event_listener(event_listener listener) { event_listener_ = std::move(listener); }

 private:
  id_generator ids_;
  std::string acme_id_;
  std::vector<tenant> tenants_;
  api_key_store api_keys_;
  keyed_value_store secrets_;
  keyed_value_store variables_;
  resource_store resources_;
  removal_log removals_;
  event_store events_;
  event_listener event_listener_;
};

}  // namespace flowcore::stub::detail
