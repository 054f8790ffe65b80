// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief Variable commands (`tenant-store.api`) and their result.
///
/// Bearer credentials only: with an API key every command fails with
/// `fc::error::not_allowed_in_mode` before any I/O. None is retried by default
/// (docs/protocol.md section 6.3): a request is re-sent only when it provably never reached
/// the server.

#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief A variable, with its value.
struct variable {
  std::string tenant_id;                  ///< The id of its tenant.
  std::string key;                        ///< The variable's name, unique within the tenant.
  std::string description;                ///< Free text; may be empty.
  std::string value;                      ///< The value, as stored.
  std::string created_at;                 ///< ISO-8601 text, as the server sent it.
  std::optional<std::string> updated_at;  ///< Unset until the first edit.
};

/// @brief Creates a variable in a tenant. `POST /api/v1/tenants/{tenantId}/variables`.
/// 404: the tenant does not exist (`http_status`); 409: the key is taken.
struct variable_create {
  using result_type = flowcore::variable;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "variable_create";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string key;                           ///< The new variable's name.
  std::string value;                         ///< May be empty.
  std::optional<std::string> description;    ///< Omitted when unset.
};

/// @brief Lists a tenant's variables. `GET /api/v1/tenants/{tenantId}/variables`.
struct variable_list {
  using result_type = std::vector<flowcore::variable>;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "variable_list";
  /// Whether a retry may resend what the server got.
  static constexpr bool idempotent = false;  // all tenant-store commands (docs/protocol.md 7.1)
  std::string tenant_id;                     ///< The tenant's id.
};

/// @brief Fetches one variable. `GET /api/v1/tenants/{tenantId}/variables/{key}`.
/// 404: `not_found`.
struct variable_fetch {
  using result_type = flowcore::variable;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "variable_fetch";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string key;                           ///< The variable's key.
};

/// @brief Changes a variable's value and/or description (the set fields).
/// `PATCH /api/v1/tenants/{tenantId}/variables/{key}`.
struct variable_edit {
  using result_type = flowcore::variable;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "variable_edit";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string key;                           ///< The variable's key.
  std::optional<std::string> value;          ///< Unchanged when unset.
  std::optional<std::string> description;    ///< Unchanged when unset.
};

/// @brief Deletes a variable. `DELETE /api/v1/tenants/{tenantId}/variables/{key}`.
/// Any 2xx gives true, whatever its body.
struct variable_delete {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "variable_delete";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string key;                           ///< The variable's key.
};

}  // namespace flowcore
