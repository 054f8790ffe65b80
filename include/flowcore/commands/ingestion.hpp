// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief Ingestion commands (`webhook.api`; api-key credentials only; re-sent only when
/// the server cannot have processed the request) and their results.
///
/// @par Retries: why ingestion is different
/// An ingest is a POST that stores a new event each time it is processed: re-sending one
/// that the server may have received can store the event twice. Both commands are
/// therefore not idempotent, and the library re-sends them only when the server provably
/// cannot have processed the request:
/// - under the retry policy (`client_options::retry`, or `call_options::retry` for one
///   call): when the attempt failed before any byte of the request was written, that is
///   while resolving the host, connecting, or in the TLS handshake, with
///   `connection_failed` or `timeout` (`tls_failed`, a certificate problem, is never
///   retried);
/// - once, outside the policy: when a pooled keep-alive connection fails while the request
///   is being written (the server had closed it while idle). The server cannot have
///   processed a request whose body it never fully received, so it is sent again on a
///   fresh connection.
///
/// Anything else is returned at once, with `diagnostics::attempts`: an HTTP error status
/// (503, 429 and every other status, whatever its `Retry-After`) is `http_status`; a
/// timeout or a dropped connection after the request was written is `timeout` or
/// `connection_failed`. In those cases the event may or may not have been stored.
///
/// A retry policy cannot change this: `call_options::retry` only tunes how often and how
/// long the unsent case above is retried (`fc::retry_policy::none()` turns it off; the
/// one re-send on a stale connection stays), and no policy makes an ingest retry on a
/// status. The TypeScript SDK does retry ingestion on 408/429/5xx and network errors; a
/// caller that prefers a possible duplicate to a lost event retries in its own code,
/// ideally with an id of its own inside the event so that consumers can drop duplicates.
///
/// @par Credentials
/// Both commands send the raw API key (`Authorization: fc_<id>_<secret>`), so a client
/// with bearer credentials fails them with `not_allowed_in_mode` before anything else.

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace flowcore {

/// @brief The answer to `ingest_event`.
struct ingest_result {
  std::string event_id;  ///< The stored event's id.
  bool success = false;  ///< The server's `success`; `false` is returned, not thrown.
};

/// @brief The answer to `ingest_batch`.
struct ingest_batch_result {
  std::vector<std::string> event_ids;  ///< One id per event sent, in the order sent.
  bool success = false;                ///< The server's `success`; `false` is returned.
};

/// @brief Stores one event.
/// `POST /event/{tenantName}/{dataCoreId}/{flowTypeName}/{eventTypeName}`, body
/// `event_data` verbatim.
///
/// Headers besides `Authorization: <raw key>` and `Content-Type: application/json`:
/// - `x-flowcore-metadata-json`: base64 (RFC 4648, padded) of a JSON object holding
///   `metadata`, plus `"ttl-on/stored-event":"true"` when `ttl` is set and
///   `"do-not-archive-on/stored-event":"true"` when `is_ephemeral` is true; sent when that
///   object is not empty (unlike the TypeScript SDK, also for `ttl` or `is_ephemeral`
///   alone);
/// - `x-flowcore-event-time` / `x-flowcore-valid-time`: `event_time` / `valid_time` as
///   given, when set and not empty;
/// - `X-Flowcore-Managed: true` when `flowcore_managed` is true.
///
/// Not idempotent: see the file's documentation for exactly when it is re-sent (only when
/// the server cannot have processed it; never on an HTTP status).
///
/// @par Errors
/// `not_allowed_in_mode` (bearer credentials); `invalid_argument`, nothing sent: an empty
/// name or id, `event_data` that is not JSON (or nested over 256 deep), a time with a
/// control character; `not_found` (a 404: an unknown tenant, data core, flow type or event
/// type), `http_status` (400: the server rejected the event or a header), `invalid_response`
/// (an answer without a string `eventId` and a boolean `success`), and the transport errors
/// of every command.
struct ingest_event {
  using result_type = flowcore::ingest_result;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "ingest_event";
  static constexpr bool idempotent = false;  ///< Whether a retry may resend what the server got.
  std::string tenant_name;                   ///< The tenant's name (not its id).
  std::string data_core_id;                  ///< The data core's id.
  std::string flow_type_name;                ///< The flow type's name.
  std::string event_type_name;               ///< The event type's name.
  std::string event_data;  ///< JSON text (an object for the real service), sent verbatim.
  std::map<std::string, std::string> metadata;  ///< Empty: none.
  /// ISO-8601 time; picks the hourly time bucket the event is stored in (default: now).
  std::optional<std::string> event_time;
  std::optional<std::string> valid_time;  ///< ISO-8601 time; the event's validTime.
  /// A time to live as the service reads it ("1d", "12h", "30m", "90s"). As in the
  /// TypeScript SDK, only its presence is sent, as the metadata flag
  /// `"ttl-on/stored-event":"true"`; an empty string counts as unset.
  std::optional<std::string> ttl;
  /// true: flag the event as not to be archived (`"do-not-archive-on/stored-event"`).
  std::optional<bool> is_ephemeral;
  std::optional<bool> flowcore_managed;  ///< true: sends `X-Flowcore-Managed: true`.
};

/// @brief Stores several events in one request, in order.
/// `POST /events/{tenantName}/{dataCoreId}/{flowTypeName}/{eventTypeName}`, body a JSON
/// array of `events` (each verbatim). The headers, applying to every event, are those of
/// `ingest_event`. The real service takes at most 25 events per request; the library
/// neither splits nor caps the batch.
///
/// Not idempotent: see the file's documentation (a re-sent batch could store every event
/// twice).
///
/// @par Errors
/// As `ingest_event`; also `invalid_argument` for an empty `events` or any element that is
/// not JSON (named by index), and `invalid_response` when `eventIds` does not hold exactly
/// one id per event sent.
struct ingest_batch {
  using result_type = flowcore::ingest_batch_result;  ///< What execute() returns.
  /// The name in diagnostics and the log.
  static constexpr const char* command_name = "ingest_batch";
  static constexpr bool idempotent = false;     ///< Whether a retry may resend what the server got.
  std::string tenant_name;                      ///< The tenant's name (not its id).
  std::string data_core_id;                     ///< The data core's id.
  std::string flow_type_name;                   ///< The flow type's name.
  std::string event_type_name;                  ///< The event type's name.
  std::vector<std::string> events;              ///< JSON texts, at least one, sent in this order.
  std::map<std::string, std::string> metadata;  ///< As in `ingest_event`; empty: none.
  std::optional<std::string> event_time;        ///< As in `ingest_event`, for every event.
  std::optional<std::string> valid_time;        ///< As in `ingest_event`, for every event.
  std::optional<std::string> ttl;               ///< As in `ingest_event`, for every event.
  std::optional<bool> is_ephemeral;             ///< As in `ingest_event`, for every event.
  std::optional<bool> flowcore_managed;         ///< As in `ingest_event`.
};

}  // namespace flowcore
