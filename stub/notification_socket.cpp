// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The stub's only use of Beast's WebSocket (docs/design.md "Compile time: where Beast lives").
// The socket runs over session_stream, the same type-erased byte stream the HTTP sessions
// use, so ws and wss share one instantiation of every WebSocket operation, and the upgrade
// arrives on the REST port (docs/protocol.md section 2.2: one origin serves everything).
#include "notification_socket.hpp"

#include "notification_hub.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <optional>
#include <string>
#include <utility>

namespace flowcore::stub::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using namespace std::chrono_literals;

// Beast's customisation points for a WebSocket over a stream type of our own, found by
// argument-dependent lookup on session_stream; declared before any WebSocket template is
// instantiated below.

/// Beast's abortive close (its handshake timeout, a cancelled close): drop the connection.
void beast_close_socket(session_stream& stream) { stream.close(); }

namespace {

// The same cap the HTTP sessions use: TLS peers often never answer close_notify
// (boostorg/beast#2807).
constexpr auto tls_shutdown_budget = 500ms;

// async_teardown as an Asio composed operation, so the WebSocket operation that asked for
// it (close, or a read that received a close frame) resumes through its own executor.
struct teardown_op {
  session_stream& stream;

  template <class Self>
  void operator()(Self& self) {
    asio::co_spawn(stream.get_executor(), stream.shutdown(tls_shutdown_budget), std::move(self));
  }
  template <class Self>
  void operator()(Self& self, std::exception_ptr) {
    // Nothing to report: the closing handshake is over and the socket is closed either way.
    self.complete(beast::error_code());
  }
};

}  // namespace

/// After the closing handshake: RFC 6455 7.1.1 has the server close TCP first. TLS sends
/// close_notify (capped) and closes; plain TCP sends FIN and closes.
template <class TeardownHandler>
void async_teardown(beast::role_type, session_stream& stream, TeardownHandler&& handler) {
  asio::async_compose<TeardownHandler, void(beast::error_code)>(teardown_op{stream}, handler,
                                                                stream);
}

namespace {

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

// Subscriptions are tiny; the bound keeps a broken or hostile client from growing the
// stub's memory without limit.
constexpr std::size_t max_message_size = 1024 * 1024;
// Bounds the opening and the closing handshake (a peer that never answers our close).
constexpr auto handshake_budget = 5s;

// The hub's view of this socket. The hub queues; the writer coroutine drains, one frame
// at a time (Beast allows one write in flight, boostorg/beast#1207), so frames leave in
// the order they were queued and none is lost when events are stored in a burst.
class socket_peer final : public notification_peer {
 public:
  socket_peer(session_stream& stream, std::size_t max_queue_bytes)
      : wake(stream.get_executor()), stream_(stream), max_queue_bytes_(max_queue_bytes) {}

  void send(std::string frame) override {
    if (close_code) return;  // closing or dropped: nothing more goes out
    // Every stored event must reach a subscribed client (docs/protocol.md section 10.10),
    // so frames wait for a slow reader; but a client that never reads must not grow the
    // stub without bound.
    const std::size_t cost = queue_cost(frame);
    if (cost > max_queue_bytes_ - queued_bytes_) {
      drop();
      return;
    }
    queued_bytes_ += cost;
    outbox.push_back(std::move(frame));
    wake.cancel();
  }

  /// The writer took the front frame off the queue.
  std::string pop() {
    std::string frame = std::move(outbox.front());
    outbox.pop_front();
    queued_bytes_ -= queue_cost(frame);
    return frame;
  }

  void close(int code) override {
    if (close_code) return;
    close_code = code;
    wake.cancel();
  }

  std::deque<std::string> outbox;
  std::optional<int> close_code;
  // The writer sleeps on it while there is nothing to do; send() and close() cancel the
  // wait. One thread, so no wake-up is lost between the writer's check and its wait.
  asio::steady_timer wake;

 private:
  // The text and the queue entry that holds it.
  static std::size_t queue_cost(const std::string& frame) {
    return frame.size() + sizeof(std::string);
  }

  // The writer is stuck in a write the client does not read, so no close frame could go
  // out: drop the connection, which ends the writer and the reader, and with them the
  // socket. The hub forgets it as it unwinds.
  void drop() {
    std::fprintf(stderr,
                 "flowcore-stub: notification socket dropped: its client does not read, and "
                 "the frames queued for it would pass max_subscriber_queue_bytes (%zu)\n",
                 max_queue_bytes_);
    close_code = 1006;
    outbox.clear();
    queued_bytes_ = 0;
    stream_.close();
    wake.cancel();
  }

  session_stream& stream_;  // outlives the peer's use: the hub detaches before it dies
  std::size_t max_queue_bytes_;
  std::size_t queued_bytes_ = 0;
};

// Everything one socket's coroutines share; each holds a shared_ptr to it (coroutines
// get values, not references to another frame's locals).
struct session {
  session(session_stream& stream, std::shared_ptr<notification_hub> h, std::size_t max_queue_bytes)
      : ws(stream),
        peer(std::make_shared<socket_peer>(stream, max_queue_bytes)),
        hub(std::move(h)) {}

