// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The only translation unit of the client that instantiates Beast and asio::ssl
// operations (STYLE.md 3): it is heavy to compile, so everything else stays out.
#include "transport/http_connection.hpp"

#include <flowcore/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

#include <tuple>
#include <variant>

#ifndef FLOWCORE_VERSION
#define FLOWCORE_VERSION "0"
#endif

namespace flowcore::detail {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using std::chrono::milliseconds;

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t header_limit = 16 * 1024;  // PITFALLS.md 2.3

// The phase budget, clipped to what is left of the call's deadline.
steady_clock::duration clip(milliseconds phase, steady_clock::time_point deadline) {
  auto left = deadline - steady_clock::now();
  if (left < steady_clock::duration::zero()) left = steady_clock::duration::zero();
  return std::min<steady_clock::duration>(phase, left);
}

// Maps what Asio, Beast and OpenSSL report to the contract's error kinds (3.3).
error classify(const error_code& ec, std::string_view phase) {
  if (ec == beast::error::timeout) return error::timeout;
  if (ec == asio::error::operation_aborted) return error::cancelled;
  if (ec == http::error::body_limit || ec == http::error::header_limit ||
      ec == http::error::buffer_overflow)
    return error::invalid_response;
  if (ec.category() == error_code(http::error::end_of_stream).category() &&
      ec != http::error::end_of_stream && ec != http::error::partial_message)
    return error::invalid_response;  // not HTTP: a malformed status line or header
  if (phase == "tls_handshake" && ec.category() == asio::error::get_ssl_category())
    return error::tls_failed;
  if (phase == "tls_handshake" && ec == ssl::error::stream_truncated) return error::tls_failed;
  return error::connection_failed;
}

std::string phase_detail(const error_code& ec, std::string_view phase) {
  if (ec == beast::error::timeout) return std::string(phase) + " budget expired";
  return ec.message();
}

}  // namespace

struct http_connection::impl {
  using plain_stream = beast::tcp_stream;
  using tls_stream = ssl::stream<beast::tcp_stream>;

  explicit impl(asio::any_io_executor ex) : stream(std::in_place_index<0>, ex) {}
  impl(asio::any_io_executor ex, ssl::context& ctx) : stream(std::in_place_index<1>, ex, ctx) {}

  beast::tcp_stream& tcp() {
    return std::visit([](auto& s) -> beast::tcp_stream& { return beast::get_lowest_layer(s); },
                      stream);
  }

  std::variant<plain_stream, tls_stream> stream;
  std::shared_ptr<ssl::context> tls;  // keeps the context alive as long as the stream
  beast::flat_buffer buffer;
  bool keep_alive = false;
};

http_connection::http_connection(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
http_connection::~http_connection() {
  if (impl_) {
    error_code ignored;
    impl_->tcp().socket().close(ignored);
  }
}

namespace {

struct resolve_state {
  explicit resolve_state(asio::any_io_executor ex) : timer(ex) {}
  asio::steady_timer timer;
  bool done = false;
  error_code ec;
  std::vector<tcp::endpoint> endpoints;
};

// getaddrinfo runs on a private thread and cannot be cancelled (PITFALLS.md 3.1): the
// lookup writes into shared state and we wait on a timer, abandoning a lookup that
// outlives its budget. The state lives until the lookup finally completes.
asio::awaitable<error_code> resolve_within(std::string host, std::uint16_t port,
                                           steady_clock::duration budget,
                                           const resolver_fn& resolver,
                                           std::vector<tcp::endpoint>& out) {
  auto ex = co_await asio::this_coro::executor;
  auto state = std::make_shared<resolve_state>(ex);
  auto done = [state](error_code ec, std::vector<tcp::endpoint> endpoints) {
    if (state->done) return;
    state->done = true;
    state->ec = ec;
    state->endpoints = std::move(endpoints);
    state->timer.cancel();
  };
  // The expiry is set before resolving: a resolver may complete inline (the test hook
  // can), and its cancel() must find the timer already armed, or the wait would run
  // the whole budget.
  state->timer.expires_after(budget);
  if (resolver) {
    resolver(host, port, done);
  } else {
    auto system = std::make_shared<tcp::resolver>(ex);
    system->async_resolve(host, std::to_string(port),
                          [system, done](error_code ec, tcp::resolver::results_type results) {
                            std::vector<tcp::endpoint> endpoints;
                            for (const auto& entry : results) endpoints.push_back(entry.endpoint());
                            done(ec, std::move(endpoints));
                          });
  }
  error_code wait_ec;
  if (!state->done) std::tie(wait_ec) = co_await state->timer.async_wait(no_throw);
  if (!state->done)
    co_return wait_ec == asio::error::operation_aborted ? error_code(asio::error::operation_aborted)
                                                        : error_code(beast::error::timeout);
  if (state->ec) co_return state->ec;
  if (state->endpoints.empty()) co_return error_code(asio::error::host_not_found);
  out = std::move(state->endpoints);
  co_return error_code{};
}

}  // namespace

asio::awaitable<http_connection::open_result> http_connection::open(
    asio::any_io_executor ex, origin where, std::shared_ptr<ssl::context> tls, timeouts budget,
    steady_clock::time_point deadline, resolver_fn resolver) {
  open_result out;
  auto failed = [&](const error_code& ec, const char* phase) {
    out.ec = classify(ec, phase);
    out.phase = phase;
    out.detail = phase_detail(ec, phase);
    return std::move(out);
  };

  std::vector<tcp::endpoint> endpoints;
  if (where.host_is_ip_literal()) {
    endpoints.emplace_back(asio::ip::make_address(where.host), where.port);
  } else {
    error_code ec = co_await resolve_within(where.host, where.port, clip(budget.resolve, deadline),
                                            resolver, endpoints);
    if (ec) co_return failed(ec, "resolve");
  }

  auto conn = where.tls ? std::make_unique<impl>(ex, *tls) : std::make_unique<impl>(ex);
  conn->tls = tls;
  conn->tcp().expires_after(clip(budget.connect, deadline));
  auto [connect_ec, endpoint] = co_await conn->tcp().async_connect(endpoints, no_throw);
  if (connect_ec) co_return failed(connect_ec, "connect");
  conn->tcp().socket().set_option(tcp::no_delay(true));

  if (where.tls) {
    auto& stream = std::get<impl::tls_stream>(conn->stream);
    // SNI is for names only (RFC 6066 section 3); verification also covers IP literals.
    if (!where.host_is_ip_literal() &&
        !SSL_set_tlsext_host_name(stream.native_handle(), where.host.c_str()))
      co_return failed(
          error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()),
          "tls_handshake");
    stream.set_verify_mode(ssl::verify_peer);
    stream.set_verify_callback(ssl::host_name_verification(where.host));
    conn->tcp().expires_after(clip(budget.tls_handshake, deadline));
    auto [hs_ec] = co_await stream.async_handshake(ssl::stream_base::client, no_throw);
    if (hs_ec) co_return failed(hs_ec, "tls_handshake");
  }
  conn->tcp().expires_never();
  out.connection.reset(new http_connection(std::move(conn)));
  co_return std::move(out);
}

