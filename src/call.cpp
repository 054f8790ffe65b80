// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "call.hpp"

#include "call_failure.hpp"
#include "logging.hpp"
#include "redact.hpp"
#include "retry_after.hpp"
#include "retry_decision.hpp"
#include "server_message.hpp"
#include "token_fetch.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace flowcore::detail {

namespace asio = boost::asio;
using std::chrono::milliseconds;

namespace {

milliseconds elapsed_ms(steady_clock::time_point since) {
  return std::chrono::duration_cast<milliseconds>(steady_clock::now() - since);
}

milliseconds time_left(steady_clock::time_point deadline) {
  auto left = std::chrono::duration_cast<milliseconds>(deadline - steady_clock::now());
  return left < milliseconds::zero() ? milliseconds::zero() : left;
}

// Logs carry method, host and path only: never the query, a header or a body.
std::string describe_request(const request_spec& spec, const origin& where) {
  std::string_view path = spec.target;
  path = path.substr(0, path.find('?'));
  std::string out(spec.method);
  out += ' ';
  out += where.host_header();
  out += path;
  return out;
}

// Why a failed call was not retried, for its message. `retries` is how many the policy
// allows: with none, "retries exhausted" would say more than happened.
std::string verdict_text(retry_verdict v, int retries) {
  switch (v) {
    case retry_verdict::retry_after_too_long:
      return "; Retry-After exceeds max_retry_after";
    case retry_verdict::past_deadline:
      return "; a retry would pass the deadline";
    case retry_verdict::exhausted:
      return retries > 0 ? "; retries exhausted" : "";
    default:
      return "";
  }
}

}  // namespace

call::call(std::shared_ptr<client_impl> impl, const char* command, const call_options& opts,
           diagnostics& diag)
    : impl_(std::move(impl)),
      command_(command),
      policy_(opts.retry ? *opts.retry : impl_->options().retry),
      deadline_(steady_clock::now() + opts.deadline.value_or(impl_->options().deadline)),
      diag_(diag) {
  diag_.command = command;
  if (opts.deadline && *opts.deadline <= milliseconds::zero())
    fail(error::invalid_argument, "call_options::deadline must be positive");
  if (opts.retry && (opts.retry->max_retries < 0 || opts.retry->delay < milliseconds::zero()))
    fail(error::invalid_argument, "call_options::retry has a negative field");
}

std::string call::redact(std::string_view text) const {
  // The client's secrets first; this call's own (usually none) only when it has some.
  std::string out = impl_->secrets()(text);
  return own_secrets_.empty() ? out : own_secrets_(out);
}

void call::require_bearer() const {
  if (impl_->mode() != credentials_mode::bearer)
    fail(error::not_allowed_in_mode, "not allowed in api key mode");
}

void call::require_api_key() const {
  if (impl_->mode() != credentials_mode::api_key)
    fail(error::not_allowed_in_mode, "not allowed in bearer mode");
}

asio::awaitable<std::shared_ptr<const std::string>> call::bearer_header(
    steady_clock::time_point deadline) {
  // The provider is bounded by the call's deadline and cancellation like any I/O.
  const auto& provider = std::get<bearer_token>(impl_->options().credentials).provider;
  fetched_token fetched = co_await fetch_token(provider, deadline - steady_clock::now());
  if (fetched.ec == error::timeout) diag_.phase = "token";
  if (fetched.ec) fail(fetched.ec, redact(fetched.problem));
  std::shared_ptr<const std::string> header = impl_->bearer_header(fetched.token);
  own_secrets_.add_secret(std::move(fetched.token));
  co_return header;
}

// The frame of this coroutine lives as long as the call waits, so it keeps only what
// crosses a wait; what an outcome means is worked out by after_attempt().
asio::awaitable<std::string> call::send(request_spec& spec, steady_clock::time_point until) {
  const steady_clock::time_point deadline = std::min(deadline_, until);
  impl_->check_options();
  const std::optional<origin>& base = impl_->base_origin();
  const origin& where = base             ? *base
                        : spec.dedicated ? *spec.dedicated
                                         : service_origin(spec.service);
  http_request request{.method = spec.method,
                       .target = spec.target,
                       .headers = spec.headers,
                       .authorization = {},
                       .body = spec.body,
                       .body_limit = spec.body_limit,
                       .idempotent = spec.idempotent};
  // Keeps a bearer value alive for its attempt; an API key's lives in the client.
  std::shared_ptr<const std::string> bearer;
  exchange_result result;  // each attempt's, filled in by the transport
  bool refreshed_after_401 = false;
  for (int attempt = 1;;) {
    if (steady_clock::now() >= deadline) {
      diag_.phase = "deadline";
      fail(error::timeout, "the call's deadline passed");
    }
    if (impl_->mode() == credentials_mode::api_key) {
      const parsed_api_key& key = impl_->checked_api_key();  // fails on a malformed key
      request.authorization = spec.raw_key_auth ? key.key : impl_->api_key_header();
    } else {
      bearer = co_await bearer_header(deadline);
      request.authorization = *bearer;
    }
    const steady_clock::time_point started = steady_clock::now();
    co_await impl_->http().exchange(where, request, deadline, result);
    const next_step next =
        after_attempt(spec, where, result, attempt, refreshed_after_401, started, deadline);
    if (next.what == next_step::answered) co_return std::move(result.response.body);
    if (next.what == next_step::retry) {
      co_await sleep(next.delay);  // after_attempt kept it inside `deadline`
      ++attempt;
    }
  }
}

