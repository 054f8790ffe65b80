// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::notification_stream`: the events of a data core as they are stored, over a
/// WebSocket that reconnects by itself.

#include <flowcore/auth.hpp>
#include <flowcore/error.hpp>
#include <flowcore/log.hpp>
#include <flowcore/retry.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/experimental/coro.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>

namespace flowcore {

namespace detail {
class notification_state;
}

/// @brief What a stream subscribes to, by name. The stream resolves the names to ids over
/// REST on every connect, so a data core recreated under the same name is followed.
struct notification_subscription {
  std::string tenant;      ///< The tenant's name. Required.
  std::string data_core;   ///< The data core's name. Required.
  std::string flow_type;   ///< A flow type's name; empty: every flow type of the data core.
  std::string event_type;  ///< An event type's name; needs `flow_type`; empty: all of them.
};

/// @brief Options of a `fc::notification_stream`. Every field but `credentials` and
/// `subscription` has a default; name only what you change.
struct notification_options {
  flowcore::credentials credentials;       ///< `fc::api_key` or `fc::bearer_token`.
  std::string base_url;                    ///< `http[s]://host[:port]`; empty: the real hosts.
  notification_subscription subscription;  ///< What to subscribe to.
  /// First reconnect delay; it doubles per failed attempt up to 30 s, ±20 % jitter, and
  /// starts over after a connection that stayed up 30 s.
  std::chrono::milliseconds reconnect_interval{1'000};
  int max_reconnects = 0;      ///< 0: unlimited; N: end after N failed attempts in a row.
  std::size_t max_events = 0;  ///< 0: unlimited; N: close normally after N events.
  flowcore::logger logger = {};  ///< Silent by default; never sees a token or key.
  std::chrono::milliseconds ping_interval{20'000};  ///< Between two pings we send.
  std::chrono::milliseconds idle_timeout{60'000};   ///< Nothing received this long: reconnect.
  std::chrono::milliseconds connect_timeout{10'000};    ///< Resolve and TCP connect, each.
  std::chrono::milliseconds handshake_timeout{10'000};  ///< TLS, then the WebSocket upgrade.
  /// Events received but not yet taken by `next()`. When a slow consumer lets it fill, the
  /// oldest queued event is discarded for each new one, counted in
  /// `notification_counters::discarded_events` and logged at warning: memory stays bounded
  /// and the consumer sees the newest events; read the event store to catch up.
  std::size_t max_queued_events = 1'000;
  std::string ca_file;  ///< Extra trust anchors (PEM file) for wss and the lookups.
  /// The retry policy of the REST name lookups made on every connect. A lookup that still
  /// fails after it is one failed attempt: transient failures (network errors, timeouts,
  /// 408, 429, 5xx, and a body that is not the expected JSON, as a proxy's maintenance page
  /// during a restart) reconnect with backoff; `not_found` and other 4xx end the stream.
  flowcore::retry_policy lookup_retry = {};
};

/// @brief The `data` of an event notification (docs/protocol.md section 10.5). Absent fields
/// are empty.
struct notification_event_data {
  std::string tenant;        ///< The tenant's **id** (`tenantId`).
  std::string event_id;      ///< Never empty.
  std::string data_core_id;  ///< The data core's id.
  std::string flow_type;     ///< The flow type's **name** (`aggregator`).
  std::string event_type;    ///< The event type's **name**.
  std::string valid_time;    ///< ISO 8601 text, as the server sent it.
};

/// @brief One stored event, announced. The event's payload is read with the event commands.
struct notification_event {
  std::string pattern;           ///< Opaque routing key.
  notification_event_data data;  ///< Which event was stored, and where.
};

/// @brief What a stream has seen so far.
struct notification_counters {
  std::uint64_t events = 0;            ///< Returned by `next()` (or yielded by `events()`).
  std::uint64_t subscriptions = 0;     ///< Connects that upgraded and sent the subscription.
  std::uint64_t reconnects = 0;        ///< Reconnect attempts started.
  std::uint64_t dropped_frames = 0;    ///< Malformed, validation and other-type frames.
  std::uint64_t discarded_events = 0;  ///< Oldest events dropped from a full queue.
};

/// @brief The events of one subscription, as an async generator.
///
/// @code
/// fc::notification_stream stream(ex, fc::notification_options{
///     .credentials = fc::api_key{key}, .base_url = url,
///     .subscription = {.tenant = "acme", .data_core = "orders", .flow_type = "order"}});
/// while (std::optional<fc::notification_event> ev = co_await stream.next()) { ... }
/// @endcode
///
/// The first `next()` (or `events()`) connects: it resolves the names over REST, opens
/// ws:// or wss:// with the token or key in the query, and sends the subscription. A drop,
/// a read error, a close code other than 1000 or a silent peer (`idle_timeout`) makes it
/// reconnect with backoff, a fresh token, fresh lookups and the subscription re-sent; the
/// consumer sees none of it. Events stored while disconnected are not replayed: to see
/// every event, use `fc::event_tail` (flowcore/event_tail.hpp), which reads the store.
///
/// The stream ends (`next()` returns an empty optional) when the server closes with 1000,
/// after `max_events`, or after `close()`. It fails (`next()` throws `fc::client_error`)
/// with `invalid_argument` (bad options, found before any I/O), `auth_failed`, `not_found`
/// (a name does not resolve), `tls_failed` (a lookup met a certificate that does not verify:
/// retrying cannot fix it), `http_status` (the upgrade was refused with a 4xx such as 401)
/// or `reconnects_exhausted`; `diagnostics()` then says more. Malformed frames are skipped,
/// counted and logged at warning; a subscription the server rejects is logged at error
/// and kept in `diagnostics()`, and the stream goes on.
///
/// A server that lost its state (restarted empty, or the data core was deleted) answers the
/// next connect's lookups with 404, and the stream fails with `not_found`: it cannot know
/// whether the data core will come back. A data core recreated under the same name before
/// the stream reconnects is followed, under its new id.
///
/// @par Thread safety
/// Use a stream from its executor only (pass a strand with a multi-threaded io_context;
/// docs/threads.md).
/// A moved-from stream may only be destroyed or assigned to.
class notification_stream {
 public:
  using executor_type = boost::asio::any_io_executor;  ///< The executor it runs on.

  /// @brief Creates the stream; nothing is sent until the first `next()` or `events()`.
  template <class Executor>
    requires(!std::is_same_v<std::remove_cvref_t<Executor>, notification_stream> &&
             std::is_convertible_v<const Executor&, executor_type>)
  explicit notification_stream(const Executor& ex, notification_options options)
      : notification_stream(executor_type(ex), std::move(options), construct_tag{}) {}

  /// @brief Takes over the other stream's connection and state; that one is left moved-from.
  notification_stream(notification_stream&&) noexcept;
  /// @brief Closes this stream (as `close()`), then takes over the other one's.
  notification_stream& operator=(notification_stream&&) noexcept;
  notification_stream(const notification_stream&) = delete;
  notification_stream& operator=(const notification_stream&) = delete;

  /// @brief Closes the stream (as `close()`); the socket's close finishes in the background.
  ~notification_stream();

  /// @brief The executor it runs on.
  executor_type get_executor() const noexcept;

  /// @brief The next event, or an empty optional once the stream has ended.
  ///
  /// Throws `fc::client_error` on a terminal failure (every later call throws it again),
  /// with `fc::error::stream_in_use` when another `next()` is pending, and with
  /// `fc::error::cancelled` when this call is cancelled (the stream stays usable).
  boost::asio::awaitable<std::optional<notification_event>> next();

  /// @brief The same events as a generator: each `async_resume` yields the next event or,
  /// at the end, an empty optional; a terminal failure is thrown from it. Do not mix with
  /// `next()` while one is pending.
  boost::asio::experimental::coro<notification_event> events();

  /// @brief Ends the stream now, from any state: a pending `next()` returns an empty
  /// optional, a reconnect wait or connect attempt stops, an open socket is closed with
  /// 1000 "Disconnected by user" (waiting at most 5 s for the peer, in the background).
  void close() noexcept;

  /// @brief What the stream has done so far.
  notification_counters counters() const noexcept;

  /// @brief The last failure (terminal or not) and the last rejected subscription, redacted.
  const flowcore::diagnostics& diagnostics() const noexcept;

 private:
  struct construct_tag {};
  notification_stream(executor_type ex, notification_options options, construct_tag);
  std::shared_ptr<detail::notification_state> state_;
};

}  // namespace flowcore
