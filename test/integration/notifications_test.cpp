// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// fc::notification_stream against the stub: real lookups, a real WebSocket, real drops.
// Reconnect delays are a few milliseconds; the backoff and liveness arithmetic has its
// own fake-clock unit tests.
#include "stub_fixture.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define FLOWCORE_TEST_SANITIZED_HEAP
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define FLOWCORE_TEST_SANITIZED_HEAP
#endif
#endif
#ifdef FLOWCORE_TEST_SANITIZED_HEAP
// From the sanitizer runtime's allocator interface, whose header not every compiler ships.
extern "C" std::size_t __sanitizer_get_current_allocated_bytes();
#else
#include <malloc.h>
#endif

#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace flowcore::test {

namespace {

using namespace asio::experimental::awaitable_operators;
using tcp = asio::ip::tcp;

const std::string event_valid_time = "2025-01-01T12:03:04.512Z";

fc::notification_options stream_options(const stub_fixture& f, const log_capture& logs) {
  fc::notification_options o;
  o.credentials = fc::api_key{test_key};
  o.base_url = f.stub.base_url();
  o.subscription = {.tenant = "acme", .data_core = "orders"};
  o.reconnect_interval = 5ms;
  o.logger = logs.logger();
  return o;
}

asio::awaitable<std::vector<fc::notification_event>> collect(fc::notification_stream& stream,
                                                             std::size_t count) {
  std::vector<fc::notification_event> events;
  while (events.size() < count) {
    std::optional<fc::notification_event> event = co_await stream.next();
    if (!event) break;
    events.push_back(std::move(*event));
  }
  co_return events;
}

// Waits until the stub has read a subscription frame beyond the first `before`.
asio::awaitable<void> subscribed(stub_fixture& f, std::uint64_t before) {
  co_await wait_until([&f, before] { return f.stub.subscription_frames_received() > before; });
}

using ingest_plan = std::vector<std::pair<std::string, std::string>>;  // flow, event type

// Once the stub has read a subscription frame beyond the first `before`, ingests one
// event per (flow type, event type) of `plan`, in order; returns their ids.
asio::awaitable<std::vector<std::string>> ingest_when_subscribed(stub_fixture& f,
                                                                 fc::client client, tree t,
                                                                 std::uint64_t before,
                                                                 ingest_plan plan) {
  co_await subscribed(f, before);
  std::vector<std::string> ids;
  for (const auto& [flow, type] : plan) {
    fc::ingest_event cmd{.tenant_name = "acme",
                         .data_core_id = t.data_core,
                         .flow_type_name = flow,
                         .event_type_name = type,
                         .event_data = R"({"n":1})",
                         .valid_time = event_valid_time};
    const fc::ingest_result stored = co_await client.execute(cmd);
    ids.push_back(stored.event_id);
  }
  co_return ids;
}

std::vector<std::string> ids_of(const std::vector<fc::notification_event>& events) {
  std::vector<std::string> ids;
  for (const auto& e : events) ids.push_back(e.data.event_id);
  return ids;
}

bool no_secret_in(const log_capture& logs) {
  return !logs.contains("SECRETMARKER");
}

// The error the stream's next() fails with; a test failure when it returns instead.
asio::awaitable<fc::client_error> next_failure(fc::notification_stream& stream) {
  const auto ex = co_await asio::this_coro::executor;
  auto [e, event] = co_await asio::co_spawn(ex, stream.next(), no_throw);
  try {
    if (e) std::rethrow_exception(e);
  } catch (const fc::client_error& error) {
    secret_watch::global().see(error.code(), error.diagnostics());
    co_return error;
  }
  throw std::runtime_error("next() did not fail");
}

// The value of `key` in the query of `target`, decoded as the stub reads a query (a form:
// '&' separates, '+' is a space, %XX is a byte); nullopt when absent.
std::optional<std::string> query_value(std::string_view target, std::string_view key) {
  const auto decode = [](std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '+') {
        out += ' ';
      } else if (text[i] == '%' && i + 2 < text.size()) {
        out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
        i += 2;
      } else {
        out += text[i];
      }
    }
    return out;
  };
  const std::size_t question = target.find('?');
  if (question == std::string_view::npos) return std::nullopt;
  std::string_view query = target.substr(question + 1);
  while (!query.empty()) {
    const std::size_t amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    const std::size_t eq = pair.find('=');
    if (decode(pair.substr(0, eq)) == key)
      return eq == std::string_view::npos ? std::string() : decode(pair.substr(eq + 1));
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
  }
  return std::nullopt;
}

}  // namespace

