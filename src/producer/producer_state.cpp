// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The event producer's state: accepting sends, forming batches per destination, the
// linger timer, backpressure, flushes, and completing every send exactly once.
#include "producer/producer_state.hpp"

#include "client_impl.hpp"
#include "commands/prepared_batch.hpp"

#include <boost/asio/append.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>

#include <algorithm>
#include <ranges>

namespace flowcore::detail {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

void require_option(bool ok, const std::string& what) {
  if (!ok)
    throw client_error(make_error_code(error::invalid_argument),
                       diagnostics{.command = "event_producer", .message = what});
}

// Every field that a batch shares, each with its length, so that no two destinations
// have the same key. Written into `key`, whose capacity is reused from send to send.
void destination_key(const ingest_event& e, std::string& key) {
  key.clear();
  auto add = [&key](std::string_view part) {
    key += std::to_string(part.size());
    key += ':';
    key += part;
  };
  auto add_optional = [&](const std::optional<std::string>& part) {
    if (part)
      add(*part);
    else
      key += '-';
  };
  add(e.tenant_name);
  add(e.data_core_id);
  add(e.flow_type_name);
  add(e.event_type_name);
  add_optional(e.event_time);
  add_optional(e.valid_time);
  // The ttl's value is not sent, only whether it is set (ingestion.hpp).
  key += e.ttl && !e.ttl->empty() ? 'T' : '-';
  key += e.is_ephemeral.value_or(false) ? 'E' : '-';
  key += e.flowcore_managed.value_or(false) ? 'M' : '-';
  for (const auto& [name, value] : e.metadata) {
    add(name);
    add(value);
  }
}

// Through `ex`, then on the handler's own executor (asio::post does both).
template <class Handler, class... Args>
void post_completion(const asio::any_io_executor& ex, Handler handler, Args&&... args) {
  asio::post(ex, asio::append(std::move(handler), std::forward<Args>(args)...));
}

}  // namespace

// Removes a send that is not yet in a batch. Its members are read before the send is
// completed, which destroys this canceller through slot.clear().
struct producer_state::send_canceller {
  producer_state* state;
  send_list::iterator it;
  void operator()(asio::cancellation_type) const {
    producer_state* s = state;
    send_list::iterator target = it;
    s->cancel_send(target);
  }
};

struct producer_state::flush_canceller {
  producer_state* state;
  std::list<flush_waiter>::iterator it;
  void operator()(asio::cancellation_type) const {
    producer_state* s = state;
    std::list<flush_waiter>::iterator target = it;
    s->cancel_flush(target);
  }
};

producer_state::producer_state(client c, producer_options opts)
    : executor_(c.get_executor()),
      client_(std::move(c)),
      impl_(client_access::impl(client_)),
      options_(std::move(opts)),
      timer_(executor_) {
  require_option(options_.max_batch_events >= 1 && options_.max_batch_events <= 1000,
                 "max_batch_events must be 1 to 1000");
  require_option(options_.max_batch_bytes >= 2, "max_batch_bytes must be at least 2");
  require_option(options_.linger >= std::chrono::microseconds::zero() &&
                     options_.linger <= std::chrono::minutes(1),
                 "linger must be 0 to 1 minute");
  require_option(
      options_.max_in_flight_per_destination >= 1 && options_.max_in_flight_per_destination <= 64,
      "max_in_flight_per_destination must be 1 to 64");
  require_option(options_.max_buffered_bytes >= 1, "max_buffered_bytes must be at least 1");
  limits_ = batch_limits{.max_events = options_.max_batch_events,
                         .max_bytes = options_.max_batch_bytes,
                         .linger = options_.linger,
                         .max_in_flight = options_.max_in_flight_per_destination};
}

producer_counters producer_state::counters() const noexcept {
  producer_counters c = counters_;
  c.buffered_bytes = buffered_bytes_;
  c.waiting_for_room = room_.size();
  return c;
}

// ---- Accepting a send

