// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "token_fetch.hpp"

#include "redact.hpp"
#include "transport/http_types.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <exception>
#include <memory>
#include <tuple>

namespace flowcore::detail {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

constexpr std::size_t bearer_prefix = 7;  // "Authorization: Bearer <token>"

// Shared by the waiting caller and the provider's coroutine, which may outlive the wait.
struct token_race {
  explicit token_race(asio::any_io_executor ex) : timer(std::move(ex)) {}
  asio::steady_timer timer;
  asio::cancellation_signal stop_provider;
  bool done = false;
  std::string token;
  std::string problem;  // set when the provider threw
};

// Runs the provider, turning whatever it throws into text. The provider is called here,
// inside a coroutine that owns a copy of it, so that a capturing lambda's state lives as
// long as the coroutine it started.
asio::awaitable<void> run_provider(std::function<asio::awaitable<std::string>()> provider,
                                   std::shared_ptr<token_race> race) {
  std::string token;
  std::string problem;
  try {
    token = co_await provider();
  } catch (const std::exception& e) {
    problem = std::string("the token provider threw: ") + e.what();
  } catch (...) {
    problem = "the token provider threw an exception not derived from std::exception";
  }
  if (race->done) co_return;  // abandoned: the wait is over
  race->done = true;
  race->token = std::move(token);
  race->problem = std::move(problem);
  race->timer.cancel();
}

fetched_token failed(error ec, std::string problem) {
  return fetched_token{.ec = ec, .token = {}, .problem = std::move(problem)};
}

}  // namespace

asio::awaitable<fetched_token> fetch_token(std::function<asio::awaitable<std::string>()> provider,
                                           std::chrono::steady_clock::duration budget) {
  if (!provider) co_return failed(error::auth_failed, "bearer_token has no provider");
  auto ex = co_await asio::this_coro::executor;
  auto race = std::make_shared<token_race>(ex);
  // Armed before the provider starts: one that completes at once must find it set.
  race->timer.expires_after(budget);
  asio::co_spawn(ex, run_provider(std::move(provider), race),
                 asio::bind_cancellation_slot(race->stop_provider.slot(),
                                              [race](std::exception_ptr) {}));
  // co_spawn may run the provider at once, up to its first suspension: one that answers
  // without suspending is done before the wait could start, and must not be waited for.
  // Otherwise the timer wait carries the caller's cancellation; the provider's completion
  // cancels it too, and `done` tells the two apart.
  error_code wait_ec;
  if (!race->done)
    std::tie(wait_ec) = co_await race->timer.async_wait(asio::as_tuple(asio::use_awaitable));
  if (!race->done) {
    race->done = true;
    race->stop_provider.emit(asio::cancellation_type::terminal);
    if (wait_ec == asio::error::operation_aborted)
      co_return failed(error::cancelled, "cancelled while waiting for the token provider");
    co_return failed(error::timeout, "the token provider did not answer in time");
  }
  if (!race->problem.empty())
    co_return failed(error::auth_failed, redacted_sample(race->problem, 512));
  std::string& token = race->token;
  if (token.empty()) co_return failed(error::auth_failed, "the token provider returned \"\"");
  if (std::any_of(token.begin(), token.end(),
                  [](unsigned char ch) { return ch <= 0x20 || ch == 0x7f; }))
    co_return failed(error::auth_failed,
                     "the token provider returned a token with whitespace or control characters");
  // Refused here rather than by the transport, so that the message names the token.
  if (token.size() > max_header_bytes - bearer_prefix)
    co_return failed(error::auth_failed,
                     "the token provider returned a token of " + std::to_string(token.size()) +
                         " bytes, too large for an HTTP header (limit " +
                         std::to_string(max_header_bytes) + " with \"Bearer \")");
  co_return fetched_token{.ec = {}, .token = std::move(token), .problem = {}};
}

}  // namespace flowcore::detail
