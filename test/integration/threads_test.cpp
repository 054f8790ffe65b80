// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Clients and notification streams on a 4-thread io_context, each on a strand of its own,
// as the thread-safety contract asks. The stub is not synchronised, so it runs on an
// io_context and thread of its own; the two sides meet over real sockets only. Built by
// the tsan preset too, where any data race on these paths fails the suite.
//
// Boost.Test is not thread-safe: the pool threads only record what they saw, in state
// that only one strand touches (so TSan also checks that handlers stay on their strand),
// and the checks run on the main thread after the pool has stopped.
#include "stub_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_future.hpp>

#include <cstdint>
#include <exception>
#include <future>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <type_traits>
#include <vector>

namespace flowcore::test {

namespace {

using strand = asio::strand<asio::io_context::executor_type>;

constexpr int pool_threads = 4;

// The stub on an io_context and a thread of its own. Its members are reached only through
// on_stub() (blocking, from the main thread) and query() (from a coroutine).
//
// Declare it after the io_context that query()'s callers run on: the stub's thread may drop
// the last reference to a caller's strand, and a strand must go before its io_context, so
// this thread is joined first.
class threaded_stub {
 public:
  threaded_stub() : stub_(ioc_.get_executor()) {
    stub_.start();
    base_url_ = stub_.base_url();
    acme_id_ = stub_.acme_tenant_id();
    thread_ = std::thread([this] { ioc_.run(); });
  }
  ~threaded_stub() {
    on_stub([](flowcore::stub::server& s) { s.stop(); });
    thread_.join();
  }
  threaded_stub(const threaded_stub&) = delete;
  threaded_stub& operator=(const threaded_stub&) = delete;

  /// Runs `f(stub)` on the stub's thread and returns its result. Main thread only: it blocks.
  template <class F>
  std::invoke_result_t<F&, flowcore::stub::server&> on_stub(F f) {
    std::packaged_task<std::invoke_result_t<F&, flowcore::stub::server&>()> task(
        [this, f = std::move(f)]() mutable { return f(stub_); });
    auto result = task.get_future();
    // Wrapped: Asio takes a bare packaged_task for a completion token and gets its future.
    asio::post(ioc_, [&task] { task(); });
    return result.get();
  }

  /// Runs `f(stub)` on the stub's thread; the awaiting coroutine resumes on its own
  /// executor with the result. Posted rather than co_spawned from this thread: co_spawn
  /// onto an io_context that another thread runs has a reported crash
  /// (chriskohlhoff/asio#552). `f` must be trivially copyable (see wait_for).
  template <class F>
  asio::awaitable<std::invoke_result_t<F&, flowcore::stub::server&>> query(F f) {
    using result = std::invoke_result_t<F&, flowcore::stub::server&>;
    co_return co_await asio::async_initiate<const asio::use_awaitable_t<>&, void(result)>(
        [this](auto handler, F f) {
          // The caller's io_context must not run out of work while the stub answers.
          auto work = asio::make_work_guard(asio::get_associated_executor(handler));
          asio::post(ioc_, [this, f = std::move(f), handler = std::move(handler),
                            work = std::move(work)]() mutable {
            result answer = f(stub_);
            asio::post(work.get_executor(),
                       [handler = std::move(handler), answer = std::move(answer)]() mutable {
                         std::move(handler)(std::move(answer));
                       });
          });
        },
        asio::use_awaitable, std::move(f));
  }

  /// Polls `done(stub)` every millisecond until it holds; throws after `limit`. Pass a
  /// named predicate that captures nothing non-trivial: GCC 12 destroys a non-trivial
  /// temporary created inside a co_await expression twice.
  template <class F>
  asio::awaitable<void> wait_for(F done, std::chrono::milliseconds limit = 3s) {
    asio::steady_timer tick(co_await asio::this_coro::executor);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    while (!co_await query(done)) {
      if (std::chrono::steady_clock::now() > deadline)
        throw std::runtime_error("the stub did not reach the expected state in time");
      tick.expires_after(1ms);
      co_await tick.async_wait(asio::use_awaitable);
    }
  }

  fc::client_options client_options() const {
    fc::client_options o;
    o.credentials = fc::api_key{test_key};
    o.base_url = base_url_;
    o.retry.delay = 1ms;
    return o;
  }
  const std::string& base_url() const { return base_url_; }
  const std::string& acme_id() const { return acme_id_; }

