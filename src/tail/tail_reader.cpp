// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The reading side of an event tail. The store is the source of truth: per event type,
// read the bucket the position is in after its last event, then every later bucket, page
// by page, into the bounded buffer. A page is always asked for by `afterEventId` (the last
// event passed), never by a cursor kept across reads, so a failed or repeated read cannot
// skip or repeat anything. The waker turns notifications into "read now"; the poll
// interval covers what a lost notification missed.
#include "tail/tail_state.hpp"

#include "logging.hpp"
#include "time_bucket.hpp"

#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/event_type.hpp>
#include <flowcore/commands/flow_type.hpp>

#include "client_impl.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <exception>
#include <random>
#include <string>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

// The largest bucket-listing page: bucket names are small, and the server caps pages here.
constexpr int bucket_page_size = 1'000;

}  // namespace

asio::awaitable<void> tail_state::run_reader(std::shared_ptr<tail_state> self) {
  // Whatever a store throws, the tail ends with it: a coroutine that died with an
  // exception nobody sees is the silent, wedged consumer this class exists to prevent.
  std::optional<std::string> load_failure;
  try {
    co_await self->load_start();
  } catch (...) {
    load_failure = what_of(std::current_exception());
  }
  if (load_failure) {
    // A tail must not start from the wrong place: a store that cannot load stops it.
    diagnostics why{.command = "event_tail",
                    .message = "loading the saved position failed: " + *load_failure};
    if (!self->closed_) {
      log_line(self->log, log_level::error, "event_tail: stopped: " + why.message);
      self->end(error::checkpoint_failed, std::move(why), true);
    }
    co_return;
  }
  int failures = 0;
  bool timer_poll = false;  // this pass was started by the poll interval, not a notification
  while (!self->closed_ && !self->ended_) {
    std::optional<client_error> failure;
    try {
      // Names are resolved on start, after a failure, and on every timer-driven poll, so a
      // flow or event type recreated under its name is found within a poll interval.
      if (self->ids_.empty() || timer_poll || failures > 0) co_await self->resolve_names();
      if (!self->positioned_) co_await self->find_heads();
      co_await self->read_pass();
    } catch (const client_error& e) {
      failure = e;
    } catch (...) {
      diagnostics why{.command = "event_tail",
                      .message = "the reader failed: " + what_of(std::current_exception())};
      failure = client_error(error::invalid_response, std::move(why));
    }
    if (self->closed_ || self->ended_) co_return;
    if (!failure) {
      failures = 0;
      timer_poll = false;
      if (!self->wake_pending_)
        timer_poll = co_await self->reader_sleep(self->options.poll_interval, true);
      continue;
    }
    if (is_terminal_read_failure(failure->code(), failure->diagnostics().http_status)) {
      log_line(self->log, log_level::error, std::string("event_tail: stopped: ") + failure->what());
      self->end(failure->code(), failure->diagnostics(), true);
      co_return;
    }
    ++failures;
    ++self->counters.read_failures;
    self->diag = failure->diagnostics();
    std::uniform_real_distribution<double> draw(0.0, 1.0);
    const std::chrono::milliseconds delay = read_retry_delay(
        self->options.retry_interval, self->options.poll_interval, failures, draw(self->random_));
    log_line(self->log, log_level::warning,
             std::string("event_tail: a read failed; retrying in ") +
                 std::to_string(delay.count()) + " ms: " + failure->what());
    co_await self->reader_sleep(delay, false);
  }
}

// Sleeps `d` on the reader's timer; `wakeable`: a notification ends it early. Answers true
// when the whole time passed (a timer-driven poll comes next).
asio::awaitable<bool> tail_state::reader_sleep(std::chrono::milliseconds d, bool wakeable) {
  reader_waits_for_poll_ = wakeable;
  reader_timer_.expires_after(d);
  auto [ec] = co_await reader_timer_.async_wait(no_throw);
  reader_waits_for_poll_ = false;
  co_return !ec;
}

