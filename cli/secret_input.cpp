// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "secret_input.hpp"

#include <termios.h>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include <iostream>
#include <iterator>
#include <string>

namespace flowcore::cli {
namespace {

// Turns the terminal's echo off for its lifetime, so a typed secret does not stay on screen.
class echo_off {
 public:
  echo_off() : active_(::tcgetattr(STDIN_FILENO, &saved_) == 0) {
    if (!active_) return;
    termios quiet = saved_;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    active_ = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
  }
  ~echo_off() {
    if (active_) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
  }
  echo_off(const echo_off&) = delete;
  echo_off& operator=(const echo_off&) = delete;

 private:
  termios saved_{};
  bool active_ = false;
};

void drop_final_newline(std::string& text) {
  if (!text.empty() && text.back() == '\n') text.pop_back();
  if (!text.empty() && text.back() == '\r') text.pop_back();
}

}  // namespace

std::string read_secret_from_stdin(std::string_view what, secret_extent extent) {
  std::string secret;
  if (::isatty(STDIN_FILENO)) {
    std::cerr << what << " (not echoed): " << std::flush;
    {
      echo_off quiet;
      std::getline(std::cin, secret);
    }
    std::cerr << '\n';  // The user's Enter was not echoed either.
  } else if (extent == secret_extent::first_line) {
    std::getline(std::cin, secret);
  } else {
    secret.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  }
  drop_final_newline(secret);
  if (secret.empty()) {
    throw CLI::ValidationError(std::string(what),
                               "nothing on stdin (give it there, or pipe it in)");
  }
  return secret;
}

}  // namespace flowcore::cli
