// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Awaiting a user's bearer-token provider. The provider is code we do not control: it may
// never complete, ignore cancellation, or throw anything at all. It is therefore raced
// against a budget and the caller's cancellation like any socket operation, and every
// exception it throws is caught.

#include <flowcore/auth.hpp>
#include <flowcore/error.hpp>

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <functional>
#include <string>

namespace flowcore::detail {

struct fetched_token {
  /// Empty: `token` holds a usable token. Else auth_failed (the provider threw, or
  /// returned an empty or malformed token), timeout (the budget passed first) or cancelled
  /// (the awaiting coroutine was cancelled first).
  boost::system::error_code ec;
  std::string token;
  /// What went wrong, for diagnostics; already redacted, one line, at most 512 bytes.
  std::string problem;
};

/// Awaits `provider()` for at most `budget`, and never longer than the awaiting coroutine
/// keeps its cancellation state uncancelled (any cancellation type the caller lets through).
///
/// The provider runs as a coroutine of its own. When the budget or a cancellation ends the
/// wait first, it is sent a terminal cancellation and abandoned: nothing waits for it, and
/// what it returns later is dropped.
///
/// A token with whitespace or control characters is refused: it would break (or inject
/// into) the request's headers. So is a token too long for an HTTP header value.
boost::asio::awaitable<fetched_token> fetch_token(
    std::function<boost::asio::awaitable<std::string>()> provider,
    std::chrono::steady_clock::duration budget);

}  // namespace flowcore::detail
