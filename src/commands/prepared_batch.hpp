// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The event producer's request: a batch ingest whose body is already built from events
// that were checked one by one as they were sent, so that nothing is parsed twice. It
// runs through the generic execute path like any command (ingestion.cpp).

#include <flowcore/commands/ingestion.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace flowcore::detail {

struct prepared_batch {
  using result_type = flowcore::ingest_batch_result;
  static constexpr const char* command_name = "ingest_batch";
  static constexpr bool idempotent = false;
  /// The path and the headers; `events` stays empty.
  ingest_batch destination;
  std::string body;       ///< The JSON array of the events, in order.
  std::size_t count = 0;  ///< Events in `body`: the answer must hold one id per event.
};

/// Empty when `data` is one JSON value that the event readers can read back (as
/// `ingest_event` checks `event_data`); otherwise what is wrong, without quoting it.
std::string event_data_problem(std::string_view data);

/// Empty when `destination`'s names are set and its headers can be sent (the checks
/// `ingest_batch` makes before sending, but the body's); otherwise what is wrong.
std::string destination_problem(const ingest_batch& destination);

}  // namespace flowcore::detail
