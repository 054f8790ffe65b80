// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The client's Beast HTTP translation unit (STYLE.md 3): heavy to compile, so everything
// else stays out. Opening the stream lives in byte_stream.cpp, shared with notifications.
#include "transport/http_connection.hpp"

#include "transport/byte_stream.hpp"

#include <flowcore/error.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
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

}  // namespace

struct http_connection::impl {
  explicit impl(byte_stream s) : io(std::move(s)) {}
  byte_stream io;
  beast::flat_buffer buffer;
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
  if (opened.stream)
    out.connection.reset(new http_connection(std::make_unique<impl>(std::move(*opened.stream))));
  co_return out;
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
    result.ec = classify_transport_error(ec, phase);
    result.phase = phase;
    result.detail = transport_error_detail(ec, phase);
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

  c.io.tcp().expires_after(clip(budget.write, deadline));
  auto [write_ec, written] =
      co_await std::visit([&](auto& s) { return http::async_write(s, req, no_throw); }, c.io.stream);
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

bool http_connection::reusable() {
  if (!impl_->keep_alive) return false;
  // Bytes read past the end of the answer belong to no request of ours (a second,
  // unasked response): left in the buffer, they would be taken as the next call's answer.
  if (impl_->buffer.size() != 0) return false;
  auto& socket = impl_->io.tcp().socket();
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
