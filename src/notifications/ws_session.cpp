// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The client's only WebSocket translation unit (STYLE.md 3). Two coroutines share an open
// session: the reader, which always has a read pending (Beast answers pings and sees close
// frames only during a read), and the writer, the only one that writes after the
// subscription: pings on the liveness schedule and the close frame (PITFALLS.md 5.2).
#include "notifications/ws_session.hpp"

#include "notifications/frame_parser.hpp"
#include "transport/byte_stream.hpp"

#include <flowcore/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <tuple>
#include <variant>

#ifndef FLOWCORE_VERSION
#define FLOWCORE_VERSION "0"
#endif

namespace flowcore::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::system::error_code;
using namespace asio::experimental::awaitable_operators;

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);
// Beast allocates this buffer for the first data message a client sends and keeps it for
// the connection's life: it masks outgoing payloads there (default 4 KB). The subscription
// is the only data message we send, and pings and the close frame do not use it. With
// auto_fragment off, a subscription longer than this still goes out as one frame, masked
// in several passes.
constexpr std::size_t write_buffer_bytes = 256;

template <class Ws>
struct session {
  session(Ws socket, const liveness_options& keep_alive, ws_session_hooks h,
          std::shared_ptr<session_closer> c)
      : ws(std::move(socket)),
        alive(keep_alive, steady_clock::now()),
        wake(ws.get_executor()),
        hooks(std::move(h)),
        closer(std::move(c)) {}

  Ws ws;
  liveness alive;
  asio::steady_timer wake;  // the writer sleeps on it; a close request cancels it
  ws_session_hooks hooks;
  std::shared_ptr<session_closer> closer;
  bool declared_dead = false;
};

stream_outcome upgrade_failure(error_code ec, const char* phase, const std::string& detail) {
  return {.phase = stream_phase::upgrade, .ec = ec, .detail = std::string(phase) + ": " + detail};
}

template <class Ws>
stream_outcome session_end(session<Ws>& s, const error_code& ec) {
  stream_outcome out{.phase = stream_phase::session};
  if (ec == websocket::error::closed) {
    out.close_code = s.ws.reason().code;
    out.detail = "closed with code " + std::to_string(out.close_code);
  } else if (s.declared_dead || ec == beast::error::timeout) {
    out.ec = error::timeout;
    out.detail = "nothing received within idle_timeout";
  } else if (ec == asio::error::operation_aborted) {
    out.ec = error::cancelled;
    out.detail = "cancelled";
  } else {
    out.ec = error::connection_failed;
    out.detail = "read: " + ec.message();
  }
  return out;
}

// Reads one message after another until the session ends. Nothing is buffered between
// messages: each read waits with room for one byte (in the string's own storage), and the
// rest of the message goes into a string sized to it, handed over, then freed.
template <class Ws>
asio::awaitable<stream_outcome> read_loop(std::shared_ptr<session<Ws>> s) {
  error_code ec;
  for (;;) {
    std::string frame;
    auto text = asio::dynamic_buffer(frame);
    std::tie(ec, std::ignore) = co_await s->ws.async_read_some(text, 1, no_throw);
    while (!ec && !s->ws.is_message_done())
      std::tie(ec, std::ignore) = co_await s->ws.async_read_some(text, 0, no_throw);
    if (ec) co_return session_end(*s, ec);
    s->alive.on_received(steady_clock::now());
    if (!s->hooks.on_frame(frame)) s->closer->request("Max events received");
  }
}

template <class Ws>
asio::awaitable<void> park(std::shared_ptr<session<Ws>> s) {
  // The reader ends the session; until it does, the writer must not return, or the
  // `||` below would cancel the pending read that is waiting for the peer's close frame.
  s->wake.expires_at(steady_clock::time_point::max());
  co_await s->wake.async_wait(no_throw);
}

template <class Ws>
asio::awaitable<void> write_loop(std::shared_ptr<session<Ws>> s, liveness_options keep_alive) {
  for (;;) {
    if (s->closer->requested()) {
      // handshake_timeout also bounds the closing handshake (PITFALLS.md 5.2).
      s->ws.set_option(websocket::stream_base::timeout{session_closer::close_timeout,
                                                       keep_alive.idle_timeout, true});
      const websocket::close_reason reason(websocket::close_code::normal, s->closer->reason());
      co_await s->ws.async_close(reason, no_throw);
      co_await park(s);
      co_return;
    }
    const liveness_step step = s->alive.next_action(steady_clock::now());
    if (step.action == liveness_action::declare_dead) {
      s->declared_dead = true;
      error_code ignored;
      beast::get_lowest_layer(s->ws).socket().close(ignored);  // the pending read fails now
      co_await park(s);
      co_return;
    }
    if (step.action == liveness_action::send_ping) {
      auto [ec] = co_await s->ws.async_ping({}, no_throw);
      if (ec) {
        co_await park(s);  // the reader sees the same failure
        co_return;
      }
      s->alive.on_ping_sent(steady_clock::now());
      continue;
    }
    s->wake.expires_at(step.at);
    co_await s->wake.async_wait(no_throw);
  }
}

