// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The translation unit of the stub that instantiates Beast's HTTP (STYLE.md 3): accept
// loop, HTTP/1.1 keep-alive sessions, and the transport side of faults (delay, reset,
// stall). What to answer comes from a request_sink as plain data; TLS hides in
// session_stream, the WebSocket in notification_socket.
#include "http_server.hpp"

#include "notification_socket.hpp"
#include "session_stream.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http.hpp>

#include <array>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace flowcore::stub::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

// Generous but bounded: the client's own requests are far smaller, and a bound keeps a
// hostile or broken peer from exhausting memory.
constexpr std::uint32_t header_limit = 1024 * 1024;
constexpr std::uint64_t body_limit = 64ull * 1024 * 1024;
constexpr auto tls_shutdown_budget = 500ms;

// One open connection: what the session coroutine works on and what stop() aborts.
struct connection {
  connection(std::uint64_t id_, tcp::socket socket, asio::ssl::context* tls)
      : stream(std::move(socket), tls), timer(stream.get_executor()), id(id_) {}

  /// Ends every operation in flight (handshake, read, write, fault delay) at once.
  void abort() {
    timer.cancel();
    stream.close();
  }

  session_stream stream;
  asio::steady_timer timer;  // fault delays
  std::uint64_t id;
};

using response = http::response<http::string_body>;

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

bool is_http_error(const beast::error_code& ec) {
  return ec.category() == beast::error_code(http::error::bad_method).category();
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
        accept_retry(ex) {}

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

  void start();
  void stop();
  static asio::awaitable<void> accept_loop(std::shared_ptr<impl> self);
  static asio::awaitable<void> serve(std::shared_ptr<impl> self, std::shared_ptr<connection> conn);
  static asio::awaitable<void> serve_requests(impl& self, connection& conn);
  static asio::awaitable<void> reply_and_close(connection& conn, http_response answer);
  static asio::awaitable<void> drain_until_closed(connection& conn);
};

void http_server::impl::start() {
  if (started) throw std::logic_error("flowcore::stub::server::start() called twice");
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
  if (co_await conn->stream.handshake()) co_return;  // wrong CA, plain HTTP on TLS, scans
  co_await serve_requests(*self, *conn);
}

asio::awaitable<void> http_server::impl::serve_requests(impl& self, connection& conn) {
  beast::flat_buffer buffer;
  for (;;) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(header_limit);
    parser.body_limit(body_limit);

    // One read primitive for header and body (fewer Beast instantiations); between the
    // two, answer `Expect: 100-continue`, which curl waits for before a large body.
    beast::error_code ec;
    bool continue_sent = false;
    while (!ec && !parser.is_done()) {
      if (parser.is_header_done() && !continue_sent) {
        continue_sent = true;
        if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
          response go_on{http::status::continue_, 11};
          std::tie(ec, std::ignore) = co_await http::async_write(conn.stream, go_on, no_throw);
          if (ec) co_return;
        }
      }
      std::tie(ec, std::ignore) =
          co_await http::async_read_some(conn.stream, buffer, parser, no_throw);
    }
    if (ec) {
      // A peer that went away, between requests or mid-message, gets no answer. One that
      // sent what we cannot parse gets one, then the connection closes: the byte stream
      // can no longer be trusted.
      if (ec == http::error::header_limit)
        co_await reply_and_close(conn, message_answer(431, "request header too large"));
      else if (ec == http::error::body_limit)
        co_await reply_and_close(conn, message_answer(413, "request body too large"));
      else if (is_http_error(ec) && ec != http::error::end_of_stream &&
               ec != http::error::partial_message)
        co_await reply_and_close(conn, message_answer(400, "malformed HTTP request"));
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
      co_await serve_notification_socket(conn.stream, std::move(*upgrade), self.hub);
      co_return;
    }
    response res = to_beast(std::move(answer), keep_alive, head);
    std::tie(ec, std::ignore) = co_await http::async_write(conn.stream, res, no_throw);
    if (ec) co_return;
    if (!keep_alive) {
      co_await conn.stream.shutdown(tls_shutdown_budget);
      co_return;
    }
  }
}

asio::awaitable<void> http_server::impl::reply_and_close(connection& conn, http_response answer) {
  response res = to_beast(std::move(answer), false, false);
  auto [ec, written] = co_await http::async_write(conn.stream, res, no_throw);
  if (!ec) co_await conn.stream.shutdown(tls_shutdown_budget);
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