namespace {

// A TCP relay in front of the stub whose notification sockets can go silent: after
// freeze(), the WebSocket connections it carries stay open but forward nothing, either
// way: a half-open peer as the client sees it. REST connections and connections accepted
// later forward normally.
class freezable_relay {
 public:
  freezable_relay(asio::any_io_executor ex, std::uint16_t target_port)
      : acceptor_(ex, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)),
        target_port_(target_port) {
    asio::co_spawn(ex, accept_loop(this), asio::detached);
  }
  ~freezable_relay() {
    boost::system::error_code ignored;
    acceptor_.close(ignored);
    for (auto& link : links_) link->close();
  }
  std::string base_url() const {
    return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port());
  }
  void freeze() {
    for (auto& link : links_)
      if (link->notifications) link->frozen = true;
  }

 private:
  struct link {
    explicit link(tcp::socket c) : client(std::move(c)), server(client.get_executor()) {}
    void close() {
      boost::system::error_code ignored;
      client.close(ignored);
      server.close(ignored);
    }
    tcp::socket client;
    tcp::socket server;
    bool notifications = false;  // its first request was the upgrade
    bool frozen = false;
  };

  static asio::awaitable<void> pump(std::shared_ptr<link> l, bool to_server) {
    std::array<char, 16 * 1024> buffer{};
    tcp::socket& from = to_server ? l->client : l->server;
    tcp::socket& to = to_server ? l->server : l->client;
    for (;;) {
      auto [ec, n] = co_await from.async_read_some(asio::buffer(buffer), no_throw);
      if (ec) break;
      if (to_server && std::string_view(buffer.data(), n).starts_with("GET /notifications"))
        l->notifications = true;
      if (l->frozen) continue;  // swallowed: the other side never hears of it
      auto [wec, written] = co_await asio::async_write(to, asio::buffer(buffer.data(), n), no_throw);
      if (wec) break;
    }
    if (!l->frozen) l->close();
  }

  static asio::awaitable<void> accept_loop(freezable_relay* self) {
    for (;;) {
      auto [ec, socket] = co_await self->acceptor_.async_accept(no_throw);
      if (ec) co_return;
      auto l = std::make_shared<link>(std::move(socket));
      const tcp::endpoint target(asio::ip::make_address("127.0.0.1"), self->target_port_);
      auto [cec] = co_await l->server.async_connect(target, no_throw);
      if (cec) continue;
      self->links_.push_back(l);
      asio::co_spawn(l->client.get_executor(), pump(l, true), asio::detached);
      asio::co_spawn(l->client.get_executor(), pump(l, false), asio::detached);
    }
  }

  tcp::acceptor acceptor_;
  std::uint16_t target_port_;
  std::vector<std::shared_ptr<link>> links_;
};

// Bytes the allocator has handed out and not taken back. Sanitizers bring their own
// allocator, which glibc's mallinfo2() does not see.
std::size_t heap_in_use() {
#ifdef FLOWCORE_TEST_SANITIZED_HEAP
  return __sanitizer_get_current_allocated_bytes();
#else
  return mallinfo2().uordblks;
#endif
}

asio::awaitable<void> settle(std::chrono::milliseconds d) {
  asio::steady_timer t(co_await asio::this_coro::executor, d);
  co_await t.async_wait(asio::use_awaitable);
}

std::uint16_t port_of(const std::string& base_url) {
  return static_cast<std::uint16_t>(std::stoi(base_url.substr(base_url.rfind(':') + 1)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(notifications)

BOOST_AUTO_TEST_CASE(events_arrive_in_order_with_every_field) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
    const std::uint64_t before = f.stub.subscription_frames_received();
    const ingest_plan plan{{"order", "created"}, {"invoice", "paid"}, {"order", "shipped"}};
    auto [events, ids] =
        co_await (collect(stream, 3) && ingest_when_subscribed(f, client, t, before, plan));
    BOOST_TEST(ids_of(events) == ids, boost::test_tools::per_element());
    BOOST_REQUIRE(events.size() == 3u);
    const fc::notification_event& paid = events[1];
    BOOST_TEST(paid.pattern == "stored.event.notify.0." + t.data_core + ".invoice.paid");
    BOOST_TEST(paid.data.tenant == f.stub.acme_tenant_id());
    BOOST_TEST(paid.data.data_core_id == t.data_core);
    BOOST_TEST(paid.data.flow_type == "invoice");
    BOOST_TEST(paid.data.event_type == "paid");
    BOOST_TEST(paid.data.valid_time == event_valid_time);
    BOOST_TEST(stream.counters().events == 3u);
    BOOST_TEST(stream.counters().reconnects == 0u);
    // Tenant by name, the rest by id, unsubscribed keys left out (docs/protocol.md 10.4).
    BOOST_TEST(f.stub.subscription_frames().back() ==
               R"({"tenant":"acme","dataCoreId":")" + t.data_core + R"("})");
  });
  BOOST_TEST(no_secret_in(logs));
}

