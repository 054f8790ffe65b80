// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Work that completes later on the server's executor: the delete and truncate completions
// of docs/protocol.md section 13.3. Steady timers, no threads; cancel_all() (reset, stop)
// discards whatever is pending, so io_context::run() can return.

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <utility>
#include <vector>

namespace flowcore::stub::detail {

class deferred_work {
 public:
  /// `after_each` runs after every `fn` that ran: each completion changes the model, and
  /// the dispatcher writes the state file then.
  explicit deferred_work(boost::asio::any_io_executor ex, std::function<void()> after_each = {})
      : ex_(std::move(ex)), after_each_(std::move(after_each)) {}
  ~deferred_work() { cancel_all(); }
  deferred_work(const deferred_work&) = delete;
  deferred_work& operator=(const deferred_work&) = delete;

  /// Runs `fn` once `delay` has passed, unless cancel_all() comes first.
  void after(std::chrono::milliseconds delay, std::function<void()> fn);
  /// Discards every pending `fn`; none of them will run.
  void cancel_all();
  std::size_t pending() const { return jobs_.size(); }

 private:
  struct job;
  boost::asio::any_io_executor ex_;
  std::function<void()> after_each_;
  std::vector<std::shared_ptr<job>> jobs_;
};

}  // namespace flowcore::stub::detail