  websocket::stream<session_stream&> ws;
  std::shared_ptr<socket_peer> peer;
  std::shared_ptr<notification_hub> hub;
  std::uint64_t id = 0;  // the hub's, once attached
};

void report_failure(const char* what) {
  std::fprintf(stderr, "flowcore-stub: notification socket failed: %s\n", what);
}

// The handshake request Beast checks and answers, rebuilt from the plain one the HTTP
// layer read. Bytes a client sent after its request, before our 101, are not carried
// over: RFC 6455 4.1 has clients wait for the 101, as every client we serve does.
http::request<http::empty_body> to_beast(const http_request& upgrade) {
  http::request<http::empty_body> req(http::verb::get, upgrade.target, 11);
  for (const auto& [name, value] : upgrade.headers) req.insert(name, value);
  return req;
}

// Reads until the socket ends. A pending read is what answers the client's pings and its
// close frame (Beast does both inside async_read), so one is always outstanding.
asio::awaitable<void> read_frames(std::shared_ptr<session> s) {
  beast::flat_buffer buffer;
  for (;;) {
    auto [ec, n] = co_await s->ws.async_read(buffer, no_throw);
    if (ec) co_return;  // closed by either side, failed, or the server stopping
    // Binary frames are read as text too: the hub judges the content, not the opcode.
    std::string text = beast::buffers_to_string(buffer.data());
    buffer.consume(buffer.size());
    s->hub->receive(s->id, std::move(text));
  }
}

// Sends the queued frames in order, then the close the hub asked for, if any.
asio::awaitable<void> write_frames(std::shared_ptr<session> s) {
  socket_peer& peer = *s->peer;
  for (;;) {
    if (!peer.outbox.empty()) {
      // Moved out first: the buffer must live until the write completes, and send() may
      // grow the queue meanwhile.
      const std::string frame = peer.pop();
      auto [ec, n] = co_await s->ws.async_write(asio::buffer(frame), no_throw);
      if (ec) co_return;
      continue;
    }
    if (peer.close_code) {
      if (*peer.close_code == 1006) {
        // 1006 is never sent on the wire (RFC 6455 7.4.1): it is what a client sees when
        // the connection drops, so drop it.
        s->ws.next_layer().close();
        co_return;
      }
      const websocket::close_reason reason(static_cast<std::uint16_t>(*peer.close_code));
      // Completes once the client answered the close frame (or the handshake budget ran
      // out) and the connection is torn down; an error leaves nothing more to do either.
      co_await s->ws.async_close(reason, no_throw);
      co_return;
    }
    peer.wake.expires_at(asio::steady_timer::time_point::max());
    co_await peer.wake.async_wait(no_throw);
    // Woken by send()/close(), or cancelled because the reader ended.
    const asio::cancellation_state cs = co_await asio::this_coro::cancellation_state;
    if (cs.cancelled() != asio::cancellation_type::none) co_return;
  }
}

}  // namespace

asio::awaitable<void> serve_notification_socket(session_stream& stream, http_request upgrade,
                                                std::shared_ptr<notification_hub> hub,
                                                std::size_t max_queue_bytes) {
  try {
    auto s = std::make_shared<session>(stream, std::move(hub), max_queue_bytes);
    // No idle limit and no pings of our own: the stub must never drop a quiet client
    // (the client's keep-alive is the client's business: docs/protocol.md section 10.7).
    s->ws.set_option(websocket::stream_base::timeout{.handshake_timeout = handshake_budget,
                                                     .idle_timeout = websocket::stream_base::none(),
                                                     .keep_alive_pings = false});
    s->ws.read_message_max(max_message_size);
    // Beast answers pings itself, inside the pending read; this only counts them.
    s->ws.control_callback([hub = s->hub.get()](websocket::frame_type kind, beast::string_view) {
      if (kind == websocket::frame_type::ping) hub->ping_received();
    });
    const http::request<http::empty_body> req = to_beast(upgrade);
    // On a malformed handshake (no key, wrong version) Beast answers 400/426 itself.
    auto [ec] = co_await s->ws.async_accept(req, no_throw);
    if (ec) co_return;
    s->ws.text(true);

    s->id = s->hub->attach(s->peer);
    // Unregisters however this frame ends, destruction by a dying io_context included.
    struct detach_on_exit {
      notification_hub& hub;
      std::uint64_t id;
      ~detach_on_exit() { hub.detach(id); }
    } guard{*s->hub, s->id};

    using namespace asio::experimental::awaitable_operators;
    // Whichever ends first (the reader: the socket closed or failed; the writer: a write
    // failed or our close completed) cancels the other; both finish before this resumes.
    co_await (read_frames(s) || write_frames(s));
  } catch (const std::exception& e) {
    report_failure(e.what());
  } catch (...) {
    report_failure("unknown exception");
  }
}

}  // namespace flowcore::stub::detail
