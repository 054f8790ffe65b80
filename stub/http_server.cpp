// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The translation unit of the stub that instantiates Beast's HTTP (docs/design.md "Compile
// time: where Beast lives"): accept loop, HTTP/1.1 keep-alive sessions, and the transport
// side of faults (delay, reset, stall). What to answer comes from a request_sink as plain
// data; TLS hides in session_stream, the WebSocket in notification_socket.
#include "http_server.hpp"

#include "body_budget.hpp"
#include "notification_socket.hpp"
#include "session_stream.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace flowcore::stub::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

constexpr auto tls_shutdown_budget = 500ms;
// After an error answer, how long the peer may go on sending before the socket closes
// (session_stream::linger_close).
constexpr auto linger_budget = 500ms;
// Bytes asked of the socket per read, as Beast's own read loop does. The read buffer holds
// at most a header and one such read: the parser consumes body bytes as they arrive.
constexpr std::size_t read_chunk = 64 * 1024;

// One open connection: what the session coroutine works on and what stop() aborts.
struct connection {
  connection(std::uint64_t id_, tcp::socket socket, asio::ssl::context* tls)
      : stream(std::move(socket), tls),
        timer(stream.get_executor()),
        deadline(stream.get_executor()),
        id(id_) {}

  /// Ends every operation in flight (handshake, read, write, fault delay) at once.
  void abort() {
    timer.cancel();
    deadline.cancel();
    stream.close();
  }

  session_stream stream;
  asio::steady_timer timer;     // fault delays
  asio::steady_timer deadline;  // the header and body timeouts
  std::uint64_t id;
};

using response = http::response<http::string_body>;
using request_parser = http::request_parser<http::string_body>;

// How reading one request ended: a whole request, or neither (close quietly: the peer
// went away, or a keep-alive connection idled out), or an answer to send before closing.
struct read_result {
  bool complete = false;
  std::optional<http_response> refusal;
};

response to_beast(http_response answer, bool keep_alive, bool head) {
  response res;
  res.version(11);
  // Beast throws above 999; the dispatcher only produces 200-599, this is a last guard.
  res.result(answer.status >= 100 && answer.status <= 999 ? static_cast<unsigned>(answer.status)
                                                          : 500u);
  for (auto& [name, value] : answer.headers) res.set(name, value);
  // RFC 9110 15.3.5: a 204 carries no content, hence neither Content-Type nor -Length.
  if (answer.status != 204) {
    res.set(http::field::content_type, "application/json");
    res.content_length(answer.body.size());
    // A HEAD answer has the GET answer's headers and no body (RFC 9110 9.3.2).
    if (!head) res.body() = std::move(answer.body);
  }
  res.keep_alive(keep_alive);
  return res;
}

// Feeds the parser what `buffer` holds and consumes what it took. Beast keeps a header
// field's offsets in 16 bits and throws std::length_error for a name or value of 65,534
// bytes or more, whatever header_limit says: that is a header too large like any other,
// answered 431, never an exception out of the session.
beast::error_code feed(request_parser& parser, beast::flat_buffer& buffer, std::size_t& used) {
  beast::error_code ec;
  used = 0;
  try {
    used = parser.put(buffer.data(), ec);
  } catch (const std::length_error&) {
    if (parser.is_header_done()) throw;  // not a header field: a stub bug, reported as one
    return http::error::header_limit;
  }
  buffer.consume(used);
  return ec;
}

// The answer to a request the parser refused.
http_response refusal(const http_server_options& o, const beast::error_code& ec) {
  if (ec == http::error::header_limit)
    return message_answer(431, "request header too large: the stub takes at most " +
                                   std::to_string(o.max_header_bytes) +
                                   " bytes of request line and headers, and no header value of "
                                   "65534 bytes or more");
  if (ec == http::error::body_limit)
    return message_answer(413, "request body too large: the stub takes at most " +
                                   std::to_string(o.max_body_bytes) + " bytes per request");
  return message_answer(400, "malformed HTTP request: " + ec.message());
}

// 503 rather than 413: the request itself is fine, the stub is busy with other bodies.
http_response over_budget(const body_budget& bodies) {
  http_response answer = message_answer(
      503, "too many request bodies in progress: this one would take the stub past its "
           "budget of " +
               std::to_string(bodies.limit()) +
               " bytes of bodies being read across all connections; retry later");
  answer.headers.emplace_back("Retry-After", "1");
  return answer;
}

