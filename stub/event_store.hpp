// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Stored events (docs/protocol.md sections 6.8 and 6.9): per event type, per hourly time
// bucket, in storage order. Each event carries the names and ids the reading routes and the
// notifications (section 10.5) answer with, so neither needs the resource tree to describe
// it.

#include <boost/json/object.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

struct stored_event {
  std::uint64_t seq = 0;  ///< Storage order over the whole store; set by append().
  std::string event_id;
  std::string time_bucket;  ///< "YYYYMMDDhh0000" of the event time.
  std::string tenant_id;
  std::string tenant;  ///< Tenant name.
  std::string data_core_id;
  std::string flow_type_id;
  std::string flow_type;  ///< Flow type name.
  std::string event_type_id;
  std::string event_type;  ///< Event type name.
  std::string valid_time;
  boost::json::object metadata;
  boost::json::object payload;
};

class event_store {
 public:
  void clear();

  /// The seq the next appended event gets: events stored from now on have seq >= it.
  std::uint64_t next_seq() const { return next_seq_; }
  /// Stores `e` after every other event; the reference is valid until the next change.
  const stored_event& append(stored_event e);

  /// Drops every event of these event types.
  void erase_event_types(const std::vector<std::string>& event_type_ids);
  /// Drops the events of `event_type_id` stored before `seq` (request-truncate,
  /// docs/protocol.md 13.3).
  void truncate(std::string_view event_type_id, std::uint64_t seq);

  /// The distinct buckets holding events of any of `event_type_ids`, ascending.
  std::vector<std::string> buckets(const std::vector<std::string>& event_type_ids) const;
  /// The events of any of `event_type_ids` in `bucket`, in storage order.
  std::vector<const stored_event*> in_bucket(const std::vector<std::string>& event_type_ids,
                                             std::string_view bucket) const;
  /// The event `event_id` of one of `event_type_ids`, in any bucket; nullptr if none.
  const stored_event* find(const std::vector<std::string>& event_type_ids,
                           std::string_view event_id) const;

 private:
  using bucket_map = std::map<std::string, std::vector<stored_event>, std::less<>>;
  std::map<std::string, bucket_map, std::less<>> by_type_;  ///< Event type id -> buckets.
  std::uint64_t next_seq_ = 1;
};

}  // namespace flowcore::stub::detail
