// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::event_tail`: every stored event of some event types, at least once and in
/// order, across dropped notifications, server errors and restarts; `fc::tail_position`
/// and `fc::checkpoint_store` to resume where it stopped.

#include <flowcore/client.hpp>
#include <flowcore/commands/events.hpp>
#include <flowcore/error.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore {

namespace detail {
class tail_state;
}

/// @brief Where a tail stands in one event type: the last event it has passed.
struct tail_point {
  std::string time_bucket;  ///< `YYYYMMDDhh0000` of that event.
  std::string event_id;     ///< That event's id.

  /// @brief Equal when both fields are.
  friend bool operator==(const tail_point&, const tail_point&) = default;
};

/// @brief Where a tail stands: per event type (by name), the last event passed. An event
/// type without an entry is read from its first event.
///
/// A plain value: copy it, compare it, and keep it anywhere as `to_string()`, a short line
/// of printable ASCII (`t1;created=20261205090000/5e0f...`): in a file, in a key-value
/// store, or in the same database transaction as the work the events caused.
struct tail_position {
  std::map<std::string, tail_point, std::less<>> event_types;  ///< By event type name.

  /// @brief The text form, read back by `parse`.
  std::string to_string() const;
  /// @brief Reads `to_string()`'s form; throws `fc::client_error` with
  /// `fc::error::invalid_argument` saying what is wrong with `text`.
  static tail_position parse(std::string_view text);

  /// @brief Equal when they hold the same points for the same event types.
  friend bool operator==(const tail_position&, const tail_position&) = default;
};

/// @brief Where a tail keeps its position between runs. The tail loads it once when it
/// starts and saves it as it goes (`event_tail_options::checkpoint_every`,
/// `checkpoint_interval`). A failed save is logged and retried at the next commit; a failed
/// load stops the tail, which must not start from the wrong place.
class checkpoint_store {
 public:
  virtual ~checkpoint_store() = default;
  /// @brief The saved position, or an empty optional when none was saved yet.
  virtual boost::asio::awaitable<std::optional<tail_position>> load() = 0;
  /// @brief Replaces the saved position. Throw to report a failure.
  virtual boost::asio::awaitable<void> save(const tail_position& position) = 0;
};

/// @brief A position kept in memory: for tests, and to read what a tail committed.
class memory_checkpoint_store final : public checkpoint_store {
 public:
  memory_checkpoint_store() = default;
  /// @brief A store that holds `initial` as if it had been saved.
  explicit memory_checkpoint_store(tail_position initial) : saved_(std::move(initial)) {}
  boost::asio::awaitable<std::optional<tail_position>> load() override;
  boost::asio::awaitable<void> save(const tail_position& position) override;
  /// @brief What was saved last.
  const std::optional<tail_position>& saved() const noexcept { return saved_; }
  /// @brief Saves so far.
  std::uint64_t saves() const noexcept { return saves_; }

 private:
  std::optional<tail_position> saved_;
  std::uint64_t saves_ = 0;
};

/// @brief A position kept in one file. A save writes a temporary file beside it, flushes
/// it to disk (fsync), renames it over the file and flushes the directory: a crash or a
/// power cut at any moment leaves either the previous position or the new one, never a
/// torn mix. A missing file means no position; a file that does not parse stops the tail
/// with `invalid_argument` naming the file.
///
/// Saves block the calling thread for the fsync (about a millisecond on a local disk):
/// keep `checkpoint_every` and `checkpoint_interval` coarse enough for it.
class file_checkpoint_store final : public checkpoint_store {
 public:
  /// @brief A store in the file at `path`; nothing is read or written until first used.
  explicit file_checkpoint_store(std::filesystem::path path) : path_(std::move(path)) {}
  boost::asio::awaitable<std::optional<tail_position>> load() override;
  boost::asio::awaitable<void> save(const tail_position& position) override;
  /// @brief The file the position is kept in.
  const std::filesystem::path& path() const noexcept { return path_; }

 private:
  std::filesystem::path path_;
};

