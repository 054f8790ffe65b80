// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Keep-alive connections per origin (PITFALLS.md 2.1, 2.2): at most N per origin, one
// exchange per connection, then callers queue first-in first-out within their deadline.
// Idle connections are closed after `idle_timeout` and checked before reuse.

#include "transport/http_connection.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <deque>
#include <map>
#include <memory>
#include <string>

namespace flowcore::detail {

class connection_pool;

/// The right to use one connection slot of an origin. Destroying it frees the slot and
/// closes the connection unless keep() said the connection may be reused.
class connection_lease {
 public:
  connection_lease() = default;
  connection_lease(connection_lease&& other) noexcept;
  connection_lease& operator=(connection_lease&& other) noexcept;
  ~connection_lease();

  /// Null when the lease is a free slot: the caller opens a connection and set()s it.
  http_connection* connection() const noexcept { return connection_.get(); }
  void set(std::unique_ptr<http_connection> c) { connection_ = std::move(c); }
  /// True when the connection was taken from the idle list (it may be stale).
  bool reused() const noexcept { return reused_; }
  /// The exchange finished cleanly: return the connection to the pool if it allows reuse.
  void keep() noexcept { keep_ = true; }

 private:
  friend class connection_pool;
  void release() noexcept;

  connection_pool* pool_ = nullptr;
  std::string origin_key_;
  std::unique_ptr<http_connection> connection_;
  bool reused_ = false;
  bool keep_ = false;
};

class connection_pool {
 public:
  connection_pool(std::size_t max_per_origin, std::chrono::milliseconds idle_timeout);
  ~connection_pool();
  connection_pool(const connection_pool&) = delete;
  connection_pool& operator=(const connection_pool&) = delete;

  /// An idle live connection, a free slot, or a wait in line until one of them or the
  /// deadline (fc::error::timeout) or cancellation (fc::error::cancelled).
  boost::asio::awaitable<std::pair<boost::system::error_code, connection_lease>> acquire(
      std::string origin_key, steady_clock::time_point deadline);

  /// Closes idle connections and fails every waiter with cancelled.
  void shutdown();

 private:
  friend class connection_lease;

  struct waiter {
    explicit waiter(boost::asio::any_io_executor ex) : wake(ex) {}
    boost::asio::steady_timer wake;
    bool granted = false;
    std::unique_ptr<http_connection> connection;  // null with granted: a free slot
  };

  struct origin_state {
    std::size_t open = 0;  // idle + in use + being opened
    std::deque<std::unique_ptr<http_connection>> idle;
    std::deque<std::shared_ptr<waiter>> waiters;
  };

  void give_back(const std::string& origin_key, std::unique_ptr<http_connection> c, bool keep);
  connection_lease make_lease(const std::string& origin_key, std::unique_ptr<http_connection> c,
                              bool reused);

  std::size_t max_per_origin_;
  std::chrono::milliseconds idle_timeout_;
  std::map<std::string, origin_state, std::less<>> origins_;
};

}  // namespace flowcore::detail
