// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The client's only WebSocket translation unit: Beast's WebSocket templates are compiled
// here once, never in a header. An open session has a reader, which always has a read
// pending (Beast answers pings and sees close frames only during a read), and a writer,
// the only one that writes after the subscription (a Beast stream takes one write at a
// time): pings on the liveness schedule and the close frame.
//
// An idle stream spends most of its life here, so the session keeps only what it needs
// while waiting: opening (connect, upgrade, subscribe) runs in its own coroutine, whose
// frame, handshake answer and upgrade strings are gone once the session is open; the
// reader holds no read buffer between messages; the writer is a chain of completion
// handlers rather than a second coroutine, so it costs no frame while it sleeps.
#include "notifications/ws_session.hpp"

#include "notifications/frame_parser.hpp"
#include "transport/byte_stream.hpp"

#include <flowcore/error.hpp>
#include <flowcore/version.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <tuple>
#include <variant>


namespace flowcore::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using boost::system::error_code;

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

// Beast allocates this buffer for the first data message a client sends and keeps it for
// the connection's life: it masks outgoing payloads there (default 4 KB). The subscription
// is the only data message we send, and pings and the close frame do not use it. With
// auto_fragment off, a subscription longer than this still goes out as one frame, masked
// in several passes.
constexpr std::size_t write_buffer_bytes = 256;

// permessage-deflate is never offered, so the stream is built without its support.
template <class NextLayer>
using ws_stream = websocket::stream<NextLayer, false>;
using plain_ws = ws_stream<byte_stream::plain_stream>;
using tls_ws = ws_stream<byte_stream::tls_stream>;

template <class Ws>
struct session : std::enable_shared_from_this<session<Ws>> {
  template <class NextLayer>
  session(NextLayer&& next, std::shared_ptr<asio::ssl::context> context,
          const liveness_options& keep_alive, ws_session_hooks h, std::shared_ptr<session_closer> c)
      : ws(std::move(next)),
        tls(std::move(context)),
        keep_alive_options(keep_alive),
        alive(keep_alive, steady_clock::now()),
        wake(ws.get_executor()),
        hooks(std::move(h)),
        closer(std::move(c)) {}

  // The writer: checks what is due, does it, and sleeps on `wake` until the next step. A
  // close request cancels `wake`; the reader's end stops it (finish()).
  void write_step() {
    if (finished) return;
    if (closer->requested()) {
      // async_close waits for the peer's close frame, which a dead peer never sends;
      // handshake_timeout also bounds the closing handshake.
      ws.set_option(websocket::stream_base::timeout{session_closer::close_timeout,
                                                    keep_alive_options.idle_timeout, true});
      const websocket::close_reason reason(websocket::close_code::normal, closer->reason());
      // The reader sees the peer's close frame, or the failure, and ends the session.
      ws.async_close(reason, [self = this->shared_from_this()](error_code) {});
      return;
    }
    const liveness_step step = alive.next_action(steady_clock::now());
    if (step.action == liveness_action::declare_dead) {
      declared_dead = true;
      error_code ignored;
      beast::get_lowest_layer(ws).socket().close(ignored);  // the pending read fails now
      return;
    }
    if (step.action == liveness_action::send_ping) {
      ws.async_ping({}, [self = this->shared_from_this()](error_code ec) {
        if (ec) return;  // the reader sees the same failure
        self->alive.on_ping_sent(steady_clock::now());
        self->write_step();
      });
      return;
    }
    write_step_at(step.at);
  }

  void write_step_at(steady_clock::time_point at) {
    wake.expires_at(at);
    wake.async_wait([self = this->shared_from_this()](error_code) { self->write_step(); });
  }

  // The reader ended the session: stop the writer and let go of the socket, as destroying
  // the stream would; a ping or close still in flight then completes at once.
  void finish() {
    finished = true;
    wake.cancel();
    ws.control_callback();
    error_code ignored;
    beast::get_lowest_layer(ws).socket().close(ignored);
  }