asio::awaitable<void> tail_state::load_start() {
  std::optional<tail_position> saved;
  if (options.checkpoints) saved = co_await options.checkpoints->load();
  if (saved) {
    read_ = std::move(*saved);
    positioned_ = true;
  } else if (options.position) {
    read_ = *options.position;
    positioned_ = true;
  } else {
    positioned_ = options.start == tail_start::beginning;
  }
  done = read_;
}

asio::awaitable<void> tail_state::resolve_names() {
  const tail_subscription& sub = options.subscription;
  data_core_fetch core_cmd{.tenant = sub.tenant, .data_core = sub.data_core};
  const data_core core = co_await rest.execute(core_cmd);
  flow_type_fetch flow_cmd{.data_core_id = core.id, .flow_type = sub.flow_type};
  const flowcore::flow_type flow = co_await rest.execute(flow_cmd);
  for (const std::string& name : sub.event_types) {
    event_type_fetch type_cmd{.flow_type_id = flow.id, .event_type = name};
    const flowcore::event_type type = co_await rest.execute(type_cmd);
    std::string& known = ids_[name];
    if (!known.empty() && known != type.id) {
      // A new event type under the old name: its events are all new to this tail.
      log_line(log, log_level::warning,
               "event_tail: event type \"" + name + "\" was recreated; reading it from its start");
      read_.event_types.erase(name);
    }
    known = type.id;
  }
}

// tail_start::now: the last event stored so far in each event type.
asio::awaitable<void> tail_state::find_heads() {
  for (const std::string& name : options.subscription.event_types) {
    time_bucket_list buckets_cmd{.tenant = options.subscription.tenant,
                                 .event_type_ids = {ids_.at(name)},
                                 .order = read_order::desc,
                                 .page_size = 1};
    const time_bucket_page buckets = co_await rest.execute(buckets_cmd);
    if (buckets.time_buckets.empty()) continue;
    event_list events_cmd{.tenant = options.subscription.tenant,
                          .event_type_ids = {ids_.at(name)},
                          .time_bucket = buckets.time_buckets.front(),
                          .page_size = 1,
                          .order = read_order::desc};
    const event_page last = co_await rest.execute(events_cmd);
    if (last.events.empty()) continue;
    read_.event_types[name] =
        tail_point{buckets.time_buckets.front(), last.events.front().event_id};
  }
  done = read_;
  positioned_ = true;
}

asio::awaitable<void> tail_state::read_pass() {
  ++counters.polls;
  wake_pending_ = false;  // a notification from now on asks for another pass
  for (const std::string& name : options.subscription.event_types) co_await read_event_type(name);
}

// The listing comes first: a bucket newer than the position's is read only after the
// position's own bucket was read again, after the moment that bucket was seen. Reading the
// position's bucket first and listing afterwards would miss the events stored into it
// in between, once a newer bucket appeared (found by the fault tests: ingestion running
// while a listing was being retried).
asio::awaitable<void> tail_state::read_event_type(const std::string& name) {
  std::string current;
  if (const auto at = read_.event_types.find(name); at != read_.event_types.end())
    current = at->second.time_bucket;
  time_bucket_list list_cmd{.tenant = options.subscription.tenant,
                            .event_type_ids = {ids_.at(name)},
                            .page_size = bucket_page_size};
  if (!current.empty()) list_cmd.from_time_bucket = current;
  time_bucket_page page = co_await rest.execute(list_cmd);
  if (!current.empty()) co_await read_bucket(name, current);
  for (;;) {
    for (const std::string& bucket : buckets_after(current, page.time_buckets)) {
      // The bucket goes into the position, which must read back after a restart.
      if (!is_time_bucket(bucket)) {
        diagnostics why{
            .command = "time_bucket_list",
            .message = "a time bucket is not YYYYMMDDhh0000: \"" + bucket.substr(0, 32) + "\""};
        throw client_error(error::invalid_response, std::move(why));
      }
      co_await read_bucket(name, bucket);
      current = bucket;
    }
    if (!page.next_cursor || page.time_buckets.empty()) co_return;
    list_cmd.cursor = page.next_cursor;
    page = co_await rest.execute(list_cmd);
  }
}