BOOST_AUTO_TEST_CASE(flow_type_and_event_type_filters) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_options by_type = stream_options(f, logs);
    by_type.subscription = {.tenant = "acme", .data_core = "orders", .flow_type = "order",
                            .event_type = "shipped"};
    fc::notification_stream shipped_only(f.ioc.get_executor(), by_type);
    fc::notification_options by_flow = stream_options(f, logs);
    by_flow.subscription = {.tenant = "acme", .data_core = "orders", .flow_type = "invoice"};
    fc::notification_stream invoices_only(f.ioc.get_executor(), by_flow);

    // Each stream wants one event that comes after one it must not see.
    const std::uint64_t before = f.stub.subscription_frames_received();
    const ingest_plan plan{{"order", "created"}, {"invoice", "paid"}, {"order", "shipped"}};
    auto [shipped, invoices, ids] = co_await (
        collect(shipped_only, 1) && collect(invoices_only, 1) &&
        ingest_when_subscribed(f, client, t, before + 1, plan));
    BOOST_REQUIRE(shipped.size() == 1u);
    BOOST_TEST(shipped[0].data.event_id == ids[2]);
    BOOST_REQUIRE(invoices.size() == 1u);
    BOOST_TEST(invoices[0].data.event_id == ids[1]);
    const std::vector<std::string> frames = f.stub.subscription_frames();
    BOOST_TEST(frames.size() == 2u);
    for (const auto& frame : frames)
      BOOST_TEST((frame == R"({"tenant":"acme","dataCoreId":")" + t.data_core +
                               R"(","flowTypeId":")" + t.order + R"(","eventTypeId":")" +
                               t.shipped + R"("})" ||
                  frame == R"({"tenant":"acme","dataCoreId":")" + t.data_core +
                               R"(","flowTypeId":")" + t.invoice + R"("})"));
  });
}

BOOST_AUTO_TEST_CASE(max_events_ends_with_a_normal_close) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_options o = stream_options(f, logs);
    o.max_events = 2;
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const std::uint64_t before = f.stub.subscription_frames_received();
    const ingest_plan plan{{"order", "created"}, {"order", "created"}, {"order", "created"}};
    auto [events, ids] =
        co_await (collect(stream, 5) && ingest_when_subscribed(f, client, t, before, plan));
    BOOST_TEST(events.size() == 2u);  // then next() returned the end
    const std::optional<fc::notification_event> after = co_await stream.next();
    BOOST_TEST(!after.has_value());
    BOOST_TEST(stream.counters().events == 2u);
    co_await wait_until([&] { return f.stub.notification_sockets() == 0u; });
  });
}

BOOST_AUTO_TEST_CASE(the_events_generator_yields_the_same_events) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_options o = stream_options(f, logs);
    o.max_events = 2;
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const std::uint64_t before = f.stub.subscription_frames_received();
    const ingest_plan plan{{"order", "created"}, {"order", "shipped"}};
    asio::co_spawn(f.ioc, ingest_when_subscribed(f, client, t, before, plan), asio::detached);
    auto generator = stream.events();
    std::vector<std::string> types;
    while (std::optional<fc::notification_event> e =
               co_await generator.async_resume(asio::use_awaitable))
      types.push_back(e->data.event_type);
    const std::vector<std::string> expected{"created", "shipped"};
    BOOST_TEST(types == expected, boost::test_tools::per_element());
  });
}

