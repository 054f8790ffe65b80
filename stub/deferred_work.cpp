// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "deferred_work.hpp"

#include <boost/asio/steady_timer.hpp>

#include <algorithm>
#include <utility>

namespace flowcore::stub::detail {

struct deferred_work::job {
  job(const boost::asio::any_io_executor& ex, std::function<void()> f)
      : timer(ex), fn(std::move(f)) {}
  boost::asio::steady_timer timer;
  std::function<void()> fn;
  // Set by cancel_all(). The completion handler checks it before anything else: once it
  // is set, the owner (and the state `fn` refers to) may be gone, and a timer that had
  // already expired may still deliver success.
  bool cancelled = false;
};

void deferred_work::after(std::chrono::milliseconds delay, std::function<void()> fn) {
  auto j = std::make_shared<job>(ex_, std::move(fn));
  jobs_.push_back(j);
  j->timer.expires_after(delay);
  j->timer.async_wait([this, j](const boost::system::error_code& ec) {
    if (j->cancelled) return;
    std::erase(jobs_, j);
    if (ec) return;
    j->fn();
    if (after_each_) after_each_();
  });
}

void deferred_work::cancel_all() {
  for (const auto& j : jobs_) {
    j->cancelled = true;
    j->timer.cancel();
  }
  jobs_.clear();
}

}  // namespace flowcore::stub::detail
