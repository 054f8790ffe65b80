// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Printing results: JSON (one document per command, on one line, for scripts) or a plain
// table (for people). Each result is written in one piece once the call has finished, so an
// interrupted command never leaves half a line on stdout.

#include <flowcore/commands/api_key.hpp>
#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/event_type.hpp>
#include <flowcore/commands/events.hpp>
#include <flowcore/commands/flow_type.hpp>
#include <flowcore/commands/secret.hpp>
#include <flowcore/commands/tenant.hpp>
#include <flowcore/commands/variable.hpp>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <iosfwd>
#include <span>
#include <string_view>
#include <vector>

namespace flowcore {
// Declared only: notifications.hpp brings in Asio's experimental coro, which no other
// command needs.
struct notification_event;
}  // namespace flowcore

namespace flowcore::cli {

enum class output_format { json, table };

// A column of a list table: its header, and the key of each row's JSON object.
struct column {
  std::string_view header;
  std::string_view key;
};

// Writes `text` in one call and flushes, so a signal cannot split a line in two; throws
// std::runtime_error when stdout fails.
void write_all(std::ostream& out, std::string_view text);

// A JSON text the server stored (a payload, metadata, a schema) as a JSON value, so that it
// prints as JSON; as a string when it is not JSON after all, so that an odd event is still
// printed rather than failing the whole read.
boost::json::value embedded_json(std::string_view text);

// get and create: a JSON object, or a two-column table of its fields.
void print_object(std::ostream& out, output_format format, const boost::json::object& object);

// list: a JSON array, or a table with `columns`.
void print_list(std::ostream& out, output_format format, const boost::json::array& rows,
                std::span<const column> columns);

// Streams (notifications, tail): one JSON object per line (NDJSON), whatever the format,
// written whole and flushed, so a reader sees each event as it comes and a signal never
// leaves half a line.
void print_line(std::ostream& out, const boost::json::object& object);

// Field names are the library's (snake_case), so the JSON reads like the C++ API.
boost::json::object to_json(const flowcore::tenant& tenant);
boost::json::object to_json(const flowcore::tenant_list_item& tenant);
boost::json::object to_json(const flowcore::data_core& data_core);
boost::json::object to_json(const flowcore::flow_type& flow_type);
boost::json::object to_json(const flowcore::event_type& event_type);
// The masked key only: the full key is a secret.
boost::json::object to_json(const flowcore::api_key_info& key);
// With the full key as "api_key": printing it, once, is the point of `api-key create`.
boost::json::object to_json(const flowcore::api_key_created& key);
boost::json::object to_json(const flowcore::api_key_validation& validation);
// No value: the server never returns a secret's value.
boost::json::object to_json(const flowcore::secret& secret);
boost::json::object to_json(const flowcore::variable& variable);
// metadata and payload are embedded as JSON (as text when the server's is not JSON).
boost::json::object to_json(const flowcore::event& event);
boost::json::object to_json(const flowcore::notification_event& notification);

// list of results: their to_json objects, as a JSON array or a table with `columns`.
template <class T>
void print_list(std::ostream& out, output_format format, const std::vector<T>& items,
                std::span<const column> columns) {
  boost::json::array rows;
  for (const T& item : items) rows.push_back(to_json(item));
  print_list(out, format, rows, columns);
}

}  // namespace flowcore::cli