BOOST_AUTO_TEST_CASE(a_drop_with_1006_or_1011_reconnects_and_resubscribes) {
  for (const int code : {1006, 1011}) {
    BOOST_TEST_CONTEXT("close code " << code) {
      stub_fixture f;
      log_capture logs;
      f.run([&]() -> asio::awaitable<void> {
        fc::client client = f.make_client();
        const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
        fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
        const ingest_plan one{{"order", "created"}};
        std::uint64_t before = f.stub.subscription_frames_received();
        auto [first, first_ids] =
            co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
        BOOST_TEST(ids_of(first) == first_ids, boost::test_tools::per_element());

        before = f.stub.subscription_frames_received();
        BOOST_TEST(f.stub.close_notification_sockets(code) == 1u);
        auto [second, second_ids] =
            co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
        BOOST_TEST(ids_of(second) == second_ids, boost::test_tools::per_element());
        BOOST_TEST(stream.counters().reconnects == 1u);
        BOOST_TEST(f.stub.notification_upgrades() == 2u);
        BOOST_TEST(logs.contains("reconnecting in"));
      });
      BOOST_TEST(no_secret_in(logs));
    }
  }
}

BOOST_AUTO_TEST_CASE(a_maintenance_page_during_a_restart_is_transient) {
  // A proxy answers the reconnect's lookups with an HTML page (with a 200), then a
  // half-started server with a body missing fields; the stream rides it out.
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_options o = stream_options(f, logs);
    o.lookup_retry = fc::retry_policy::none();  // each bad answer costs one attempt
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const ingest_plan one{{"order", "created"}};
    std::uint64_t before = f.stub.subscription_frames_received();
    auto [first, first_ids] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(ids_of(first) == first_ids, boost::test_tools::per_element());

    f.stub.add_fault({.path_prefix = "/api/v1/data-cores", .count = 2,
                      .body = "<html>down for maintenance</html>"});
    f.stub.add_fault({.path_prefix = "/api/v1/data-cores", .count = 1, .body = "[{}]"});
    before = f.stub.subscription_frames_received();
    BOOST_TEST(f.stub.close_notification_sockets(1011) == 1u);
    auto [second, second_ids] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(ids_of(second) == second_ids, boost::test_tools::per_element());
    BOOST_TEST(stream.counters().reconnects == 4u);  // the drop and three bad lookups
  });
  BOOST_TEST(no_secret_in(logs));
}

BOOST_AUTO_TEST_CASE(each_attempt_fetches_a_fresh_token) {
  stub_fixture f;
  log_capture logs;
  auto fetched = std::make_shared<int>(0);
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_options o = stream_options(f, logs);
    o.credentials = fc::bearer_token{[fetched]() -> asio::awaitable<std::string> {
      ++*fetched;
      co_return test_token;
    }};
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const ingest_plan one{{"order", "created"}};
    std::uint64_t before = f.stub.subscription_frames_received();
    auto [first, ids1] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(*fetched == 1);
    before = f.stub.subscription_frames_received();
    f.stub.close_notification_sockets(1011);
    auto [second, ids2] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(*fetched == 2);
    BOOST_TEST(second.size() == 1u);
    // The token travels in the query, percent-encoded, never in a header (docs/protocol.md
    // section 10.3).
    bool upgraded_with_token = false;
    for (const auto& r : f.stub.requests())
      if (r.target.rfind("/notifications?token=", 0) == 0) upgraded_with_token = true;
    BOOST_TEST(upgraded_with_token);
  });
  BOOST_TEST(no_secret_in(logs));
}

// The token or key travels in the upgrade's query (docs/protocol.md section 10.3), so it
// must be percent-encoded whole: raw, '+' would arrive as a space, '&' and '=' would split
// it into other parameters, '#' would end the target and '/' could be taken for a path.
// The stub does not check the value, so the test compares what it received with what was
// sent.
BOOST_AUTO_TEST_CASE(a_credential_with_reserved_characters_arrives_intact) {
  const std::string token = "tok+SECRETMARKER/a=b&c#d%41";
  const std::string key = "fc_testid_SECRETMARKER+/=&#x%41";
  for (const bool bearer : {true, false}) {
    const std::string kind = bearer ? "token" : "api key";
    BOOST_TEST_CONTEXT(kind) {
      stub_fixture f;
      log_capture logs;
      f.run([&]() -> asio::awaitable<void> {
        fc::client client = f.make_client();
        const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
        fc::notification_options o = stream_options(f, logs);
        if (bearer)
          o.credentials =
              fc::bearer_token{[token]() -> asio::awaitable<std::string> { co_return token; }};
        else
          o.credentials = fc::api_key{key};
        fc::notification_stream stream(f.ioc.get_executor(), o);
        const ingest_plan one{{"order", "created"}};
        const std::uint64_t before = f.stub.subscription_frames_received();
        auto [events, ids] =
            co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
        BOOST_TEST(events.size() == 1u);
        std::optional<std::string> received;
        for (const auto& r : f.stub.requests())
          if (r.target.starts_with("/notifications?"))
            received = query_value(r.target, bearer ? "token" : "api_key");
        BOOST_TEST((received == (bearer ? token : key)));
      });
      BOOST_TEST(no_secret_in(logs));
    }
  }
}

