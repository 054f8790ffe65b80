// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The two checkpoint stores of event_tail.hpp. The file store's save is the classic
// atomic replace: write a temporary file in the same directory, fsync it, rename it over
// the target, fsync the directory. rename() within one file system replaces the name
// atomically, so a reader (or a restart after a crash) sees the old file or the new one;
// the first fsync makes sure the new name never points at data still in the page cache,
// the second that the rename itself survives a power cut.
#include <flowcore/event_tail.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace flowcore {

namespace {

[[noreturn]] void file_failure(const std::filesystem::path& path, std::string what, int err) {
  throw std::system_error(err, std::generic_category(),
                          "checkpoint file " + path.string() + ": " + std::move(what));
}

// Writes all of `data` to `fd`, resuming after short writes and signals.
void write_all(int fd, std::string_view data, const std::filesystem::path& path) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) file_failure(path, "write failed", errno);
    data.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Closes on every path out of save(), so a failed write leaks no descriptor.
struct fd_guard {
  int fd;
  ~fd_guard() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

boost::asio::awaitable<std::optional<tail_position>> memory_checkpoint_store::load() {
  co_return saved_;
}

boost::asio::awaitable<void> memory_checkpoint_store::save(const tail_position& position) {
  saved_ = position;
  ++saves_;
  co_return;
}

boost::asio::awaitable<std::optional<tail_position>> file_checkpoint_store::load() {
  std::ifstream in(path_, std::ios::binary);
  if (!in) {
    if (errno == ENOENT || !std::filesystem::exists(path_)) co_return std::nullopt;
    file_failure(path_, "cannot be opened", errno);
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::string line = text.str();
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  try {
    co_return tail_position::parse(line);
  } catch (const client_error& e) {
    diagnostics diag = e.diagnostics();
    diag.message = "checkpoint file " + path_.string() + ": " + diag.message;
    throw client_error(e.code(), std::move(diag));
  }
}

boost::asio::awaitable<void> file_checkpoint_store::save(const tail_position& position) {
  const std::string text = position.to_string() + "\n";
  std::filesystem::path temporary = path_;
  temporary += ".tmp";
  {
    fd_guard file{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)};
    if (file.fd < 0) file_failure(temporary, "cannot be created", errno);
    write_all(file.fd, text, temporary);
    if (::fsync(file.fd) != 0) file_failure(temporary, "fsync failed", errno);
  }
  if (::rename(temporary.c_str(), path_.c_str()) != 0) file_failure(path_, "rename failed", errno);
  std::filesystem::path directory = path_.parent_path();
  if (directory.empty()) directory = ".";
  fd_guard dir{::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.fd < 0 || ::fsync(dir.fd) != 0) file_failure(directory, "directory fsync failed", errno);
  co_return;
}

}  // namespace flowcore
