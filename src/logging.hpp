// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Writing to a fc::logger. Callers build lines from an allowlist (method, host, path,
// status, attempt, elapsed) and never pass a token, key, header or body.

#include <flowcore/log.hpp>

#include <string_view>

namespace flowcore::detail {

/// True when a line at `level` would reach the sink: lets callers skip building it.
inline bool log_enabled(const logger& log, log_level level) {
  return log.sink && level >= log.level;
}

/// Hands `line` to the sink if the level passes; a throwing sink is ignored.
void log_line(const logger& log, log_level level, std::string_view line);

}  // namespace flowcore::detail