BOOST_AUTO_TEST_CASE(max_reconnects_spent_fails_with_reconnects_exhausted) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    co_await make_tree(client, f.stub.acme_tenant_id());
    f.stub.add_fault({.path_prefix = "/notifications", .count = 0, .status = 503});
    fc::notification_options o = stream_options(f, logs);
    o.max_reconnects = 2;
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const fc::client_error err = co_await next_failure(stream);
    BOOST_TEST(err.code() == fc::error::reconnects_exhausted);
    BOOST_TEST(err.diagnostics().message.find("the last attempt: upgrade") == 0u);
    // Each thing is said once: the code says the attempts ran out, the message what the
    // last one met.
    const std::string what = err.what();
    BOOST_TEST(what.find("exhausted") == what.rfind("exhausted"), what);
    BOOST_TEST(what.find("notification_stream") == what.rfind("notification_stream"), what);
    BOOST_TEST(err.diagnostics().http_status == 503);
    BOOST_TEST(stream.counters().reconnects == 2u);
    // The failure is final: a later next() reports it again.
    const fc::client_error again = co_await next_failure(stream);
    BOOST_TEST(again.code() == fc::error::reconnects_exhausted);
  });
  BOOST_TEST(no_secret_in(logs));
}

BOOST_AUTO_TEST_CASE(terminal_failures_end_the_stream_at_once) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    co_await make_tree(client, f.stub.acme_tenant_id());
    {  // a name that does not resolve
      fc::notification_options o = stream_options(f, logs);
      o.subscription.data_core = "no-such-core";
      fc::notification_stream stream(f.ioc.get_executor(), o);
      const fc::client_error err = co_await next_failure(stream);
      BOOST_TEST(err.code() == fc::error::not_found);
    }
    {  // an upgrade refused with 401: the key was fresh, retrying cannot help
      f.stub.add_fault({.path_prefix = "/notifications", .count = 0, .status = 401});
      fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
      const fc::client_error err = co_await next_failure(stream);
      BOOST_TEST(err.code() == fc::error::http_status);
      BOOST_TEST(err.diagnostics().http_status == 401);
      BOOST_TEST(std::string(err.what()).find("SECRETMARKER") == std::string::npos);
      BOOST_TEST(stream.counters().reconnects == 0u);
    }
  });
  BOOST_TEST(no_secret_in(logs));
}

BOOST_AUTO_TEST_CASE(bad_options_fail_before_any_io) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::notification_options o = stream_options(f, logs);
    o.subscription = {.tenant = "acme", .data_core = "orders", .event_type = "created"};
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const fc::client_error err = co_await next_failure(stream);
    BOOST_TEST(err.code() == fc::error::invalid_argument);
    BOOST_TEST(err.diagnostics().message.find("event_type needs") != std::string::npos);
    fc::notification_options bad_key = stream_options(f, logs);
    bad_key.credentials = fc::api_key{"not a key"};
    fc::notification_stream stream2(f.ioc.get_executor(), bad_key);
    const fc::client_error key_err = co_await next_failure(stream2);
    BOOST_TEST(key_err.code() == fc::error::invalid_argument);
    BOOST_TEST(std::string(key_err.what()).find("not a key") == std::string::npos);
    BOOST_TEST(f.stub.requests().empty());
    BOOST_TEST(f.stub.notification_upgrades() == 0u);
  });
}

