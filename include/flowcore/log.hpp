// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::logger`: a level and a callable sink; silent by default.

#include <functional>
#include <string_view>

namespace flowcore {

/// @brief Severity of a log line. Lifecycle at debug, retries and reconnects at info,
/// dropped frames at warning, terminal failures at error.
enum class log_level { debug, info, warning, error };

/// @brief Where the library's log lines go.
///
/// Lines are built from an allowlist (method, host, path, status, attempt, elapsed):
/// no token, key, secret value, `Authorization` header or body ever reaches the sink.
/// The sink is called on the executor of the object that logs, never concurrently by
/// one client.
struct logger {
  log_level level = log_level::info;                           ///< Lines below it are skipped.
  std::function<void(log_level, std::string_view line)> sink;  ///< Empty: silent.
};

/// @brief "debug", "info", "warning" or "error".
std::string_view to_string(log_level level) noexcept;

}  // namespace flowcore
