// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "wait_decision.hpp"

namespace flowcore::detail {

poll_step next_poll_step(const wait_options& options, std::chrono::steady_clock::time_point started,
                         int polls, std::chrono::steady_clock::time_point now) {
  const auto cap_end = poll_deadline(options, started);
  if (polls == 0)
    return now >= cap_end ? poll_step{poll_action::give_up} : poll_step{poll_action::poll};
  if (now >= cap_end) return {poll_action::give_up};
  if (now + options.poll_interval > cap_end) return {poll_action::give_up};
  return {poll_action::sleep, options.poll_interval};
}

std::chrono::steady_clock::time_point poll_deadline(const wait_options& options,
                                                    std::chrono::steady_clock::time_point started) {
  return started + options.cap;
}

bool valid_wait_options(const wait_options& options) noexcept {
  return options.poll_interval.count() > 0 && options.cap.count() > 0;
}

}  // namespace flowcore::detail
