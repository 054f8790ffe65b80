// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The bytes of request bodies being read, summed over every connection. A per-request
// limit alone does not bound memory: a hundred clients each announcing a Content-Length
// just under it make Beast reserve all of it at once. One shared budget does.

#include <cstdint>

namespace flowcore::stub::detail {

class body_budget {
 public:
  explicit body_budget(std::uint64_t limit) : limit_(limit) {}

  std::uint64_t limit() const { return limit_; }
  std::uint64_t in_use() const { return in_use_; }

  /// Takes `n` bytes if they fit; false (nothing taken) otherwise.
  bool try_take(std::uint64_t n) {
    if (n > limit_ - in_use_) return false;
    in_use_ += n;
    return true;
  }
  void give_back(std::uint64_t n) { in_use_ -= n; }

 private:
  std::uint64_t limit_;
  std::uint64_t in_use_ = 0;
};

/// What one request holds of a body_budget; gives it back when destroyed, however the
/// session ends.
class body_reservation {
 public:
  explicit body_reservation(body_budget& budget) : budget_(budget) {}
  ~body_reservation() { release(); }
  body_reservation(const body_reservation&) = delete;
  body_reservation& operator=(const body_reservation&) = delete;

  /// Holds `total` bytes, if that is more than held now and the budget has room for the
  /// difference; false (holding what it held) when it has not.
  bool grow_to(std::uint64_t total) {
    if (total <= held_) return true;
    if (!budget_.try_take(total - held_)) return false;
    held_ = total;
    return true;
  }
  /// Gives everything back: the body has left the transport.
  void release() {
    budget_.give_back(held_);
    held_ = 0;
  }

 private:
  body_budget& budget_;
  std::uint64_t held_ = 0;
};

}  // namespace flowcore::stub::detail
