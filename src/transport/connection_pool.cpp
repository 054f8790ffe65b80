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
      origin_key_(std::move(other.origin_key_)),
      connection_(std::move(other.connection_)),
      reused_(other.reused_),
      keep_(other.keep_) {}

connection_lease& connection_lease::operator=(connection_lease&& other) noexcept {
  if (this != &other) {
    release();
    pool_ = std::exchange(other.pool_, nullptr);
    origin_key_ = std::move(other.origin_key_);
    connection_ = std::move(other.connection_);
    reused_ = other.reused_;
    keep_ = other.keep_;
  }
  return *this;
}

connection_lease::~connection_lease() { release(); }

void connection_lease::release() noexcept {
  if (!pool_) return;
  std::exchange(pool_, nullptr)->give_back(origin_key_, std::move(connection_), keep_);
}

connection_pool::connection_pool(std::size_t max_per_origin, std::chrono::milliseconds idle_timeout)
    : max_per_origin_(std::max<std::size_t>(1, max_per_origin)), idle_timeout_(idle_timeout) {}

connection_pool::~connection_pool() { shutdown(); }

connection_lease connection_pool::make_lease(const std::string& origin_key,
                                             std::unique_ptr<http_connection> c, bool reused) {
  connection_lease lease;
  lease.pool_ = this;
  lease.origin_key_ = origin_key;
  lease.connection_ = std::move(c);
  lease.reused_ = reused;
  return lease;
}

asio::awaitable<std::pair<error_code, connection_lease>> connection_pool::acquire(
    std::string origin_key, steady_clock::time_point deadline) {
  origin_state& state = origins_[origin_key];

  // Most recently used first: it is the least likely to have been closed by the server.
  while (!state.idle.empty()) {
    std::unique_ptr<http_connection> c = std::move(state.idle.back());
    state.idle.pop_back();
    if (steady_clock::now() - c->idle_since() < idle_timeout_ && c->reusable())
      co_return std::pair{error_code{}, make_lease(origin_key, std::move(c), true)};
    --state.open;  // stale: dropped (closed by its destructor)
  }
  if (state.open < max_per_origin_ && state.waiters.empty()) {
    ++state.open;
    co_return std::pair{error_code{}, make_lease(origin_key, nullptr, false)};
  }

  // Full: wait in line. give_back() hands us a connection or a slot and wakes us.
  auto me = std::make_shared<waiter>(co_await asio::this_coro::executor);
  state.waiters.push_back(me);
  me->wake.expires_at(deadline);
  auto [ec] = co_await me->wake.async_wait(asio::as_tuple(asio::use_awaitable));
  if (me->granted) {
    bool reused = me->connection != nullptr;
    co_return std::pair{error_code{}, make_lease(origin_key, std::move(me->connection), reused)};
  }
  auto& waiters = origins_[origin_key].waiters;
  waiters.erase(std::remove(waiters.begin(), waiters.end(), me), waiters.end());
  co_return std::pair{
      error_code(ec == asio::error::operation_aborted ? error::cancelled : error::timeout),
      connection_lease{}};
}

void connection_pool::give_back(const std::string& origin_key, std::unique_ptr<http_connection> c,
                                bool keep) {
  auto it = origins_.find(origin_key);
  if (it == origins_.end()) return;
  origin_state& state = it->second;
  if (c && !(keep && c->reusable())) c.reset();  // closed: its slot is what we give back

  if (!state.waiters.empty()) {
    std::shared_ptr<waiter> next = std::move(state.waiters.front());
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
  for (auto& [key, state] : origins_) {
    state.open -= state.idle.size();
    state.idle.clear();
    for (auto& w : state.waiters) w->wake.cancel();
  }
}

}  // namespace flowcore::detail
