// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The client's Beast HTTP translation unit (STYLE.md 3): heavy to compile, so everything
// else stays out. Opening the stream lives in byte_stream.cpp, shared with notifications.
#include "transport/http_connection.hpp"

#include "transport/byte_stream.hpp"

#include <flowcore/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

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

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);
constexpr std::size_t header_limit = 16 * 1024;  // PITFALLS.md 2.3

// The request's bytes, written into `out` (cleared first, its capacity kept): the request
// line, Host, User-Agent, Accept, the caller's headers in order, Authorization, then
// Content-Type and Content-Length when there is a body, and the body. Built by hand
// rather than with Beast's fields and serializer: one append per piece into a buffer the
// connection reuses, instead of an allocation per header and a buffer sequence walked per
// write. Values are copied as they are: the transport refused CR, LF and NUL in them.
void serialise_request(const http_request& request, const origin& where, std::string& out) {
  out.clear();
  auto line = [&out](std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
  };
  out.append(request.method).append(" ").append(request.target).append(" HTTP/1.1\r\n");
  out.append("Host: ");
  where.append_host_header(out);
  out.append("\r\n");
  line("User-Agent", "flowcore-cpp/" FLOWCORE_VERSION);
  line("Accept", "application/json");
  for (const auto& [name, value] : request.headers) line(name, value);
  if (!request.authorization.empty()) line("Authorization", request.authorization);
  if (request.body) {
    line("Content-Type", "application/json");
    // Content-Length: no chunked bodies (API-CONTRACT.md 3.1)
    line("Content-Length", std::to_string(request.body->size()));
  }
  out.append("\r\n");
  if (request.body) out.append(*request.body);
}

}  // namespace

struct http_connection::impl {
  explicit impl(byte_stream s) : io(std::move(s)) {}
  byte_stream io;
  beast::flat_buffer buffer;
  std::string request_bytes;  // reused by every request on this connection
  bool keep_alive = false;
};

http_connection::http_connection(std::unique_ptr<impl> p) : impl_(std::move(p)) {}
http_connection::~http_connection() {
  if (impl_) {
    error_code ignored;
    impl_->io.tcp().socket().close(ignored);
  }
}

asio::awaitable<http_connection::open_result> http_connection::open(
    asio::any_io_executor ex, origin where, std::shared_ptr<ssl::context> tls, timeouts budget,
    steady_clock::time_point deadline, resolver_fn resolver) {
  open_stream_result opened = co_await open_stream(std::move(ex), std::move(where), std::move(tls),
                                                   budget, deadline, std::move(resolver));
  open_result out{.ec = opened.ec, .phase = std::move(opened.phase),
                  .detail = std::move(opened.detail)};
  if (opened.stream) {
    // Non-blocking once, for peer_silent(): Asio's own operations do not mind, and setting
    // it per check would cost an ioctl each time.
    error_code ec;
    opened.stream->tcp().socket().non_blocking(true, ec);
    if (ec) {
      out.ec = error::connection_failed;
      out.phase = "connect";
      out.detail = ec.message();
      co_return out;
    }
    out.connection.reset(new http_connection(std::make_unique<impl>(std::move(*opened.stream))));
  }
  co_return out;
}

asio::awaitable<http_connection::round_trip_result> http_connection::round_trip(
    const http_request& request, const origin& where, const timeouts& budget,
    steady_clock::time_point deadline) {
  round_trip_result out;
  auto& result = out.result;
  result.requests_sent = 1;
  impl& c = *impl_;
  c.keep_alive = false;
  auto failed = [&](const error_code& ec, const char* phase) {
    result.ec = classify_transport_error(ec, phase);
    result.phase = phase;
    result.detail = transport_error_detail(ec, phase);
    return std::move(out);
  };

  serialise_request(request, where, c.request_bytes);
  c.io.tcp().expires_after(clip(budget.write, deadline));
  auto [write_ec, written] = co_await std::visit(
      [&](auto& s) { return asio::async_write(s, asio::buffer(c.request_bytes), no_throw); },
      c.io.stream);
  result.may_have_reached_server = true;
  if (write_ec) {
    out.write_failed = true;
    co_return failed(write_ec, "write");
  }

  http::response_parser<http::string_body> parser;
  parser.header_limit(header_limit);
  parser.body_limit(request.body_limit);
  c.io.tcp().expires_after(clip(budget.read_headers, deadline));
  auto [header_ec, header_bytes] = co_await std::visit(
      [&](auto& s) { return http::async_read_header(s, c.buffer, parser, no_throw); }, c.io.stream);
  out.response_started = header_bytes > 0 || c.buffer.size() > 0;
  if (header_ec) co_return failed(header_ec, "read_headers");

  // The body budget is per read: 30 s without progress, not 30 s in total.
  while (!parser.is_done()) {
    c.io.tcp().expires_after(clip(budget.read_body, deadline));
    auto [body_ec, body_bytes] = co_await std::visit(
        [&](auto& s) { return http::async_read_some(s, c.buffer, parser, no_throw); }, c.io.stream);
    if (body_ec) {
      // A TLS peer that drops the socket after a complete message is fine; before it,
      // the truncation is an error, never a short body (PITFALLS.md 1.2).
      if (body_ec == ssl::error::stream_truncated && parser.is_done()) break;
      co_return failed(body_ec, "read_body");
    }
  }
  c.io.tcp().expires_never();

  auto& res = parser.get();
  result.response.status = static_cast<int>(res.result_int());
  if (auto it = res.find(http::field::retry_after); it != res.end())
    result.response.retry_after = std::string(it->value());
  c.keep_alive = res.keep_alive() && !res.need_eof();
  result.response.body = std::move(res.body());
  co_return std::move(out);
}

bool http_connection::reusable() const {
  // Bytes read past the end of the answer belong to no request of ours (a second,
  // unasked response): left in the buffer, they would be taken as the next call's answer.
  return impl_->keep_alive && impl_->buffer.size() == 0 && impl_->io.tcp().socket().is_open();
}

bool http_connection::peer_silent() {
  // A peer that closed (FIN), reset, or sent anything unasked (a TLS alert, a stray
  // response) makes the connection unusable; only "nothing to read" means alive. The
  // socket is non-blocking since open(), so this is the one recv and no ioctl.
  error_code ec;
  char byte = 0;
  impl_->io.tcp().socket().receive(asio::buffer(&byte, 1), tcp::socket::message_peek, ec);
  return ec == asio::error::would_block;
}

}  // namespace flowcore::detail
