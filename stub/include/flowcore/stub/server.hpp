// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief The Flowcore stub server as a library: tests start it in-process on port 0.

#include <boost/asio/any_io_executor.hpp>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::stub {

/// @brief How the stub listens, how slow its background work is, where its ids come from
/// and where it keeps its state.
struct server_options {
  std::string host = "127.0.0.1";                      ///< Address to bind.
  std::uint16_t port = 0;                              ///< 0: the system picks one.
  std::chrono::milliseconds delete_delay{300};         ///< request-delete completes after it.
  std::chrono::milliseconds truncate_delay{1500};      ///< request-truncate completes after it.
  std::string tls_cert_file;                           ///< PEM chain; set with key: serve https.
  std::string tls_key_file;                            ///< PEM private key.
  /// false: requests() and subscription_frames() stay empty (long-running stubs).
  bool record_requests = true;

  /// Set: every id the stub hands out (tenants, API keys and their secrets, data cores,
  /// flow types, event types, events, sensitive-data removals, the seeded tenant's) comes
  /// from one engine seeded with it, in the usual formats. Two stubs with the same seed
  /// answering the same requests in the same order hand out the same ids, so a test can
  /// compare ids with recorded ones. reset() does not restart the sequence: ids stay
  /// unique for the server's life. Unset (the default): random ids, never the same twice.
  std::optional<std::uint64_t> id_seed;

  /// Non-empty: the stub keeps its state in this file across restarts. start() loads it
  /// if it exists, else creates it; then the stub replaces it (a temporary file beside it,
  /// renamed over it) after every change it answers for, so a stub killed without warning
  /// loses nothing it acknowledged. A change it cannot write is answered 500 (the change
  /// stays in memory) and the next change tries again.
  ///
  /// Kept: tenants (the seeded one's id too), API keys with their secrets, secrets,
  /// variables, data cores, flow types, event types, the sensitive-data log, and with
  /// `id_seed` where the id sequence stands (the same seed goes on from there). Not kept:
  /// events, faults, pending delete and truncate timers (what was pending at the stop is
  /// complete at the restart), sockets, recorded requests. A key's `lastUsedAt` is written
  /// with the next change or at stop(). One stub per file, enforced: from start() to
  /// stop() the stub holds an exclusive lock on "PATH.lock" beside it. Created readable by
  /// its owner only, since it holds keys and secret values.
  std::filesystem::path state_file;

  /// @name Limits against broken or hostile clients
  /// The stub runs unattended in CI: no client may crash it or grow its memory without
  /// bound. Every limit and timeout must be positive; start() throws otherwise.
  /// @{