/// @brief What a tail follows, by name; the names are resolved to ids when the tail starts
/// and again after a read finds them gone, so a flow type recreated under its name is
/// followed.
struct tail_subscription {
  std::string tenant;                    ///< The tenant's name. Required.
  std::string data_core;                 ///< The data core's name. Required.
  std::string flow_type;                 ///< The flow type's name. Required.
  std::vector<std::string> event_types;  ///< Event type names; at least one.
};

/// @brief Where a tail starts when neither `event_tail_options::position` nor the
/// checkpoint store has one.
enum class tail_start {
  beginning,  ///< The first stored event of each event type.
  now,        ///< After the last event stored when the tail starts.
};

/// @brief What to do with an event whose handler still fails after `max_redeliveries`.
/// It receives the event and the handler's last exception; when it returns, the tail goes
/// on as if the event was handled. When it throws, the tail stops as if there was none.
using dead_letter_handler =
    std::function<boost::asio::awaitable<void>(const event&, std::exception_ptr)>;

/// @brief Options of a `fc::event_tail`. Every field but `subscription` has a default.
struct event_tail_options {
  tail_subscription subscription;            ///< What to follow.
  tail_start start = tail_start::beginning;  ///< Where to start without a saved position.
  /// Where to start; wins over `start`, loses to a position the checkpoint store holds.
  std::optional<tail_position> position;
  /// Where to load the position from and commit it to; null: nothing is saved.
  std::shared_ptr<checkpoint_store> checkpoints;
  /// Commit after this many events are done (handled, or passed by `next()`). Positive.
  std::size_t checkpoint_every = 1'000;
  /// Commit at least this often while events are being done. Positive.
  std::chrono::milliseconds checkpoint_interval{1'000};

  /// Read the store this often even when no notification came. Positive.
  std::chrono::milliseconds poll_interval{20'000};
  /// Use the notification stream to read as soon as an event is stored. false: poll only.
  bool notifications = true;
  /// Events read ahead of the consumer, at most. Reading pauses while they are waiting:
  /// memory stays bounded with a slow consumer. 1 to 100,000.
  std::size_t max_buffered_events = 1'000;
  /// After a failed read, wait this long before the next one, doubling per failure in a
  /// row up to `poll_interval`, ±20 % jitter. Positive.
  std::chrono::milliseconds retry_interval{1'000};

  /// `run()`: handlers of different event types may run at the same time, at most this
  /// many; the events of one event type are always handled one after another, in order.
  /// 1 to 1,000.
  std::size_t max_concurrent_handlers = 1;
  /// `run()`: how many times a failed handler is called again for the same event.
  int max_redeliveries = 3;
  /// `run()`: the wait before the first redelivery, doubling for each next one.
  std::chrono::milliseconds redelivery_delay{100};
  /// `run()`: where an event goes whose handler failed every time; empty: `run()` fails
  /// with `fc::error::handler_failed`, naming the event, and the tail stops.
  dead_letter_handler dead_letter;
};

/// @brief What a tail has done so far.
struct tail_counters {
  std::uint64_t delivered = 0;      ///< Events handed to the consumer, redeliveries excluded.
  std::uint64_t redelivered = 0;    ///< Handler calls repeated after a failure (`run()`).
  std::uint64_t dead_lettered = 0;  ///< Events handed to the dead-letter handler.
  std::uint64_t polls = 0;          ///< Read passes over the store, whatever woke them.
  std::uint64_t wakeups = 0;        ///< Notifications that woke the reader.
  std::uint64_t read_failures = 0;  ///< Reads that failed and were retried.
  std::uint64_t commits = 0;        ///< Positions saved to the checkpoint store.
  /// Now minus the `valid_time` of the last event delivered (for an event ingested without
  /// a valid time, the time it was stored), when last measured; 0 before the first.
  std::chrono::milliseconds lag{0};
};

/// @brief Every event of some event types of one flow type, at least once and in storage
/// order per event type: across dropped notifications, server errors and restarts.
///
/// @code
/// fc::event_tail tail(client, fc::event_tail_options{
///     .subscription = {.tenant = "acme", .data_core = "orders", .flow_type = "order",
///                      .event_types = {"created", "shipped"}},
///     .checkpoints = std::make_shared<fc::file_checkpoint_store>("orders.position")});
/// co_await tail.run([&](const fc::event& e) -> asio::awaitable<void> { ... });
/// @endcode
///
/// The store is the source of truth: the tail reads each event type's time buckets in
/// order, and in each bucket the events after the last one it passed. Notifications only
/// wake it; a read every `poll_interval` finds what a lost notification missed, and the
/// reads go on while the notification socket is down. Every read runs under the client's
/// deadline and retry policy; a failed read is retried with backoff, forever, so a server
/// that answers errors for minutes only delays the tail. The tail fails (`next()` and
/// `run()` throw `fc::client_error`) only when retrying cannot help: `invalid_argument`
/// (options, found before any I/O, or a saved position that does not parse),
/// `not_found` (a name no longer resolves), `auth_failed`, `tls_failed`, an HTTP 4xx other
/// than 408 and 429, a checkpoint store that cannot load, or a handler that keeps failing.
///
/// Order and duplicates: events of one event type arrive in storage order, time bucket
/// after time bucket. An event is delivered once unless the process stops between
/// handling it and the next commit: a restart from the checkpoint delivers again what came
/// after the position last saved. To process each event effectively once, save
/// `position()` in the same transaction as the work it did, and start from it.
///
/// Backdated events: the tail leaves a time bucket for a newer one only after reading it
/// once more after the newer bucket appeared, so events stored in time order are never
/// skipped. An event stored later into a bucket the tail has already left (its event time
/// is older than the newest bucket already holding events of its type: a backdated event
/// time, or a producer whose clock is behind) is not delivered by that tail; a tail
/// started from a position before that bucket, or from the beginning, delivers it.
///
/// @par Thread safety
/// One caller at a time, on its client's executor (`get_executor()`): with a multi-threaded
/// `io_context`, spawn its consumer there (docs/threads.md). A tail is neither copyable nor
/// movable.
class event_tail {
 public:
  using executor_type = boost::asio::any_io_executor;  ///< Its client's executor.

  /// @brief Creates the tail; nothing is sent until the first `next()` or `run()`.
  event_tail(client c, event_tail_options options);
  /// @brief Closes the tail (as `close()`).
  ~event_tail();
  event_tail(const event_tail&) = delete;
  event_tail& operator=(const event_tail&) = delete;

  /// @brief Its client's executor.
  executor_type get_executor() const noexcept;

  /// @brief The next event, or an empty optional after `close()`.
  ///
  /// Calling it again marks the event it returned before as done: the position moves past
  /// it and the next commit saves it. Throws `fc::client_error` on a terminal failure (every
  /// later call throws it again), `fc::error::stream_in_use` when another `next()` or
  /// `run()` is pending, and `fc::error::cancelled` when this call is cancelled (the tail
  /// stays usable; no event is lost).
  boost::asio::awaitable<std::optional<event>> next();

  /// @brief Awaits `handler` for each event, in order, until `close()`, then commits and
  /// returns. A handler that throws is called again for the same event after
  /// `redelivery_delay` (doubling), up to `max_redeliveries` times; then the event goes to
  /// `dead_letter`, or `run()` fails with `fc::error::handler_failed` naming it. An event
  /// is done when its handler returns.
  boost::asio::awaitable<void> run(
      std::function<boost::asio::awaitable<void>(const event&)> handler);

  /// @brief Saves `position()` to the checkpoint store now (does nothing without one).
  /// Throws what the store's `save` threw.
  boost::asio::awaitable<void> commit();

  /// @brief Past every event that is done.
  tail_position position() const;

  /// @brief Ends the tail now, from any state: a pending `next()` returns an empty
  /// optional, `run()` commits and returns, reads and waits in flight are cancelled.
  void close() noexcept;

  /// @brief What the tail has done so far.
  tail_counters counters() const noexcept;

  /// @brief The last failure, terminal or not (a read that will be retried included).
  const flowcore::diagnostics& diagnostics() const noexcept;

 private:
  std::shared_ptr<detail::tail_state> state_;
};

}  // namespace flowcore
