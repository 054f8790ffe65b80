// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "tail/tail_logic.hpp"

#include "notifications/reconnect_backoff.hpp"

#include <flowcore/error.hpp>

#include <algorithm>
#include <charconv>
#include <set>

namespace flowcore::detail {

namespace {

// Reads exactly `digits` decimal digits from the front of `text`.
std::optional<int> take_number(std::string_view& text, std::size_t digits) {
  if (text.size() < digits) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < digits; ++i) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  text.remove_prefix(digits);
  return value;
}

bool take_char(std::string_view& text, char c) {
  if (text.empty() || text.front() != c) return false;
  text.remove_prefix(1);
  return true;
}

}  // namespace

std::optional<std::string> tail_options_problem(const event_tail_options& o) {
  const tail_subscription& s = o.subscription;
  if (s.tenant.empty()) return "subscription.tenant is empty";
  if (s.data_core.empty()) return "subscription.data_core is empty";
  if (s.flow_type.empty()) return "subscription.flow_type is empty";
  if (s.event_types.empty()) return "subscription.event_types is empty: name at least one";
  std::set<std::string_view> seen;
  for (const std::string& name : s.event_types) {
    if (name.empty()) return "subscription.event_types holds an empty name";
    if (!seen.insert(name).second) return "subscription.event_types names \"" + name + "\" twice";
  }
  if (o.checkpoint_every == 0) return "checkpoint_every must be positive";
  if (o.checkpoint_interval.count() <= 0) return "checkpoint_interval must be positive";
  if (o.poll_interval.count() <= 0) return "poll_interval must be positive";
  if (o.retry_interval.count() <= 0) return "retry_interval must be positive";
  if (o.max_buffered_events == 0 || o.max_buffered_events > max_tail_buffer)
    return "max_buffered_events must be from 1 to 100000";
  if (o.max_concurrent_handlers == 0 || o.max_concurrent_handlers > 1'000)
    return "max_concurrent_handlers must be from 1 to 1000";
  if (o.max_redeliveries < 0) return "max_redeliveries must not be negative";
  if (o.redelivery_delay.count() < 0) return "redelivery_delay must not be negative";
  return std::nullopt;
}

bool is_terminal_read_failure(boost::system::error_code ec, int http_status) noexcept {
  if (ec == error::http_status)
    return http_status >= 400 && http_status < 500 && http_status != 408 && http_status != 429;
  return ec == error::invalid_argument || ec == error::not_allowed_in_mode ||
         ec == error::not_found || ec == error::auth_failed || ec == error::tls_failed;
}

std::size_t tail_page_size(std::size_t max_buffered_events) noexcept {
  return std::clamp<std::size_t>((max_buffered_events + 1) / 2, 1, max_event_page_size);
}

std::chrono::milliseconds read_retry_delay(std::chrono::milliseconds retry_interval,
                                           std::chrono::milliseconds poll_interval, int failures,
                                           double jitter01) noexcept {
  // The notification stream's reconnect delay has the same shape with a 30 s cap: take
  // its un-jittered value (a draw of 0.5 gives the factor 1), cap it, then jitter.
  const std::chrono::milliseconds base =
      std::min(reconnect_delay(retry_interval, failures, 0.5), poll_interval);
  const double factor = 0.8 + 0.4 * std::clamp(jitter01, 0.0, 1.0);
  return std::chrono::milliseconds(
      static_cast<std::int64_t>(static_cast<double>(base.count()) * factor));
}

std::chrono::milliseconds redelivery_wait(std::chrono::milliseconds delay, int n) noexcept {
  constexpr std::int64_t cap = std::int64_t{1} << 40;  // about 35 years: saturated
  std::int64_t wait = std::max<std::int64_t>(delay.count(), 0);
  for (int i = 1; i < n && wait < cap; ++i) wait *= 2;
  return std::chrono::milliseconds(std::min(wait, cap));
}

std::string what_of(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception that is not a std::exception";
  }
}

std::vector<std::string> buckets_after(std::string_view current,
                                       const std::vector<std::string>& listed) {
  std::vector<std::string> next;
  std::string_view last = current;
  for (const std::string& bucket : listed)
    if (bucket > last) {
      next.push_back(bucket);
      last = next.back();
    }
  return next;
}

std::optional<std::chrono::system_clock::time_point> parse_valid_time(std::string_view text) {
  using namespace std::chrono;
  const auto y = take_number(text, 4);
  if (!y || !take_char(text, '-')) return std::nullopt;
  const auto mo = take_number(text, 2);
  if (!mo || !take_char(text, '-')) return std::nullopt;
  const auto d = take_number(text, 2);
  if (!d || !take_char(text, 'T')) return std::nullopt;
  const auto h = take_number(text, 2);
  if (!h || !take_char(text, ':')) return std::nullopt;
  const auto mi = take_number(text, 2);
  if (!mi || !take_char(text, ':')) return std::nullopt;
  const auto s = take_number(text, 2);
  if (!s) return std::nullopt;
  const year_month_day date{year(*y), month(static_cast<unsigned>(*mo)),
                            day(static_cast<unsigned>(*d))};
  if (!date.ok() || *h > 23 || *mi > 59 || *s > 60) return std::nullopt;
  system_clock::time_point t = sys_days(date) + hours(*h) + minutes(*mi) + seconds(*s);
  if (take_char(text, '.')) {
    std::int64_t fraction_ns = 0;
    std::size_t digits = 0;
    while (!text.empty() && text.front() >= '0' && text.front() <= '9') {
      if (digits < 9) fraction_ns = fraction_ns * 10 + (text.front() - '0');
      ++digits;
      text.remove_prefix(1);
    }
    if (digits == 0) return std::nullopt;
    for (std::size_t i = digits; i < 9; ++i) fraction_ns *= 10;
    t += duration_cast<system_clock::duration>(nanoseconds(fraction_ns));
  }
  if (take_char(text, 'Z')) return text.empty() ? std::optional(t) : std::nullopt;
  const bool plus = take_char(text, '+');
  if (!plus && !take_char(text, '-')) return std::nullopt;
  const auto oh = take_number(text, 2);
  if (!oh || !take_char(text, ':')) return std::nullopt;
  const auto om = take_number(text, 2);
  if (!om || !text.empty() || *oh > 23 || *om > 59) return std::nullopt;
  const minutes offset = hours(*oh) + minutes(*om);
  return plus ? t - offset : t + offset;
}

void checkpoint_schedule::on_done(time_point now) noexcept {
  if (pending_++ == 0) first_pending_ = now;
}

bool checkpoint_schedule::due(time_point now) const noexcept {
  return pending_ > 0 && (pending_ >= every_ || now >= due_at());
}

checkpoint_schedule::time_point checkpoint_schedule::due_at() const noexcept {
  return pending_ == 0 ? time_point::max() : first_pending_ + interval_;
}

void checkpoint_schedule::on_committed() noexcept { pending_ = 0; }

}  // namespace flowcore::detail
