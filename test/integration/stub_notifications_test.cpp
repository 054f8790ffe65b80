// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The stub's /notifications WebSocket (docs/protocol.md sections 10.5, 10.10 and 13.4) seen
// by a raw Beast client, and events ingested by raw HTTP requests: the stub is checked
// against the protocol on its own, so the notification client can then be tested against
// it.
#include "stub_fixture.hpp"

#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/string.hpp>

#include <array>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace flowcore::test {

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using ws_stream = websocket::stream<beast::tcp_stream>;

const std::string cert_dir = FLOWCORE_TEST_CERT_DIR;
const std::string valid_time = "2025-01-01T12:03:04.512Z";

// --- plain HTTP -------------------------------------------------------------------------

struct http_answer {
  unsigned status = 0;
  std::string body;
};

asio::awaitable<http_answer> send_http(std::uint16_t port, std::string target, std::string body,
                                       std::string authorization) {
  beast::tcp_stream stream(co_await asio::this_coro::executor);
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  co_await stream.async_connect(endpoint, asio::use_awaitable);
  http::request<http::string_body> req(http::verb::post, target, 11);
  req.set(http::field::host, "127.0.0.1:" + std::to_string(port));
  if (!authorization.empty()) req.set(http::field::authorization, authorization);
  req.set(http::field::content_type, "application/json");
  req.set("x-flowcore-valid-time", valid_time);
  req.body() = std::move(body);
  req.prepare_payload();
  co_await http::async_write(stream, req, asio::use_awaitable);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  co_await http::async_read(stream, buffer, res, asio::use_awaitable);
  http_answer answer;
  answer.status = res.result_int();
  answer.body = std::move(res.body());
  co_return answer;
}

// POST /event/... (one) or /events/... (a batch) as the raw-key ingestion route wants it
// (docs/protocol.md section 6.8); answers the stored event ids in order.
asio::awaitable<std::vector<std::string>> ingest(std::uint16_t port, std::string data_core,
                                                 std::string flow, std::string type,
                                                 std::size_t count) {
  const bool batch = count != 1;
  std::string body = "{\"n\":0}";
  if (batch) {
    json::array events;
    for (std::size_t i = 0; i < count; ++i) events.push_back(json::object{{"n", i}});
    body = json::serialize(events);
  }
  const std::string target =
      std::string(batch ? "/events/" : "/event/") + "acme/" + data_core + "/" + flow + "/" + type;
  const http_answer answer = co_await send_http(port, target, body, test_key);
  BOOST_REQUIRE_EQUAL(answer.status, 200u);
  const json::object result = json::parse(answer.body).as_object();
  std::vector<std::string> ids;
  if (batch) {
    for (const json::value& id : result.at("eventIds").as_array()) ids.emplace_back(id.as_string());
  } else {
    ids.emplace_back(result.at("eventId").as_string());
  }
  co_return ids;
}

asio::awaitable<http_answer> control(std::uint16_t port, std::string body) {
  co_return co_await send_http(port, "/__stub/faults", std::move(body), "");
}

// --- WebSocket ----------------------------------------------------------------------------

struct ws_open {
  std::shared_ptr<ws_stream> ws;  // null when the upgrade was refused or failed
  unsigned status = 0;            // the handshake answer's status; 0 if none arrived
};

asio::awaitable<ws_open> open_ws(std::uint16_t port, std::string target) {
  ws_open result;
  result.ws = std::make_shared<ws_stream>(co_await asio::this_coro::executor);
  const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
  co_await beast::get_lowest_layer(*result.ws).async_connect(endpoint, asio::use_awaitable);
  websocket::response_type res;
  const std::string host = "127.0.0.1:" + std::to_string(port);
  auto [ec] = co_await result.ws->async_handshake(res, host, target, no_throw);
  if (!ec)
    result.status = 101;
  else if (ec == websocket::error::upgrade_declined)
    result.status = res.result_int();
  if (ec) result.ws.reset();
  co_return result;
}

