// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Every text the library hands out in this process (log lines, what(), diagnostics) is
// shown to one watch, which keeps the ones carrying a secret. The suites feed it through
// their shared helpers; a global fixture (main.cpp) fails the run at the end naming each
// offending text, so a leak in any suite is caught even where that test never looked.
//
// Texts are scanned as they arrive and only offenders are kept: memory stays flat and the
// cost is one substring search per line.

#include <flowcore/error.hpp>
#include <flowcore/log.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::test {

class secret_watch {
 public:
  /// Every fake secret the suites use (test_key, test_token in stub_fixture.hpp) contains
  /// this marker, including the key's bare secret part "SECRETMARKER0123456789" on its own.
  static constexpr std::string_view marker = "SECRETMARKER";

  /// The watch of this process.
  static secret_watch& global() {
    static secret_watch watch;
    return watch;
  }

  /// Shows `text` to the watch; `source` says where it came from ("log", "what()", ...).
  void see(std::string_view source, std::string_view text) {
    const bool leaked = text.find(marker) != std::string_view::npos;
    std::lock_guard lock(mutex_);
    ++seen_;
    if (leaked) offenders_.push_back(std::string(source) + ": " + std::string(text));
  }

  /// Every string of `diag`, and what() of the error made of it.
  void see(boost::system::error_code ec, const flowcore::diagnostics& diag) {
    see("diagnostics.message", diag.message);
    see("diagnostics.server_message", diag.server_message);
    see("diagnostics.phase", diag.phase);
    see("diagnostics.command", diag.command);
    if (ec) see("what()", flowcore::client_error(ec, diag).what());
  }

  std::uint64_t seen() const {
    std::lock_guard lock(mutex_);
    return seen_;
  }
  std::vector<std::string> offenders() const {
    std::lock_guard lock(mutex_);
    return offenders_;
  }

  /// A logger at debug whose every line goes to the watch; with FLOWCORE_TEST_LOG set,
  /// also to stderr.
  flowcore::logger logger() {
    return flowcore::logger{.level = flowcore::log_level::debug,
                            .sink = [this, print = std::getenv("FLOWCORE_TEST_LOG") != nullptr](
                                        flowcore::log_level, std::string_view line) {
                              see("log", line);
                              if (print)
                                std::fprintf(stderr, "%.*s\n", int(line.size()), line.data());
                            }};
  }

 private:
  mutable std::mutex mutex_;
  std::uint64_t seen_ = 0;
  std::vector<std::string> offenders_;
};

}  // namespace flowcore::test
