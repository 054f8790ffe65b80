// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// fc::event_producer against the stub: batches per destination, order, event ids read
// back, backpressure on a stalled server, failures and cancellation, and that every send
// completes exactly once whatever happens.
#include "stub_fixture.hpp"

#include <flowcore/producer.hpp>

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/post.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowcore::test {

namespace {

namespace json = boost::json;

// acme / orders / order, with event types "t0", "t1", ...
struct topology {
  std::string data_core_id;
  std::vector<std::string> event_type_ids;
};

asio::awaitable<topology> make_topology(fc::client& client, const stub_fixture& f,
                                        int event_types) {
  fc::data_core_create dc{.tenant_id = f.stub.acme_tenant_id(), .name = "orders"};
  fc::data_core core = co_await client.execute(dc);
  fc::flow_type_create ft{.data_core_id = core.id, .name = "order"};
  fc::flow_type flow = co_await client.execute(ft);
  topology t{.data_core_id = core.id, .event_type_ids = {}};
  for (int i = 0; i < event_types; ++i) {
    fc::event_type_create et{.flow_type_id = flow.id, .name = "t" + std::to_string(i)};
    fc::event_type type = co_await client.execute(et);
    t.event_type_ids.push_back(type.id);
  }
  co_return t;
}

fc::ingest_event event_to(const topology& t, int event_type, std::string data) {
  return fc::ingest_event{.tenant_name = "acme",
                          .data_core_id = t.data_core_id,
                          .flow_type_name = "order",
                          .event_type_name = "t" + std::to_string(event_type),
                          .event_data = std::move(data)};
}

// Every stored event of one event type, in storage order, through the generators.
asio::awaitable<std::vector<fc::event>> read_all(fc::client& client, const std::string& type_id) {
  std::vector<fc::event> out;
  fc::time_bucket_list buckets{.event_type_ids = {type_id}};
  auto names = fc::read_time_buckets(client, buckets);
  while (std::optional<std::string> bucket = co_await names.async_resume(asio::use_awaitable)) {
    fc::event_list list{.event_type_ids = {type_id}, .time_bucket = *bucket};
    auto events = fc::read_events(client, list);
    while (std::optional<fc::event> e = co_await events.async_resume(asio::use_awaitable))
      out.push_back(std::move(*e));
  }
  co_return out;
}

// How one send ended; `completions` counts how often it did (must end at 1).
struct outcome {
  int completions = 0;
  boost::system::error_code ec;
  std::string event_id;
};

// Records a send's completion into `slot`.
auto record(outcome& slot) {
  return [&slot](boost::system::error_code ec, std::string id) {
    ++slot.completions;
    slot.ec = ec;
    slot.event_id = std::move(id);
  };
}

// Waits, a millisecond at a time, until `done()`; the fixture's watchdog bounds it.
template <class Condition>
asio::awaitable<void> wait_until(Condition done) {
  asio::steady_timer tick(co_await asio::this_coro::executor);
  while (!done()) {
    tick.expires_after(1ms);
    co_await tick.async_wait(asio::use_awaitable);
  }
}

// The `"k"` member of a payload written as {"s":S,"k":K}.
std::int64_t member(const std::string& payload, const char* name) {
  return json::parse(payload).as_object().at(name).as_int64();
}

std::size_t batch_requests(const stub_fixture& f) { return f.stub.hits("POST", "/events/"); }

}  // namespace

BOOST_AUTO_TEST_SUITE(producer)

BOOST_AUTO_TEST_CASE(sends_become_full_batches_whose_ids_are_the_stored_events) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    f.stub.clear_requests();

    fc::event_producer producer(client);
    std::vector<outcome> outcomes(60);
    for (int i = 0; i < 60; ++i)
      producer.async_send(event_to(t, 0, R"({"k":)" + std::to_string(i) + "}"),
                          record(outcomes[i]));
    co_await producer.flush();

    // 25 + 25 + 10: two full batches, and the rest sent by the flush.
    BOOST_TEST(batch_requests(f) == 3u);
    BOOST_TEST(f.stub.hits("POST", "/event/") == 0u);
    const std::vector<fc::event> stored = co_await read_all(client, t.event_type_ids[0]);
    BOOST_TEST_REQUIRE(stored.size() == 60u);
    for (int i = 0; i < 60; ++i) {
      BOOST_TEST(outcomes[i].completions == 1);
      BOOST_TEST(!outcomes[i].ec);
      BOOST_TEST(outcomes[i].event_id == stored[i].event_id);
      BOOST_TEST(member(stored[i].payload, "k") == i);
    }
    const fc::producer_counters c = producer.counters();
    BOOST_TEST(c.events_accepted == 60u);
    BOOST_TEST(c.events_stored == 60u);
    BOOST_TEST(c.batches_sent == 3u);
    BOOST_TEST(c.buffered_bytes == 0u);
  });
}