void producer_state::send(ingest_event event, diagnostics* diag, send_handler handler) {
  std::string problem;
  error code = error::invalid_argument;
  destination* d = nullptr;
  if (closed_) {
    code = error::producer_closed;
    problem = "the producer is closed: no sends after close()";
  } else if (impl_->mode() != credentials_mode::api_key) {
    code = error::not_allowed_in_mode;
    problem = "ingestion takes an api key; the client has bearer credentials";
  } else if (problem = event_data_problem(event.event_data); problem.empty()) {
    d = find_or_add(event, problem);
  }
  if (!d) {
    diagnostics refused{.command = "event_producer", .message = std::move(problem)};
    if (diag) *diag = refused;
    ++counters_.events_failed;
    post_completion(executor_, std::move(handler), make_error_code(code), std::string());
    return;
  }

  // Built in place: Boost 1.81's any_completion_handler move assignment recurses without
  // end (it copies from an lvalue, which wraps the handler again); only construct them.
  send_list incoming;
  auto it = incoming.insert(incoming.end(),
                            pending_send{.data = std::move(event.event_data),
                                         .handler = std::move(handler),
                                         .slot = {},
                                         .diag_out = diag,
                                         .dest = d,
                                         .admitted = {},
                                         .epoch = first_epoch_ + open_by_epoch_.size() - 1,
                                         .where = place::room});
  ++d->sends;
  ++open_by_epoch_.back();
  ++counters_.events_accepted;
  accept(incoming, it);
}

producer_state::destination* producer_state::find_or_add(ingest_event& event,
                                                         std::string& problem) {
  destination_key(event, key_);
  if (auto found = destinations_.find(std::string_view(key_)); found != destinations_.end())
    return &found->second;
  ingest_batch header{.tenant_name = std::move(event.tenant_name),
                      .data_core_id = std::move(event.data_core_id),
                      .flow_type_name = std::move(event.flow_type_name),
                      .event_type_name = std::move(event.event_type_name),
                      .events = {},
                      .metadata = std::move(event.metadata),
                      .event_time = std::move(event.event_time),
                      .valid_time = std::move(event.valid_time),
                      .ttl = std::move(event.ttl),
                      .is_ephemeral = event.is_ephemeral,
                      .flowcore_managed = event.flowcore_managed};
  problem = destination_problem(header);
  if (!problem.empty()) return nullptr;
  auto [at, added] = destinations_.try_emplace(key_);
  at->second.key = key_;
  at->second.header = std::move(header);
  return &at->second;
}

// A send waits for room behind every send already waiting, so that admission keeps the
// order in which sends were made.
void producer_state::accept(send_list& from, send_list::iterator it) {
  const bool admitted_now = room_.empty() && has_room_for(it->data.size());
  room_.splice(room_.end(), from, it);
  // Until it joins a batch, a cancel removes it.
  it->slot = it->handler.get_cancellation_slot();
  if (it->slot.is_connected()) it->slot.emplace<send_canceller>(this, it);
  if (admitted_now) {
    admit(it);
    return;
  }
  counters_.peak_waiting_for_room = std::max(counters_.peak_waiting_for_room, room_.size());
}

// An event larger than the whole buffer would never fit: it is admitted alone.
bool producer_state::has_room_for(std::size_t bytes) const noexcept {
  return buffered_bytes_ == 0 || buffered_bytes_ + bytes <= options_.max_buffered_bytes;
}

// Moves the send at `it` (in room_) to its destination's waiting list.
void producer_state::admit(send_list::iterator it) {
  destination& d = *it->dest;
  const std::size_t bytes = it->data.size();
  d.waiting.splice(d.waiting.end(), room_, it);
  it->where = place::waiting;
  it->admitted = clock::now();
  buffered_bytes_ += bytes;
  counters_.peak_buffered_bytes = std::max(counters_.peak_buffered_bytes, buffered_bytes_);
  d.waiting_bytes += bytes;
  consider(d);
}

void producer_state::admit_from_room() {
  while (!room_.empty() && has_room_for(room_.front().data.size())) admit(room_.begin());
}

// ---- Batching

void producer_state::consider(destination& d) {
  if (shut_down_) {
    stop_lingering(d);
    return;
  }
  const auto now = clock::now();
  while (!d.waiting.empty()) {
    const std::size_t fits = fitting(d);
    const batch_step step = next_batch_step(d.waiting.size(), fits, d.waiting.front().admitted,
                                            d.in_flight, !flushes_.empty(), now, limits_);
    if (step.send_now) {
      start_batch(d, fits);
      continue;
    }
    if (step.wake_at)
      linger(d, *step.wake_at);
    else
      stop_lingering(d);
    return;
  }
  stop_lingering(d);
}

