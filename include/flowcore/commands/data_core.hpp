// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief DataCore commands (`data-core-2.api`; request-delete on `delete-manager`; both
/// credential modes) and their result.

#include <flowcore/wait.hpp>

#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief Who may read a data core.
enum class access_control {
  public_access,   ///< "public"
  private_access,  ///< "private"
};

/// @brief A data core.
struct data_core {
  std::string id;           ///< The data core's id.
  std::string tenant_id;    ///< The id of its tenant.
  std::string tenant;       ///< The tenant's name.
  std::string name;         ///< The data core's name.
  std::string description;  ///< Free text; may be empty.
  /// Who may read it.
  flowcore::access_control access_control = flowcore::access_control::private_access;
  bool delete_protection = false;    ///< While true, deletion is refused (409).
  bool is_deleting = false;          ///< A deletion was requested and is under way.
  bool is_flowcore_managed = false;  ///< Whether Flowcore itself manages it.
  std::vector<std::string> access;   ///< In list answers, e.g. {"read","write","fetch","ingest"}.
};

/// @brief Creates a data core. `POST /api/v1/data-cores`. Not idempotent: re-sent only
/// when nothing reached the server. 404: the tenant does not exist (`http_status`).
struct data_core_create {
  using result_type = flowcore::data_core;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "data_core_create";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string name;                          ///< The new data core's name.
  std::string description;                   ///< Sent as is; may be empty.
  /// Who may read it.
  flowcore::access_control access_control = flowcore::access_control::private_access;
  bool delete_protection = false;           ///< true: deletion is refused until turned off.
  std::optional<bool> is_flowcore_managed;  ///< Omitted when unset.
};

/// @brief Fetches one data core: by `data_core_id`; else by `tenant_id` + `data_core`
/// (its name); else by `tenant` (name) + `data_core`. 404 or no match: `not_found`.
struct data_core_fetch {
  using result_type = flowcore::data_core;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "data_core_fetch";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string data_core_id;                 ///< By id; wins over the other fields.
  std::string tenant_id;                    ///< The tenant's id, with data_core.
  std::string tenant;                       ///< The tenant's name, with data_core.
  std::string data_core;                    ///< The data core's name, with tenant_id or tenant.
};

/// @brief Lists data cores, filtered by whichever of the fields are set.
/// `GET /api/v1/data-cores?tenantId=&tenant=&name=`.
struct data_core_list {
  using result_type = std::vector<flowcore::data_core>;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "data_core_list";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::optional<std::string> tenant_id;     ///< The tenant's id; no filter when unset.
  std::optional<std::string> tenant;        ///< The tenant's name; no filter when unset.
  std::optional<std::string> name;          ///< The data core's name; no filter when unset.
};

/// @brief Updates the set fields; none set is `invalid_argument` (nothing is sent).
/// `PATCH /api/v1/data-cores/{dataCoreId}`.
struct data_core_update {
  using result_type = flowcore::data_core;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "data_core_update";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string data_core_id;                 ///< The data core's id.
  std::optional<std::string> description;   ///< Unchanged when unset.
  std::optional<flowcore::access_control> access_control;  ///< Unchanged when unset.
  std::optional<bool> delete_protection;                   ///< Unchanged when unset.
};

/// @brief Whether a data core exists. `GET /api/v1/data-cores/{dataCoreId}/exists`.
struct data_core_exists {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "data_core_exists";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string data_core_id;                 ///< The data core's id.
};

/// @brief Requests deletion of a data core (with its flow types, event types and events)
/// and, by default, waits until it is gone (docs/protocol.md section 9): checks `exists` at
/// once and every `wait_options.poll_interval`; at `wait_options.cap` fails with
/// `fc::error::wait_timeout` (the deletion was accepted and may still complete). Returns
/// the request's `success`; `false` is returned without waiting.
/// @par Errors
/// `not_found` (unknown data core or tenant), `http_status` 409 (delete protected),
/// `wait_timeout`, `cancelled` (stops the wait at once), and every transport error.
struct data_core_request_delete {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "data_core_request_delete";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant;        ///< The tenant's name (drives the dedicated-tenant lookup).
  std::string data_core_id;  ///< The data core's id.
  bool wait = true;          ///< false: return right after the request is accepted.
  flowcore::wait_options wait_options = {};  ///< Poll interval and cap of the wait.
};

}  // namespace flowcore
