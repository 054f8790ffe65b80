// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::event_producer`: many small ingests become few batch requests, per
/// destination, in send order, with bounded memory.

#include <flowcore/client.hpp>
#include <flowcore/commands/ingestion.hpp>
#include <flowcore/error.hpp>
#include <flowcore/options.hpp>

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>

namespace flowcore {

namespace detail {
class producer_state;
using send_handler =
    boost::asio::any_completion_handler<void(boost::system::error_code, std::string)>;
// Defined in src/: no Beast or Boost.JSON template is instantiated in a user's file.
void start_send(const std::shared_ptr<producer_state>& state, ingest_event event, diagnostics* diag,
                send_handler handler);
boost::asio::awaitable<std::string> send(std::shared_ptr<producer_state> state, ingest_event event);
}  // namespace detail

/// @brief How an `fc::event_producer` groups events. Every field has a default; the
/// constructor rejects a value out of range with `fc::error::invalid_argument`.
struct producer_options {
  /// Events per batch, 1 to 1,000. The real service takes at most 25 per request.
  std::size_t max_batch_events = 25;
  /// Bytes of a batch's body (the JSON array), at least 2. An event larger than this on
  /// its own is sent alone.
  std::size_t max_batch_bytes = std::size_t(1) << 20;
  /// How long an event waits for others to join its batch; a batch that fills up goes
  /// at once. Zero: a batch goes as soon as its destination has no batch in flight (events
  /// that arrive meanwhile still form a batch). At most one minute.
  std::chrono::microseconds linger{2'000};
  /// Batches of one destination in flight at once, 1 to 64. With 1, events sent one after
  /// another to a destination are stored in that order. With more, batches may be stored
  /// in any order among themselves (the events within a batch keep theirs), for more
  /// throughput to a single destination.
  std::size_t max_in_flight_per_destination = 1;
  /// Bytes of event data accepted and not yet stored (waiting or in a batch in flight),
  /// at least 1. A send that would pass it waits until batches complete (backpressure);
  /// sends are admitted in the order they were made. An event larger than this is admitted
  /// alone, when nothing else is buffered.
  std::size_t max_buffered_bytes = std::size_t(16) << 20;
  /// Overrides for every batch request (retry policy, deadline); default: the client's.
  call_options batch_call;
};

/// @brief What a producer has done so far.
struct producer_counters {
  std::uint64_t events_accepted = 0;      ///< Sends that joined a batch queue.
  std::uint64_t events_stored = 0;        ///< Sends completed with an event id.
  std::uint64_t events_failed = 0;        ///< Sends completed with an error (cancelled included).
  std::uint64_t batches_sent = 0;         ///< Batch requests started.
  std::uint64_t batches_failed = 0;       ///< Batch requests that ended with an error.
  std::size_t buffered_bytes = 0;         ///< Event data accepted and not yet stored, now.
  std::size_t peak_buffered_bytes = 0;    ///< The most `buffered_bytes` has been.
  std::size_t waiting_for_room = 0;       ///< Sends waiting for buffer room, now.
  std::size_t peak_waiting_for_room = 0;  ///< The most `waiting_for_room` has been.
};

/// @brief Groups many small ingests into few batch requests.
///
/// @code
/// fc::event_producer producer(client);
/// fc::ingest_event e{.tenant_name = "acme", .data_core_id = id, .flow_type_name = "order",
///                    .event_type_name = "created", .event_data = R"({"id":1})"};
/// std::string event_id = co_await producer.send(e);
/// @endcode
///
/// A send names its destination like `fc::ingest_event`: tenant, data core, flow type,
/// event type, and the headers that a batch shares (metadata, event time, valid time,
/// ttl, ephemeral and managed flags). Events with the same destination are grouped into
/// batches (`POST /events/...`) of at most `max_batch_events` events and `max_batch_bytes`
/// bytes; a batch goes when it is full, when its first event has waited `linger`, or
/// during a `flush()`. Each send completes when its batch is answered: with its event id,
/// or with the batch's error and diagnostics.
///
/// Guarantees:
/// - Order: with `max_in_flight_per_destination` 1 (the default), events sent one after
///   another to a destination are stored in send order.
/// - Bounded memory: at most `max_buffered_bytes` of event data are held; beyond it,
///   sends wait. Nothing is dropped silently.
/// - Batches follow `fc::ingest_batch`'s retry rule: one is re-sent only when the server
///   cannot have received it. A batch that failed after it was sent (an HTTP error, a
///   timeout, a dropped connection) fails each of its sends; its events may or may not
///   have been stored, and none is sent again.
/// - An event whose data is not JSON fails its own send with `invalid_argument` before it
///   joins a batch; so does a destination with an empty name. A bearer-mode client fails
///   every send with `not_allowed_in_mode` (ingestion takes an API key).
/// - Every send completes exactly once, whatever happens: stored, failed with its batch,
///   cancelled, refused after `close()`, or cancelled when the producer is destroyed.
///
/// @par Thread safety
/// One caller at a time, on its client's executor (`get_executor()`): with a multi-threaded
/// `io_context`, spawn its users there, or hop with
/// `co_await asio::co_spawn(producer.get_executor(), producer.send(e), asio::use_awaitable)`
/// (docs/threads.md). Not copyable, not movable.
class event_producer {
 public:
  using executor_type = boost::asio::any_io_executor;  ///< Its client's executor.