// How many waiting events the next batch takes; without a scan when all of them fit.
std::size_t producer_state::fitting(const destination& d) const {
  const std::size_t waiting = d.waiting.size();
  if (waiting <= limits_.max_events &&
      batch_body_bytes(d.waiting_bytes, waiting) <= limits_.max_bytes)
    return waiting;
  return batch_size(
      d.waiting | std::views::transform([](const pending_send& s) { return s.data.size(); }),
      limits_);
}

void producer_state::start_batch(destination& d, std::size_t count) {
  auto b = batches_.emplace(batches_.end());
  b->dest = &d;
  auto last = std::next(d.waiting.begin(), static_cast<std::ptrdiff_t>(count));
  b->entries.splice(b->entries.end(), d.waiting, d.waiting.begin(), last);
  std::string body;
  body += '[';
  for (pending_send& s : b->entries) {
    // In a batch, a send can no longer be taken back.
    if (s.slot.is_connected()) s.slot.clear();
    s.where = place::batch;
    if (body.size() > 1) body += ',';
    body += s.data;
    b->bytes += s.data.size();
    std::string().swap(s.data);  // the body holds it now
  }
  body += ']';
  d.waiting_bytes -= b->bytes;
  ++d.in_flight;
  ++counters_.batches_sent;

  prepared_batch cmd{.destination = d.header, .body = std::move(body), .count = count};
  // The answer comes back through a post: a batch that fails before any I/O completes
  // inside start_execute, and this state must not change under the caller.
  auto on_done = [self = shared_from_this(), b](error_code ec, ingest_batch_result result) {
    asio::post(self->executor_, [self, b, ec, result = std::move(result)]() mutable {
      self->on_batch_done(b, ec, std::move(result));
    });
  };
  start_execute<prepared_batch>(impl_, std::move(cmd), options_.batch_call, &b->diag,
                                handler_for<prepared_batch>(asio::bind_cancellation_slot(
                                    b->cancel.slot(), std::move(on_done))));
}

void producer_state::on_batch_done(std::list<batch>::iterator b, error_code ec,
                                   ingest_batch_result result) {
  destination& d = *b->dest;
  send_list done;
  done.splice(done.end(), b->entries);
  diagnostics diag = std::move(b->diag);
  buffered_bytes_ -= b->bytes;
  batches_.erase(b);
  --d.in_flight;
  if (!ec && !result.success) {
    ec = make_error_code(error::invalid_response);
    diag.message = "the server answered the batch with success: false";
  }
  if (ec) ++counters_.batches_failed;
  for (pending_send& s : done) finish(s, !ec);

  // Room freed and a batch slot free: admit and send before waking the senders, so the
  // next batch is on its way while they run.
  admit_from_room();
  consider(d);
  release(d);
  complete_flushes();

  std::size_t index = 0;
  for (pending_send& s : done) {
    if (s.diag_out) *s.diag_out = diag;
    std::string id = ec ? std::string() : std::move(result.event_ids[index]);
    ++index;
    auto ex = asio::get_associated_executor(s.handler, executor_);
    asio::dispatch(ex, asio::append(std::move(s.handler), ec, std::move(id)));
  }
}

// ---- The linger timer

// Most sends leave the first waiting event, hence the deadline, as it was.
void producer_state::linger(destination& d, clock::time_point until) {
  if (d.lingering && (*d.lingering)->first == until) return;
  stop_lingering(d);
  d.lingering = lingering_.emplace(until, &d);
  arm_timer();
}

void producer_state::stop_lingering(destination& d) {
  if (!d.lingering) return;
  lingering_.erase(*d.lingering);
  d.lingering.reset();
}

// The timer is armed for the earliest deadline and left armed when that destination
// sends early: it then fires, finds nothing due and re-arms for the next, which costs
// less than cancelling a timer for every batch that fills up.
void producer_state::arm_timer() {
  if (lingering_.empty() || shut_down_) return;
  const auto at = lingering_.begin()->first;
  if (timer_armed_ && timer_at_ <= at) return;
  timer_armed_ = true;
  timer_at_ = at;
  const std::uint64_t generation = ++timer_generation_;
  timer_.expires_at(at);
  timer_.async_wait([self = shared_from_this(), generation](error_code ec) {
    if (generation != self->timer_generation_) return;  // re-armed since
    self->timer_armed_ = false;
    if (!ec) self->on_timer();
  });
}

void producer_state::on_timer() {
  const auto now = clock::now();
  while (!lingering_.empty() && lingering_.begin()->first <= now)
    consider(*lingering_.begin()->second);
  arm_timer();
}

// ---- Flush