// Reads `bucket` after the position's last event when the position is in it, else whole.
asio::awaitable<void> tail_state::read_bucket(const std::string& name, const std::string& bucket) {
  const std::size_t page_size = tail_page_size(options.max_buffered_events);
  for (;;) {
    co_await wait_for_room(page_size);
    if (closed_ || ended_) co_return;
    event_list cmd{.tenant = options.subscription.tenant,
                   .event_type_ids = {ids_.at(name)},
                   .time_bucket = bucket,
                   .page_size = static_cast<int>(page_size)};
    if (const auto at = read_.event_types.find(name);
        at != read_.event_types.end() && at->second.time_bucket == bucket)
      cmd.after_event_id = at->second.event_id;
    event_page page = co_await rest.execute(cmd);
    if (closed_ || ended_) co_return;
    for (const event& e : page.events)
      if (e.event_id.empty()) {
        // An empty id cannot be a position: the next read would start over.
        diagnostics why{.command = "event_list", .message = "an event has an empty eventId"};
        throw client_error(error::invalid_response, std::move(why));
      }
    if (!page.events.empty()) {
      // Pushing does not suspend: the position moves past the whole page at once.
      read_.event_types[name] = tail_point{bucket, page.events.back().event_id};
      for (event& e : page.events) push(std::move(e));
    }
    // More remain only when the page says so; an empty page with a cursor would loop.
    if (!page.next_cursor || page.events.empty()) co_return;
  }
}

asio::awaitable<void> tail_state::wait_for_room(std::size_t page) {
  while (!closed_ && !ended_ && buffer_.size() + page > options.max_buffered_events) {
    reader_waits_for_room_ = true;
    reader_timer_.expires_at(asio::steady_timer::time_point::max());
    co_await reader_timer_.async_wait(no_throw);
    reader_waits_for_room_ = false;
  }
}

void tail_state::push(event e) {
  buffer_.push_back(std::move(e));
  consumer_timer_.cancel();
}

void tail_state::wake_reader_by_notification() {
  ++counters.wakeups;
  wake_pending_ = true;
  if (reader_waits_for_poll_) reader_timer_.cancel();
}

asio::awaitable<void> tail_state::run_waker(std::shared_ptr<tail_state> self) {
  const client_options& client = client_access::impl(self->rest)->options();
  const tail_subscription& sub = self->options.subscription;
  notification_options o{
      .credentials = client.credentials,
      .base_url = client.base_url,
      .subscription = {.tenant = sub.tenant,
                       .data_core = sub.data_core,
                       .flow_type = sub.flow_type,
                       .event_type = sub.event_types.size() == 1 ? sub.event_types.front() : ""},
      .logger = client.logger,
      .ca_file = client.ca_file};
  while (!self->closed_ && !self->ended_) {
    {
      notification_stream stream(self->executor, o);
      self->wake_stream_ = &stream;
      try {
        while (std::optional<notification_event> n = co_await stream.next()) {
          const auto& types = sub.event_types;
          if (std::find(types.begin(), types.end(), n->data.event_type) != types.end())
            self->wake_reader_by_notification();
        }
      } catch (const std::exception& e) {
        if (!self->closed_)
          log_line(self->log, log_level::warning,
                   std::string("event_tail: notifications failed; polling goes on: ") + e.what());
      }
      self->wake_stream_ = nullptr;
    }
    if (self->closed_ || self->ended_) co_return;
    // The stream ended or failed: polling carries on; try notifications again later.
    self->waker_timer_.expires_after(self->options.poll_interval);
    co_await self->waker_timer_.async_wait(no_throw);
  }
}

}  // namespace flowcore::detail