 private:
  asio::io_context ioc_;
  flowcore::stub::server stub_;
  std::string base_url_;
  std::string acme_id_;
  std::thread thread_;
};

// Runs `ioc` on pool_threads threads until it runs out of work; false when `limit` passed
// first (then what is left is destroyed with `ioc`).
bool run_pool(asio::io_context& ioc, std::chrono::seconds limit = 10s) {
  std::vector<std::thread> threads;
  for (int i = 0; i < pool_threads; ++i)
    threads.emplace_back([&ioc, limit] { ioc.run_for(limit); });
  for (auto& t : threads) t.join();
  return ioc.stopped();
}

// What a strand saw. Only that strand touches it while the pool runs.
struct tally {
  int completions = 0;
  int off_strand = 0;  // completions that ran anywhere else
  int failures = 0;
  std::string first_failure;

  void record(bool on_strand, boost::system::error_code ec) {
    ++completions;
    if (!on_strand) ++off_strand;
    if (ec) fail(ec.message());
  }
  void fail(std::string what) {
    if (failures++ == 0) first_failure = std::move(what);
  }
};

// A co_spawn completion that records an escaped exception in `t`, on `s`.
auto record_exception(strand s, tally* t) {
  return asio::bind_executor(s, [t](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& x) {
      t->fail(x.what());
    }
  });
}

// Creates acme / orders / {order, invoice} with a client of its own on a one-thread
// io_context, before the pool starts.
tree make_tree_first(const threaded_stub& s) {
  asio::io_context ioc;
  // The coroutine owns the client, so nothing of it is left when the tree is made and
  // run() returns.
  auto make = [](fc::client client, std::string acme_id) -> asio::awaitable<tree> {
    co_return co_await make_tree(client, std::move(acme_id));
  };
  std::future<tree> made = asio::co_spawn(
      ioc, make(fc::client(ioc.get_executor(), s.client_options()), s.acme_id()), asio::use_future);
  ioc.run();
  return made.get();
}

void check(const tally& t, int completions) {
  BOOST_TEST(t.completions == completions);
  BOOST_TEST(t.off_strand == 0);
  BOOST_TEST(t.failures == 0, t.failures << " failures, the first: " << t.first_failure);
}

// One of several coroutines sharing a client on its strand: per round, one awaited call
// and two callbacks, one bound to the client's strand and one bound to `other`.
asio::awaitable<void> make_calls(fc::client client, strand own, strand other, tally* mine,
                                 tally* theirs, int rounds) {
  const fc::tenant_fetch fetch{.tenant = "acme"};
  for (int i = 0; i < rounds; ++i) {
    const fc::tenant acme = co_await client.execute(fetch);
    mine->record(own.running_in_this_thread(), {});
    if (acme.name != "acme") mine->fail("fetched " + acme.name);
    client.async_execute(
        fetch, asio::bind_executor(own, [own, mine](boost::system::error_code ec, fc::tenant) {
          mine->record(own.running_in_this_thread(), ec);
        }));
    client.async_execute(
        fetch,
        asio::bind_executor(other, [other, theirs](boost::system::error_code ec, fc::tenant) {
          theirs->record(other.running_in_this_thread(), ec);
        }));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(threads)

BOOST_AUTO_TEST_CASE(clients_on_strands_complete_on_their_strands) {
  asio::io_context ioc(pool_threads);  // outlives the stub: see threaded_stub
  threaded_stub s;
  constexpr int clients = 4, coroutines = 3, rounds = 4;
  // One tally per client strand (awaited calls and callbacks bound to it) and one per
  // other strand (callbacks bound there).
  std::vector<tally> own(clients), other(clients);
  // Created and destroyed while no thread runs the pool. They outlive the coroutines: the
  // last handle going would cancel the callbacks still in flight.
  std::vector<fc::client> kept;
  for (int c = 0; c < clients; ++c) {
    const strand client_strand = asio::make_strand(ioc);
    const strand other_strand = asio::make_strand(ioc);
    kept.emplace_back(client_strand, s.client_options());
    for (int k = 0; k < coroutines; ++k)
      asio::co_spawn(
          client_strand,
          make_calls(kept.back(), client_strand, other_strand, &own[c], &other[c], rounds),
          record_exception(client_strand, &own[c]));
  }
  BOOST_TEST(run_pool(ioc));
  kept.clear();
  for (int c = 0; c < clients; ++c) {
    BOOST_TEST_CONTEXT("client " << c) {
      check(own[c], coroutines * rounds * 2);
      check(other[c], coroutines * rounds);
    }
  }
}

BOOST_AUTO_TEST_CASE(streams_on_strands_receive_every_event) {
  asio::io_context ioc(pool_threads);  // outlives the stub: see threaded_stub
  threaded_stub s;
  const tree t = make_tree_first(s);
  constexpr std::size_t streams = 3, events = 5;
  struct received {
    tally t;
    std::vector<std::string> ids;
  };
  std::vector<received> seen(streams);
  tally ingester;
  std::vector<std::string> ingested;
  fc::notification_options options;
  options.credentials = fc::api_key{test_key};
  options.base_url = s.base_url();
  options.subscription = {.tenant = "acme", .data_core = "orders"};
  options.reconnect_interval = 5ms;
  for (std::size_t i = 0; i < streams; ++i) {
    const strand on = asio::make_strand(ioc);
    received* r = &seen[i];
    auto consume = [](strand on, fc::notification_options o, received* r) -> asio::awaitable<void> {
      fc::notification_stream stream(on, std::move(o));
      while (r->ids.size() < events) {
        std::optional<fc::notification_event> event = co_await stream.next();
        r->t.record(on.running_in_this_thread(), {});
        if (!event) {
          r->t.fail("the stream ended early");
          break;
        }
        r->ids.push_back(event->data.event_id);
      }
    };  // the stream closes here, on its strand
    asio::co_spawn(on, consume(on, options, r), record_exception(on, &r->t));
  }
  // Ingests once every stream's subscription has reached the stub: an event stored before
  // reaches no socket.
  const strand ingest_strand = asio::make_strand(ioc);
  auto ingest = [](threaded_stub* s, fc::client client, tree t, tally* mine,
                   std::vector<std::string>* ids, strand own) -> asio::awaitable<void> {
    auto all_subscribed = [](flowcore::stub::server& stub) {
      return stub.subscribed_notification_sockets() == streams;
    };
    co_await s->wait_for(all_subscribed);
    for (std::size_t i = 0; i < events; ++i) {
      fc::ingest_event cmd{.tenant_name = "acme",
                           .data_core_id = t.data_core,
                           .flow_type_name = "order",
                           .event_type_name = "created",
                           .event_data = R"({"n":1})"};
      const fc::ingest_result stored = co_await client.execute(cmd);
      mine->record(own.running_in_this_thread(), {});
      ids->push_back(stored.event_id);
    }
  };
  asio::co_spawn(ingest_strand,
                 ingest(&s, fc::client(ingest_strand, s.client_options()), t, &ingester, &ingested,
                        ingest_strand),
                 record_exception(ingest_strand, &ingester));
  BOOST_TEST(run_pool(ioc));
  check(ingester, int(events));
  BOOST_TEST(ingested.size() == events);
  for (std::size_t i = 0; i < streams; ++i) {
    BOOST_TEST_CONTEXT("stream " << i) {
      check(seen[i].t, int(events));
      BOOST_TEST(seen[i].ids == ingested, boost::test_tools::per_element());
    }
  }
}

BOOST_AUTO_TEST_CASE(clients_destroyed_with_calls_in_flight_complete_each_call_once) {
  asio::io_context ioc(pool_threads);  // outlives the stub: see threaded_stub
  threaded_stub s;
  // Nothing is ever answered: only the last handle going can end these calls.
  s.on_stub([](flowcore::stub::server& stub) {
    stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .stall = true});
  });
  constexpr int clients = 4;
  constexpr std::size_t callbacks = 6, awaiting = 2;
  struct calls {
    std::vector<int> completions = std::vector<int>(callbacks + awaiting);
    tally t;
    std::size_t started = 0;  // awaiting coroutines that have started their call
    int not_cancelled = 0;
  };
  std::vector<calls> outcomes(clients);
  for (int c = 0; c < clients; ++c) {
    const strand on = asio::make_strand(ioc);
    // Even clients go at once, their calls still resolving or connecting; odd ones once
    // the stub holds every one of their calls. Each client asks for a tenant of its own,
    // so the stub tells their requests apart.
    const bool at_once = c % 2 == 0;
    auto drive = [](threaded_stub* s, strand on, calls* out, std::string tenant,
                    bool at_once) -> asio::awaitable<void> {
      auto client = std::make_unique<fc::client>(on, s->client_options());
      const fc::tenant_fetch cmd{.tenant = tenant};
      auto record = [on, out](std::size_t i, boost::system::error_code ec) {
        ++out->completions[i];
        out->t.record(on.running_in_this_thread(), {});
        if (ec != fc::error::cancelled) ++out->not_cancelled;
      };
      for (std::size_t i = 0; i < callbacks; ++i)
        client->async_execute(
            cmd, asio::bind_executor(
                     on, [record, i](boost::system::error_code ec, fc::tenant) { record(i, ec); }));
      // Coroutines that borrow the client, as a caller that holds no handle of its own.
      auto await_one = [](fc::client* borrowed, fc::tenant_fetch cmd, calls* out, std::size_t i,
                          decltype(record) record) -> asio::awaitable<void> {
        boost::system::error_code ec;
        try {
          ++out->started;  // the call registers before this coroutine first suspends
          co_await borrowed->execute(cmd);
        } catch (const fc::client_error& e) {
          ec = e.code();
        }
        record(i, ec);
      };
      for (std::size_t i = callbacks; i < callbacks + awaiting; ++i)
        asio::co_spawn(on, await_one(client.get(), cmd, out, i, record),
                       record_exception(on, &out->t));
      // The borrowed client must still be there when they start.
      while (out->started < awaiting) co_await asio::post(on, asio::use_awaitable);
      if (!at_once) {
        // Named, and capturing by reference only: GCC 12 destroys a lambda temporary that
        // holds a std::string twice when it is created inside a co_await expression.
        const std::string path = "/api/v1/tenants/by-name/" + tenant;
        auto on_the_wire = [&path](flowcore::stub::server& stub) {
          return stub.hits("GET", path) >= callbacks + awaiting;
        };
        co_await s->wait_for(on_the_wire);
      }
      client.reset();  // the last handle, on its strand
    };
    asio::co_spawn(on, drive(&s, on, &outcomes[c], "client-" + std::to_string(c), at_once),
                   record_exception(on, &outcomes[c].t));
  }
  BOOST_TEST(run_pool(ioc));
  for (int c = 0; c < clients; ++c) {
    BOOST_TEST_CONTEXT("client " << c) {
      BOOST_TEST(outcomes[c].completions == std::vector<int>(callbacks + awaiting, 1),
                 boost::test_tools::per_element());
      check(outcomes[c].t, int(callbacks + awaiting));
      BOOST_TEST(outcomes[c].not_cancelled == 0);
    }
  }
}

// The issue's service: one client on the bare 4-thread io_context (no strand given), called
// at once from coroutines and callbacks on strands of their own. The client carries each
// call to its own strand and completes it on the caller's. Without that, its pool and its
// list of calls would be touched from four threads at once (ThreadSanitizer fails the
// suite; an ordinary build corrupts the pool).
BOOST_AUTO_TEST_CASE(one_client_called_from_every_thread) {
  asio::io_context ioc(pool_threads);  // outlives the stub: see threaded_stub
  threaded_stub s;
  constexpr int callers = 40, rounds = 25;  // 2,000 calls, about 1,000 in flight
  fc::client client(ioc.get_executor(), s.client_options());
  // The client made a strand of its own over the bare executor.
  BOOST_TEST(
      (client.get_executor().target<asio::strand<asio::io_context::executor_type>>() != nullptr));
  const auto client_strand = *client.get_executor().target<strand>();
  std::vector<tally> own(callers), other(callers);
  tally unbound;  // callbacks with no executor of their own: only the client's strand runs them
  for (int c = 0; c < callers; ++c) {
    const strand caller = asio::make_strand(ioc);
    const strand elsewhere = asio::make_strand(ioc);
    asio::co_spawn(caller, make_calls(client, caller, elsewhere, &own[c], &other[c], rounds),
                   record_exception(caller, &own[c]));
    asio::post(caller, [client, client_strand, t = &unbound] {
      const fc::tenant_fetch fetch{.tenant = "acme"};
      client.async_execute(fetch, [client_strand, t](boost::system::error_code ec, fc::tenant) {
        t->record(client_strand.running_in_this_thread(), ec);
      });
    });
  }
  BOOST_TEST(run_pool(ioc, 60s));
  for (int c = 0; c < callers; ++c) {
    BOOST_TEST_CONTEXT("caller " << c) {
      check(own[c], rounds * 2);
      check(other[c], rounds);
    }
  }
  check(unbound, callers);
}

// A producer is used from one executor at a time, its client's; coroutines on other
// strands reach it by a hop (co_spawn onto its executor), and resume on their own.
BOOST_AUTO_TEST_CASE(a_producer_reached_from_other_strands_by_a_hop) {
  asio::io_context ioc(pool_threads);  // outlives the stub: see threaded_stub
  threaded_stub s;
  const tree t = make_tree_first(s);
  constexpr int senders = 8, events_each = 25;
  fc::client client(ioc.get_executor(), s.client_options());
  // Made and destroyed while no thread runs the pool.
  auto producer = std::make_unique<fc::event_producer>(client);
  std::vector<tally> tallies(senders);
  std::vector<std::vector<std::string>> ids(senders);
  for (int c = 0; c < senders; ++c) {
    const strand own = asio::make_strand(ioc);
    auto send_all = [](fc::event_producer* producer, tree t, strand own, tally* mine,
                       std::vector<std::string>* ids) -> asio::awaitable<void> {
      for (int i = 0; i < events_each; ++i) {
        const fc::ingest_event event{.tenant_name = "acme",
                                     .data_core_id = t.data_core,
                                     .flow_type_name = "order",
                                     .event_type_name = "created",
                                     .event_data = R"({"n":1})"};
        std::string id = co_await asio::co_spawn(producer->get_executor(), producer->send(event),
                                                 asio::use_awaitable);
        mine->record(own.running_in_this_thread(), {});
        ids->push_back(std::move(id));
      }
    };
    asio::co_spawn(own, send_all(producer.get(), t, own, &tallies[c], &ids[c]),
                   record_exception(own, &tallies[c]));
  }
  BOOST_TEST(run_pool(ioc));
  producer.reset();
  std::set<std::string> distinct;
  for (int c = 0; c < senders; ++c) {
    BOOST_TEST_CONTEXT("sender " << c) { check(tallies[c], events_each); }
    distinct.insert(ids[c].begin(), ids[c].end());
  }
  BOOST_TEST(distinct.size() == std::size_t(senders * events_each));
  BOOST_TEST(!distinct.contains(""));
}

// A strand given to the client is its strand: callers on it never change executor.
BOOST_AUTO_TEST_CASE(a_strand_given_is_the_clients_strand) {
  asio::io_context ioc;
  const strand given = asio::make_strand(ioc);
  fc::client on_given(given, fc::client_options{});
  BOOST_TEST((on_given.get_executor() == asio::any_io_executor(given)));
  const asio::strand<asio::any_io_executor> any_strand = asio::make_strand(ioc.get_executor());
  fc::client on_any(any_strand, fc::client_options{});
  BOOST_TEST((on_any.get_executor() == asio::any_io_executor(any_strand)));
  fc::client on_bare(ioc.get_executor(), fc::client_options{});
  BOOST_TEST((on_bare.get_executor() != asio::any_io_executor(ioc.get_executor())));
}

// Cancellation emitted on the caller's strand, while the call runs on the client's: it is
// carried over, and each call ends with cancelled at once (the stub never answers; the
// deadline is 30 s and the pool gives up after 10).
BOOST_AUTO_TEST_CASE(callers_on_other_strands_cancel_their_calls) {
  asio::io_context ioc(pool_threads);  // outlives the stub: see threaded_stub
  threaded_stub s;
  s.on_stub([](flowcore::stub::server& stub) {
    stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .stall = true});
  });
  constexpr int callers = 16, calls_each = 4;
  fc::client client(ioc.get_executor(), s.client_options());
  struct cancelled_calls {
    tally t;
    int cancelled = 0;
  };
  std::vector<cancelled_calls> outcomes(callers);
  for (int c = 0; c < callers; ++c) {
    const strand caller = asio::make_strand(ioc);
    auto drive = [](fc::client client, strand caller,
                    cancelled_calls* out) -> asio::awaitable<void> {
      const fc::tenant_fetch cmd{.tenant = "acme"};
      std::vector<std::unique_ptr<asio::cancellation_signal>> signals;
      for (int i = 0; i < calls_each; ++i) {
        signals.push_back(std::make_unique<asio::cancellation_signal>());
        client.async_execute(
            cmd, asio::bind_cancellation_slot(
                     signals.back()->slot(),
                     asio::bind_executor(caller,
                                         [caller, out](boost::system::error_code ec, fc::tenant) {
                                           out->t.record(caller.running_in_this_thread(), {});
                                           if (ec == fc::error::cancelled) ++out->cancelled;
                                         })));
      }
      // Long enough for the calls to reach the stub, or not: either way they end.
      asio::steady_timer wait(caller, 20ms);
      co_await wait.async_wait(asio::use_awaitable);
      for (auto& signal : signals) signal->emit(asio::cancellation_type::terminal);
      // The signals must outlive the calls: each completion clears its slot.
      while (out->t.completions < calls_each) co_await asio::post(caller, asio::use_awaitable);
    };
    asio::co_spawn(caller, drive(client, caller, &outcomes[c]),
                   record_exception(caller, &outcomes[c].t));
  }
  BOOST_TEST(run_pool(ioc));
  for (int c = 0; c < callers; ++c) {
    BOOST_TEST_CONTEXT("caller " << c) {
      check(outcomes[c].t, calls_each);
      BOOST_TEST(outcomes[c].cancelled == calls_each);
    }
  }
}