asio::awaitable<http_connection::round_trip_result> http_connection::round_trip(
    const http_request& request, const std::string& host_header, const timeouts& budget,
    steady_clock::time_point deadline) {
  round_trip_result out;
  auto& result = out.result;
  result.requests_sent = 1;
  impl& c = *impl_;
  c.keep_alive = false;
  auto failed = [&](const error_code& ec, const char* phase) {
    result.ec = classify(ec, phase);
    result.phase = phase;
    result.detail = phase_detail(ec, phase);
    return std::move(out);
  };

  http::request<http::string_body> req{http::string_to_verb(request.method), request.target, 11};
  req.set(http::field::host, host_header);
  req.set(http::field::user_agent, "flowcore-cpp/" FLOWCORE_VERSION);
  req.set(http::field::accept, "application/json");
  for (const auto& [name, value] : request.headers) req.set(name, value);
  if (request.body) {
    req.set(http::field::content_type, "application/json");
    req.body() = *request.body;
    req.prepare_payload();  // Content-Length: no chunked bodies (API-CONTRACT.md 3.1)
  }

  c.tcp().expires_after(clip(budget.write, deadline));
  auto [write_ec, written] =
      co_await std::visit([&](auto& s) { return http::async_write(s, req, no_throw); }, c.stream);
  result.may_have_reached_server = true;
  if (write_ec) {
    out.write_failed = true;
    co_return failed(write_ec, "write");
  }

  http::response_parser<http::string_body> parser;
  parser.header_limit(header_limit);
  parser.body_limit(request.body_limit);
  c.tcp().expires_after(clip(budget.read_headers, deadline));
  auto [header_ec, header_bytes] = co_await std::visit(
      [&](auto& s) { return http::async_read_header(s, c.buffer, parser, no_throw); }, c.stream);
  out.response_started = header_bytes > 0 || c.buffer.size() > 0;
  if (header_ec) co_return failed(header_ec, "read_headers");

  // The body budget is per read: 30 s without progress, not 30 s in total.
  while (!parser.is_done()) {
    c.tcp().expires_after(clip(budget.read_body, deadline));
    auto [body_ec, body_bytes] = co_await std::visit(
        [&](auto& s) { return http::async_read_some(s, c.buffer, parser, no_throw); }, c.stream);
    if (body_ec) {
      // A TLS peer that drops the socket after a complete message is fine; before it,
      // the truncation is an error, never a short body (PITFALLS.md 1.2).
      if (body_ec == ssl::error::stream_truncated && parser.is_done()) break;
      co_return failed(body_ec, "read_body");
    }
  }
  c.tcp().expires_never();

  auto& res = parser.get();
  result.response.status = static_cast<int>(res.result_int());
  if (auto it = res.find(http::field::retry_after); it != res.end())
    result.response.retry_after = std::string(it->value());
  c.keep_alive = res.keep_alive() && !res.need_eof();
  result.response.body = std::move(res.body());
  co_return std::move(out);
}

bool http_connection::reusable() {
  if (!impl_->keep_alive) return false;
  auto& socket = impl_->tcp().socket();
  if (!socket.is_open()) return false;
  // A peer that closed (FIN), reset, or sent anything unasked (a TLS alert, a stray
  // response) makes the connection unusable; only "nothing to read" means alive.
  error_code ec;
  socket.non_blocking(true, ec);
  if (ec) return false;
  char byte = 0;
  socket.receive(asio::buffer(&byte, 1), tcp::socket::message_peek, ec);
  return ec == asio::error::would_block;
}

}  // namespace flowcore::detail