BOOST_AUTO_TEST_CASE(a_lone_event_goes_after_the_linger_without_a_flush) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    fc::event_producer producer(client, fc::producer_options{.linger = 1ms});
    fc::ingest_event e = event_to(t, 0, R"({"alone":true})");
    const std::string id = co_await producer.send(e);
    BOOST_TEST(!id.empty());
    BOOST_TEST(batch_requests(f) == 1u);
  });
}

BOOST_AUTO_TEST_CASE(the_batch_limits_and_the_shared_headers_split_batches) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 2);
    f.stub.clear_requests();
    // Bodies of at most 30 bytes: `[` + two 10-byte events + `,` + `]` = 23 fits, three
    // (34) do not.
    fc::event_producer producer(
        client, fc::producer_options{.max_batch_bytes = 30, .linger = std::chrono::minutes(1)});
    std::vector<outcome> outcomes(7);
    const std::string ten = R"({"k":"12"})";
    for (int i = 0; i < 4; ++i) producer.async_send(event_to(t, 0, ten), record(outcomes[i]));
    // Another event type, and the same event type with other headers: other batches.
    producer.async_send(event_to(t, 1, ten), record(outcomes[4]));
    fc::ingest_event with_time = event_to(t, 0, ten);
    with_time.event_time = "2025-01-01T10:00:00.000Z";
    producer.async_send(with_time, record(outcomes[5]));
    fc::ingest_event with_metadata = event_to(t, 0, ten);
    with_metadata.metadata = {{"source", "test"}};
    producer.async_send(with_metadata, record(outcomes[6]));
    // An event larger than a batch goes alone.
    outcome big;
    producer.async_send(event_to(t, 1, R"({"k":")" + std::string(64, 'x') + R"("})"), record(big));
    co_await producer.flush();

    for (const outcome& o : outcomes) BOOST_TEST((o.completions == 1 && !o.ec));
    BOOST_TEST((big.completions == 1 && !big.ec));
    // t0: 2 + 2 (bytes), one with the time, one with the metadata; t1: 1, and the big one.
    BOOST_TEST(batch_requests(f) == 6u);
    bool metadata_sent = false;
    for (const auto& r : f.stub.requests()) {
      if (r.body == "[" + ten + "," + ten + "]") continue;
      for (const auto& [name, value] : r.headers)
        if (name == "x-flowcore-metadata-json") metadata_sent = true;
    }
    BOOST_TEST(metadata_sent);
  });
}

BOOST_AUTO_TEST_CASE(an_event_that_is_not_json_fails_alone) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    f.stub.clear_requests();
    fc::event_producer producer(client, fc::producer_options{.linger = std::chrono::minutes(1)});
    outcome first, bad, last;
    producer.async_send(event_to(t, 0, R"({"k":1})"), record(first));
    fc::diagnostics diag;
    producer.async_send(event_to(t, 0, R"({"k":)"), diag, record(bad));
    producer.async_send(event_to(t, 0, R"({"k":3})"), record(last));
    co_await producer.flush();

    BOOST_TEST(bad.completions == 1);
    BOOST_TEST(bad.ec == fc::error::invalid_argument);
    BOOST_TEST(diag.message.find("event_data is not valid JSON") != std::string::npos);
    BOOST_TEST((first.completions == 1 && !first.ec && last.completions == 1 && !last.ec));
    BOOST_TEST_REQUIRE(batch_requests(f) == 1u);
    BOOST_TEST(f.stub.requests().back().body == R"([{"k":1},{"k":3}])");
  });
}

