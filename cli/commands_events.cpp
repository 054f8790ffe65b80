// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `events read`: every stored event of some event types, as NDJSON (or a table), across
// every time bucket and every page, oldest bucket first and in storage order within one.
//
// Unlike the other commands, whose result is printed once the call has finished, events
// are printed as they arrive: a history may not fit in memory, and a pipe reader wants the
// first events early. Each line is written whole (one write, flushed), so an interrupted
// read leaves only whole lines on stdout.
#include "commands.hpp"
#include "progress.hpp"
#include "resolve.hpp"

#include <flowcore/commands/events.hpp>
#include <flowcore/read_events.hpp>

#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::cli {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;

// The stub's maximum page; the service's default page is the server's choice.
constexpr int max_page_size = 10000;
// Table output: payloads longer than this are cut (JSON output never cuts anything).
constexpr std::size_t payload_width = 60;
// Widths of the table's fixed columns: an event id (a UUID) and an ISO-8601 time.
constexpr std::size_t event_id_width = 36;
constexpr std::size_t time_width = 24;

struct events_arguments {
  std::string tenant;
  std::string data_core;
  std::string flow_type;
  std::vector<std::string> event_types;
  std::string from_bucket;
  std::string to_bucket;
  int page_size = 0;        // 0: the server's default.
  std::uint64_t limit = 0;  // 0: every event.
};

void pad(std::string& line, std::string_view cell, std::size_t width) {
  line += cell;
  line.append(std::max(width, cell.size()) - cell.size() + 2, ' ');
}

// A table row; the header is a row too. Fixed widths, since rows are printed as they
// arrive: a long value shifts its own row only.
std::string table_row(std::string_view id, std::string_view type, std::size_t type_width,
                      std::string_view time, std::string_view payload) {
  std::string line;
  pad(line, id, event_id_width);
  pad(line, type, type_width);
  pad(line, time, time_width);
  if (payload.size() > payload_width) {
    line += payload.substr(0, payload_width - 3);
    line += "...";
  } else {
    line += payload;
  }
  line += '\n';
  return line;
}

// One write and a flush per line: an interruption never leaves half a line. A reader that
// went away (SIGPIPE ignored) ends the read rather than letting it fetch for nobody.
asio::awaitable<void> read_all_events(command_context& ctx, const events_arguments& args) {
  const std::string core_id = co_await data_core_id(ctx.client, args.tenant, args.data_core);
  progress status(co_await asio::this_coro::executor, "reading events");

  std::size_t type_width = std::string_view("EVENT_TYPE").size();
  for (const std::string& type : args.event_types) type_width = std::max(type_width, type.size());
  // The table's header goes out with the first row (or at the end of an empty read), so a
  // read refused at once (an unknown event type) leaves stdout empty.
  bool header_written = ctx.format != output_format::table;
  auto write_header = [&] {
    if (header_written) return;
    header_written = true;
    write_all(ctx.out, table_row("EVENT_ID", "EVENT_TYPE", type_width, "VALID_TIME", "PAYLOAD"));
  };

  std::optional<int> page_size;
  if (args.page_size > 0) page_size = args.page_size;
  flowcore::events_fetch_time_buckets_by_names bucket_query{
      .tenant = args.tenant,
      .data_core_id = core_id,
      .flow_type = args.flow_type,
      .event_types = args.event_types,
      .page_size = page_size,
  };
  if (!args.from_bucket.empty()) bucket_query.from_time_bucket = args.from_bucket;
  if (!args.to_bucket.empty()) bucket_query.to_time_bucket = args.to_bucket;

  // The library's generators follow the cursors of both kinds of page; each asks for its
  // next page only when the last one is consumed, so memory stays at one page.
  std::uint64_t count = 0;
  auto buckets = flowcore::read_time_buckets(ctx.client, bucket_query);
  while (std::optional<std::string> bucket = co_await buckets.async_resume(asio::use_awaitable)) {
    flowcore::events_fetch event_query{
        .tenant = args.tenant,
        .data_core_id = core_id,
        .flow_type = args.flow_type,
        .event_types = args.event_types,
        .time_bucket = *bucket,
        .page_size = page_size,
    };
    auto events = flowcore::read_events(ctx.client, event_query);
    while (std::optional<flowcore::event> e = co_await events.async_resume(asio::use_awaitable)) {
      if (ctx.format == output_format::json) {
        print_line(ctx.out, to_json(*e));
      } else {
        // Re-serialized: a payload stored with newlines would break the row.
        write_header();
        const std::string payload = json::serialize(embedded_json(e->payload));
        write_all(ctx.out,
                  table_row(e->event_id, e->event_type, type_width, e->valid_time, payload));
      }
      ++count;
      if (count % 100 == 0) {
        status.set_detail(std::to_string(count) + " events, time bucket " + *bucket);
      }
      if (args.limit != 0 && count >= args.limit) co_return;
    }
  }
  write_header();
}

// `YYYYMMDDhh0000`, as the service names its hourly buckets; "" when `text` is one.
std::string bucket_problem(const std::string& text) {
  const bool digits =
      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (text.size() != 14 || !digits || text.substr(10) != "0000") {
    return "a time bucket is YYYYMMDDhh0000 (UTC), e.g. 20250101120000; got '" + text + "'";
  }
  return {};
}

}  // namespace

void add_events_commands(CLI::App& app, command& selected) {
  CLI::App* family = app.add_subcommand("events", "Stored events: read");
  family->require_subcommand(1);
  family->footer(
      help_footer("  flowcore-cli events read --tenant acme --data-core orders --flow-type order "
                  "--event-type created"));

  auto args = std::make_shared<events_arguments>();
  CLI::App* read = family->add_subcommand(
      "read", "Every event of some event types, oldest first, as NDJSON (one event per line)");
  read->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  read->add_option("--data-core", args->data_core, "The data core's name")
      ->type_name("NAME")
      ->required();
  read->add_option("--flow-type", args->flow_type, "The flow type's name")
      ->type_name("NAME")
      ->required();
  read->add_option("--event-type", args->event_types, "An event type's name (repeatable)")
      ->type_name("NAME")
      ->required()
      ->allow_extra_args(false);  // One name per flag, as in `ingest`.
  read->add_option("--from", args->from_bucket, "The first time bucket, inclusive")
      ->type_name("BUCKET")
      ->check(bucket_problem);
  read->add_option("--to", args->to_bucket, "The last time bucket, inclusive")
      ->type_name("BUCKET")
      ->check(bucket_problem);
  read->add_option("--page-size", args->page_size,
                   "Events (and time buckets) per request, 1 to 10000 (default: the server's)")
      ->type_name("N")
      ->check(CLI::Range(1, max_page_size));
  read->add_option("--limit", args->limit, "Stop after N events (default: all)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  read->footer(help_footer(
      "  flowcore-cli events read --tenant acme --data-core orders --flow-type order \\\n"
      "      --event-type created --event-type shipped > events.ndjson\n"
      "  flowcore-cli events read --tenant acme --data-core orders --flow-type order \\\n"
      "      --event-type created --from 20250101000000 --to 20250131230000\n"
      "  flowcore-cli -o table events read --tenant acme --data-core orders \\\n"
      "      --flow-type order --event-type created --limit 20"));
  read->callback([&selected, args] {
    if (!args->from_bucket.empty() && !args->to_bucket.empty() &&
        args->from_bucket > args->to_bucket) {
      throw CLI::ValidationError(
          "--from", "--from " + args->from_bucket + " is after --to " + args->to_bucket);
    }
    selected = [args](command_context& ctx) { return read_all_events(ctx, *args); };
  });
}

}  // namespace flowcore::cli