void producer_state::flush(flush_handler handler) {
  if (shut_down_) {
    post_completion(executor_, std::move(handler), make_error_code(error::cancelled));
    return;
  }
  const std::uint64_t epoch = first_epoch_ + open_by_epoch_.size() - 1;
  open_by_epoch_.push_back(0);
  auto it = flushes_.insert(flushes_.end(), flush_waiter{epoch, std::move(handler), {}});
  it->slot = it->handler.get_cancellation_slot();
  if (it->slot.is_connected()) it->slot.emplace<flush_canceller>(this, it);
  complete_flushes();
  // Nothing lingers while a flush waits.
  for (auto& entry : destinations_) consider(entry.second);
}

// A flush is done when every epoch up to its own has no open send left.
void producer_state::complete_flushes() {
  while (open_by_epoch_.size() > 1 && open_by_epoch_.front() == 0) {
    open_by_epoch_.pop_front();
    ++first_epoch_;
  }
  while (!flushes_.empty() && flushes_.front().epoch < first_epoch_) {
    flush_waiter w = std::move(flushes_.front());
    flushes_.pop_front();
    if (w.slot.is_connected()) w.slot.clear();
    post_completion(executor_, std::move(w.handler), error_code());
  }
}

void producer_state::cancel_flush(std::list<flush_waiter>::iterator it) {
  flush_waiter w = std::move(*it);
  flushes_.erase(it);
  w.slot.clear();  // destroys the canceller that called this
  post_completion(executor_, std::move(w.handler), make_error_code(error::cancelled));
}

// ---- Completing sends

void producer_state::cancel_send(send_list::iterator it) {
  destination& d = *it->dest;
  if (it->where == place::waiting) {
    buffered_bytes_ -= it->data.size();
    d.waiting_bytes -= it->data.size();
  }
  send_list& from = it->where == place::room ? room_ : d.waiting;
  complete_now(from, it, make_error_code(error::cancelled),
               diagnostics{.command = "event_producer", .message = "the send was cancelled"});
  // The batch it would have joined may now be full, or the room it took is free.
  admit_from_room();
  consider(d);
  release(d);
  complete_flushes();
}

// Completes a send that is not in a batch, through a post.
void producer_state::complete_now(send_list& from, send_list::iterator it, error_code ec,
                                  const diagnostics& diag) {
  pending_send s = std::move(*it);
  from.erase(it);
  if (s.slot.is_connected()) s.slot.clear();
  finish(s, false);
  if (s.diag_out) *s.diag_out = diag;
  post_completion(executor_, std::move(s.handler), ec, std::string());
}

// The bookkeeping of a send that completes: counters, its epoch, its destination.
void producer_state::finish(pending_send& s, bool stored) {
  ++(stored ? counters_.events_stored : counters_.events_failed);
  --open_by_epoch_[s.epoch - first_epoch_];
  --s.dest->sends;
}

// A destination with no send and no batch is forgotten: a producer whose events each
// name a different event time must not grow without bound.
void producer_state::release(destination& d) {
  if (d.sends == 0 && d.in_flight == 0 && !d.lingering) destinations_.erase(d.key);
}

void producer_state::shutdown() noexcept {
  if (shut_down_) return;
  shut_down_ = true;
  closed_ = true;
  ++timer_generation_;
  timer_.cancel();
  const diagnostics gone{.command = "event_producer",
                         .message = "the producer was destroyed before the event was sent"};
  while (!room_.empty())
    complete_now(room_, room_.begin(), make_error_code(error::cancelled), gone);
  for (auto& [key, d] : destinations_) {
    stop_lingering(d);
    while (!d.waiting.empty()) {
      buffered_bytes_ -= d.waiting.front().data.size();
      complete_now(d.waiting, d.waiting.begin(), make_error_code(error::cancelled), gone);
    }
    d.waiting_bytes = 0;
  }
  std::erase_if(destinations_, [](const auto& entry) { return entry.second.in_flight == 0; });
  while (!flushes_.empty()) {
    flush_waiter w = std::move(flushes_.front());
    flushes_.pop_front();
    if (w.slot.is_connected()) w.slot.clear();
    post_completion(executor_, std::move(w.handler), make_error_code(error::cancelled));
  }
  // Each batch's call ends with cancelled (or its answer, if that came first) and
  // completes its sends from on_batch_done.
  for (batch& b : batches_) b.cancel.emit(asio::cancellation_type::terminal);
}

}  // namespace flowcore::detail