BOOST_AUTO_TEST_CASE(bad_destinations_a_bearer_client_and_a_closed_producer_are_refused) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    f.stub.clear_requests();
    auto error_of = [](fc::event_producer& p,
                       fc::ingest_event& e) -> asio::awaitable<fc::client_error> {
      try {
        co_await p.send(e);
      } catch (const fc::client_error& failure) {
        co_return failure;
      }
      BOOST_ERROR("the send should have failed");
      co_return fc::client_error(fc::error::invalid_response, {});
    };

    fc::event_producer producer(client);
    fc::ingest_event no_tenant = event_to(t, 0, "{}");
    no_tenant.tenant_name.clear();
    fc::client_error e = co_await error_of(producer, no_tenant);
    BOOST_TEST(e.code() == fc::error::invalid_argument);
    BOOST_TEST(e.diagnostics().message == "tenant_name is required");
    fc::ingest_event bad_time = event_to(t, 0, "{}");
    bad_time.event_time = "2025\r\nX: y";
    e = co_await error_of(producer, bad_time);
    BOOST_TEST(e.code() == fc::error::invalid_argument);

    fc::client bearer = f.make_bearer_client();
    fc::event_producer bearer_producer(bearer);
    fc::ingest_event fine = event_to(t, 0, "{}");
    e = co_await error_of(bearer_producer, fine);
    BOOST_TEST(e.code() == fc::error::not_allowed_in_mode);

    co_await producer.send(fine);
    co_await producer.close();
    e = co_await error_of(producer, fine);
    BOOST_TEST(e.code() == fc::error::producer_closed);
    co_await producer.flush();  // still fine after close
    BOOST_TEST(batch_requests(f) == 1u);
  });
}

BOOST_AUTO_TEST_CASE(the_options_are_checked) {
  stub_fixture f;
  fc::client client = f.make_client();
  auto rejects = [&](fc::producer_options o, const std::string& what) {
    try {
      fc::event_producer producer(client, o);
      BOOST_ERROR("accepted: " + what);
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::invalid_argument);
      BOOST_TEST(e.diagnostics().message.find(what) != std::string::npos);
    }
  };
  rejects({.max_batch_events = 0}, "max_batch_events");
  rejects({.max_batch_events = 1001}, "max_batch_events");
  rejects({.max_batch_bytes = 1}, "max_batch_bytes");
  rejects({.linger = -1us}, "linger");
  rejects({.linger = std::chrono::minutes(2)}, "linger");
  rejects({.max_in_flight_per_destination = 0}, "max_in_flight_per_destination");
  rejects({.max_buffered_bytes = 0}, "max_buffered_bytes");
}

BOOST_AUTO_TEST_CASE(a_failed_batch_fails_each_of_its_sends_with_its_diagnostics) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    f.stub.clear_requests();
    f.stub.add_fault({.method = "POST", .path_prefix = "/events/", .count = 1, .status = 503});
    fc::event_producer producer(client, fc::producer_options{.linger = std::chrono::minutes(1)});
    std::vector<outcome> outcomes(3);
    std::vector<fc::diagnostics> diags(3);
    for (int i = 0; i < 3; ++i)
      producer.async_send(event_to(t, 0, "{}"), diags[i], record(outcomes[i]));
    co_await producer.flush();
    for (int i = 0; i < 3; ++i) {
      BOOST_TEST(outcomes[i].completions == 1);
      BOOST_TEST(outcomes[i].ec == fc::error::http_status);
      BOOST_TEST(diags[i].http_status == 503);
      BOOST_TEST(diags[i].command == "ingest_batch");
    }
    // Not idempotent: a 503 is not retried.
    BOOST_TEST(batch_requests(f) == 1u);
    BOOST_TEST(producer.counters().batches_failed == 1u);
    BOOST_TEST(producer.counters().events_failed == 3u);

    // The awaitable form throws the same.
    f.stub.add_fault({.method = "POST", .path_prefix = "/events/", .count = 1, .status = 400});
    fc::event_producer quick(client);
    fc::ingest_event e = event_to(t, 0, "{}");
    try {
      co_await quick.send(e);
      BOOST_ERROR("the send should have failed");
    } catch (const fc::client_error& failure) {
      BOOST_TEST(failure.code() == fc::error::http_status);
      BOOST_TEST(failure.diagnostics().http_status == 400);
    }
  });
}

