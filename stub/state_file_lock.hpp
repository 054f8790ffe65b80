// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One stub per state file: two stubs on one file would each overwrite the other's changes,
// and a client of either would lose what it was told was stored. The running stub holds
// an exclusive flock(2) on "PATH.lock" beside the file. Not on the file itself: every save
// renames a new file over it, and a lock belongs to the old one. The kernel drops the lock
// when the process ends, however it ends, so no stale lock outlives a killed stub; the
// empty lock file stays.

#include <filesystem>

namespace flowcore::stub::detail {

class state_file_lock {
 public:
  /// Takes the lock at once or throws std::runtime_error "state file PATH: ..." naming
  /// why: another stub holds it, or the lock file cannot be created.
  explicit state_file_lock(const std::filesystem::path& state_file);
  ~state_file_lock();
  state_file_lock(const state_file_lock&) = delete;
  state_file_lock& operator=(const state_file_lock&) = delete;

 private:
  int fd_;
};

}  // namespace flowcore::stub::detail
