// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "notifications/reconnect_loop.hpp"

#include "auth_headers.hpp"
#include "client_impl.hpp"
#include "logging.hpp"
#include "notifications/frame_parser.hpp"
#include "origin.hpp"
#include "redact.hpp"
#include "token_fetch.hpp"
#include "transport/tls_context.hpp"
#include "url_encoding.hpp"

#include <flowcore/client.hpp>
#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/event_type.hpp>
#include <flowcore/commands/flow_type.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <functional>
#include <random>
#include <string>
#include <variant>

namespace flowcore::detail {
namespace {

namespace asio = boost::asio;
using boost::system::error_code;
using steady_clock = std::chrono::steady_clock;

// What every attempt needs, worked out once before any I/O (docs/protocol.md section 10.1).
struct stream_setup {
  origin where;
  std::shared_ptr<asio::ssl::context> tls;  // wss only
  std::optional<parsed_api_key> key;        // api-key mode
  bool legacy_key_id = false;
};

std::optional<std::string> invalid_options(const notification_options& o) {
  const notification_subscription& sub = o.subscription;
  if (sub.tenant.empty()) return "subscription.tenant is required";
  if (sub.data_core.empty()) return "subscription.data_core is required";
  if (!sub.event_type.empty() && sub.flow_type.empty())
    return "subscription.event_type needs subscription.flow_type";
  if (!valid_reconnect_options(o.reconnect_interval, o.max_reconnects))
    return "reconnect_interval must be positive and max_reconnects not negative";
  if (!valid_liveness_options({o.ping_interval, o.idle_timeout}))
    return "ping_interval and idle_timeout must be positive";
  if (o.connect_timeout.count() <= 0 || o.handshake_timeout.count() <= 0)
    return "connect_timeout and handshake_timeout must be positive";
  if (o.max_queued_events == 0) return "max_queued_events must be positive";
  if (o.lookup_retry.max_retries < 0 || o.lookup_retry.delay.count() < 0 ||
      o.lookup_retry.max_delay.count() < 0)
    return "lookup_retry has a negative field";
  if (const auto* bearer = std::get_if<bearer_token>(&o.credentials); bearer && !bearer->provider)
    return "bearer_token.provider is empty";
  return std::nullopt;
}

// Fills `setup`, or says what is wrong (never quoting a key).
std::optional<std::string> prepare(const notification_options& o, stream_setup& setup) {
  if (auto problem = invalid_options(o)) return problem;
  if (const auto* key = std::get_if<api_key>(&o.credentials)) {
    setup.key = parse_api_key(*key);
    if (!setup.key) return "the api key is malformed";
    setup.legacy_key_id = !key->id.empty();
  }
  if (o.base_url.empty()) {
    setup.where = service_origin(service::tenant);  // wss://tenant.api.flowcore.io
  } else if (auto parsed = parse_base_url(o.base_url)) {
    setup.where = std::move(*parsed);
  } else {
    return "base_url must be http[s]://host[:port]";
  }
  if (setup.where.tls) {
    error_code ec;
    setup.tls = make_client_tls_context(o.ca_file, ec);
    if (ec) return "ca_file cannot be loaded";
  }
  return std::nullopt;
}

// The REST client of one attempt's lookups. In bearer mode it hands out the attempt's
// token, so the provider is awaited once per attempt, not once per lookup
// (docs/protocol.md section 10.2). It lives only as long as the lookups: its pooled
// connection would otherwise stay open next to the WebSocket for the whole session. It
// verifies TLS with the stream's context, made once, rather than loading the trust store
// again on every attempt.
asio::awaitable<std::string> current_token(std::shared_ptr<std::string> token) {
  co_return *token;
}

client make_lookup_client(const notification_state& s, const stream_setup& setup,
                          std::shared_ptr<std::string> token) {
  client_options o;
  o.base_url = s.options.base_url;
  o.ca_file = s.options.ca_file;
  o.logger = s.options.logger;
  o.retry = s.options.lookup_retry;
  if (const auto* key = std::get_if<api_key>(&s.options.credentials))
    o.credentials = *key;
  else
    o.credentials = bearer_token{std::bind(&current_token, std::move(token))};
  client lookups(s.executor, std::move(o));
  if (setup.tls) client_access::impl(lookups)->http().use_tls_context(setup.tls);
  return lookups;
}

struct resolved_ids {
  std::string data_core;
  std::string flow_type;
  std::string event_type;
};

// docs/protocol.md section 10.2 step 2. Throws client_error (not_found when a name does not
// resolve). The client is not the first parameter: Asio would take it for the coroutine's
// executor. It is destroyed, closing its connection, when the lookups are done.
asio::awaitable<resolved_ids> lookup_ids(notification_subscription sub, client rest) {
  resolved_ids ids;
  data_core_fetch core_cmd{.tenant = sub.tenant, .data_core = sub.data_core};
  const data_core core = co_await rest.execute(core_cmd);
  ids.data_core = core.id;
  if (!sub.flow_type.empty()) {
    flow_type_fetch flow_cmd{.data_core_id = ids.data_core, .flow_type = sub.flow_type};
    const flowcore::flow_type flow = co_await rest.execute(flow_cmd);
    ids.flow_type = flow.id;
  }
  if (!sub.event_type.empty()) {
    event_type_fetch type_cmd{.flow_type_id = ids.flow_type, .event_type = sub.event_type};
    const flowcore::event_type type = co_await rest.execute(type_cmd);
    ids.event_type = type.id;
  }
  co_return ids;
}

// docs/protocol.md section 10.4: tenant by name, the rest by id, unsubscribed keys left out.
std::string subscription_frame(const std::string& tenant, const resolved_ids& ids) {
  boost::json::object frame;
  frame["tenant"] = tenant;
  frame["dataCoreId"] = ids.data_core;
  if (!ids.flow_type.empty()) frame["flowTypeId"] = ids.flow_type;
  if (!ids.event_type.empty()) frame["eventTypeId"] = ids.event_type;
  return boost::json::serialize(frame);
}

// docs/protocol.md section 10.3. Holds the token or key: never logged, never put in an
// error.
std::string upgrade_target(const stream_setup& setup, const std::string& token) {
  if (setup.key) return "/notifications?" + api_key_query(*setup.key, setup.legacy_key_id);
  return "/notifications?token=" + percent_encode(token);
}

// What logs may say about where the stream connects: scheme, host, path.
std::string public_url(const origin& where) {
  return std::string(where.tls ? "wss://" : "ws://") + where.host_header() + "/notifications";
}

notification_event to_event(event_frame frame) {
  return {.pattern = std::move(frame.pattern),
          .data = {.tenant = std::move(frame.data.tenant),
                   .event_id = std::move(frame.data.event_id),
                   .data_core_id = std::move(frame.data.data_core_id),
                   .flow_type = std::move(frame.data.flow_type),
                   .event_type = std::move(frame.data.event_type),
                   .valid_time = std::move(frame.data.valid_time)}};
}

// One stream's reconnect loop: the state it keeps across attempts.
struct driver {
  driver(std::shared_ptr<notification_state> s, stream_setup su)
      : state(std::move(s)),
        setup(std::move(su)),
        backoff(state->options.reconnect_interval, state->options.max_reconnects) {
    if (setup.key) {
      secrets.add_secret(setup.key->key);
      secrets.add_secret(setup.key->secret);
    }
  }