BOOST_AUTO_TEST_CASE(a_cancelled_send_not_yet_in_a_batch_is_removed) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    f.stub.clear_requests();
    fc::event_producer producer(client, fc::producer_options{.linger = std::chrono::minutes(1)});
    asio::cancellation_signal cancel;
    outcome kept, removed;
    producer.async_send(event_to(t, 0, R"({"k":1})"), record(kept));
    producer.async_send(event_to(t, 0, R"({"k":2})"),
                        asio::bind_cancellation_slot(cancel.slot(), record(removed)));
    cancel.emit(asio::cancellation_type::terminal);
    co_await producer.flush();
    BOOST_TEST(removed.completions == 1);
    BOOST_TEST(removed.ec == fc::error::cancelled);
    BOOST_TEST((kept.completions == 1 && !kept.ec));
    BOOST_TEST_REQUIRE(batch_requests(f) == 1u);
    BOOST_TEST(f.stub.requests().back().body == R"([{"k":1}])");

    // Once in a batch, a cancel changes nothing: the send completes with the batch.
    f.stub.add_fault({.method = "POST",
                      .path_prefix = "/events/",
                      .count = 1,
                      .delay = std::chrono::milliseconds(50)});
    fc::event_producer eager(client, fc::producer_options{.linger = 0ms});
    outcome in_batch;
    asio::cancellation_signal late;
    eager.async_send(event_to(t, 0, R"({"k":3})"),
                     asio::bind_cancellation_slot(late.slot(), record(in_batch)));
    co_await wait_until([&] { return eager.counters().batches_sent == 1; });
    late.emit(asio::cancellation_type::terminal);
    co_await eager.flush();
    BOOST_TEST(in_batch.completions == 1);
    BOOST_TEST(!in_batch.ec);
  });
}

BOOST_AUTO_TEST_CASE(a_stalled_server_holds_memory_at_the_bound_and_destruction_ends_every_send) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    f.stub.add_fault({.method = "POST", .path_prefix = "/events/", .count = 0, .stall = true});
    const std::string kilobyte = R"({"k":")" + std::string(1000, 'x') + R"("})";
    std::vector<outcome> outcomes(100);
    {
      fc::event_producer producer(
          client, fc::producer_options{.linger = 0ms, .max_buffered_bytes = 10 * kilobyte.size()});
      for (outcome& o : outcomes) producer.async_send(event_to(t, 0, kilobyte), record(o));
      // The first event went alone (linger 0); nine more fill the buffer and wait for it;
      // the other 90 wait for room.
      co_await wait_until([&] { return producer.counters().batches_sent == 1; });
      const fc::producer_counters c = producer.counters();
      BOOST_TEST(c.peak_buffered_bytes == 10 * kilobyte.size());
      BOOST_TEST(c.waiting_for_room == 90u);
      BOOST_TEST(c.events_stored + c.events_failed == 0u);
      for (outcome& o : outcomes) BOOST_TEST(o.completions == 0);
    }
    // Destroyed: the 99 not in a batch end at once; the batch's call is cancelled.
    co_await wait_until([&] {
      for (const outcome& o : outcomes)
        if (o.completions == 0) return false;
      return true;
    });
    for (const outcome& o : outcomes) {
      BOOST_TEST(o.completions == 1);
      BOOST_TEST(o.ec == fc::error::cancelled);
    }
    f.stub.clear_faults();
  });
}

