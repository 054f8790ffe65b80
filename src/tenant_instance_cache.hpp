// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The per-client tenant-instance cache (docs/protocol.md section 2.4): entries live 60 s,
// at most 1024 (the oldest is evicted), failures are never stored, and concurrent misses
// for one tenant share one lookup. Time is passed in, so tests need no clock.

#include <flowcore/commands/tenant.hpp>
#include <flowcore/error.hpp>

#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace flowcore::detail {

class tenant_instance_cache {
 public:
  using clock = std::chrono::steady_clock;
  static constexpr std::chrono::seconds time_to_live{60};
  static constexpr std::size_t max_entries = 1024;

  /// A fresh entry, or nullopt (absent or expired; an expired entry is dropped).
  std::optional<tenant_instance> find(const std::string& key, clock::time_point now);
  /// Stores a successful lookup, evicting the oldest entry when full.
  void store(const std::string& key, tenant_instance value, clock::time_point now);
  std::size_t size() const noexcept { return entries_.size(); }

  /// A lookup in progress: followers wait on `done` and then read the outcome.
  struct pending {
    explicit pending(boost::asio::any_io_executor ex) : done(ex) {}
    boost::asio::steady_timer done;  // cancelled by the leader when it finishes
    bool finished = false;
    boost::system::error_code ec;
    diagnostics diag;
    std::optional<tenant_instance> value;
  };
  /// The lookup in flight for `key`, if any.
  std::shared_ptr<pending> in_flight(const std::string& key) const;
  /// Registers a new lookup for `key` and returns it: the caller is its leader.
  std::shared_ptr<pending> begin(const std::string& key, boost::asio::any_io_executor ex);
  /// The leader is done: records the outcome, wakes the followers, stores a success.
  void finish(const std::string& key, const std::shared_ptr<pending>& p, clock::time_point now);

 private:
  struct entry {
    tenant_instance value;
    clock::time_point stored;
  };
  std::map<std::string, entry> entries_;
  std::map<std::string, std::shared_ptr<pending>> in_flight_;
};

}  // namespace flowcore::detail