BOOST_AUTO_TEST_CASE(malformed_and_validation_frames_are_skipped_and_counted) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
    const std::uint64_t before = f.stub.subscription_frames_received();
    // The bad frames are queued on the socket before the event, so they arrive first.
    auto bad_then_good = [&]() -> asio::awaitable<std::vector<std::string>> {
      co_await subscribed(f, before);
      f.stub.send_ws_frame("not json");
      f.stub.send_ws_frame(R"({"message":5})");
      f.stub.send_ws_frame(R"({"message":"{\"data\":{\"eventId\":\"\"}}"})");
      f.stub.send_ws_frame(
          R"({"type":"validation","summary":"Invalid subscription","message":"/dataCoreId: Unknown data core"})");
      const ingest_plan one{{"order", "created"}};
      co_return co_await ingest_when_subscribed(f, client, t, 0, one);
    };
    auto [events, ids] = co_await (collect(stream, 1) && bad_then_good());
    BOOST_TEST(ids_of(events) == ids, boost::test_tools::per_element());
    BOOST_TEST(stream.counters().dropped_frames == 4u);
    BOOST_TEST(stream.counters().reconnects == 0u);
    BOOST_TEST(logs.contains("dropped a malformed frame (frame is not valid JSON)"));
    BOOST_TEST(logs.contains("the server rejected the subscription: Invalid subscription"));
    BOOST_TEST(stream.diagnostics().server_message == "/dataCoreId: Unknown data core");
  });
}

BOOST_AUTO_TEST_CASE(a_silent_peer_is_caught_by_the_idle_timeout) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    freezable_relay relay(f.ioc.get_executor(), port_of(f.stub.base_url()));
    fc::notification_options o = stream_options(f, logs);
    o.base_url = relay.base_url();
    o.ping_interval = 20ms;
    o.idle_timeout = 150ms;
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const ingest_plan one{{"order", "created"}};
    std::uint64_t before = f.stub.subscription_frames_received();
    auto [first, ids1] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(first.size() == 1u);

    before = f.stub.subscription_frames_received();
    relay.freeze();  // the socket stays open; nothing crosses any more
    auto [second, ids2] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(ids_of(second) == ids2, boost::test_tools::per_element());
    BOOST_TEST(stream.counters().reconnects == 1u);
    BOOST_TEST(logs.contains("nothing received within idle_timeout"));
  });

}

// The stream sends its own keep-alive ping every `ping_interval` (docs/protocol.md section
// 10.7), whether or not anything arrives. Beast's idle-timeout pings would also reach the
// stub, but only every idle_timeout / 2: with a 10 s idle timeout none falls in the
// window, so every ping counted is one of ours. Timers may run late on a loaded machine,
// hence the lower bound at half of what the window should hold.
BOOST_AUTO_TEST_CASE(a_quiet_stream_sends_a_ping_every_ping_interval) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_options o = stream_options(f, logs);
    o.ping_interval = 40ms;
    o.idle_timeout = 10s;
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const ingest_plan one{{"order", "created"}};
    const std::uint64_t before = f.stub.subscription_frames_received();
    std::uint64_t pings = 0;
    std::chrono::steady_clock::duration window{};
    // Subscribed, then quiet for 400 ms; then one event ends collect().
    auto quiet_then_ingest = [&]() -> asio::awaitable<std::vector<std::string>> {
      co_await subscribed(f, before);
      const std::uint64_t at_start = f.stub.notification_pings_received();
      const auto start = std::chrono::steady_clock::now();
      asio::steady_timer quiet(co_await asio::this_coro::executor, 400ms);
      co_await quiet.async_wait(asio::use_awaitable);
      pings = f.stub.notification_pings_received() - at_start;
      window = std::chrono::steady_clock::now() - start;
      co_return co_await ingest_when_subscribed(f, client, t, before, one);
    };
    auto [events, ids] = co_await (collect(stream, 1) && quiet_then_ingest());
    BOOST_TEST(events.size() == 1u);
    const auto expected = static_cast<std::uint64_t>(window / 40ms);
    // A loaded machine runs the ping timer late (each ping is timed from the last), so the
    // floor is loose; without pings there would be none at all.
    BOOST_TEST(pings >= std::max<std::uint64_t>(1, expected / 4),
               pings << " pings in " << expected << " intervals");
    BOOST_TEST(pings <= expected + 2, pings << " pings in " << expected << " intervals");
  });
  BOOST_TEST(no_secret_in(logs));
}