// One read from the peer into `into`, given up at `deadline` with beast::error::timeout.
asio::awaitable<std::pair<beast::error_code, std::size_t>> read_before(
    connection& conn, asio::mutable_buffer into, std::chrono::steady_clock::time_point deadline) {
  using namespace asio::experimental::awaitable_operators;
  conn.deadline.expires_at(deadline);
  auto first =
      co_await (conn.stream.async_read_some(into, no_throw) || conn.deadline.async_wait(no_throw));
  if (first.index() == 1) {
    auto [timer_ec] = std::get<1>(first);
    // Cancelled: stop() aborted the connection; otherwise the budget ran out.
    co_return std::pair{timer_ec ? timer_ec : beast::error_code(beast::error::timeout),
                        std::size_t{0}};
  }
  auto [ec, n] = std::get<0>(first);
  co_return std::pair{ec, n};
}

// Coroutine failures are stub bugs, not client behaviour: report them, never terminate.
void report_failure(std::exception_ptr e, const char* what) {
  if (!e) return;
  try {
    std::rethrow_exception(e);
  } catch (const std::exception& ex) {
    std::fprintf(stderr, "flowcore-stub: %s failed: %s\n", what, ex.what());
  } catch (...) {
    std::fprintf(stderr, "flowcore-stub: %s failed\n", what);
  }
}

http_request to_plain(http::request<http::string_body>& message, const connection& conn) {
  http_request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  for (const auto& field : message)
    request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  request.has_content_length = message.count(http::field::content_length) > 0;
  request.chunked = message.chunked();
  request.body = std::move(message.body());
  request.connection_id = conn.id;
  request.sni = conn.stream.sni();
  return request;
}

}  // namespace

struct http_server::impl : std::enable_shared_from_this<impl> {
  impl(asio::any_io_executor ex_, http_server_options options_, std::shared_ptr<request_sink> s,
       std::shared_ptr<notification_hub> h)
      : ex(std::move(ex_)),
        options(std::move(options_)),
        sink(std::move(s)),
        hub(std::move(h)),
        acceptor(ex),
        accept_retry(ex),
        bodies(options.max_body_bytes_in_flight) {}

  asio::any_io_executor ex;
  http_server_options options;
  std::shared_ptr<request_sink> sink;
  std::shared_ptr<notification_hub> hub;
  std::shared_ptr<asio::ssl::context> tls;  // null: plain HTTP
  tcp::acceptor acceptor;
  asio::steady_timer accept_retry;  // pause after a persistent accept failure (EMFILE)
  std::uint16_t bound_port = 0;
  std::uint64_t accepted = 0;
  bool started = false;
  bool stopped = false;
  std::unordered_map<std::uint64_t, std::weak_ptr<connection>> open;
  body_budget bodies;  // shared by every session

  void start();
  void stop();
  static asio::awaitable<void> accept_loop(std::shared_ptr<impl> self);
  static asio::awaitable<void> serve(std::shared_ptr<impl> self, std::shared_ptr<connection> conn);
  static asio::awaitable<void> serve_requests(impl& self, connection& conn);
  static asio::awaitable<read_result> read_request(impl& self, connection& conn,
                                                   beast::flat_buffer& buffer,
                                                   request_parser& parser,
                                                   body_reservation& reserved);
  static asio::awaitable<void> reply_and_close(connection& conn, http_response answer);
  static asio::awaitable<void> drain_until_closed(connection& conn);
};

void http_server::impl::start() {
  if (started) throw std::logic_error("flowcore::stub::server::start() called twice");
  // Zero would refuse every request or drop every connection at once: surely a mistake.
  const std::pair<bool, const char*> limits[] = {
      {options.max_header_bytes > 0, "max_header_bytes"},
      {options.max_body_bytes > 0, "max_body_bytes"},
      {options.max_body_bytes_in_flight > 0, "max_body_bytes_in_flight"},
      {options.max_subscriber_queue_bytes > 0, "max_subscriber_queue_bytes"},
      {options.header_timeout > std::chrono::milliseconds::zero(), "header_timeout"},
      {options.body_timeout > std::chrono::milliseconds::zero(), "body_timeout"}};
  for (const auto& [ok, name] : limits)
    if (!ok) throw std::invalid_argument(std::string("server_options::") + name + " must be positive");
  if (options.tls_cert_file.empty() != options.tls_key_file.empty())
    throw boost::system::system_error(asio::error::invalid_argument,
                                      "tls_cert_file and tls_key_file must be set together");
  if (!options.tls_cert_file.empty())
    tls = make_tls_context(options.tls_cert_file, options.tls_key_file);

  boost::system::error_code ec;
  const auto address = asio::ip::make_address(options.host, ec);
  if (ec)
    throw boost::system::system_error(ec, "host \"" + options.host + "\" is not an IP address");
  const tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), ec);
  // Lets a restarted stub bind its fixed port while old connections sit in TIME_WAIT.
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    throw boost::system::system_error(
        ec, "cannot listen on " + options.host + ":" + std::to_string(options.port));
  }
  bound_port = acceptor.local_endpoint().port();
  started = true;
  asio::co_spawn(ex, accept_loop(shared_from_this()),
                 [](std::exception_ptr e) { report_failure(e, "accept loop"); });
}

