// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// async_execute promises that terminal, partial and total cancellation all end a call with
// `cancelled`, at once, in every state a call can wait in: a request the server never
// answers, a retry back-off, and the queue for a free connection.
#include "stub_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>
#include <boost/asio/post.hpp>

#include <memory>

namespace flowcore::test {
namespace {

constexpr asio::cancellation_type every_type[] = {asio::cancellation_type::terminal,
                                                  asio::cancellation_type::partial,
                                                  asio::cancellation_type::total};

const char* name_of(asio::cancellation_type type) {
  switch (type) {
    case asio::cancellation_type::terminal:
      return "terminal";
    case asio::cancellation_type::partial:
      return "partial";
    default:
      return "total";
  }
}

// One call started with async_execute, its cancellation signal and how it ended. Shared:
// a call still running when the test coroutine ends must find it alive.
struct started_call {
  asio::cancellation_signal signal;
  bool done = false;
  boost::system::error_code ec;
};

std::shared_ptr<started_call> start_fetch(fc::client& client) {
  auto call = std::make_shared<started_call>();
  fc::tenant_fetch fetch{.tenant = "acme"};
  client.async_execute(fetch, asio::bind_cancellation_slot(
                                  call->signal.slot(), [call](boost::system::error_code ec, fc::tenant) {
                                    call->done = true;
                                    call->ec = ec;
                                  }));
  return call;
}

// Cancels `call` with `type` and expects it to end with `cancelled` within a second,
// though nothing else would end it for much longer.
asio::awaitable<void> expect_cancelled(started_call& call, asio::cancellation_type type) {
  BOOST_TEST_REQUIRE(!call.done);
  call.signal.emit(type);
  co_await wait_until([&] { return call.done; }, 1s);
  BOOST_TEST(call.ec == fc::error::cancelled, name_of(type) << ": " << call.ec.message());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cancellation)

BOOST_AUTO_TEST_CASE(every_type_ends_a_call_the_server_never_answers) {
  for (asio::cancellation_type type : every_type) {
    stub_fixture f;
    auto client = f.make_client();
    f.run([&]() -> asio::awaitable<void> {
      f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .stall = true});
      auto call = start_fetch(client);
      co_await wait_until([&] { return f.stub.hits("GET", "/api/v1/tenants") == 1; });
      co_await expect_cancelled(*call, type);
    });
  }
}

BOOST_AUTO_TEST_CASE(every_type_ends_a_call_in_retry_back_off) {
  for (asio::cancellation_type type : every_type) {
    stub_fixture f;
    log_capture log;
    fc::client_options o = f.options();
    o.retry.delay = 20s;  // only the cancellation can end the wait in time
    o.logger = log.logger();
    auto client = f.make_client(std::move(o));
    f.run([&]() -> asio::awaitable<void> {
      f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .status = 503});
      auto call = start_fetch(client);
      // The retry line is logged just before the back-off starts.
      co_await wait_until([&] { return log.contains("retrying GET"); });
      co_await expect_cancelled(*call, type);
      BOOST_TEST(f.stub.hits("GET", "/api/v1/tenants") == 1u);
    });
  }
}

BOOST_AUTO_TEST_CASE(every_type_ends_a_call_queued_for_a_connection) {
  for (asio::cancellation_type type : every_type) {
    stub_fixture f;
    fc::client_options o = f.options();
    o.max_connections_per_origin = 1;
    auto client = f.make_client(std::move(o));
    f.run([&]() -> asio::awaitable<void> {
      // The first call holds the only connection; the second must wait in line for it.
      f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 1, .stall = true});
      auto holder = start_fetch(client);
      co_await wait_until([&] { return f.stub.hits("GET", "/api/v1/tenants") == 1; });
      auto queued = start_fetch(client);
      // A handful of turns of the event loop bring the second call into the queue; it
      // does no I/O on the way there.
      auto ex = co_await asio::this_coro::executor;
      for (int i = 0; i < 20; ++i) co_await asio::post(ex, asio::use_awaitable);
      co_await expect_cancelled(*queued, type);
      BOOST_TEST(!holder->done);
      BOOST_TEST(f.stub.hits("GET", "/api/v1/tenants") == 1u);  // it never left the queue
      holder->signal.emit(asio::cancellation_type::terminal);
      co_await wait_until([&] { return holder->done; }, 1s);
    });
  }
}

// A coroutine cancelled before it awaits execute() (the cancellation came while it waited
// on something that could not be interrupted) is stopped by Asio at the co_await, as for
// any awaitable: it gets Asio's operation_aborted, and no request is sent.
BOOST_AUTO_TEST_CASE(a_coroutine_cancelled_before_the_call_starts_sends_nothing) {
  stub_fixture f;
  fc::client client = f.make_client();
  asio::cancellation_signal signal;
  bool finished = false;
  asio::co_spawn(
      f.ioc,
      [&]() -> asio::awaitable<void> {
        co_await asio::post(f.ioc, asio::use_awaitable);  // the cancellation comes meanwhile
        fc::tenant_fetch fetch{.tenant = "acme"};
        try {
          co_await client.execute(fetch);
          BOOST_ERROR("the call ran although its coroutine was cancelled");
        } catch (const fc::client_error&) {
          BOOST_ERROR("Asio stops a cancelled coroutine before the call exists");
        } catch (const boost::system::system_error& e) {
          BOOST_TEST(e.code() == asio::error::operation_aborted);
        }
        finished = true;
      },
      asio::bind_cancellation_slot(signal.slot(), [&](std::exception_ptr e) {
        f.stub.stop();  // lets run() return
        if (e) std::rethrow_exception(e);
      }));
  asio::post(f.ioc, [&] { signal.emit(asio::cancellation_type::terminal); });
  f.ioc.run();
  BOOST_TEST(finished);
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