asio::awaitable<std::shared_ptr<ws_stream>> open_ws_ok(std::uint16_t port) {
  ws_open opened = co_await open_ws(port, "/notifications?token=t0k3n");
  BOOST_REQUIRE_EQUAL(opened.status, 101u);
  co_return opened.ws;
}

template <class Stream>
asio::awaitable<void> send_text(std::shared_ptr<Stream> ws, std::string text) {
  ws->text(true);
  co_await ws->async_write(asio::buffer(text), asio::use_awaitable);
}

// Sends a subscription and waits until the stub has read it: an event stored before
// that reaches nobody (docs/protocol.md section 10.2 step 5).
asio::awaitable<void> subscribe(const stub_fixture& f, std::shared_ptr<ws_stream> ws,
                                std::string text) {
  const std::uint64_t before = f.stub.subscription_frames_received();
  co_await send_text(ws, std::move(text));
  co_await wait_until([&] { return f.stub.subscription_frames_received() > before; });
}

std::string subscription(const tree& t, std::string flow = "", std::string type = "") {
  json::object s{{"tenant", "acme"}, {"dataCoreId", t.data_core}};
  if (!flow.empty()) s["flowTypeId"] = flow;
  if (!type.empty()) s["eventTypeId"] = type;
  return json::serialize(s);
}

// The next frame's text, or an exception after `limit` or on a read error.
template <class Stream>
asio::awaitable<std::string> next_frame(std::shared_ptr<Stream> ws,
                                        std::chrono::milliseconds limit = 3s) {
  using namespace asio::experimental::awaitable_operators;
  beast::flat_buffer buffer;
  asio::steady_timer timer(co_await asio::this_coro::executor, limit);
  auto first = co_await (ws->async_read(buffer, no_throw) || timer.async_wait(no_throw));
  if (first.index() == 1) throw std::runtime_error("no frame in time");
  auto [ec, n] = std::get<0>(first);
  if (ec) throw boost::system::system_error(ec, "reading a frame");
  co_return beast::buffers_to_string(buffer.data());
}

// Reads until the socket ends; answers the read's error (websocket::error::closed after a
// close frame, whose code is then ws->reason().code).
template <class Stream>
asio::awaitable<boost::system::error_code> read_until_closed(std::shared_ptr<Stream> ws,
                                                             std::chrono::milliseconds limit = 3s) {
  using namespace asio::experimental::awaitable_operators;
  asio::steady_timer timer(co_await asio::this_coro::executor, limit);
  for (;;) {
    beast::flat_buffer buffer;
    auto first = co_await (ws->async_read(buffer, no_throw) || timer.async_wait(no_throw));
    if (first.index() == 1) throw std::runtime_error("socket not closed in time");
    auto [ec, n] = std::get<0>(first);
    if (ec) co_return ec;
  }
}

// Checks an event frame field by field (docs/protocol.md section 10.5) and answers its
// event id.
std::string check_event_frame(const std::string& frame, const stub_fixture& f, const tree& t,
                              const std::string& flow, const std::string& type) {
  const json::object outer = json::parse(frame).as_object();
  BOOST_TEST(outer.size() == 1u);
  BOOST_REQUIRE(outer.at("message").is_string());
  const json::object inner = json::parse(outer.at("message").as_string()).as_object();
  BOOST_TEST(inner.at("pattern").as_string() ==
             "stored.event.notify.0." + t.data_core + "." + flow + "." + type);
  const json::object data = inner.at("data").as_object();
  BOOST_TEST(data.size() == 6u);
  BOOST_TEST(data.at("tenantId").as_string() == f.stub.acme_tenant_id());
  BOOST_TEST(data.at("dataCore").as_string() == t.data_core);
  BOOST_TEST(data.at("aggregator").as_string() == flow);
  BOOST_TEST(data.at("eventType").as_string() == type);
  BOOST_TEST(data.at("validTime").as_string() == valid_time);
  return std::string(data.at("eventId").as_string());
}

