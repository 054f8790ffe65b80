// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "notifications/reconnect_backoff.hpp"

#include <flowcore/error.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace flowcore::detail {

namespace {

// min(cap, interval × 2^(attempt-1)) without ever computing the power: doubling stops at
// the cap, so no intermediate value exceeds 2 × 30 s whatever the attempt number.
std::chrono::milliseconds capped_backoff(std::chrono::milliseconds interval, int attempt) noexcept {
  if (interval >= max_reconnect_backoff) return max_reconnect_backoff;
  std::chrono::milliseconds backoff = interval;
  for (int doubling = 1; doubling < attempt && backoff < max_reconnect_backoff; ++doubling)
    backoff *= 2;
  return std::min(backoff, max_reconnect_backoff);
}

bool is_transient_status(int status) noexcept {
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

bool is_consumer_or_setup_error(boost::system::error_code ec) noexcept {
  return ec == error::invalid_argument || ec == error::auth_failed || ec == error::cancelled;
}

outcome_decision terminal(boost::system::error_code ec) noexcept {
  return {outcome_verdict::terminal, ec};
}

outcome_decision transient() noexcept { return {outcome_verdict::reconnect, {}}; }

outcome_decision classify_lookup(const stream_outcome& outcome) noexcept {
  // Checked before the status: a maintenance page may well come with a 200.
  if (outcome.ec == error::invalid_response) return transient();
  if (outcome.http_status != 0) {
    if (is_transient_status(outcome.http_status)) return transient();
    return terminal(outcome.ec ? outcome.ec : make_error_code(error::http_status));
  }
  if (!outcome.ec || outcome.ec == error::connection_failed || outcome.ec == error::timeout)
    return transient();
  return terminal(outcome.ec);
}

outcome_decision classify_upgrade(const stream_outcome& outcome) noexcept {
  // The token or key was fetched for this very attempt, so a 401 or 403 will not go away
  // by retrying it (docs/protocol.md section 10.8).
  const bool client_error = outcome.http_status >= 400 && outcome.http_status <= 499;
  if (client_error && !is_transient_status(outcome.http_status))
    return terminal(make_error_code(error::http_status));
  return transient();
}

outcome_decision classify_session(const stream_outcome& outcome) noexcept {
  constexpr int normal_closure = 1000;  // RFC 6455 7.4.1
  if (outcome.close_code == normal_closure) return {outcome_verdict::normal_end, {}};
  return transient();
}

}  // namespace

std::chrono::milliseconds reconnect_delay(std::chrono::milliseconds interval, int attempt,
                                          double jitter01) noexcept {
  if (interval.count() <= 0) return std::chrono::milliseconds{0};
  // NaN fails both comparisons and lands on 0.
  const double draw = jitter01 >= 0.0 ? std::min(jitter01, 1.0) : 0.0;
  const double factor = 0.8 + 0.4 * draw;
  const auto backoff = capped_backoff(interval, std::max(attempt, 1));
  return std::chrono::milliseconds{std::llround(static_cast<double>(backoff.count()) * factor)};
}

bool valid_reconnect_options(std::chrono::milliseconds interval, int max_reconnects) noexcept {
  return interval.count() > 0 && max_reconnects >= 0;
}

reconnect_state::reconnect_state(std::chrono::milliseconds interval, int max_reconnects) noexcept
    : interval_(interval), max_reconnects_(max_reconnects) {}

void reconnect_state::on_connected(std::chrono::steady_clock::time_point now) noexcept {
  connected_since_ = now;
}

reconnect_decision reconnect_state::on_disconnected(std::chrono::steady_clock::time_point now,
                                                    double jitter01) noexcept {
  if (connected_since_ && now - *connected_since_ >= healthy_connection_age) attempts_ = 0;
  connected_since_.reset();
  if (max_reconnects_ > 0 && attempts_ >= max_reconnects_) return {reconnect_action::exhausted};
  // Unlimited reconnects at 30 s apiece would take millennia to reach INT_MAX; the guard
  // only keeps the arithmetic defined.
  if (attempts_ < std::numeric_limits<int>::max()) ++attempts_;
  return {reconnect_action::retry, reconnect_delay(interval_, attempts_, jitter01), attempts_};
}

outcome_decision classify_outcome(const stream_outcome& outcome) noexcept {
  if (is_consumer_or_setup_error(outcome.ec)) return terminal(outcome.ec);
  switch (outcome.phase) {
    case stream_phase::lookup:
      return classify_lookup(outcome);
    case stream_phase::upgrade:
      return classify_upgrade(outcome);
    case stream_phase::session:
      return classify_session(outcome);
  }
  return transient();
}

}  // namespace flowcore::detail