void http_server::impl::stop() {
  if (stopped) return;
  stopped = true;
  boost::system::error_code ignored;
  acceptor.close(ignored);
  accept_retry.cancel();
  // Sessions erase themselves later, as they unwind; work on a copy.
  auto connections = std::move(open);
  open.clear();
  for (auto& [id, weak] : connections)
    if (auto conn = weak.lock()) conn->abort();
}

asio::awaitable<void> http_server::impl::accept_loop(std::shared_ptr<impl> self) {
  while (!self->stopped) {
    auto [ec, socket] = co_await self->acceptor.async_accept(no_throw);
    if (self->stopped || ec == asio::error::operation_aborted) co_return;
    if (ec) {
      // Out of descriptors, or a connection aborted before accept: keep serving, without
      // spinning on an error that persists.
      self->accept_retry.expires_after(50ms);
      co_await self->accept_retry.async_wait(no_throw);
      continue;
    }
    boost::system::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);  // answers are small: send at once
    const std::uint64_t id = ++self->accepted;
    auto conn = std::make_shared<connection>(id, std::move(socket), self->tls.get());
    // Registered before it first runs, so a stop() in between still reaches it.
    self->open.emplace(id, conn);
    asio::co_spawn(self->ex, serve(self, std::move(conn)),
                   [](std::exception_ptr e) { report_failure(e, "session"); });
  }
}

asio::awaitable<void> http_server::impl::serve(std::shared_ptr<impl> self,
                                               std::shared_ptr<connection> conn) {
  // Both shared_ptrs live in this frame, so everything below may use plain references.
  struct unregister {
    impl& server;
    std::uint64_t id;
    ~unregister() { server.open.erase(id); }
  } guard{*self, conn->id};
  // The stub runs unattended in CI: whatever one connection does, even if it hits a stub
  // bug, ends that connection only.
  try {
    // The TLS handshake counts toward the first request's header budget: a client that
    // connects and never finishes it is a slow client too.
    using namespace asio::experimental::awaitable_operators;
    conn->deadline.expires_after(self->options.header_timeout);
    auto shaken = co_await (conn->stream.handshake() || conn->deadline.async_wait(no_throw));
    if (shaken.index() == 1) co_return;
    if (std::get<0>(shaken)) co_return;  // wrong CA, plain HTTP on TLS, scans
    co_await serve_requests(*self, *conn);
  } catch (...) {
    report_failure(std::current_exception(), "session");
    conn->stream.close();
  }
}

asio::awaitable<void> http_server::impl::serve_requests(impl& self, connection& conn) {
  // Bounded: it holds at most a header and one read (read_request).
  beast::flat_buffer buffer(std::size_t{self.options.max_header_bytes} + read_chunk);
  for (;;) {
    request_parser parser;
    parser.header_limit(self.options.max_header_bytes);
    parser.body_limit(self.options.max_body_bytes);
    body_reservation reserved(self.bodies);

    read_result got = co_await read_request(self, conn, buffer, parser, reserved);
    if (!got.complete) {
      // The byte stream can no longer be trusted: answer if there is something to say,
      // then close.
      if (got.refusal && !self.stopped) co_await reply_and_close(conn, std::move(*got.refusal));
      co_return;
    }

    auto message = parser.release();
    const bool head = message.method() == http::verb::head;
    http_request plain = to_plain(message, conn);
    // Kept for the WebSocket handshake, should the sink accept the upgrade.
    std::optional<http_request> upgrade;
    if (is_websocket_upgrade(plain)) upgrade = plain;
    // A refused upgrade ends the connection: its client meant to stop speaking HTTP.
    const bool keep_alive = message.keep_alive() && !upgrade;
    request_plan plan = self.sink->plan(std::move(plain));
    reserved.release();  // the body has left the transport

    if (plan.delay > std::chrono::milliseconds::zero()) {
      conn.timer.expires_after(plan.delay);
      auto [timer_ec] = co_await conn.timer.async_wait(no_throw);
      if (timer_ec || self.stopped) co_return;  // stop() cancelled it
    }
    switch (plan.then) {
      case request_plan::action::reset:
        conn.stream.close();
        co_return;
      case request_plan::action::stall:
        co_await drain_until_closed(conn);
        co_return;
      case request_plan::action::respond:
        break;
    }

    http_response answer = plan.respond();
    if (upgrade && answer.status == 101) {
      // From here on the connection is a WebSocket; it ends with it.
      co_await serve_notification_socket(conn.stream, std::move(*upgrade), self.hub,
                                         self.options.max_subscriber_queue_bytes);
      co_return;
    }
    response res = to_beast(std::move(answer), keep_alive, head);
    auto [write_ec, written] = co_await http::async_write(conn.stream, res, no_throw);
    if (write_ec) co_return;
    if (!keep_alive) {
      co_await conn.stream.shutdown(tls_shutdown_budget);
      co_return;
    }
  }
}