std::string validation_frame(std::string_view path, std::string_view message,
                             const std::string& found) {
  return R"({"type":"validation","summary":"Invalid subscription","message":")" +
         std::string(path) + ": " + std::string(message) + R"(","found":)" +
         json::serialize(json::string(found)) + R"(,"errors":[{"path":")" + std::string(path) +
         R"(","message":")" + std::string(message) + R"("}]})";
}

// Waits until `pong` is set, then has the stub send a frame, which ends the reader's
// wait. A plain function: spawned coroutines get values only. It polls by hand: a lambda
// capturing the shared_ptr, passed to wait_until inside co_await, would be destroyed twice
// by GCC 12 and release the flag early.
asio::awaitable<void> frame_after_pong(std::shared_ptr<bool> pong, flowcore::stub::server* stub) {
  asio::steady_timer tick(co_await asio::this_coro::executor);
  for (int i = 0; i < 3000 && !*pong; ++i) {
    tick.expires_after(1ms);
    co_await tick.async_wait(asio::use_awaitable);
  }
  stub->send_ws_frame(*pong ? "after-pong" : "no pong");
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stub_notifications)

// Every awaited result is named before it is checked: GCC 12 destroys temporaries twice
// in a full-expression that both awaits and builds them (stub_fixture.hpp, README.md).

BOOST_AUTO_TEST_CASE(upgrade_needs_the_path_and_a_credential) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const std::array<std::pair<std::string, unsigned>, 6> refused{{
        {"/notifications", 401u},
        {"/notifications?token=", 401u},
        {"/notifications?api_key=&token=", 401u},
        {"/elsewhere?token=t", 404u},
        {"/notifications/x?token=t", 404u},
        {"/__stub/faults?token=t", 404u},
    }};
    for (const auto& [target, status] : refused) {
      const ws_open opened = co_await open_ws(port, target);
      BOOST_TEST(opened.status == status, target);
      BOOST_TEST(!opened.ws);
    }
    BOOST_TEST(f.stub.notification_upgrades() == 0u);

    const ws_open by_token = co_await open_ws(port, "/notifications?token=t");
    BOOST_TEST(by_token.status == 101u);
    const ws_open by_key = co_await open_ws(port, "/notifications?api_key=fc_a_b&api_key_id=a");
    BOOST_TEST(by_key.status == 101u);
    co_await wait_until([&] { return f.stub.notification_sockets() == 2u; });
    BOOST_TEST(f.stub.notification_upgrades() == 2u);
    BOOST_TEST(f.stub.subscribed_notification_sockets() == 0u);
    // Upgrades are recorded like any request (the refused ones under /notifications too).
    BOOST_TEST(f.stub.hits("GET", "/notifications") == 6u);
  });
}

BOOST_AUTO_TEST_CASE(faults_apply_to_the_upgrade) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    f.stub.add_fault({.path_prefix = "/notifications", .status = 503, .retry_after = "1"});
    const ws_open refused = co_await open_ws(port, "/notifications?token=t");
    BOOST_TEST(refused.status == 503u);
    f.stub.add_fault({.path_prefix = "/notifications", .reset = true});
    const ws_open reset = co_await open_ws(port, "/notifications?token=t");
    BOOST_TEST(!reset.ws);
    BOOST_TEST(reset.status == 0u);  // no answer at all
    f.stub.add_fault({.path_prefix = "/notifications", .delay = 20ms});
    const ws_open delayed = co_await open_ws(port, "/notifications?token=t");
    BOOST_TEST(delayed.status == 101u);
    BOOST_TEST(f.stub.notification_upgrades() == 1u);
  });
}

