// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief Tenant commands (`tenant.api`, both credential modes) and their results.

#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief Configuration of a dedicated tenant.
struct tenant_dedicated_configuration {
  std::string domain;                  ///< Dedicated services are at `https://<service>.<domain>`.
  std::string configuration_repo_url;  ///< The repository the tenant's configuration is kept in.
  std::optional<std::string> configuration_repo_credentials;  ///< A secret: never logged.
};

/// @brief Dedicated-tenant details.
struct tenant_dedicated {
  std::string status;                            ///< Open set: "ready", "degraded", "offline", ...
  tenant_dedicated_configuration configuration;  ///< Its domain and configuration repository.
};

/// @brief A tenant.
struct tenant {
  std::string id;             ///< The tenant's id.
  std::string name;           ///< The tenant's name (its slug), unique.
  std::string display_name;   ///< The name to show.
  std::string description;    ///< Free text.
  std::string website_url;    ///< The tenant's website.
  bool is_dedicated = false;  ///< Whether the tenant runs on dedicated services.
  /// Dedicated details; unset when the server sent null.
  std::optional<tenant_dedicated> dedicated;
  std::optional<bool> sensitive_data_enabled;  ///< Unset when the server left it out.
  std::optional<bool> configured;              ///< Unset when the server left it out.
};

/// @brief One entry of `tenant_list`.
struct tenant_list_item {
  std::string id;                        ///< The tenant's id.
  std::string name;                      ///< The tenant's name (its slug), unique.
  std::string display_name;              ///< The name to show.
  std::string description;               ///< Free text.
  std::string website_url;               ///< The tenant's website.
  bool is_dedicated = false;             ///< Whether the tenant runs on dedicated services.
  bool sensitive_data_enabled = false;   ///< Whether sensitive-data handling is on.
  std::optional<std::string> domain;     ///< A dedicated tenant's domain; unset if null.
  std::vector<std::string> permissions;  ///< What the credentials may do there.
};

/// @brief Where a dedicated tenant's services live.
struct tenant_instance_details {
  std::string status;  ///< Open set, e.g. "ready".
  std::string domain;  ///< Dedicated services are at `https://<service>.<domain>`.
};

/// @brief Whether a tenant is dedicated, and where.
struct tenant_instance {
  bool is_dedicated = false;  ///< Whether the tenant runs on dedicated services.
  std::optional<tenant_instance_details> instance;  ///< Unset when the server sent null.
};

/// @brief A tenant's id and name.
struct tenant_name_id {
  std::string id;    ///< The tenant's id.
  std::string name;  ///< The tenant's name.
};

/// @brief Public preview of a tenant.
struct tenant_preview_info {
  std::string display_name;  ///< The name to show.
  std::string website_url;   ///< The tenant's website.
  std::string description;   ///< Free text.
};

/// @brief Fetches one tenant, by id (`tenant_id`) or by name (`tenant`); set exactly one.
/// `GET /api/v1/tenants/by-id/{tenantId}` or `/by-name/{tenant}`. 404: `not_found`.
struct tenant_fetch {
  using result_type = flowcore::tenant;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_fetch";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                    ///< By id.
  std::string tenant;                       ///< By name.
};

/// @brief Lists the tenants the credentials can see. `GET /api/v1/tenants/list`.
struct tenant_list {
  using result_type = std::vector<flowcore::tenant_list_item>;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_list";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
};

/// @brief Whether a tenant is dedicated and its domain; by name (`tenant`) or id
/// (`tenant_id`), exactly one. Answers are cached per client for 60 s (at most 1024
/// tenants; failures are not cached) and concurrent misses share one request.
struct tenant_instance_fetch {
  using result_type = flowcore::tenant_instance;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_instance_fetch";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                    ///< By id.
  std::string tenant;                       ///< By name.
};

/// @brief Translates a tenant name to its id.
/// `GET /api/v1/tenants/translate-name-to-id/{tenant}`. 404: `not_found`.
struct tenant_translate_name_to_id {
  using result_type = flowcore::tenant_name_id;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_translate_name_to_id";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant;                       ///< The tenant's name.
};

/// @brief Public preview of a tenant. `GET /api/v1/tenants/preview/{name}`. 404: `not_found`.
struct tenant_preview {
  using result_type = flowcore::tenant_preview_info;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_preview";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string name;                         ///< The tenant's name.
};

/// @brief Creates a tenant. `POST /api/v1/tenants`. Not idempotent: re-sent only when
/// nothing reached the server.
struct tenant_create {
  using result_type = flowcore::tenant;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_create";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_slug;                   ///< The new tenant's name.
  std::optional<std::string> description;    ///< Omitted when unset.
  std::optional<std::string> display_name;   ///< Omitted when unset.
};

/// @brief Updates a tenant's descriptive fields; at least one must be set, else
/// `invalid_argument` (nothing is sent). `PATCH /api/v1/tenants/{tenantId}`.
struct tenant_update {
  using result_type = flowcore::tenant;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_update";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                    ///< The tenant's id.
  std::optional<std::string> description;   ///< Unchanged when unset.
  std::optional<std::string> display_name;  ///< Unchanged when unset.
  std::optional<std::string> website;       ///< The website URL; unchanged when unset.
};

/// @brief Enables sensitive-data handling for a tenant; returns the new setting.
/// `POST /api/v1/tenants/{tenantId}/enable-sensitive-data`.
struct tenant_enable_sensitive_data {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_enable_sensitive_data";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                    ///< The tenant's id.
};

/// @brief Disables sensitive-data handling for a tenant; returns the new setting.
/// `POST /api/v1/tenants/{tenantId}/disable-sensitive-data`.
struct tenant_disable_sensitive_data {
  using result_type = bool;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "tenant_disable_sensitive_data";
  static constexpr bool idempotent = true;  ///< Whether a retry may resend what the server got.
  std::string tenant_id;                    ///< The tenant's id.
};

}  // namespace flowcore