BOOST_AUTO_TEST_CASE(close_during_a_reconnect_wait_returns_at_once) {
  stub_fixture f;
  log_capture logs;
  f.run(
      [&]() -> asio::awaitable<void> {
        fc::client client = f.make_client();
        co_await make_tree(client, f.stub.acme_tenant_id());
        f.stub.add_fault({.path_prefix = "/notifications", .count = 0, .status = 503});
        fc::notification_options o = stream_options(f, logs);
        o.reconnect_interval = std::chrono::hours(1);  // the watchdog is far shorter
        fc::notification_stream stream(f.ioc.get_executor(), o);
        auto close_when_waiting = [&]() -> asio::awaitable<void> {
          co_await wait_until([&] { return logs.contains("reconnecting in"); });
          stream.close();
        };
        const std::optional<fc::notification_event> event =
            co_await (stream.next() && close_when_waiting());
        BOOST_TEST(!event.has_value());
      },
      10s);
}

BOOST_AUTO_TEST_CASE(a_hundred_streams_on_one_io_context) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    constexpr std::size_t streams = 100;
    fc::notification_options o = stream_options(f, logs);
    o.max_events = 1;
    std::vector<std::unique_ptr<fc::notification_stream>> all;
    auto received = std::make_shared<std::size_t>(0);
    const std::uint64_t before = f.stub.subscription_frames_received();
    for (std::size_t i = 0; i < streams; ++i) {
      all.push_back(std::make_unique<fc::notification_stream>(f.ioc.get_executor(), o));
      asio::co_spawn(f.ioc, collect(*all.back(), 1),
                     [received](std::exception_ptr, std::vector<fc::notification_event> e) {
                       *received += e.size();
                     });
    }
    const ingest_plan one{{"order", "created"}};
    co_await wait_until([&] { return f.stub.subscription_frames_received() >= before + streams; },
                        20s);
    co_await ingest_when_subscribed(f, client, t, before, one);
    co_await wait_until([&] { return *received == streams; }, 20s);
    BOOST_TEST(*received == streams);
  });
}

BOOST_AUTO_TEST_CASE(a_full_queue_discards_the_oldest_events_and_counts_them) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_options o = stream_options(f, logs);
    o.max_queued_events = 2;
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const ingest_plan one{{"order", "created"}};
    const std::uint64_t before = f.stub.subscription_frames_received();
    auto [first, first_ids] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(first.size() == 1u);

    // Nobody calls next() while four more arrive: two fit, the two oldest are discarded.
    const ingest_plan four(4, {"order", "shipped"});
    const std::vector<std::string> ids = co_await ingest_when_subscribed(f, client, t, 0, four);
    co_await wait_until([&] { return stream.counters().discarded_events == 2u; });
    const std::vector<fc::notification_event> kept = co_await collect(stream, 2);
    const std::vector<std::string> newest{ids[2], ids[3]};
    BOOST_TEST(ids_of(kept) == newest, boost::test_tools::per_element());
    // One warning per overflow, not one per discarded event: a consumer far behind would
    // otherwise flood the log.
    const auto warnings = std::count_if(logs.lines->begin(), logs.lines->end(), [](auto& line) {
      return line.find("discarding the oldest") != std::string::npos;
    });
    BOOST_TEST(warnings == 1);
  });
}

BOOST_AUTO_TEST_CASE(wss_with_a_verified_certificate) {
  const std::string certs = FLOWCORE_TEST_CERT_DIR;
  stub_fixture f(flowcore::stub::server_options{.tls_cert_file = certs + "/localhost.pem",
                                                .tls_key_file = certs + "/localhost.key"});
  log_capture logs;
  const std::string url = "https://localhost" + f.stub.base_url().substr(
                                                    f.stub.base_url().rfind(':'));
  fc::client_options client_options = f.options();
  client_options.base_url = url;
  client_options.ca_file = certs + "/ca.pem";
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client(client_options);
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_options o = stream_options(f, logs);
    o.base_url = url;
    o.ca_file = certs + "/ca.pem";
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const ingest_plan one{{"order", "created"}};
    const std::uint64_t before = f.stub.subscription_frames_received();
    auto [events, ids] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(ids_of(events) == ids, boost::test_tools::per_element());
    BOOST_TEST(logs.contains("connecting to wss://localhost:"));
  });
}

BOOST_AUTO_TEST_CASE(a_stalled_upgrade_times_out_and_backs_off) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    co_await make_tree(client, f.stub.acme_tenant_id());
    f.stub.add_fault({.path_prefix = "/notifications", .count = 0, .stall = true});
    fc::notification_options o = stream_options(f, logs);
    o.handshake_timeout = 50ms;
    o.max_reconnects = 1;
    fc::notification_stream stream(f.ioc.get_executor(), o);
    const fc::client_error err = co_await next_failure(stream);
    BOOST_TEST(err.code() == fc::error::reconnects_exhausted);
    BOOST_TEST(err.diagnostics().message.find("upgrade budget expired") != std::string::npos);
    BOOST_TEST(stream.counters().reconnects == 1u);
  });
}

