// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief Secret commands (`tenant-store.api`) and their result.
///
/// Bearer credentials only: with an API key every command fails with
/// `fc::error::not_allowed_in_mode` before any I/O. None is retried by default
/// (docs/protocol.md section 6.3): a request is re-sent only when it provably never reached
/// the server. A secret's value is hidden in the call's logs and diagnostics.

#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief A secret, without its value (the server never returns it).
struct secret {
  std::string tenant_id;                  ///< The id of its tenant.
  std::string key;                        ///< The secret's name, unique within the tenant.
  std::string description;                ///< Free text; may be empty.
  std::string created_at;                 ///< ISO-8601 text, as the server sent it.
  std::optional<std::string> updated_at;  ///< Unset until the first edit.
};

/// @brief Creates a secret in a tenant. `POST /api/v1/tenants/{tenantId}/secrets`.
/// 404: the tenant does not exist (`http_status`); 409: the key is taken.
struct secret_create {
  using result_type = flowcore::secret;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "secret_create";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string key;                           ///< The new secret's name.
  std::string value;                         ///< May be empty. Hidden in logs and diagnostics.
  std::optional<std::string> description;    ///< Omitted when unset.
};

/// @brief Lists a tenant's secrets. `GET /api/v1/tenants/{tenantId}/secrets`.
struct secret_list {
  using result_type = std::vector<flowcore::secret>;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "secret_list";
  /// Whether a retry may resend what the server got.
  static constexpr bool idempotent = false;  // all tenant-store commands (docs/protocol.md 7.1)
  std::string tenant_id;                     ///< The tenant's id.
};

/// @brief Fetches one secret. `GET /api/v1/tenants/{tenantId}/secrets/{key}`.
/// 404: `not_found`.
struct secret_fetch {
  using result_type = flowcore::secret;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "secret_fetch";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string key;                           ///< The secret's key.
};

/// @brief Changes a secret's value and/or description (the set fields).
/// `PATCH /api/v1/tenants/{tenantId}/secrets/{key}`.
struct secret_edit {
  using result_type = flowcore::secret;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "secret_edit";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string key;                           ///< The secret's key.
  std::optional<std::string> value;  ///< Unchanged when unset. Hidden in logs and diagnostics.
  std::optional<std::string> description;  ///< Unchanged when unset.
};

/// @brief Deletes a secret. `DELETE /api/v1/tenants/{tenantId}/secrets/{key}`.
/// Any 2xx gives true, whatever its body.
struct secret_delete {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "secret_delete";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string key;                           ///< The secret's key.
};

}  // namespace flowcore
