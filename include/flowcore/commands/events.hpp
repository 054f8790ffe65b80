// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief Event reading commands (`event-source.api`; both modes; retried like every
/// idempotent command): time buckets and events, by event type ids or by names.
///
/// Events are stored in hourly time buckets, named `YYYYMMDDhh0000` (UTC) and compared as
/// strings. Both kinds of page end only when `next_cursor` is empty: a short page is not the
/// last one. Send a cursor back exactly as a page gave it.

#include <flowcore/read_order.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief A page of time bucket names.
struct time_bucket_page {
  std::vector<std::string> time_buckets;  ///< `YYYYMMDDhh0000`, in the requested order.
  std::optional<std::int64_t> next_cursor;  ///< Empty: the last page.
};

/// @brief One stored event.
struct event {
  std::string event_id;      ///< The event's id.
  std::string time_bucket;   ///< `YYYYMMDDhh0000`: the hour it is stored under.
  std::string tenant;        ///< The tenant's name.
  std::string data_core_id;  ///< The data core's id.
  std::string flow_type;     ///< The flow type's name.
  std::string event_type;    ///< The event type's name.
  std::string valid_time;    ///< ISO 8601 text, as stored.
  std::string metadata;      ///< A JSON object, as text.
  std::string payload;       ///< The event's data: a JSON object, as text.
};

/// @brief A page of events.
struct event_page {
  std::vector<flowcore::event> events;    ///< Storage order (reversed for `desc`).
  std::optional<std::string> next_cursor;  ///< Empty: the last page.
};

/// @brief The time buckets holding events of some event types.
/// `GET /api/v1/time-buckets`. At least one event type id.
struct time_bucket_list {
  using result_type = time_bucket_page;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "time_bucket_list";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant;  ///< Optional: the tenant's name, to reach a dedicated tenant.
  std::vector<std::string> event_type_ids;      ///< The event types' ids; at least one.
  std::optional<std::string> from_time_bucket;  ///< Inclusive.
  std::optional<std::string> to_time_bucket;    ///< Inclusive.
  std::optional<read_order> order;              ///< Unset: ascending.
  std::optional<int> page_size;                 ///< Positive; unset: the server's default.
  std::optional<std::int64_t> cursor;           ///< From a previous page's `next_cursor`.
};

/// @brief The events of some event types in one time bucket. `GET /api/v1/events`.
struct event_list {
  using result_type = event_page;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_list";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant;  ///< Optional: the tenant's name, to reach a dedicated tenant.
  std::vector<std::string> event_type_ids;    ///< The event types' ids; at least one.
  std::string time_bucket;                    ///< `YYYYMMDDhh0000`: the bucket to read.
  std::optional<std::string> cursor;          ///< From a previous page's `next_cursor`.
  std::optional<int> page_size;               ///< Positive; unset: the server's default.
  std::optional<std::string> from_event_id;   ///< Inclusive.
  std::optional<std::string> after_event_id;  ///< Exclusive; ignored with `from_event_id`.
  std::optional<std::string> to_event_id;     ///< Inclusive.
  std::optional<read_order> order;            ///< Unset: ascending.
  bool include_sensitive_data = false;        ///< true: ask for the sensitive data as stored.
};

/// @brief Time buckets by names: tenant, data core id, flow type and event type names.
/// `POST /api/v1/time-buckets/by-names`.
struct events_fetch_time_buckets_by_names {
  using result_type = time_bucket_page;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "events_fetch_time_buckets_by_names";
  static constexpr bool idempotent = true;      ///< Whether a retry may resend what the server got.
  std::string tenant;                           ///< The tenant's name.
  std::string data_core_id;                     ///< The data core's id.
  std::string flow_type;                        ///< The flow type's name.
  std::vector<std::string> event_types;         ///< Event type names; at least one.
  std::optional<std::int64_t> cursor;           ///< From a previous page's `next_cursor`.
  std::optional<int> page_size;                 ///< Positive; unset: the server's default.
  std::optional<std::string> from_time_bucket;  ///< Inclusive.
  std::optional<std::string> to_time_bucket;    ///< Inclusive.
};

/// @brief Events of one time bucket by names. `POST /api/v1/events`.
struct events_fetch {
  using result_type = event_page;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "events_fetch";
  static constexpr bool idempotent = true;    ///< Whether a retry may resend what the server got.
  std::string tenant;                         ///< The tenant's name.
  std::string data_core_id;                   ///< The data core's id.
  std::string flow_type;                      ///< The flow type's name.
  std::vector<std::string> event_types;       ///< Event type names; at least one.
  std::string time_bucket;                    ///< `YYYYMMDDhh0000`: the bucket to read.
  std::optional<std::string> cursor;          ///< From a previous page's `next_cursor`.
  std::optional<int> page_size;               ///< Positive; unset: the server's default.
  std::optional<std::string> from_event_id;   ///< Inclusive.
  std::optional<std::string> after_event_id;  ///< Exclusive; ignored with `from_event_id`.
  std::optional<std::string> to_event_id;     ///< Inclusive.
  bool include_sensitive_data = false;        ///< true: ask for the sensitive data as stored.
};

}  // namespace flowcore