BOOST_AUTO_TEST_CASE(a_flush_ends_with_cancelled_when_cancelled_or_when_the_producer_goes) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    f.stub.add_fault({.method = "POST", .path_prefix = "/events/", .count = 0, .stall = true});
    auto producer =
        std::make_unique<fc::event_producer>(client, fc::producer_options{.linger = 0ms});
    outcome sent;
    producer->async_send(event_to(t, 0, "{}"), record(sent));
    // Each flush records the code it ended with.
    auto start_flush = [&](asio::cancellation_slot slot,
                           std::optional<boost::system::error_code>& out) {
      asio::co_spawn(f.ioc, producer->flush(),
                     asio::bind_cancellation_slot(slot, [&out](std::exception_ptr e) {
                       out.emplace();
                       if (!e) return;
                       try {
                         std::rethrow_exception(e);
                       } catch (const fc::client_error& failure) {
                         *out = failure.code();
                       }
                     }));
    };
    asio::cancellation_signal cancel;
    std::optional<boost::system::error_code> cancelled, orphaned;
    start_flush(cancel.slot(), cancelled);
    start_flush({}, orphaned);
    co_await asio::post(f.ioc, asio::use_awaitable);  // both are waiting
    cancel.emit(asio::cancellation_type::terminal);
    co_await wait_until([&] { return cancelled.has_value(); });
    BOOST_TEST(*cancelled == fc::error::cancelled);
    BOOST_TEST(!orphaned.has_value());  // the other flush still waits for the stalled batch
    BOOST_TEST(sent.completions == 0);

    producer.reset();
    co_await wait_until([&] { return orphaned.has_value() && sent.completions == 1; });
    BOOST_TEST(*orphaned == fc::error::cancelled);
    BOOST_TEST(sent.ec == fc::error::cancelled);
    f.stub.clear_faults();
  });
}

BOOST_AUTO_TEST_CASE(a_send_waiting_for_room_is_removed_when_cancelled) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const topology t = co_await make_topology(client, f, 1);
    f.stub.add_fault({.method = "POST",
                      .path_prefix = "/events/",
                      .count = 1,
                      .delay = std::chrono::milliseconds(30)});
    f.stub.clear_requests();
    fc::event_producer producer(client,
                                fc::producer_options{.linger = 0ms, .max_buffered_bytes = 8});
    outcome first, waiting, after;
    asio::cancellation_signal cancel;
    producer.async_send(event_to(t, 0, R"({"k":1})"), record(first));
    producer.async_send(event_to(t, 0, R"({"k":2})"),
                        asio::bind_cancellation_slot(cancel.slot(), record(waiting)));
    producer.async_send(event_to(t, 0, R"({"k":3})"), record(after));
    BOOST_TEST(producer.counters().waiting_for_room == 2u);
    cancel.emit(asio::cancellation_type::terminal);
    BOOST_TEST(producer.counters().waiting_for_room == 1u);
    co_await producer.flush();
    BOOST_TEST(waiting.ec == fc::error::cancelled);
    BOOST_TEST((first.completions == 1 && waiting.completions == 1 && after.completions == 1));
    BOOST_TEST((!first.ec && !after.ec));
    BOOST_TEST(f.stub.requests().size() == 2u);
    BOOST_TEST(f.stub.requests().back().body == R"([{"k":3}])");
  });
}