asio::awaitable<read_result> http_server::impl::read_request(impl& self, connection& conn,
                                                             beast::flat_buffer& buffer,
                                                             request_parser& parser,
                                                             body_reservation& reserved) {
  const http_server_options& o = self.options;
  // Slow clients (slowloris) must not hold a connection forever: the header budget runs
  // from the moment we wait for a request, the body budget from the end of its header.
  auto deadline = std::chrono::steady_clock::now() + o.header_timeout;
  bool header_handled = false;
  for (;;) {
    if (buffer.size() > 0) {
      std::size_t used = 0;
      beast::error_code ec = feed(parser, buffer, used);
      if (ec && ec != http::error::need_more) co_return read_result{.refusal = refusal(o, ec)};
      if (parser.is_header_done() && !header_handled) {
        header_handled = true;
        // Beast reserves a Content-Length body in full before its first byte: take it from
        // the budget now. (Above max_body_bytes, put() already refused it.)
        const auto length = parser.content_length();
        if (length && !reserved.grow_to(*length))
          co_return read_result{.refusal = over_budget(self.bodies)};
        // curl waits for `100 Continue` before it sends a large body.
        if (!parser.is_done() &&
            beast::iequals(parser.get()[http::field::expect], "100-continue")) {
          response go_on{http::status::continue_, 11};
          auto [write_ec, n] = co_await http::async_write(conn.stream, go_on, no_throw);
          if (write_ec) co_return read_result{};
        }
        deadline = std::chrono::steady_clock::now() + o.body_timeout;
      }
      // A chunked body has no length to take up front: it takes what it grew to.
      if (parser.is_header_done() && !parser.get().body().empty() &&
          !reserved.grow_to(parser.get().body().size()))
        co_return read_result{.refusal = over_budget(self.bodies)};
      if (parser.is_done()) co_return read_result{.complete = true};
      if (!ec && used > 0) continue;  // progress: parse what is left
    }

    const std::size_t room = buffer.max_size() - buffer.size();
    if (room == 0)  // a header cannot get here: header_limit refuses it first
      co_return read_result{.refusal = message_answer(400, "chunk header or trailer too long")};
    auto [ec, n] = co_await read_before(conn, buffer.prepare(std::min(room, read_chunk)), deadline);
    buffer.commit(n);
    if (ec == beast::error::timeout) {
      // An idle keep-alive connection closes quietly: no request is waiting for an answer.
      if (!parser.got_some()) co_return read_result{};
      const bool in_body = parser.is_header_done();
      const auto budget = in_body ? o.body_timeout : o.header_timeout;
      co_return read_result{
          .refusal = message_answer(408, std::string(in_body ? "request body" : "request header") +
                                             " not complete within " +
                                             std::to_string(budget.count()) + " ms")};
    }
    // EOF or a failed socket: a peer that went away, between requests or mid-message,
    // gets no answer. (A request whose body runs to EOF does not exist: RFC 9112 6.3.)
    if (ec) co_return read_result{};
  }
}

asio::awaitable<void> http_server::impl::reply_and_close(connection& conn, http_response answer) {
  response res = to_beast(std::move(answer), false, false);
  auto [ec, written] = co_await http::async_write(conn.stream, res, no_throw);
  if (!ec) co_await conn.stream.linger_close(linger_budget);
}

asio::awaitable<void> http_server::impl::drain_until_closed(connection& conn) {
  // Read and discard, so that the peer closing its side (or stop()) ends the stall
  // instead of the socket lingering until the process exits.
  std::array<char, 4096> scratch;
  for (;;) {
    auto [ec, n] = co_await conn.stream.async_read_some(asio::buffer(scratch), no_throw);
    if (ec) co_return;
  }
}

http_server::http_server(asio::any_io_executor ex, http_server_options options,
                         std::shared_ptr<request_sink> sink, std::shared_ptr<notification_hub> hub)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(options), std::move(sink),
                                   std::move(hub))) {}

http_server::~http_server() { stop(); }

void http_server::start() { impl_->start(); }
void http_server::stop() { impl_->stop(); }
std::uint16_t http_server::port() const { return impl_->bound_port; }
bool http_server::tls() const { return !impl_->options.tls_cert_file.empty(); }
std::uint64_t http_server::connections_accepted() const { return impl_->accepted; }

}  // namespace flowcore::stub::detail