BOOST_AUTO_TEST_CASE(a_frame_over_one_mebibyte_reconnects) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
    std::uint64_t before = f.stub.subscription_frames_received();
    const ingest_plan none;
    auto huge_then_event = [&]() -> asio::awaitable<std::vector<std::string>> {
      co_await ingest_when_subscribed(f, client, t, before, none);
      before = f.stub.subscription_frames_received();
      f.stub.send_ws_frame(std::string((1u << 20) + 1, 'x'));
      const ingest_plan one{{"order", "created"}};
      co_return co_await ingest_when_subscribed(f, client, t, before, one);  // resubscribed
    };
    auto [events, ids] = co_await (collect(stream, 1) && huge_then_event());
    BOOST_TEST(ids_of(events) == ids, boost::test_tools::per_element());
    BOOST_TEST(stream.counters().reconnects == 1u);
  });
}

BOOST_AUTO_TEST_CASE(a_large_frame_leaves_no_read_buffer_behind) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
    const std::uint64_t before = f.stub.subscription_frames_received();
    // A 48 KiB frame, well under the 1 MiB limit: read whole, then dropped as malformed.
    constexpr std::size_t frame_bytes = 48 * 1024;
    auto large_frame = [&]() -> asio::awaitable<std::size_t> {
      co_await subscribed(f, before);
      co_await wait_until([&] { return stream.counters().subscriptions == 1u; });
      co_await settle(20ms);
      const std::size_t idle = heap_in_use();
      f.stub.send_ws_frame(std::string(frame_bytes, 'x'));
      co_await wait_until([&] { return stream.counters().dropped_frames == 1u; });
      co_await settle(20ms);
      const std::size_t after = heap_in_use();
      stream.close();
      co_return after > idle ? after - idle : 0;
    };
    auto [events, grown] = co_await (collect(stream, 1) && large_frame());
    BOOST_TEST(events.empty());  // close() ended the stream
    // The stream kept nothing of the frame: the session waits for the next message with
    // no read buffer. The margin covers the log line and the stub's bookkeeping.
    BOOST_TEST(grown < frame_bytes / 4, "heap grew by " << grown << " bytes");
    BOOST_TEST(stream.counters().reconnects == 0u);
  });
}

BOOST_AUTO_TEST_CASE(a_cancelled_next_leaves_the_stream_usable) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
    const std::uint64_t before = f.stub.subscription_frames_received();
    asio::steady_timer give_up(f.ioc, 20ms);
    auto first = co_await (stream.next() || give_up.async_wait(asio::use_awaitable));
    BOOST_TEST(first.index() == 1u);  // the timer won; next() was cancelled
    const ingest_plan one{{"order", "created"}};
    auto [events, ids] =
        co_await (collect(stream, 1) && ingest_when_subscribed(f, client, t, before, one));
    BOOST_TEST(ids_of(events) == ids, boost::test_tools::per_element());
    BOOST_TEST(stream.counters().reconnects == 0u);
  });
}

BOOST_AUTO_TEST_CASE(a_stream_closed_before_its_first_next_never_connects) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
    stream.close();
    const std::optional<fc::notification_event> event = co_await stream.next();
    BOOST_TEST(!event.has_value());
    asio::steady_timer settle(f.ioc, 50ms);  // room for a connect that must not happen
    co_await settle.async_wait(asio::use_awaitable);
    BOOST_TEST(f.stub.requests().empty());
    BOOST_TEST(f.stub.notification_upgrades() == 0u);
  });
}

BOOST_AUTO_TEST_CASE(next_while_another_is_pending_is_stream_in_use) {
  stub_fixture f;
  log_capture logs;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    co_await make_tree(client, f.stub.acme_tenant_id());
    fc::notification_stream stream(f.ioc.get_executor(), stream_options(f, logs));
    auto second_then_close = [&]() -> asio::awaitable<void> {
      const fc::client_error err = co_await next_failure(stream);
      BOOST_TEST(err.code() == fc::error::stream_in_use);
      stream.close();
    };
    const std::optional<fc::notification_event> first =
        co_await (stream.next() && second_then_close());
    BOOST_TEST(!first.has_value());
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