BOOST_AUTO_TEST_CASE(one_event_frame_per_stored_event_in_order) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    std::shared_ptr<ws_stream> ws = co_await open_ws_ok(port);
    const std::string whole_core = subscription(t);
    co_await subscribe(f, ws, whole_core);
    BOOST_TEST(f.stub.subscribed_notification_sockets() == 1u);

    const std::vector<std::string> one = co_await ingest(port, t.data_core, "order", "created", 1);
    const std::string frame = co_await next_frame(ws);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "created") == one[0]);

    // A burst: every frame arrives, in storage order, none lost or reordered.
    const std::vector<std::string> many =
        co_await ingest(port, t.data_core, "order", "shipped", 50);
    for (const std::string& id : many) {
      const std::string next = co_await next_frame(ws);
      BOOST_TEST(check_event_frame(next, f, t, "order", "shipped") == id);
    }
  });
}

BOOST_AUTO_TEST_CASE(subscriptions_filter_by_flow_type_and_event_type) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    std::shared_ptr<ws_stream> whole = co_await open_ws_ok(port);
    std::shared_ptr<ws_stream> orders = co_await open_ws_ok(port);
    std::shared_ptr<ws_stream> created = co_await open_ws_ok(port);
    std::shared_ptr<ws_stream> silent = co_await open_ws_ok(port);  // never subscribes
    const std::string to_core = subscription(t);
    const std::string to_orders = subscription(t, t.order);
    const std::string to_created = subscription(t, t.order, t.created);
    co_await subscribe(f, whole, to_core);
    co_await subscribe(f, orders, to_orders);
    co_await subscribe(f, created, to_created);
    BOOST_TEST(f.stub.notification_sockets() == 4u);
    BOOST_TEST(f.stub.subscribed_notification_sockets() == 3u);

    const auto paid = co_await ingest(port, t.data_core, "invoice", "paid", 1);
    const auto shipped = co_await ingest(port, t.data_core, "order", "shipped", 1);
    const auto made = co_await ingest(port, t.data_core, "order", "created", 1);

    // Frames come in storage order, so each socket's first frame shows what it skipped.
    std::string frame = co_await next_frame(whole);
    BOOST_TEST(check_event_frame(frame, f, t, "invoice", "paid") == paid[0]);
    frame = co_await next_frame(whole);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "shipped") == shipped[0]);
    frame = co_await next_frame(whole);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "created") == made[0]);
    frame = co_await next_frame(orders);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "shipped") == shipped[0]);
    frame = co_await next_frame(orders);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "created") == made[0]);
    frame = co_await next_frame(created);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "created") == made[0]);

    // The unsubscribed socket got nothing: the first frame it reads is the marker.
    BOOST_TEST(f.stub.send_ws_frame("marker") == 4u);
    frame = co_await next_frame(silent);
    BOOST_TEST(frame == "marker");
    frame = co_await next_frame(created);
    BOOST_TEST(frame == "marker");

    // A new subscription replaces the old one.
    const std::string to_invoices = subscription(t, t.invoice);
    co_await subscribe(f, created, to_invoices);
    const auto shipped2 = co_await ingest(port, t.data_core, "order", "shipped", 1);
    const auto paid2 = co_await ingest(port, t.data_core, "invoice", "paid", 1);
    frame = co_await next_frame(created);
    BOOST_TEST(check_event_frame(frame, f, t, "invoice", "paid") == paid2[0]);
    BOOST_TEST(shipped2.size() == 1u);
  });
}