  /// A request line and headers longer than this: 431, and the connection closes. Beast
  /// holds no header value of 65,534 bytes or more; one is answered 431 whatever this says.
  std::uint32_t max_header_bytes = 64 * 1024;
  /// A request body longer than this (by Content-Length or as it arrives): 413.
  std::uint64_t max_body_bytes = 64ull * 1024 * 1024;
  /// Bytes of request bodies being read, summed over every connection. A request whose
  /// body would go past it is answered 503 with `Retry-After: 1` and its connection closes.
  std::uint64_t max_body_bytes_in_flight = 256ull * 1024 * 1024;
  /// Frames queued on one notification socket and not yet sent, in bytes. A socket whose
  /// client stops reading is dropped (TCP closed, no close frame) once its queue would
  /// pass it; the other sockets are unaffected.
  std::size_t max_subscriber_queue_bytes = 16 * 1024 * 1024;
  /// From the moment the stub waits for a request until its headers are complete. Past
  /// it: 408 and close if part of a request arrived; an idle keep-alive connection closes
  /// quietly.
  std::chrono::milliseconds header_timeout{10'000};
  /// From the end of the headers until the whole body arrived. Past it: 408 and close.
  std::chrono::milliseconds body_timeout{30'000};
  /// @}
};

/// @brief A fault to inject (docs/protocol.md section 13.4). Same fields as the JSON body
/// of `POST /__stub/faults`.
struct fault {
  std::string method;       ///< Empty: any method. Compared case-insensitively.
  std::string path_prefix;  ///< Matched against the path without query; empty: all.
  int count = 1;            ///< Matches left; <= 0: forever.
  std::optional<int> status;               ///< Answer with this status and a JSON error.
  std::optional<std::string> retry_after;  ///< With status: the Retry-After header.
  std::optional<std::chrono::milliseconds> delay;  ///< Wait first, then the rest.
  bool reset = false;                      ///< Close the connection without answering.
  bool stall = false;                      ///< Never answer; keep the connection open.
  std::optional<std::string> body;         ///< 2xx (status or 200) with this raw body.
};

/// @brief One request the stub received (control routes excluded).
struct request_record {
  std::string method;          ///< "GET", "POST", ...
  std::string target;          ///< Path and query as received (still percent-encoded).
  std::string authorization;   ///< The Authorization header, verbatim.
  std::string content_type;    ///< The Content-Type header, verbatim.
  std::string user_agent;      ///< The User-Agent header, verbatim.
  std::string body;            ///< The request body.
  bool has_content_length = false;  ///< Whether a Content-Length header was sent.
  bool chunked = false;             ///< Whether Transfer-Encoding: chunked was used.
  std::uint64_t connection_id = 0;  ///< Which accepted connection carried it (1, 2, ...).
  std::string sni;                  ///< TLS server name sent by the client; empty if none.
  /// Every header in arrival order, names as sent (ingestion's `x-flowcore-*` included).
  std::vector<std::pair<std::string, std::string>> headers;
};

/// @brief The stub server: the REST routes of docs/protocol.md section 6, the
/// `/notifications` WebSocket of section 10 (ws, or wss with TLS, on the same port), the
/// fault, socket and reset control routes, in-memory state seeded with tenant `acme` (or
/// loaded from `server_options::state_file`);
/// deletions and truncations complete after `server_options::delete_delay` /
/// `truncate_delay`.
///
/// Runs on the executor it is given; no threads. Not copyable.
///
/// @par Thread safety
/// Like the model it serves, nothing here is synchronised: call every member from the
/// thread running the executor (a test coroutine on it, or a handler posted to it), or
/// while nothing runs it.
class server {
 public:
  /// @brief A server on `ex`; nothing is bound until `start()`.
  explicit server(boost::asio::any_io_executor ex, server_options options = {});
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// @brief Loads `server_options::state_file` if set, binds and starts accepting.
  /// Throws `boost::system::system_error` on failure, `std::invalid_argument` naming the
  /// option for a limit or timeout that is not positive, `std::runtime_error` ("state file
  /// PATH: what is wrong") for a state file that another stub is using, or that cannot be
  /// read, written or understood (not JSON, another version, a missing field, a record
  /// whose parent is missing); the file is left as it was then.
  void start();
  /// @brief Stops accepting, closes every open connection and discards pending
  /// delete/truncate completions, so the io_context runs out of work; writes what the
  /// state file does not hold yet. Idempotent.
  void stop();

  /// @brief The bound port (valid after start()).
  std::uint16_t port() const;
  /// @brief "http://127.0.0.1:PORT" (or https with TLS configured).
  std::string base_url() const;

  /// @brief Adds a fault; the first matching fault in insertion order applies.
  /// Throws std::invalid_argument, as the route answers 400, for a fault without an
  /// action, a status outside 200-599, a negative delay or control characters in
  /// retry_after.
  void add_fault(fault f);
  /// @brief Removes every fault.
  void clear_faults();
  /// @brief The next `count` pages of time buckets or events (any of the four reading
  /// routes) carry at most `items` items, 0 for an empty page, and still a `nextCursor`
  /// where the rest starts when any remain: a short or empty page that is not the last.
  /// A negative count shortens every page until `short_pages(0, ...)`, clear_faults() or
  /// reset(). What `{"short_pages": count, "page_items": items}` does. An empty page sent
  /// for a cursor names that same cursor, which a client must refuse: make the first page
  /// (no cursor) the empty one.
  void short_pages(std::int64_t count, std::size_t items);
  /// @brief Restores the seeded state (same `acme` id), removes every fault and discards
  /// pending delete/truncate completions. With a state file, the file then holds the
  /// seeded state.
  void reset();

  /// @brief The seeded tenant's id (stable for the life of the server). With a state file
  /// that exists, the file's, from start() on.
  std::string acme_tenant_id() const;

  /// @brief Every non-control request received so far, in arrival order.
  const std::vector<request_record>& requests() const;
  /// @brief Requests whose method matches (empty: any) and whose path starts with prefix.
  std::size_t hits(std::string_view method, std::string_view path_prefix) const;
  /// @brief TCP connections accepted so far.
  std::uint64_t connections_accepted() const;
  /// @brief Forgets recorded requests and subscription frames (state, faults and the
  /// counters stay).
  void clear_requests();

  /// @name Notification sockets (docs/protocol.md sections 10.10 and 13.4)
  /// @{

  /// @brief Queues `text` as a text frame on every open notification socket, after the
  /// frames already queued there; what `{"ws_frame": text}` does.
  /// @return The number of sockets it was queued on.
  std::size_t send_ws_frame(std::string text);
  /// @brief Closes every open notification socket with `code` once its queued frames
  /// are sent; 1006 drops the TCP connection without a close frame. What
  /// `{"ws_close": code}` does. A closing socket no longer counts as open.
  /// @return The number of sockets closed.
  /// @throws std::invalid_argument, as the route answers 400, unless `code` is
  /// 1000-1003, 1006-1014 or 3000-4999.
  std::size_t close_notification_sockets(int code);
  /// @brief The next `count` events stored are announced to no socket (they are stored
  /// and read as usual): a notification lost on its way. A negative count drops every
  /// event until `drop_notifications(0)`, clear_faults() or reset(). What
  /// `{"drop_notifications": count}` does.
  void drop_notifications(std::int64_t count);
  /// @brief Events stored but not announced because of drop_notifications(); never reset.
  std::uint64_t notifications_dropped() const;
  /// @brief Notification sockets open now: upgraded, not closed, not closing.
  std::size_t notification_sockets() const;
  /// @brief Of those, the ones whose subscription is valid, hence receive events.
  std::size_t subscribed_notification_sockets() const;
  /// @brief Upgrades to `/notifications` accepted (answered 101) so far.
  std::uint64_t notification_upgrades() const;
  /// @brief Frames received on notification sockets so far (subscriptions, valid or
  /// not); never reset. Wait for it to grow before storing an event a test expects to
  /// see: an event stored before the subscription is read reaches no socket.
  std::uint64_t subscription_frames_received() const;
  /// @brief Pings received on notification sockets so far, from every client; never
  /// reset. The stub sends none of its own and answers each (docs/protocol.md section
  /// 10.7): a test counts a client's keep-alive pings here.
  std::uint64_t notification_pings_received() const;
  /// @brief The texts of those frames in arrival order; empty when
  /// `server_options::record_requests` is false. clear_requests() forgets them.
  const std::vector<std::string>& subscription_frames() const;
  /// @}

 private:
  struct impl;
  std::shared_ptr<impl> impl_;
};

}  // namespace flowcore::stub
