// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief ApiKey commands (`tenant-store.api`) and their results.
///
/// Create, list, fetch, edit and delete need bearer credentials; with an API key they fail
/// with `fc::error::not_allowed_in_mode` before any I/O. The two validate commands work in
/// both modes. None is retried by default (docs/protocol.md section 6.2): a request is
/// re-sent only when it provably never reached the server. The result types avoid the name
/// `fc::api_key`, which is the credentials type.

#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief An API key as listed: the key itself is masked.
struct api_key_info {
  std::string id;                           ///< The key's id (not the key).
  std::string tenant_id;                    ///< The id of the tenant it belongs to.
  std::string name;                         ///< Unique within the tenant.
  std::string description;                  ///< Free text; may be empty.
  std::string masked_api_key;               ///< "fc_0b4c1d2e********"
  std::string created_at;                   ///< ISO-8601 text, as the server sent it.
  std::optional<std::string> last_used_at;  ///< ISO-8601 text; unset if never used.
};

/// @brief A new API key: `api_key_info` plus the full key, shown this once.
struct api_key_created : api_key_info {
  std::string api_key;  ///< "fc_<id>_<secret>": a secret, never logged by the library.
};

/// @brief The answer of `api_key_validate` and `api_key_validate_with_tenant_id`.
struct api_key_validation {
  bool valid = false;  ///< Whether the key is valid (for the tenant, if one was given).
  std::optional<std::string> api_key_id;  ///< Set when valid.
  std::optional<std::string> tenant_id;   ///< Set when valid.
};

/// @brief Creates an API key in a tenant. `POST /api/v1/api-keys`. Bearer only.
/// 404: the tenant does not exist (`http_status`); 409: the name is taken.
struct api_key_create {
  using result_type = flowcore::api_key_created;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "api_key_create";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                     ///< The tenant's id.
  std::string name;                          ///< The key's name, unique within the tenant.
  std::optional<std::string> description;    ///< Omitted when unset.
};

/// @brief Lists a tenant's API keys. `GET /api/v1/api-keys?tenantId=`. Bearer only.
struct api_key_list {
  using result_type = std::vector<flowcore::api_key_info>;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "api_key_list";
  /// Whether a retry may resend what the server got.
  static constexpr bool idempotent = false;  // all tenant-store commands (docs/protocol.md 7.1)
  std::string tenant_id;                     ///< The tenant's id.
};

/// @brief Fetches one API key. `GET /api/v1/api-keys/{apiKeyId}`. Bearer only.
/// 404: `not_found`.
struct api_key_fetch {
  using result_type = flowcore::api_key_info;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "api_key_fetch";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string api_key_id;                    ///< The key's id.
};

/// @brief Sets an API key's description. `PATCH /api/v1/api-keys/{apiKeyId}`. Bearer only.
struct api_key_edit {
  using result_type = flowcore::api_key_info;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "api_key_edit";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string api_key_id;                    ///< The key's id.
  std::string description;                   ///< May be empty.
};

/// @brief Deletes an API key. `DELETE /api/v1/api-keys/{apiKeyId}`. Bearer only.
/// Any 2xx gives true, whatever its body.
struct api_key_delete {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "api_key_delete";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string api_key_id;                    ///< The key's id.
};

/// @brief Asks whether a key is valid. `POST /api/v1/api-keys/validate`. Both modes.
/// The key is hidden in this call's logs and diagnostics.
struct api_key_validate {
  using result_type = flowcore::api_key_validation;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "api_key_validate";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string api_key;                       ///< "fc_<id>_<secret>"
};

/// @brief Asks whether a key is valid for a tenant.
/// `POST /api/v1/api-keys/validate-with-tenant-id`. Both modes.
struct api_key_validate_with_tenant_id {
  using result_type = flowcore::api_key_validation;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "api_key_validate_with_tenant_id";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string api_key;                       ///< "fc_<id>_<secret>"
  std::string tenant_id;                     ///< The tenant's id.
};

}  // namespace flowcore