  bool max_events_reached() const {
    return state->options.max_events != 0 && received >= state->options.max_events;
  }

  // The jitter draw of the next reconnect delay, uniform in [0, 1).
  double jitter() { return std::uniform_real_distribution<double>(0.0, 1.0)(random); }

  std::shared_ptr<notification_state> state;
  stream_setup setup;
  std::shared_ptr<std::string> token = std::make_shared<std::string>();
  reconnect_state backoff;
  std::size_t received = 0;  // event frames, toward max_events
  redactor secrets;          // the key, its secret part and every token fetched
  // Jitter only has to keep clients out of lockstep, so a small engine will do: a
  // std::mt19937 is 5 KB, and every idle stream would carry one.
  std::minstd_rand random{std::random_device{}()};
};

void log(const driver& d, log_level level, const std::string& line) {
  log_line(d.state->options.logger, level, "notifications: " + line);
}

// A frame from the session (docs/protocol.md sections 10.5, 10.6). Returns false once
// max_events is reached.
bool on_frame(driver& d, std::string_view text) {
  if (d.state->closed() || d.max_events_reached()) return false;
  parsed_frame parsed = parse_frame(text, d.secrets);
  if (auto* event = std::get_if<event_frame>(&parsed)) {
    ++d.received;
    d.state->push(to_event(std::move(*event)));
    return !d.max_events_reached();
  }
  ++d.state->counters.dropped_frames;
  if (const auto* rejected = std::get_if<validation_frame>(&parsed)) {
    d.state->diag.server_message = rejected->message;
    d.state->diag.message = "the server rejected the subscription: " + rejected->summary;
    log(d, log_level::error, d.state->diag.message + ": " + d.state->diag.server_message);
  } else if (const auto* dropped = std::get_if<dropped_frame>(&parsed)) {
    log(d, log_level::warning,
        "dropped a malformed frame (" + std::string(describe(dropped->reason)) + ")");
  } else {
    log(d, log_level::warning, "ignored a frame of an unknown type");
  }
  return true;
}

stream_outcome lookup_failure(error_code ec, int status, std::string detail) {
  return {.phase = stream_phase::lookup, .ec = ec, .http_status = status,
          .detail = std::move(detail)};
}

// What one attempt's session needs, or why the attempt failed before it.
using prepared_attempt = std::variant<ws_session_params, stream_outcome>;

// The token and the lookups of one attempt. A coroutine of its own, so
// that its frame (the lookup client, the ids, the exception) is gone while the session
// runs.
asio::awaitable<prepared_attempt> prepare_attempt(std::shared_ptr<driver> d) {
  notification_state& s = *d->state;
  if (const auto* bearer = std::get_if<bearer_token>(&s.options.credentials)) {
    // Bounded by the connect budget: a provider that never answers costs one attempt.
    fetched_token fresh = co_await fetch_token(bearer->provider, s.options.connect_timeout);
    if (fresh.ec) {
      s.diag = diagnostics{.command = "notification_stream", .message = fresh.problem};
      if (fresh.ec == error::timeout) s.diag.phase = "token";
      co_return lookup_failure(fresh.ec, 0, std::move(fresh.problem));
    }
    d->secrets.add_secret(fresh.token);
    *d->token = std::move(fresh.token);
  }

  resolved_ids ids;
  try {
    client rest = make_lookup_client(s, d->setup, d->token);
    ids = co_await lookup_ids(s.options.subscription, std::move(rest));
  } catch (const client_error& e) {
    // The lookup's own diagnostics are the fuller story; the detail goes to the log, so it
    // names the command and the error only, never a server's words or a body.
    s.diag = e.diagnostics();
    const int status = e.diagnostics().http_status;
    co_return lookup_failure(e.code(), status,
                             e.diagnostics().command + " failed: " + e.code().message());
  }

  ws_session_params params;
  params.where = d->setup.where;
  params.tls = d->setup.tls;
  params.target = upgrade_target(d->setup, *d->token);
  params.subscription = subscription_frame(s.options.subscription.tenant, ids);
  params.connect_timeout = s.options.connect_timeout;
  params.handshake_timeout = s.options.handshake_timeout;
  params.liveness = {s.options.ping_interval, s.options.idle_timeout};
  co_return params;
}

ws_session_hooks session_hooks(driver& d) {
  ws_session_hooks hooks;
  hooks.on_subscribed = [raw = &d] {
    raw->backoff.on_connected(steady_clock::now());
    ++raw->state->counters.subscriptions;
    log(*raw, log_level::debug, "subscribed");
  };
  hooks.on_frame = [raw = &d](std::string_view text) { return on_frame(*raw, text); };
  return hooks;
}

// One attempt: token, lookups, then the session until it ends. Its frame
// lives as long as the session: it keeps nothing but the outcome.
asio::awaitable<stream_outcome> attempt(std::shared_ptr<driver> d) {
  prepared_attempt prepared = co_await prepare_attempt(d);
  if (auto* failed = std::get_if<stream_outcome>(&prepared)) co_return std::move(*failed);

  notification_state& s = *d->state;
  s.closer = std::make_shared<session_closer>();
  log(*d, log_level::debug, "connecting to " + public_url(d->setup.where));
  ws_session_hooks hooks = session_hooks(*d);
  stream_outcome outcome = co_await run_ws_session(
      s.executor, std::get<ws_session_params>(std::move(prepared)), std::move(hooks), s.closer);
  s.closer.reset();
  co_return outcome;
}

// Records a failed attempt where diagnostics() shows it.
void remember(notification_state& s, const stream_outcome& outcome) {
  // A failed token fetch or REST lookup left its own, fuller diagnostics.
  if (outcome.phase == stream_phase::lookup) return;
  s.diag = diagnostics{
      .command = "notification_stream", .http_status = outcome.http_status, .message = outcome.detail};
}

asio::awaitable<void> reconnect_loop(std::shared_ptr<driver> d) {
  notification_state& s = *d->state;
  asio::steady_timer wait(s.executor);
  for (;;) {
    stream_outcome outcome = co_await attempt(d);
    if (s.closed()) co_return;
    if (d->max_events_reached()) {
      log(*d, log_level::debug, "max_events received; ended");
      s.end({});
      co_return;
    }
    const outcome_decision decision = classify_outcome(outcome);
    if (decision.verdict == outcome_verdict::normal_end) {
      log(*d, log_level::debug, "the server ended the stream (1000)");
      s.end({});
      co_return;
    }
    remember(s, outcome);
    if (decision.verdict == outcome_verdict::terminal) {
      log(*d, log_level::error, "failed: " + outcome.detail);
      s.end(decision.error);
      co_return;
    }
    const reconnect_decision next = d->backoff.on_disconnected(steady_clock::now(), d->jitter());
    if (next.action == reconnect_action::exhausted) {
      // The code says that the attempts ran out; the message, what the last one met.
      s.diag.command = "notification_stream";
      s.diag.message = "the last attempt: " + outcome.detail;
      log(*d, log_level::error, "reconnect attempts exhausted; " + s.diag.message);
      s.end(error::reconnects_exhausted);
      co_return;
    }
    ++s.counters.reconnects;
    log(*d, log_level::info,
        outcome.detail + "; reconnecting in " + std::to_string(next.delay.count()) +
            " ms (attempt " + std::to_string(next.attempt) + ")");
    wait.expires_after(next.delay);
    co_await wait.async_wait(asio::as_tuple(asio::use_awaitable));
    if (s.closed()) co_return;
  }
}

}  // namespace

asio::awaitable<void> run_reconnect_loop(std::shared_ptr<notification_state> state) {
  stream_setup setup;
  if (auto problem = prepare(state->options, setup)) {
    state->diag.command = "notification_stream";
    state->diag.message = *problem;
    log_line(state->options.logger, log_level::error, "notifications: " + *problem);
    state->end(error::invalid_argument);
    co_return;
  }
  auto d = std::make_shared<driver>(state, std::move(setup));
  try {
    co_await reconnect_loop(d);
  } catch (...) {
    // Only a cancellation can get here (close() while an operation was starting), or
    // memory exhaustion. Whatever it is, the stream ends here: a driver that stopped
    // without ending it would leave next() waiting forever.
    if (!state->closed()) {
      state->diag.command = "notification_stream";
      state->diag.message = "the stream stopped on an unexpected failure";
      state->end(error::connection_failed);
    }
  }
}

}  // namespace flowcore::detail