  Ws ws;
  std::shared_ptr<asio::ssl::context> tls;  // outlives the stream that uses it
  liveness_options keep_alive_options;
  liveness alive;
  asio::steady_timer wake;  // the writer sleeps on it; a close request cancels it
  ws_session_hooks hooks;
  std::shared_ptr<session_closer> closer;
  bool declared_dead = false;
  bool finished = false;
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

stream_outcome refused_upgrade(const error_code& ec, int status) {
  if (ec == websocket::error::upgrade_declined && status != 0) {
    stream_outcome out =
        upgrade_failure(error::http_status, "upgrade", "answered " + std::to_string(status));
    out.http_status = status;
    return out;
  }
  return upgrade_failure(classify_transport_error(ec, "upgrade"), "upgrade",
                         transport_error_detail(ec, "upgrade"));
}

// Sets the stream up, upgrades and sends the subscription. Returns the failure, if any.
template <class Ws>
asio::awaitable<std::optional<stream_outcome>> upgrade(session<Ws>& s,
                                                       const ws_session_params& params) {
  auto& ws = s.ws;
  // Beast's idle limit fails the pending read when nothing at all arrived for
  // idle_timeout, pongs included; with its keep-alive pings on, incoming pings count too.
  ws.set_option(websocket::stream_base::timeout{params.handshake_timeout,
                                                params.liveness.idle_timeout, true});
  ws.set_option(websocket::stream_base::decorator([](websocket::request_type& req) {
    req.set(beast::http::field::user_agent, "flowcore-cpp/" FLOWCORE_VERSION_STRING);
  }));
  ws.read_message_max(max_frame_bytes);
  ws.write_buffer_bytes(write_buffer_bytes);
  ws.auto_fragment(false);
  ws.control_callback([raw = &s](websocket::frame_type, beast::string_view) {
    raw->alive.on_received(steady_clock::now());
  });

  websocket::response_type answer;
  auto [hs_ec] =
      co_await ws.async_handshake(answer, params.where.host_header(), params.target, no_throw);
  if (hs_ec) co_return refused_upgrade(hs_ec, static_cast<int>(answer.result_int()));

  ws.text(true);
  auto [write_ec, written] = co_await ws.async_write(asio::buffer(params.subscription), no_throw);
  if (write_ec)
    co_return upgrade_failure(classify_transport_error(write_ec, "subscribe"), "subscribe",
                              transport_error_detail(write_ec, "subscribe"));
  co_return std::nullopt;
}

using open_session = std::variant<stream_outcome, std::shared_ptr<session<plain_ws>>,
                                  std::shared_ptr<session<tls_ws>>>;

template <class Ws, class NextLayer>
asio::awaitable<open_session> upgrade_on(NextLayer&& next, const ws_session_params& params,
                                         ws_session_hooks&& hooks,
                                         std::shared_ptr<session_closer>&& closer) {
  auto s = std::make_shared<session<Ws>>(std::move(next), params.tls, params.liveness,
                                         std::move(hooks), std::move(closer));
  if (auto failed = co_await upgrade(*s, params)) {
    s->ws.control_callback();
    co_return std::move(*failed);
  }
  co_return s;
}

// Connect, TLS, upgrade, subscription. Everything it needs only for that (the upgrade
// target, the subscription text, the handshake answer, the stream it moved from) is
// released when it returns.
asio::awaitable<open_session> open(asio::any_io_executor ex, ws_session_params params,
                                   ws_session_hooks hooks, std::shared_ptr<session_closer> closer) {
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
    co_return co_await upgrade_on<plain_ws>(std::move(*plain), params, std::move(hooks),
                                            std::move(closer));
  auto& tls = *std::get<std::unique_ptr<byte_stream::tls_stream>>(opened.stream->stream);
  co_return co_await upgrade_on<tls_ws>(std::move(tls), params, std::move(hooks),
                                        std::move(closer));
}

// Reads one message after another until the session ends. Nothing is buffered between
// messages: each read waits with room for one byte (in the string's own storage), and the
// rest of the message goes into a string sized to it, handed over, then freed.
template <class Ws>
asio::awaitable<stream_outcome> read_loop(std::shared_ptr<session<Ws>> s) {
  s->alive = liveness(s->keep_alive_options, steady_clock::now());
  if (s->hooks.on_subscribed) s->hooks.on_subscribed();
  s->closer->on_request([raw = s.get()] { raw->wake.cancel(); });
  // The writer's first step runs once the first read is pending, as it always did: a
  // close requested meanwhile must find the reader there to receive the peer's answer.
  s->write_step_at(steady_clock::time_point::min());
  error_code ec;
  for (;;) {
    std::string frame;
    auto text = asio::dynamic_buffer(frame);
    std::tie(ec, std::ignore) = co_await s->ws.async_read_some(text, 1, no_throw);
    while (!ec && !s->ws.is_message_done())
      std::tie(ec, std::ignore) = co_await s->ws.async_read_some(text, 0, no_throw);
    if (ec) break;
    s->alive.on_received(steady_clock::now());
    if (!s->hooks.on_frame(frame)) s->closer->request("Max events received");
  }
  s->closer->on_request({});
  stream_outcome out = session_end(*s, ec);
  s->finish();
  co_return out;
}

}  // namespace

asio::awaitable<stream_outcome> run_ws_session(asio::any_io_executor ex, ws_session_params params,
                                               ws_session_hooks hooks,
                                               std::shared_ptr<session_closer> closer) {
  open_session opened = co_await open(ex, std::move(params), std::move(hooks), std::move(closer));
  if (auto* plain = std::get_if<1>(&opened)) co_return co_await read_loop(std::move(*plain));
  if (auto* tls = std::get_if<2>(&opened)) co_return co_await read_loop(std::move(*tls));
  co_return std::get<0>(std::move(opened));
}

}  // namespace flowcore::detail