BOOST_AUTO_TEST_CASE(invalid_subscriptions_get_a_validation_frame) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    std::shared_ptr<ws_stream> ws = co_await open_ws_ok(port);
    const std::string to_orders = subscription(t, t.order);
    co_await subscribe(f, ws, to_orders);

    const std::string unknown_core = R"({"tenant":"acme","dataCoreId":"nope"})";
    co_await send_text(ws, unknown_core);
    std::string frame = co_await next_frame(ws);
    BOOST_TEST(frame == validation_frame("/dataCoreId", "Unknown data core", unknown_core));

    const std::string type_without_flow = R"({"tenant":"acme","dataCoreId":")" + t.data_core +
                                          R"(","eventTypeId":")" + t.created + R"("})";
    co_await send_text(ws, type_without_flow);
    frame = co_await next_frame(ws);
    BOOST_TEST(frame == validation_frame("/eventTypeId", "Requires flowTypeId", type_without_flow));

    // Ids must sit where the frame puts them: another flow type's event type, another
    // tenant's name; and the fields must be strings.
    const std::string wrong_flow = subscription(t, t.invoice, t.created);
    co_await send_text(ws, wrong_flow);
    frame = co_await next_frame(ws);
    BOOST_TEST(frame == validation_frame("/eventTypeId", "Unknown event type", wrong_flow));
    const std::string unknown_tenant = R"({"tenant":"nobody","dataCoreId":")" + t.data_core + "\"}";
    co_await send_text(ws, unknown_tenant);
    frame = co_await next_frame(ws);
    BOOST_TEST(frame == validation_frame("/tenant", "Unknown tenant", unknown_tenant));
    const std::string not_a_string = R"({"tenant":"acme","dataCoreId":42})";
    co_await send_text(ws, not_a_string);
    frame = co_await next_frame(ws);
    BOOST_TEST(frame == validation_frame("/dataCoreId", "Expected a string", not_a_string));
    const std::string not_an_object = "[1]";
    co_await send_text(ws, not_an_object);
    frame = co_await next_frame(ws);
    const json::object refused = json::parse(frame).as_object();
    BOOST_TEST(refused.at("type").as_string() == "validation");
    BOOST_TEST(refused.at("found").as_string() == "[1]");

    BOOST_TEST(f.stub.subscription_frames_received() == 7u);
    BOOST_TEST(f.stub.subscription_frames().at(1) == unknown_core);
    // The valid subscription still holds.
    BOOST_TEST(f.stub.subscribed_notification_sockets() == 1u);
    const auto made = co_await ingest(port, t.data_core, "order", "created", 1);
    frame = co_await next_frame(ws);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "created") == made[0]);
  });
}

BOOST_AUTO_TEST_CASE(ws_frame_and_ws_close_reach_every_socket) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    std::shared_ptr<ws_stream> a = co_await open_ws_ok(port);
    std::shared_ptr<ws_stream> b = co_await open_ws_ok(port);
    co_await wait_until([&] { return f.stub.notification_sockets() == 2u; });

    http_answer answer = co_await control(port, R"({"ws_frame":"{"})");
    BOOST_TEST(answer.status == 200u);
    BOOST_TEST(answer.body == R"({"ok":true,"sockets":2})");
    std::string frame = co_await next_frame(a);
    BOOST_TEST(frame == "{");
    frame = co_await next_frame(b);
    BOOST_TEST(frame == "{");

    // Bad codes and mixed bodies are refused and touch nothing.
    const std::array<std::string, 8> bad_bodies{
        R"({"ws_close":1005})",   R"({"ws_close":1015})",
        R"({"ws_close":999})",    R"({"ws_close":5000})",
        R"({"ws_close":"1000"})", R"({"ws_frame":1})",
        R"({"ws_frame":null})",   R"({"ws_frame":"x","status":500})"};
    for (const std::string& bad : bad_bodies) {
      answer = co_await control(port, bad);
      BOOST_TEST(answer.status == 400u, bad);
    }
    BOOST_CHECK_THROW(f.stub.close_notification_sockets(1004), std::invalid_argument);
    BOOST_TEST(f.stub.notification_sockets() == 2u);

    // A last frame, then the close, in that order.
    answer = co_await control(port, R"({"ws_frame":"last","ws_close":1011})");
    BOOST_TEST(answer.body == R"({"ok":true,"sockets":2})");
    BOOST_TEST(f.stub.notification_sockets() == 0u);  // closing sockets no longer count
    const std::array<std::shared_ptr<ws_stream>, 2> closed{a, b};
    for (const std::shared_ptr<ws_stream>& ws : closed) {
      frame = co_await next_frame(ws);
      BOOST_TEST(frame == "last");
      const boost::system::error_code ended = co_await read_until_closed(ws);
      BOOST_TEST((ended == websocket::error::closed), ended.message());
      BOOST_TEST(ws->reason().code == 1011);
    }
    answer = co_await control(port, R"({"ws_close":4000})");
    BOOST_TEST(answer.body == R"({"ok":true,"sockets":0})");

    // 1006: the connection drops, no close frame.
    std::shared_ptr<ws_stream> c = co_await open_ws_ok(port);
    co_await wait_until([&] { return f.stub.notification_sockets() == 1u; });
    BOOST_TEST(f.stub.close_notification_sockets(1006) == 1u);
    const boost::system::error_code dropped = co_await read_until_closed(c);
    BOOST_TEST((dropped != websocket::error::closed), dropped.message());
    BOOST_TEST(c->reason().code == 0u);  // no close frame arrived
  });
}

