// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The stub's state on disk (server_options::state_file): tenants, API keys, secrets,
// variables, data cores, flow types, event types, the sensitive-data log, the seeded
// tenant's id and where a seeded id sequence stands, as one versioned JSON document. A
// restarted stub reads it back and answers with the ids its clients already hold.
//
// Events are not in it: a stub may store many thousands, and a file rewritten after every
// change would then cost a copy of all of them per ingested event. Faults, pending
// delete/truncate timers, sockets and recorded requests belong to a run, not to the state.
// When to save is the dispatcher's business; this file only knows the format.

#include <filesystem>
#include <utility>

namespace flowcore::stub::detail {

class state;

class state_file {
 public:
  /// The version this stub writes and the only one it reads.
  static constexpr int version = 1;

  explicit state_file(std::filesystem::path path) : path_(std::move(path)) {}
  const std::filesystem::path& path() const { return path_; }

  /// Replaces `model`'s tenants, tenant store, resources and sensitive-data log with the
  /// file's, drops its events, and answers true; answers false, the model untouched, when
  /// no file exists. A seeded generator whose seed is the file's goes on where the file's
  /// sequence stopped. Deletions and truncations the file shows pending are complete
  /// after it: their timers did not survive the restart, and a client may be waiting for
  /// them. Throws std::runtime_error "state file PATH: what is wrong" for a file that
  /// cannot be read or is not a valid state file of this version; the model is untouched
  /// then.
  bool load(state& model) const;

  /// Writes the model to a temporary file beside the file and renames it over the file,
  /// so a reader (or a stub restarted after SIGKILL) finds the old state or the new one,
  /// never half of one. Only the owner may read it: it holds API keys and secret values.
  /// Throws std::runtime_error "state file PATH: what failed".
  void save(const state& model) const;

 private:
  std::filesystem::path path_;
};

}  // namespace flowcore::stub::detail
