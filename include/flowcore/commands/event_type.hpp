// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief EventType commands (`event-type-2.api`; request-delete and request-truncate on
/// `delete-manager`; both credential modes) and their result.

#include <flowcore/read_order.hpp>
#include <flowcore/wait.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief Which payload fields of an event type hold sensitive data.
struct sensitive_data_mask {
  std::string key;     ///< The payload field that identifies the subject, e.g. "customerId".
  std::string schema;  ///< JSON text of an object, e.g. {"email":"string","name":true}.
};

/// @brief An event type inside a flow type.
struct event_type {
  std::string id;                         ///< The event type's id.
  std::string tenant_id;                  ///< The id of its tenant.
  std::string data_core_id;               ///< The id of its data core.
  std::string flow_type_id;               ///< The id of its flow type.
  std::string name;                       ///< The event type's name.
  std::string description;                ///< Free text; may be empty.
  std::string created_at;                 ///< ISO-8601 text, as the server sent it.
  std::optional<std::string> updated_at;  ///< Null until the first update.
  bool is_truncating = false;             ///< A truncation was requested and is under way.
  bool is_deleting = false;               ///< A deletion was requested and is under way.
  std::optional<flowcore::sensitive_data_mask> sensitive_data_mask;  ///< Unset if it has none.
  std::optional<bool> sensitive_data_enabled;  ///< Unset when the server left it out.
};

/// @brief Creates an event type. `POST /api/v1/event-types`. Not idempotent: re-sent only
/// when nothing reached the server. A mask schema that is not a JSON object is
/// `invalid_argument` (nothing is sent).
struct event_type_create {
  using result_type = flowcore::event_type;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_create";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string flow_type_id;                  ///< The flow type's id.
  std::string name;                          ///< The new event type's name.
  std::string description;                   ///< Sent as is; may be empty.
  std::optional<flowcore::sensitive_data_mask> sensitive_data_mask;  ///< Omitted when unset.
  std::optional<bool> sensitive_data_enabled;                        ///< Omitted when unset.
};

/// @brief Fetches one event type: by `event_type_id`, else by `flow_type_id` +
/// `event_type` (its name). 404 or no match: `not_found`.
struct event_type_fetch {
  using result_type = flowcore::event_type;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_fetch";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string event_type_id;                ///< By id; wins over the other fields.
  std::string flow_type_id;                 ///< The flow type's id, with event_type.
  std::string event_type;                   ///< The event type's name, with flow_type_id.
};

/// @brief Lists the event types of a flow type. `GET /api/v1/event-types?flowTypeId=`.
struct event_type_list {
  using result_type = std::vector<flowcore::event_type>;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_list";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string flow_type_id;                 ///< The flow type's id.
};

/// @brief Updates the set fields (none set: an empty update, which is allowed).
/// `PATCH /api/v1/event-types/{eventTypeId}`.
struct event_type_update {
  using result_type = flowcore::event_type;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_update";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string event_type_id;                ///< The event type's id.
  std::optional<std::string> description;   ///< Unchanged when unset.
  std::optional<flowcore::sensitive_data_mask> sensitive_data_mask;  ///< Unchanged when unset.
  std::optional<bool> sensitive_data_enabled;                        ///< Unchanged when unset.
};

/// @brief Whether an event type exists. `GET /api/v1/event-types/{eventTypeId}/exists`.
struct event_type_exists {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_exists";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string event_type_id;                ///< The event type's id.
};

/// @brief Requests deletion of an event type (and its events) and, by default, waits until
/// it is gone; see `data_core_request_delete` for the wait, errors and cancellation.
struct event_type_request_delete {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_request_delete";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant;         ///< The tenant's name (drives the dedicated-tenant lookup).
  std::string event_type_id;  ///< The event type's id.
  bool wait = true;           ///< false: return right after the request is accepted.
  flowcore::wait_options wait_options = {};  ///< Poll interval and cap of the wait.
};

