// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Keep-alive connections per origin (docs/protocol.md sections 7.4 and 8.3): at most N per
// origin, one exchange per connection (overlapping writes on one stream are undefined, and
// servers mishandle pipelining), then callers queue first-in first-out within their
// deadline. Idle connections are closed after `idle_timeout`. Before a request that could
// not be re-sent, a reused connection is also checked with a peek (one system call); a
// request that can be re-sent skips it, and a connection the server closed meanwhile costs
// it one re-send on a fresh connection (transport.cpp).

#include "transport/http_connection.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tuple>

namespace flowcore::detail {

class connection_pool;
struct pooled_origin;

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
  pooled_origin* origin_ = nullptr;
  std::unique_ptr<http_connection> connection_;
  bool reused_ = false;
  bool keep_ = false;
};

/// A caller waiting in line for a connection of a full origin.
struct pool_waiter {
  explicit pool_waiter(boost::asio::any_io_executor ex) : wake(ex) {}
  boost::asio::steady_timer wake;
  bool granted = false;
  std::unique_ptr<http_connection> connection;  // null with granted: a free slot
};

/// One origin's connections.
struct pooled_origin {
  std::size_t open = 0;  // idle + in use + being opened
  std::deque<std::unique_ptr<http_connection>> idle;
  std::deque<std::shared_ptr<pool_waiter>> waiters;
};

class connection_pool {
 public:
  connection_pool(std::size_t max_per_origin, std::chrono::milliseconds idle_timeout);
  ~connection_pool();
  connection_pool(const connection_pool&) = delete;
  connection_pool& operator=(const connection_pool&) = delete;

  /// An idle live connection or a free slot, at once; nullopt when the origin is full and
  /// the caller must wait_in_line(). With `check_peer`, a reused connection must also
  /// pass http_connection::peer_silent().
  std::optional<connection_lease> try_acquire(const origin& where, bool check_peer);

  /// Waits first-in first-out until a connection or a slot is handed over, or the deadline
  /// (fc::error::timeout) or cancellation (fc::error::cancelled) comes first.
  boost::asio::awaitable<std::pair<boost::system::error_code, connection_lease>> wait_in_line(
      const origin& where, steady_clock::time_point deadline, bool check_peer);

  /// Closes idle connections and fails every waiter with cancelled.
  void shutdown();

 private:
  friend class connection_lease;

  // Origins in any fixed order: the key is the origin itself, so a lookup builds no text.
  struct origin_order {
    bool operator()(const origin& a, const origin& b) const {
      return std::tie(a.tls, a.port, a.host) < std::tie(b.tls, b.port, b.host);
    }
  };

  void give_back(pooled_origin& state, std::unique_ptr<http_connection> c, bool keep);
  connection_lease make_lease(pooled_origin& state, std::unique_ptr<http_connection> c,
                              bool reused);

  std::size_t max_per_origin_;
  std::chrono::milliseconds idle_timeout_;
  // Never erased, so a lease may point at its origin's entry.
  std::map<origin, pooled_origin, origin_order> origins_;
};

}  // namespace flowcore::detail
