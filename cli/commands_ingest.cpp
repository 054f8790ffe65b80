// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// `ingest`: one event from the command line, or NDJSON from stdin in batches.
//
// Batches are sent with `ingest_batch`, one at a time, each awaited before the next line is
// even read, rather than through `fc::event_producer`: a single request in flight keeps the
// events in input order, and when something fails we know exactly which lines were stored
// (every earlier batch), which may or may not have been (the failed batch) and which were
// never sent (the rest). The producer's gain, overlapping requests from many senders, does
// not apply to one sequential reader.
#include "commands.hpp"
#include "progress.hpp"
#include "resolve.hpp"

#include <flowcore/commands/ingestion.hpp>
#include <flowcore/error.hpp>

#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::cli {
namespace {

namespace asio = boost::asio;
namespace json = boost::json;

// The real service takes at most 25 events per request; the stub and tests may want more.
constexpr std::size_t default_batch_size = 25;
constexpr std::size_t max_batch_size = 1000;
// Below this many events a progress line would only flicker.
constexpr std::uint64_t progress_from = 1000;
// The longest stdin line taken: an event larger than this is surely a mistake (a file that
// is not NDJSON), and holding it would only grow memory.
constexpr std::size_t max_line_bytes = std::size_t(16) << 20;

struct ingest_arguments {
  std::string tenant;
  std::string data_core;
  std::string flow_type;
  std::string event_type;
  std::string event_json;  // Empty or "-": NDJSON from stdin.
  std::vector<std::string> metadata_pairs;
  std::map<std::string, std::string> metadata;  // From metadata_pairs, checked at parse time.
  std::string event_time;
  std::string valid_time;
  std::size_t batch_size = default_batch_size;
  bool print_ids = false;
};

// Why `text` is not an event ("" when it is one): the service stores JSON objects.
std::string event_problem(std::string_view text) {
  boost::system::error_code ec;
  const json::value value = json::parse(text, ec);
  if (ec) return "not JSON (" + ec.message() + ")";
  if (!value.is_object()) return "not a JSON object";
  return {};
}

// Why `text` is not an ISO-8601 time ("" when it is one), checked here so that a typo is a
// usage error rather than the server's 400. Date and time, optional seconds and fraction,
// and a zone (Z or an offset): what the service reads unambiguously.
std::string time_problem(const std::string& text) {
  static const std::regex iso_8601(
      R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))");
  if (std::regex_match(text, iso_8601)) return {};
  return "expected an ISO-8601 time such as 2025-01-01T12:00:00.000Z, got '" + text + "'";
}

// "1 event", "2 events".
std::string events_text(std::uint64_t n) {
  return std::to_string(n) + (n == 1 ? " event" : " events");
}

bool is_blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

// A usage problem found while running (a bad input line): exit 2 through exit_codes.hpp,
// with `message` after the command's name.
[[noreturn]] void throw_bad_input(std::string message) {
  flowcore::diagnostics diag;
  diag.command = "ingest";
  diag.message = std::move(message);
  throw flowcore::client_error(flowcore::error::invalid_argument, std::move(diag));
}

// stdin's lines, read without blocking the io_context (so Ctrl-C is seen while waiting for
// a slow pipe or a terminal). Asio accepts regular files and /dev/null here too: epoll
// refuses them, and asio then reads them directly, which never blocks for long.
class stdin_lines {
 public:
  explicit stdin_lines(const asio::any_io_executor& executor)
      : saved_flags_(::fcntl(STDIN_FILENO, F_GETFL)), stream_(executor, ::dup(STDIN_FILENO)) {}
  ~stdin_lines() {
    // Asio makes the descriptor non-blocking, which the duplicate shares with stdin and
    // whatever started us (a shell's terminal): put the flags back.
    if (saved_flags_ != -1) ::fcntl(STDIN_FILENO, F_SETFL, saved_flags_);
  }
  stdin_lines(const stdin_lines&) = delete;
  stdin_lines& operator=(const stdin_lines&) = delete;

  // The next line without its '\n'; empty at the end of the input. A last line without a
  // '\n' still counts. A line over max_line_bytes ends the input with too_long() set.
  asio::awaitable<std::optional<std::string>> next() {
    if (!end_) {
      boost::system::error_code ec;
      const std::size_t n =
          co_await asio::async_read_until(stream_, asio::dynamic_buffer(buffer_, max_line_bytes),
                                          '\n', asio::redirect_error(asio::use_awaitable, ec));
      if (!ec) {
        std::string line = buffer_.substr(0, n - 1);
        buffer_.erase(0, n);
        co_return line;
      }
      if (ec == asio::error::operation_aborted) {
        // Ctrl-C while waiting for input: an interruption like any cancelled call.
        flowcore::diagnostics diag;
        diag.command = "ingest";
        throw flowcore::client_error(flowcore::error::cancelled, std::move(diag));
      }
      if (ec == asio::error::not_found) {
        too_long_ = true;  // The buffer is full and holds no '\n'.
        end_ = true;
        buffer_.clear();
        co_return std::nullopt;
      }
      if (ec != asio::error::eof) throw boost::system::system_error(ec, "reading stdin");
      end_ = true;
    }
    if (buffer_.empty()) co_return std::nullopt;
    co_return std::exchange(buffer_, {});
  }

