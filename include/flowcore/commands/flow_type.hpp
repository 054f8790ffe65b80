// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief FlowType commands (`flow-type-2.api`; request-delete on `delete-manager`; both
/// credential modes) and their result.

#include <flowcore/wait.hpp>

#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief A flow type: a stream of related event types inside a data core.
struct flow_type {
  std::string id;            ///< The flow type's id.
  std::string tenant_id;     ///< The id of its tenant.
  std::string data_core_id;  ///< The id of its data core.
  std::string name;          ///< The flow type's name.
  std::string description;   ///< Free text; may be empty.
  bool is_deleting = false;  ///< A deletion was requested and is under way.
};

/// @brief Creates a flow type. `POST /api/v1/flow-types`. Not idempotent: re-sent only
/// when nothing reached the server. An unknown data core is `http_status` 404.
struct flow_type_create {
  using result_type = flowcore::flow_type;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "flow_type_create";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string data_core_id;                  ///< The data core's id.
  std::string name;                          ///< The new flow type's name.
  std::string description;                   ///< Sent as is; may be empty.
};

/// @brief Fetches one flow type: by `flow_type_id`, else by `data_core_id` + `flow_type`
/// (its name). 404 or no match: `not_found`.
struct flow_type_fetch {
  using result_type = flowcore::flow_type;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "flow_type_fetch";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string flow_type_id;                 ///< By id; wins over the other fields.
  std::string data_core_id;                 ///< The data core's id, with flow_type.
  std::string flow_type;                    ///< The flow type's name, with data_core_id.
};

/// @brief Lists the flow types of a data core. `GET /api/v1/flow-types?dataCoreId=`.
struct flow_type_list {
  using result_type = std::vector<flowcore::flow_type>;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "flow_type_list";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string data_core_id;                 ///< The data core's id.
};

/// @brief Updates a flow type's description (unset: an empty update, which is allowed).
/// `PATCH /api/v1/flow-types/{flowTypeId}`.
struct flow_type_update {
  using result_type = flowcore::flow_type;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "flow_type_update";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string flow_type_id;                 ///< The flow type's id.
  std::optional<std::string> description;   ///< Unchanged when unset.
};

/// @brief Whether a flow type exists. `GET /api/v1/flow-types/{flowTypeId}/exists`.
struct flow_type_exists {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "flow_type_exists";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string flow_type_id;                 ///< The flow type's id.
};

/// @brief Requests deletion of a flow type (with its event types) and, by default, waits
/// until it is gone; see `data_core_request_delete` for the wait, errors and cancellation.
struct flow_type_request_delete {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "flow_type_request_delete";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant;        ///< The tenant's name (drives the dedicated-tenant lookup).
  std::string flow_type_id;  ///< The flow type's id.
  bool wait = true;          ///< false: return right after the request is accepted.
  flowcore::wait_options wait_options = {};  ///< Poll interval and cap of the wait.
};

}  // namespace flowcore