call::next_step call::after_attempt(const request_spec& spec, const origin& where,
                                    exchange_result& result, int attempt, bool& refreshed_after_401,
                                    steady_clock::time_point started,
                                    steady_clock::time_point deadline) {
  client_impl& client = *impl_;
  const logger& log = client.options().logger;
  diag_.attempts += std::max(1, result.requests_sent);
  if (result.ec == error::cancelled) fail(error::cancelled);

  attempt_outcome outcome;
  if (!result.ec) {
    const int status = result.response.status;
    diag_.http_status = status;
    if (log_enabled(log, log_level::debug))
      log_line(log, log_level::debug,
               describe_request(spec, where) + " -> " + std::to_string(status) + " in " +
                   std::to_string(elapsed_ms(started).count()) + " ms");
    if (status >= 200 && status < 300) {
      diag_.server_message.clear();
      return {next_step::answered};
    }
    if (status == 401 && client.mode() == credentials_mode::bearer && !refreshed_after_401) {
      // One refresh and resend, outside the retry policy: the token may have expired
      // between the provider's answer and the server's check.
      refreshed_after_401 = true;
      return {next_step::resend};
    }
    // Known secrets go first, on the whole (bounded) body: a cut made before them
    // could leave the prefix of a token the server echoed.
    std::string_view error_body = result.response.body;
    diag_.server_message =
        server_message_from_body(redact(error_body.substr(0, std::size_t(64) << 10)));
    outcome.ec = error_for_status(status, spec.not_found_message.has_value());
    outcome.http_status = status;
    if (result.response.retry_after)
      outcome.retry_after =
          parse_retry_after(*result.response.retry_after, std::chrono::system_clock::now());
    diag_.retry_after = outcome.retry_after;
    outcome.may_have_reached_server = true;
  } else {
    outcome.ec = result.ec;
    outcome.may_have_reached_server = result.may_have_reached_server;
    // Each phase's timer is clipped to the deadline: a timeout once the deadline has come
    // was the deadline's, not the phase budget's that the transport's text blames.
    if (result.ec == error::timeout && steady_clock::now() >= deadline)
      result.detail = "the deadline passed";
    diag_.phase = result.ec == error::timeout ? result.phase : std::string();
    diag_.message = result.phase + ": " + redact(result.detail);
    if (log_enabled(log, log_level::debug))
      log_line(log, log_level::debug,
               describe_request(spec, where) + " failed in " + result.phase + ": " +
                   redact(result.detail));
  }

  const idempotency idem = spec.idempotent ? idempotency::idempotent : idempotency::unsafe;
  const retry_decision decision =
      decide_retry(attempt, outcome, policy_, idem, client.random01(), time_left(deadline));
  if (!decision) {
    std::string message;
    if (outcome.http_status == 404 && spec.not_found_message)
      message = spec.not_found_message->str();
    else if (outcome.http_status != 0)
      message =
          "HTTP " + std::to_string(outcome.http_status) + " from " + describe_request(spec, where);
    else
      message = diag_.message;
    message += verdict_text(decision.verdict, policy_.max_retries);
    fail(outcome.ec, message);
  }
  if (log_enabled(log, log_level::info))
    log_line(log, log_level::info,
             std::string(command_) + ": retrying " + describe_request(spec, where) + " in " +
                 std::to_string(decision.delay.count()) + " ms (attempt " +
                 std::to_string(attempt + 1) + ")");
  return {next_step::retry, decision.delay};
}

asio::awaitable<void> call::sleep(milliseconds d) {
  if (steady_clock::now() + d >= deadline_) {
    diag_.phase = "retry_wait";
    fail(error::timeout, "the wait would pass the call's deadline");
  }
  if (impl_->sleep_override) {
    co_await impl_->sleep_override(d);
    co_return;
  }
  asio::steady_timer timer(co_await asio::this_coro::executor, d);
  co_await timer.async_wait(asio::use_awaitable);  // throws operation_aborted when cancelled
}

boost::system::error_code end_call(client_impl& client, const char* command, diagnostics& diag,
                                   const call* c, std::exception_ptr failure) {
  if (!failure) return {};
  boost::system::error_code ec;
  std::string quoted;  // from the server: diagnostics only, never the log
  try {
    std::rethrow_exception(failure);
  } catch (const call_failure& f) {
    ec = f.code;
    // The call knows secrets the generic patterns miss (a secret's value, a fresh token),
    // and our own text may name what the caller passed.
    diag.message = c ? c->redact(f.message) : redact(f.message);
    if (!f.quoted.empty()) quoted = redacted_sample(c ? c->redact(f.quoted) : f.quoted, 512);
  } catch (const boost::system::system_error& e) {
    // Asio reports a cancelled wait as operation_aborted; the code says it all.
    ec = e.code() == asio::error::operation_aborted ? error::cancelled : error::connection_failed;
    diag.message = ec == error::cancelled ? "" : "unexpected I/O error";
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception&) {
    // Never pass on an unexpected exception's text: it could quote a response.
    ec = error::invalid_response;
    diag.message = "unexpected internal error while handling the response";
  }
  // The caller asked for these, or can expect them: not worth a warning.
  const bool expected = ec == error::not_found || ec == error::cancelled;
  const log_level level = expected ? log_level::debug : log_level::warning;
  const logger& log = client.options().logger;
  if (log_enabled(log, level))
    log_line(log, level,
             std::string(command) + " failed: " + ec.message() +
                 (diag.message.empty() ? "" : ": " + diag.message));
  if (!quoted.empty()) diag.message += "; body: " + quoted;
  return ec;
}

}  // namespace flowcore::detail