  bool too_long() const { return too_long_; }

 private:
  int saved_flags_;
  asio::posix::stream_descriptor stream_;
  std::string buffer_;
  bool end_ = false;
  bool too_long_ = false;
};

// The destination and headers that every request of one `ingest` shares.
flowcore::ingest_batch make_batch(const ingest_arguments& args, std::string data_core_id) {
  flowcore::ingest_batch batch{
      .tenant_name = args.tenant,
      .data_core_id = std::move(data_core_id),
      .flow_type_name = args.flow_type,
      .event_type_name = args.event_type,
      .metadata = args.metadata,
  };
  if (!args.event_time.empty()) batch.event_time = args.event_time;
  if (!args.valid_time.empty()) batch.valid_time = args.valid_time;
  return batch;
}

// Sends the batch's events, if any, and empties it; writes their ids with --ids.
asio::awaitable<void> send_batch(command_context& ctx, const ingest_arguments& args,
                                 flowcore::ingest_batch& batch, std::uint64_t& stored) {
  if (batch.events.empty()) co_return;
  const flowcore::ingest_batch_result result = co_await ctx.client.execute(batch);
  stored += batch.events.size();
  batch.events.clear();
  if (args.print_ids) {
    // One write per batch, of whole lines: an interruption never splits an id.
    std::string text;
    for (const std::string& id : result.event_ids) {
      text += json::serialize(json::object{{"event_id", id}});
      text += '\n';
    }
    ctx.out.write(text.data(), static_cast<std::streamsize>(text.size()));
    ctx.out.flush();
  }
}

asio::awaitable<void> ingest_one(command_context& ctx, const ingest_arguments& args) {
  const std::string id = co_await data_core_id(ctx.client, args.tenant, args.data_core);
  flowcore::ingest_event event{
      .tenant_name = args.tenant,
      .data_core_id = id,
      .flow_type_name = args.flow_type,
      .event_type_name = args.event_type,
      .event_data = args.event_json,
      .metadata = args.metadata,
  };
  if (!args.event_time.empty()) event.event_time = args.event_time;
  if (!args.valid_time.empty()) event.valid_time = args.valid_time;
  const flowcore::ingest_result result = co_await ctx.client.execute(event);
  print_object(ctx.out, ctx.format, json::object{{"event_id", result.event_id}});
}

asio::awaitable<void> ingest_stdin(command_context& ctx, const ingest_arguments& args) {
  const asio::any_io_executor executor = co_await asio::this_coro::executor;
  std::string core_id = co_await data_core_id(ctx.client, args.tenant, args.data_core);
  flowcore::ingest_batch batch = make_batch(args, std::move(core_id));
  batch.events.reserve(args.batch_size);
  stdin_lines lines(executor);
  std::uint64_t stored = 0;
  std::uint64_t line_number = 0;
  // The lines of batch.events.front() and back(): what a failure reports.
  std::uint64_t first_batched_line = 0;
  std::uint64_t last_batched_line = 0;
  try {
    // Inside the try: it is erased before the catch below writes to stderr.
    progress status(executor, "ingesting");
    for (;;) {
      std::optional<std::string> line = co_await lines.next();
      if (!line && !lines.too_long()) break;
      ++line_number;
      if (line && is_blank(*line)) continue;
      const std::string problem =
          line ? event_problem(*line)
               : "longer than " + std::to_string(max_line_bytes >> 20) + " MiB";
      if (!problem.empty()) {
        // What comes before the bad line is complete and valid: store it, so that the
        // documented outcome is simple (every event before line N, none from it on).
        co_await send_batch(ctx, args, batch, stored);
        throw_bad_input("stdin line " + std::to_string(line_number) + ": " + problem + "; " +
                        events_text(stored) + (stored == 1 ? " before it is" : " before it are") +
                        " stored, nothing from this line on was sent");
      }
      if (batch.events.empty()) first_batched_line = line_number;
      last_batched_line = line_number;
      batch.events.push_back(std::move(*line));
      if (batch.events.size() == args.batch_size) {
        co_await send_batch(ctx, args, batch, stored);
        if (stored >= progress_from) status.set_detail(std::to_string(stored) + " events");
      }
    }
    co_await send_batch(ctx, args, batch, stored);
  } catch (const flowcore::client_error& error) {
    if (error.code() == flowcore::error::invalid_argument &&
        error.diagnostics().command == "ingest") {
      throw;
    }
    // Say what the failure leaves behind: the library never re-sends a batch that may have
    // reached the server, so that batch's fate is unknown.
    std::string text = "flowcore-cli: ingest: " + events_text(stored) + " stored";
    if (!batch.events.empty()) {
      // A 4xx answer is a refusal; after anything else the server may have stored it.
      const int http_status = error.diagnostics().http_status;
      const bool refused = http_status >= 400 && http_status < 500;
      // Interrupted while reading stdin: the batch being filled was never sent.
      const bool unsent = error.diagnostics().command == "ingest";
      text += "; the batch from stdin line " + std::to_string(first_batched_line) + " to " +
              std::to_string(last_batched_line) +
              (unsent    ? " was not sent"
               : refused ? " was refused"
                         : " may or may not have been stored");
    }
    text += '\n';
    std::fputs(text.c_str(), stderr);
    throw;
  }
  if (!args.print_ids) print_object(ctx.out, ctx.format, json::object{{"ingested", stored}});
}