template <class NextLayer>
asio::awaitable<stream_outcome> run_on(NextLayer next, ws_session_params params,
                                       ws_session_hooks hooks,
                                       std::shared_ptr<session_closer> closer) {
  // permessage-deflate is never offered, so the stream is built without its support.
  using ws_type = websocket::stream<NextLayer, false>;
  auto s = std::make_shared<session<ws_type>>(ws_type(std::move(next)), params.liveness,
                                              std::move(hooks), closer);
  auto& ws = s->ws;
  // Beast's idle limit fails the pending read when nothing at all arrived for
  // idle_timeout, pongs included; with its keep-alive pings on, incoming pings count too.
  ws.set_option(websocket::stream_base::timeout{params.handshake_timeout,
                                                params.liveness.idle_timeout, true});
  ws.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
    req.set(beast::http::field::user_agent, "flowcore-cpp/" FLOWCORE_VERSION);
  }));
  ws.read_message_max(max_frame_bytes);
  ws.write_buffer_bytes(write_buffer_bytes);
  ws.auto_fragment(false);
  ws.control_callback([raw = s.get()](websocket::frame_type, beast::string_view) {
    raw->alive.on_received(steady_clock::now());
  });

  websocket::response_type answer;
  auto [hs_ec] =
      co_await ws.async_handshake(answer, params.where.host_header(), params.target, no_throw);
  if (hs_ec) {
    const int status = static_cast<int>(answer.result_int());
    if (hs_ec == websocket::error::upgrade_declined && status != 0) {
      stream_outcome out = upgrade_failure(error::http_status, "upgrade",
                                           "answered " + std::to_string(status));
      out.http_status = status;
      co_return out;
    }
    co_return upgrade_failure(classify_transport_error(hs_ec, "upgrade"), "upgrade",
                              transport_error_detail(hs_ec, "upgrade"));
  }

  ws.text(true);
  auto [write_ec, written] = co_await ws.async_write(asio::buffer(params.subscription), no_throw);
  if (write_ec)
    co_return upgrade_failure(classify_transport_error(write_ec, "subscribe"), "subscribe",
                              transport_error_detail(write_ec, "subscribe"));
  s->alive = liveness(params.liveness, steady_clock::now());
  if (s->hooks.on_subscribed) s->hooks.on_subscribed();

  closer->on_request([raw = s.get()] { raw->wake.cancel(); });
  auto ended = co_await (read_loop(s) || write_loop(s, params.liveness));
  closer->on_request({});
  ws.control_callback();
  if (ended.index() == 0) co_return std::get<0>(std::move(ended));
  co_return stream_outcome{.phase = stream_phase::session, .ec = error::connection_failed,
                           .detail = "writer ended"};
}

}  // namespace

asio::awaitable<stream_outcome> run_ws_session(asio::any_io_executor ex, ws_session_params params,
                                               ws_session_hooks hooks,
                                               std::shared_ptr<session_closer> closer) {
  timeouts budget;
  budget.resolve = params.connect_timeout;
  budget.connect = params.connect_timeout;
  budget.tls_handshake = params.handshake_timeout;
  // Every phase has its own budget; the deadline only has to lie beyond them all.
  const auto deadline = steady_clock::now() + std::chrono::hours(24);
  open_stream_result opened =
      co_await open_stream(ex, params.where, params.tls, budget, deadline, resolver_fn{});
  if (opened.ec) co_return upgrade_failure(opened.ec, opened.phase.c_str(), opened.detail);

  if (auto* plain = std::get_if<byte_stream::plain_stream>(&opened.stream->stream))
    co_return co_await run_on(std::move(*plain), std::move(params), std::move(hooks),
                              std::move(closer));
  auto& tls = *std::get<std::unique_ptr<byte_stream::tls_stream>>(opened.stream->stream);
  co_return co_await run_on(std::move(tls), std::move(params), std::move(hooks),
                            std::move(closer));
}

}  // namespace flowcore::detail
