// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// A file name of its own in the temporary directory for a test: the process id keeps
// suites that ctest runs side by side apart. Removed before and after the test, with the
// `.tmp` sibling a state file is written through and the `.lock` a stub holds.

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

namespace flowcore::test {

struct temp_path {
  std::filesystem::path path;

  explicit temp_path(std::string_view name)
      : path(std::filesystem::temp_directory_path() /
             ("flowcore-" + std::to_string(::getpid()) + "-" + std::string(name))) {
    remove();
  }
  ~temp_path() { remove(); }
  temp_path(const temp_path&) = delete;
  temp_path& operator=(const temp_path&) = delete;

  void remove() const {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
    std::filesystem::remove(std::filesystem::path(path.string() + ".tmp"), ec);
    std::filesystem::remove(std::filesystem::path(path.string() + ".lock"), ec);
  }
  std::string read() const {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  }
  void write(std::string_view text) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << text;
  }
};

}  // namespace flowcore::test
