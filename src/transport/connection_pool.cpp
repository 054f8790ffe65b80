// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "transport/connection_pool.hpp"

#include <flowcore/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace flowcore::detail {

namespace asio = boost::asio;
using boost::system::error_code;

connection_lease::connection_lease(connection_lease&& other) noexcept
    : pool_(std::exchange(other.pool_, nullptr)),
      origin_(std::exchange(other.origin_, nullptr)),
      connection_(std::move(other.connection_)),
      reused_(other.reused_),
      keep_(other.keep_) {}

connection_lease& connection_lease::operator=(connection_lease&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::exchange(other.pool_, nullptr);
    origin_ = std::exchange(other.origin_, nullptr);
    connection_ = std::move(other.connection_);
    reused_ = other.reused_;
    keep_ = other.keep_;
  }
  return *this;
}

connection_lease::~connection_lease() { release(); }

void connection_lease::release() noexcept {
  if (!pool_) return;
  std::exchange(pool_, nullptr)->give_back(*origin_, std::move(connection_), keep_);
}

connection_pool::connection_pool(std::size_t max_per_origin, std::chrono::milliseconds idle_timeout)
    : max_per_origin_(std::max<std::size_t>(1, max_per_origin)), idle_timeout_(idle_timeout) {}

connection_pool::~connection_pool() { shutdown(); }

connection_lease connection_pool::make_lease(pooled_origin& state,
                                             std::unique_ptr<http_connection> c, bool reused) {
  connection_lease lease;
  lease.pool_ = this;
  lease.origin_ = &state;
  lease.connection_ = std::move(c);
  lease.reused_ = reused;
  return lease;
}

std::optional<connection_lease> connection_pool::try_acquire(const origin& where, bool check_peer) {
  pooled_origin& state = origins_[where];
  // Most recently used first: it is the least likely to have been closed by the server.
  while (!state.idle.empty()) {
    std::unique_ptr<http_connection> c = std::move(state.idle.back());
    state.idle.pop_back();
    if (steady_clock::now() - c->idle_since() < idle_timeout_ && (!check_peer || c->peer_silent()))
      return make_lease(state, std::move(c), true);
    --state.open;  // stale: dropped (closed by its destructor)
  }
  if (state.open < max_per_origin_ && state.waiters.empty()) {
    ++state.open;
    return make_lease(state, nullptr, false);
  }
  return std::nullopt;
}

asio::awaitable<std::pair<error_code, connection_lease>> connection_pool::wait_in_line(
    const origin& where, steady_clock::time_point deadline, bool check_peer) {
  pooled_origin& state = origins_[where];
  // give_back() hands us a connection or a slot and wakes us.
  auto me = std::make_shared<pool_waiter>(co_await asio::this_coro::executor);
  state.waiters.push_back(me);
  me->wake.expires_at(deadline);
  auto [ec] = co_await me->wake.async_wait(asio::as_tuple(asio::use_awaitable));
  if (me->granted) {
    // A connection handed over: its slot stays ours even when the peer spoke meanwhile.
    if (me->connection && check_peer && !me->connection->peer_silent()) me->connection.reset();
    bool reused = me->connection != nullptr;
    co_return std::pair{error_code{}, make_lease(state, std::move(me->connection), reused)};
  }
  auto& waiters = state.waiters;
  waiters.erase(std::remove(waiters.begin(), waiters.end(), me), waiters.end());
  co_return std::pair{
      error_code(ec == asio::error::operation_aborted ? error::cancelled : error::timeout),
      connection_lease{}};
}

void connection_pool::give_back(pooled_origin& state, std::unique_ptr<http_connection> c,
                                bool keep) {
  if (c && !(keep && c->reusable())) c.reset();  // closed: its slot is what we give back

  if (!state.waiters.empty()) {
    std::shared_ptr<pool_waiter> next = std::move(state.waiters.front());
    state.waiters.pop_front();
    next->granted = true;
    next->connection = std::move(c);  // a live connection, or null: a free slot
    next->wake.cancel();
    return;
  }
  if (c) {
    c->mark_idle();
    state.idle.push_back(std::move(c));
  } else {
    --state.open;
  }
}

void connection_pool::shutdown() {
  for (auto& [where, state] : origins_) {
    state.open -= state.idle.size();
    state.idle.clear();
    for (auto& w : state.waiters) w->wake.cancel();
  }
}

}  // namespace flowcore::detail