/// @brief Requests truncation of an event type's stored events and, by default, waits
/// until the truncation has started (`isTruncating` true; docs/protocol.md section 9.3),
/// checking at once and every poll interval, with the same cap, errors and cancellation as
/// deletes.
/// To wait for its end, poll `event_type_fetch` until `is_truncating` is false.
struct event_type_request_truncate {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_request_truncate";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant;         ///< The tenant's name (drives the dedicated-tenant lookup).
  std::string event_type_id;  ///< The event type's id.
  bool wait = true;           ///< false: return right after the request is accepted.
  flowcore::wait_options wait_options = {};  ///< Poll interval and cap of the wait.
};

/// @brief How sensitive data is removed from stored events.
enum class sensitive_data_removal_type {
  remove,    ///< "remove": the fields are deleted.
  scramble,  ///< "scramble": the fields are overwritten.
};

/// @brief The answer of `event_type_remove_sensitive_data`.
struct sensitive_data_removal_result {
  bool success = false;  ///< The server's `success` flag.
  std::string id;        ///< The removal record's id.
};

/// @brief One removal record.
struct removed_sensitive_data {
  std::string id;             ///< The record's id.
  std::string tenant_id;      ///< The id of the event type's tenant.
  std::string data_core_id;   ///< The id of the event type's data core.
  std::string flow_type_id;   ///< The id of the event type's flow type.
  std::string event_type_id;  ///< The event type's id.
  std::string application;    ///< Who asked, as sent in the request.
  std::string parent_key;     ///< The subject, as sent in the request.
  std::string key;            ///< The `key` sent in the request.
  std::string type;           ///< "remove" or "scramble" (kept as text: the server may add kinds).
  std::string created_at;     ///< ISO-8601 text, as the server sent it.
};

/// @brief Paging of `removed_sensitive_data_page`.
struct removed_sensitive_data_pagination {
  std::int64_t page = 1;           ///< This page's number, from 1.
  std::int64_t page_size = 20;     ///< Records per page.
  bool has_next_page = false;      ///< Whether a later page exists.
  bool has_previous_page = false;  ///< Whether an earlier page exists.
};

/// @brief One page of removal records.
struct removed_sensitive_data_page {
  std::vector<removed_sensitive_data> data;      ///< The records of this page.
  removed_sensitive_data_pagination pagination;  ///< Where this page is.
};

/// @brief Removes (or scrambles) the sensitive data of one subject from an event type's
/// stored events. `POST /api/v1/event-types/sensitive-data/remove`. 404: unknown event
/// type (`http_status`).
struct event_type_remove_sensitive_data {
  using result_type = flowcore::sensitive_data_removal_result;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_remove_sensitive_data";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string event_type_id;                ///< The event type's id.
  std::string application;                  ///< Who asked, for the record.
  std::string parent_key;                   ///< The subject, e.g. the customer id.
  std::string key;                          ///< Sent as the request's `key`; required.
  /// Remove (the default) or scramble.
  sensitive_data_removal_type type = sensitive_data_removal_type::remove;
};

/// @brief Lists a tenant's removal records, filtered by the set fields.
/// `GET /api/v1/event-types/sensitive-data/{tenantId}`. 404: unknown tenant (`http_status`).
struct event_type_list_removed_sensitive_data {
  using result_type = flowcore::removed_sensitive_data_page;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "event_type_list_removed_sensitive_data";
  static constexpr bool idempotent = true;   ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::optional<std::string> data_core_id;   ///< No filter when unset.
  std::optional<std::string> flow_type_id;   ///< No filter when unset.
  std::optional<std::string> event_type_id;  ///< No filter when unset.
  std::optional<std::string> parent_key;     ///< No filter when unset.
  std::optional<std::string> application;    ///< No filter when unset.
  std::optional<std::int64_t> page;          ///< From 1 (the server's default).
  std::optional<std::int64_t> page_size;     ///< 1..1000 (server default 20).
  std::optional<sensitive_data_removal_type> type;  ///< No filter when unset.
  std::optional<read_order> sort;                   ///< By creation time.
  std::optional<std::string> created_at_from;       ///< ISO-8601, inclusive.
  std::optional<std::string> created_at_to;         ///< ISO-8601, inclusive.
};

}  // namespace flowcore