BOOST_AUTO_TEST_CASE(drop_notifications_loses_events_on_their_way_only) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    std::shared_ptr<ws_stream> ws = co_await open_ws_ok(port);
    co_await subscribe(f, ws, subscription(t));

    // The next two events are stored but announced to nobody; the third arrives.
    http_answer answer = co_await control(port, R"({"drop_notifications":2})");
    BOOST_TEST(answer.status == 200u);
    const std::vector<std::string> three =
        co_await ingest(port, t.data_core, "order", "created", 3);
    std::string frame = co_await next_frame(ws);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "created") == three[2]);
    BOOST_TEST(f.stub.notifications_dropped() == 2u);

    // -1 drops everything until the faults are cleared.
    answer = co_await control(port, R"({"drop_notifications":-1})");
    BOOST_TEST(answer.status == 200u);
    co_await ingest(port, t.data_core, "order", "created", 4);
    BOOST_TEST(f.stub.notifications_dropped() == 6u);
    f.stub.clear_faults();
    const std::vector<std::string> after =
        co_await ingest(port, t.data_core, "order", "shipped", 1);
    frame = co_await next_frame(ws);
    BOOST_TEST(check_event_frame(frame, f, t, "order", "shipped") == after[0]);

    for (const char* bad :
         {R"({"drop_notifications":"2"})", R"({"drop_notifications":2,"status":500})"}) {
      answer = co_await control(port, bad);
      BOOST_TEST(answer.status == 400u, bad);
    }
  });
}

// The page action shares the fault route (docs/stub.md): over HTTP as in C++, it shortens
// the next pages, keeps their cursor, and refuses a half-given or mixed body.
BOOST_AUTO_TEST_CASE(short_pages_over_http_keep_their_cursor) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    co_await ingest(port, t.data_core, "order", "created", 2);
    http_answer answer = co_await control(port, R"({"short_pages":1,"page_items":0})");
    BOOST_TEST(answer.status == 200u);
    fc::time_bucket_list buckets{.event_type_ids = {t.created}};
    const fc::time_bucket_page empty = co_await client.execute(buckets);
    BOOST_TEST(empty.time_buckets.empty());
    BOOST_TEST((empty.next_cursor == std::optional<std::int64_t>(0)));
    const fc::time_bucket_page full = co_await client.execute(buckets);
    BOOST_TEST(full.time_buckets.size() == 1u);
    BOOST_TEST(!full.next_cursor);
    for (const char* bad :
         {R"({"short_pages":1})", R"({"page_items":1})", R"({"short_pages":1,"page_items":-1})",
          R"({"short_pages":1,"page_items":1,"status":500})"}) {
      answer = co_await control(port, bad);
      BOOST_TEST(answer.status == 400u, bad);
    }
  });
}

