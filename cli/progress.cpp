// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "progress.hpp"

#include <boost/asio/steady_timer.hpp>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <string_view>

namespace flowcore::cli {
namespace {

// Carriage return, then erase to the end of the line: the next text replaces the old.
constexpr std::string_view erase_line = "\r\033[K";

void write_stderr(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), stderr);
  std::fflush(stderr);
}

}  // namespace

struct progress::line {
  line(const boost::asio::any_io_executor& executor, std::string text)
      : label(std::move(text)), timer(executor) {}

  std::string label;
  std::string detail;
  std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
  boost::asio::steady_timer timer;
  // Set when the progress ends: a refresh already queued then draws nothing (cancelling a
  // timer does not reach a handler that is already queued).
  bool stopped = false;

  void draw() const {
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start);
    std::string text(erase_line);
    text += "flowcore-cli: ";
    text += label;
    if (!detail.empty()) {
      text += ": ";
      text += detail;
    }
    text += " (";
    text += std::to_string(elapsed.count());
    text += " s)";
    write_stderr(text);
  }

  static void schedule(const std::shared_ptr<line>& self) {
    self->timer.expires_after(std::chrono::seconds(1));
    self->timer.async_wait([self](const boost::system::error_code& ec) {
      if (ec || self->stopped) return;
      self->draw();
      schedule(self);
    });
  }
};

progress::progress(const boost::asio::any_io_executor& executor, std::string label) {
  if (::isatty(STDERR_FILENO) != 1) return;
  // First shown after a second: quick work never flashes a line.
  line_ = std::make_shared<line>(executor, std::move(label));
  line::schedule(line_);
}

progress::~progress() {
  if (!line_) return;
  line_->stopped = true;
  line_->timer.cancel();
  write_stderr(erase_line);
}

void progress::set_detail(std::string detail) {
  if (line_) line_->detail = std::move(detail);
}

}  // namespace flowcore::cli
