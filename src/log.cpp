// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "logging.hpp"

namespace flowcore {

std::string_view to_string(log_level level) noexcept {
  switch (level) {
    case log_level::debug:
      return "debug";
    case log_level::info:
      return "info";
    case log_level::warning:
      return "warning";
    case log_level::error:
      return "error";
  }
  return "unknown";
}

namespace detail {

void log_line(const logger& log, log_level level, std::string_view line) {
  if (!log.sink || level < log.level) return;
  try {
    log.sink(level, line);
  } catch (...) {
    // A throwing sink must not turn a log line into a failed call.
  }
}

}  // namespace detail
}  // namespace flowcore