BOOST_AUTO_TEST_CASE(sockets_that_end_are_forgotten) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    const std::uint16_t port = f.stub.port();
    std::shared_ptr<ws_stream> polite = co_await open_ws_ok(port);
    std::shared_ptr<ws_stream> rude = co_await open_ws_ok(port);
    std::shared_ptr<ws_stream> stays = co_await open_ws_ok(port);
    co_await wait_until([&] { return f.stub.notification_sockets() == 3u; });

    const websocket::close_reason normal(websocket::close_code::normal);
    co_await polite->async_close(normal, asio::use_awaitable);
    co_await wait_until([&] { return f.stub.notification_sockets() == 2u; });
    beast::get_lowest_layer(*rude).close();
    co_await wait_until([&] { return f.stub.notification_sockets() == 1u; });

    // The survivor answers pings (a quiet client is never dropped) and still gets frames.
    auto pong = std::make_shared<bool>(false);
    stays->control_callback([pong](websocket::frame_type kind, beast::string_view) {
      if (kind == websocket::frame_type::pong) *pong = true;
    });
    const websocket::ping_data payload;
    co_await stays->async_ping(payload, asio::use_awaitable);
    // The pong is processed inside a read; the frame sent after it ends that read.
    const asio::any_io_executor ex = co_await asio::this_coro::executor;
    asio::co_spawn(ex, frame_after_pong(pong, &f.stub), asio::detached);
    const std::string frame = co_await next_frame(stays);
    BOOST_TEST(frame == "after-pong");
    BOOST_TEST(*pong);

    // Stopping the server ends the socket at once.
    f.stub.stop();
    const boost::system::error_code ended = co_await read_until_closed(stays, 1s);
    BOOST_TEST(!!ended);
  });
}

BOOST_AUTO_TEST_CASE(wss_on_the_tls_port) {
  stub_fixture f(
      {.tls_cert_file = cert_dir + "/localhost.pem", .tls_key_file = cert_dir + "/localhost.key"});
  f.run([&]() -> asio::awaitable<void> {
    using wss_stream = websocket::stream<asio::ssl::stream<beast::tcp_stream>>;
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.set_verify_mode(asio::ssl::verify_peer);
    tls.load_verify_file(cert_dir + "/ca.pem");
    const asio::any_io_executor ex = co_await asio::this_coro::executor;
    auto ws = std::make_shared<wss_stream>(ex, tls);
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), f.stub.port());
    co_await beast::get_lowest_layer(*ws).async_connect(endpoint, asio::use_awaitable);
    SSL_set_tlsext_host_name(ws->next_layer().native_handle(), "localhost");
    ws->next_layer().set_verify_callback(asio::ssl::host_name_verification("localhost"));
    co_await ws->next_layer().async_handshake(asio::ssl::stream_base::client, asio::use_awaitable);
    const std::string host = "localhost:" + std::to_string(f.stub.port());
    const std::string target = "/notifications?token=t";
    co_await ws->async_handshake(host, target, asio::use_awaitable);
    co_await wait_until([&] { return f.stub.notification_sockets() == 1u; });

    const std::string bad = R"({"tenant":"acme","dataCoreId":"nope"})";
    co_await send_text(ws, bad);
    std::string frame = co_await next_frame(ws);
    BOOST_TEST(frame == validation_frame("/dataCoreId", "Unknown data core", bad));
    BOOST_TEST(f.stub.send_ws_frame("over tls") == 1u);
    frame = co_await next_frame(ws);
    BOOST_TEST(frame == "over tls");
    BOOST_TEST(f.stub.close_notification_sockets(1000) == 1u);
    const boost::system::error_code ended = co_await read_until_closed(ws);
    BOOST_TEST((ended == websocket::error::closed), ended.message());
    BOOST_TEST(ws->reason().code == 1000);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