  /// @brief Creates a producer on `c`. Throws `fc::client_error` with `invalid_argument`
  /// naming an option out of range.
  explicit event_producer(client c, producer_options options = {});
  /// @brief Cancels what is left: sends not yet in a batch complete with `cancelled` at
  /// once; batches in flight are cancelled, and their sends complete with `cancelled`
  /// (or with the event id, when the answer came first). Each send completes once.
  ~event_producer();
  event_producer(const event_producer&) = delete;
  event_producer& operator=(const event_producer&) = delete;

  /// @brief Its client's executor.
  executor_type get_executor() const noexcept;

  /// @brief Sends `event` in a batch; returns its event id once the batch is stored.
  /// Throws `fc::client_error` with the batch's error and diagnostics.
  ///
  /// Waits first while the buffer is full. Cancelling it (through the awaiting
  /// coroutine's cancellation slot) before the event joined a batch removes the event and
  /// throws `cancelled`; once the batch is under way, it completes with the batch.
  template <class Event>
  requires std::is_same_v<std::remove_cvref_t<Event>, ingest_event>
      boost::asio::awaitable<std::string> send(Event&& event) {
    static_assert(!FLOWCORE_GCC12_COROUTINE_TEMPORARIES || std::is_lvalue_reference_v<Event>,
                  "GCC 12 miscompiles a temporary inside co_await: name the event first "
                  "(fc::ingest_event e{...}; co_await producer.send(e);)");
    return detail::send(state_, ingest_event(std::forward<Event>(event)));
  }

  /// @brief As `send`, with any completion token: completes with
  /// `void(boost::system::error_code, std::string event_id)`. Cancellation (terminal,
  /// partial or total) removes an event not yet in a batch and completes with `cancelled`.
  template <class Event, class CompletionToken>
  requires std::is_same_v<std::remove_cvref_t<Event>, ingest_event>
  auto async_send(Event&& event, CompletionToken&& token) {
    return initiate<!std::is_lvalue_reference_v<Event>>(std::forward<Event>(event), nullptr,
                                                        std::forward<CompletionToken>(token));
  }

  /// @brief As above; `diag` is filled in before completion and must outlive the send.
  template <class Event, class CompletionToken>
  requires std::is_same_v<std::remove_cvref_t<Event>, ingest_event>
  auto async_send(Event&& event, diagnostics& diag, CompletionToken&& token) {
    return initiate<!std::is_lvalue_reference_v<Event>>(std::forward<Event>(event), &diag,
                                                        std::forward<CompletionToken>(token));
  }

  /// @brief Waits until every event sent before it is stored or has failed. Batches go at
  /// once while a flush waits, without lingering. Throws `fc::client_error` with
  /// `cancelled` when cancelled, or when the producer is destroyed first.
  boost::asio::awaitable<void> flush();

  /// @brief Refuses new sends from now on (they fail with `fc::error::producer_closed`),
  /// then flushes. Calling it again only flushes.
  boost::asio::awaitable<void> close();

  /// @brief What the producer has done so far.
  producer_counters counters() const noexcept;
  /// @brief The options it was created with.
  const producer_options& options() const noexcept;

 private:
  template <bool Temporary, class EventArg, class CompletionToken>
  auto initiate(EventArg&& event_arg, diagnostics* diag, CompletionToken&& token) {
    using signature = void(boost::system::error_code, std::string);
    auto start = [state = state_](auto handler, ingest_event e, diagnostics* d) {
      detail::start_send(state, std::move(e), d, detail::send_handler(std::move(handler)));
    };
    ingest_event event(std::forward<EventArg>(event_arg));
    using returned = decltype(boost::asio::async_initiate<CompletionToken, signature>(
        std::move(start), token, std::move(event), diag));
    static_assert(!FLOWCORE_GCC12_COROUTINE_TEMPORARIES || !Temporary || std::is_void_v<returned>,
                  "GCC 12 miscompiles a temporary inside co_await: name the event first "
                  "(fc::ingest_event e{...}; co_await producer.async_send(e, token);), "
                  "or use a callback token");
    return boost::asio::async_initiate<CompletionToken, signature>(std::move(start), token,
                                                                   std::move(event), diag);
  }

  std::shared_ptr<detail::producer_state> state_;
};

}  // namespace flowcore