// The last handle may go on any thread: the calls in flight, started from other strands,
// end with cancelled, each once, on their callers' strands.
BOOST_AUTO_TEST_CASE(the_last_handle_goes_on_another_strand) {
  asio::io_context ioc(pool_threads);  // outlives the stub: see threaded_stub
  threaded_stub s;
  s.on_stub([](flowcore::stub::server& stub) {
    stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .stall = true});
  });
  constexpr int callers = 4, calls_each = 4;  // within the 16 connections per origin
  std::vector<tally> outcomes(callers);
  std::vector<int> cancelled(callers);
  auto client = std::make_shared<fc::client>(ioc.get_executor(), s.client_options());
  for (int c = 0; c < callers; ++c) {
    const strand caller = asio::make_strand(ioc);
    asio::post(caller, [client, caller, t = &outcomes[c], n = &cancelled[c]] {
      const fc::tenant_fetch cmd{.tenant = "acme"};
      for (int i = 0; i < calls_each; ++i)
        client->async_execute(
            cmd,
            asio::bind_executor(caller, [caller, t, n](boost::system::error_code ec, fc::tenant) {
              t->record(caller.running_in_this_thread(), {});
              if (ec == fc::error::cancelled) ++*n;
            }));
    });
  }
  // Once every call is on the wire, the last handle goes, on a strand of its own.
  const strand dropper = asio::make_strand(ioc);
  auto drop = [](threaded_stub* s, std::shared_ptr<fc::client> client) -> asio::awaitable<void> {
    auto on_the_wire = [](flowcore::stub::server& stub) {
      return stub.hits("GET", "/api/v1/tenants/by-name/acme") >= callers * calls_each;
    };
    co_await s->wait_for(on_the_wire);
    client.reset();
  };
  tally dropper_tally;
  asio::co_spawn(dropper, drop(&s, std::move(client)), record_exception(dropper, &dropper_tally));
  BOOST_TEST(run_pool(ioc));
  BOOST_TEST(dropper_tally.failures == 0, dropper_tally.first_failure);
  for (int c = 0; c < callers; ++c) {
    BOOST_TEST_CONTEXT("caller " << c) {
      check(outcomes[c], calls_each);
      BOOST_TEST(cancelled[c] == calls_each);
    }
  }
}

// A client's idle connections keep nothing pending on its io_context: run() returns once
// the calls are done, though the client, and the connection in its pool, live on. (The
// connection's timer is cancelled when an exchange ends; left armed, it would hold run()
// until the read budget, 30 s.)
BOOST_AUTO_TEST_CASE(run_returns_when_the_calls_are_done_though_the_client_lives) {
  asio::io_context ioc;  // before the stub: see threaded_stub
  threaded_stub s;
  fc::client client(ioc.get_executor(), s.client_options());
  fc::tenant_fetch fetch{.tenant = "acme"};
  bool done = false;
  client.async_execute(fetch, [&done](boost::system::error_code ec, fc::tenant t) {
    BOOST_TEST(!ec);
    BOOST_TEST(t.name == "acme");
    done = true;
  });
  const auto started = std::chrono::steady_clock::now();
  ioc.run();
  BOOST_TEST(done);
  BOOST_TEST((std::chrono::steady_clock::now() - started < 10s));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