BOOST_AUTO_TEST_CASE(a_thousand_senders_store_a_hundred_thousand_events_once_and_in_order) {
  stub_fixture f(flowcore::stub::server_options{.record_requests = false});
  f.run(
      [&]() -> asio::awaitable<void> {
        fc::client client = f.make_client();
        const topology t = co_await make_topology(client, f, 4);
        fc::event_producer producer(client);
        constexpr int senders = 1000;
        constexpr int per_sender = 100;
        std::vector<std::vector<std::string>> ids(senders);
        int running = senders;
        for (int s = 0; s < senders; ++s)
          asio::co_spawn(
              f.ioc,
              [&, s]() -> asio::awaitable<void> {
                for (int k = 0; k < per_sender; ++k) {
                  fc::ingest_event e = event_to(
                      t, s % 4,
                      R"({"s":)" + std::to_string(s) + R"(,"k":)" + std::to_string(k) + "}");
                  ids[s].push_back(co_await producer.send(e));
                }
              },
              [&](std::exception_ptr failure) {
                if (failure) BOOST_ERROR("a sender failed");
                --running;
              });
        co_await wait_until([&] { return running == 0; });

        std::size_t total = 0;
        std::map<std::string, int> seen;
        for (int type = 0; type < 4; ++type) {
          const std::vector<fc::event> stored = co_await read_all(client, t.event_type_ids[type]);
          total += stored.size();
          std::vector<int> next_k(senders, 0);
          for (const fc::event& e : stored) {
            const auto s = member(e.payload, "s");
            const auto k = member(e.payload, "k");
            BOOST_TEST(s % 4 == type);
            // Each sender's events in its send order, none twice, with the id it was given.
            BOOST_TEST(k == next_k[s]);
            next_k[s] = int(k) + 1;
            BOOST_TEST(ids[s][k] == e.event_id);
            ++seen[e.event_id];
          }
        }
        BOOST_TEST(total == std::size_t(senders) * per_sender);
        BOOST_TEST(seen.size() == total);
        const fc::producer_counters c = producer.counters();
        BOOST_TEST(c.events_stored == total);
        // Batches of 25 but for a few partial ones: far fewer requests than events.
        BOOST_TEST(c.batches_sent < total / 20);
      },
      120s);
}

BOOST_AUTO_TEST_CASE(bursts_of_503_and_resets_complete_every_send_once_and_store_nothing_twice) {
  stub_fixture f(flowcore::stub::server_options{.record_requests = false});
  f.run(
      [&]() -> asio::awaitable<void> {
        fc::client client = f.make_client();
        const topology t = co_await make_topology(client, f, 4);
        fc::event_producer producer(client);
        constexpr int senders = 200;
        constexpr int per_sender = 50;
        std::vector<std::vector<outcome>> outcomes(senders, std::vector<outcome>(per_sender));
        int running = senders;
        for (int s = 0; s < senders; ++s)
          asio::co_spawn(
              f.ioc,
              [&, s]() -> asio::awaitable<void> {
                for (int k = 0; k < per_sender; ++k) {
                  if (s == 0 && k == 10) {  // mid-run, while batches are in flight
                    f.stub.add_fault(
                        {.method = "POST", .path_prefix = "/events/", .count = 5, .status = 503});
                    f.stub.add_fault(
                        {.method = "POST", .path_prefix = "/events/", .count = 5, .reset = true});
                  }
                  fc::ingest_event e = event_to(
                      t, s % 4,
                      R"({"s":)" + std::to_string(s) + R"(,"k":)" + std::to_string(k) + "}");
                  auto [ec, id] = co_await producer.async_send(e, no_throw);
                  outcome& o = outcomes[s][k];
                  ++o.completions;
                  o.ec = ec;
                  o.event_id = std::move(id);
                }
              },
              [&](std::exception_ptr failure) {
                if (failure) BOOST_ERROR("a sender threw");
                --running;
              });
        co_await wait_until([&] { return running == 0; });

        int failed = 0;
        for (const auto& row : outcomes)
          for (const outcome& o : row) {
            BOOST_TEST(o.completions == 1);
            if (!o.ec) continue;
            ++failed;
            BOOST_TEST((o.ec == fc::error::http_status || o.ec == fc::error::connection_failed));
          }
        // Ten batches failed, each of at least one send.
        BOOST_TEST(producer.counters().batches_failed == 10u);
        BOOST_TEST(failed >= 10);
        std::map<std::pair<std::int64_t, std::int64_t>, int> stored_times;
        for (int type = 0; type < 4; ++type)
          for (const fc::event& e : co_await read_all(client, t.event_type_ids[type])) {
            const auto s = member(e.payload, "s");
            const auto k = member(e.payload, "k");
            ++stored_times[{s, k}];
            // Stored means the send succeeded, with this id.
            BOOST_TEST(!outcomes[s][k].ec);
            BOOST_TEST(outcomes[s][k].event_id == e.event_id);
          }
        for (const auto& [key, times] : stored_times) BOOST_TEST(times == 1);
        BOOST_TEST(stored_times.size() == std::size_t(senders * per_sender - failed));
      },
      120s);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
