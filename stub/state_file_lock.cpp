// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "state_file_lock.hpp"

#include <cerrno>
#include <stdexcept>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace flowcore::stub::detail {

state_file_lock::state_file_lock(const std::filesystem::path& state_file) {
  const std::string lock_path = state_file.string() + ".lock";
  const auto failure = [&](const std::string& what) {
    return std::runtime_error("state file " + state_file.string() + ": " + what);
  };
  // Owner-only, as the state file: its name tells where API keys and secrets are kept.
  fd_ = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd_ < 0)
    throw failure("cannot create its lock file " + lock_path + ": " +
                  std::generic_category().message(errno));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int err = errno;
    ::close(fd_);
    if (err == EWOULDBLOCK) throw failure("another stub is using it (" + lock_path + " is locked)");
    throw failure("cannot lock " + lock_path + ": " + std::generic_category().message(err));
  }
}

state_file_lock::~state_file_lock() { ::close(fd_); }

}  // namespace flowcore::stub::detail