// --metadata KEY=VALUE pairs into a map; a malformed or repeated key is a usage error.
std::map<std::string, std::string> parse_metadata(const std::vector<std::string>& pairs) {
  std::map<std::string, std::string> metadata;
  for (const std::string& pair : pairs) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw CLI::ValidationError("--metadata", "expected KEY=VALUE, got '" + pair + "'");
    }
    if (!metadata.emplace(pair.substr(0, eq), pair.substr(eq + 1)).second) {
      throw CLI::ValidationError("--metadata", "key '" + pair.substr(0, eq) + "' given twice");
    }
  }
  return metadata;
}

}  // namespace

void add_ingest_commands(CLI::App& app, command& selected) {
  CLI::App* ingest = app.add_subcommand(
      "ingest", "Store events: one from the argument, or NDJSON from stdin (one per line)");
  auto args = std::make_shared<ingest_arguments>();
  ingest->add_option("--tenant", args->tenant, "The tenant's name")->type_name("NAME")->required();
  ingest->add_option("--data-core", args->data_core, "The data core's name")
      ->type_name("NAME")
      ->required();
  ingest->add_option("--flow-type", args->flow_type, "The flow type's name")
      ->type_name("NAME")
      ->required();
  ingest->add_option("--event-type", args->event_type, "The event type's name")
      ->type_name("NAME")
      ->required();
  ingest
      ->add_option("EVENT_JSON", args->event_json,
                   "The event, a JSON object; without it, or with -, NDJSON from stdin")
      ->type_name("");
  ingest->add_option("--metadata", args->metadata_pairs, "Metadata of every event (repeatable)")
      ->type_name("KEY=VALUE")
      ->allow_extra_args(false);  // One pair per flag: EVENT_JSON may follow.
  ingest
      ->add_option("--event-time", args->event_time,
                   "ISO-8601 time; picks the hourly time bucket (default: now)")
      ->type_name("TIME")
      ->check(time_problem);
  ingest->add_option("--valid-time", args->valid_time, "ISO-8601 time: the events' valid time")
      ->type_name("TIME")
      ->check(time_problem);
  ingest
      ->add_option("--batch-size", args->batch_size,
                   "stdin: events per request, 1 to 1000 (default 25, the service's maximum)")
      ->type_name("N")
      ->check(CLI::Range(std::size_t{1}, max_batch_size));
  ingest->add_flag("--ids", args->print_ids,
                   "stdin: print each stored event's id ({\"event_id\":...} lines) instead of "
                   "the summary");
  ingest->footer(
      help_footer("  flowcore-cli ingest --tenant acme --data-core orders --flow-type order \\\n"
                  "      --event-type created '{\"orderId\":\"o-1\"}'\n"
                  "  flowcore-cli ingest --tenant acme --data-core orders --flow-type order \\\n"
                  "      --event-type created --metadata source=import < events.ndjson\n"
                  "  produce-events | flowcore-cli ingest --tenant acme --data-core orders \\\n"
                  "      --flow-type order --event-type created --ids > ids.ndjson"));
  ingest->callback([&selected, args] {
    // Checked here, before any credentials or network: a bad argument is a usage error.
    args->metadata = parse_metadata(args->metadata_pairs);
    if (!args->event_json.empty() && args->event_json != "-") {
      if (const std::string problem = event_problem(args->event_json); !problem.empty()) {
        throw CLI::ValidationError("EVENT_JSON", problem);
      }
      selected = [args](command_context& ctx) { return ingest_one(ctx, *args); };
      return;
    }
    // A closed stdin would hand fd 0 to the first socket opened, which we would then read.
    if (::fcntl(STDIN_FILENO, F_GETFD) == -1) {
      throw CLI::ValidationError("EVENT_JSON", "none given, and stdin is closed");
    }
    if (::isatty(STDIN_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1) {
      std::fputs(
          "flowcore-cli: ingest: reading NDJSON events from the terminal, one per line; "
          "end with Ctrl-D\n",
          stderr);
    }
    selected = [args](command_context& ctx) { return ingest_stdin(ctx, *args); };
  });
}

}  // namespace flowcore::cli
