// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Opening a TCP or TLS stream (see byte_stream.hpp). Instantiates asio::ssl's handshake.
#include "transport/byte_stream.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/http/error.hpp>

#include <algorithm>
#include <tuple>

namespace flowcore::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;
using std::chrono::milliseconds;

steady_clock::time_point phase_end(milliseconds budget, steady_clock::time_point deadline) {
  return std::min(steady_clock::now() + budget, deadline);
}

error classify_transport_error(const error_code& ec, std::string_view phase) {
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

std::string transport_error_detail(const error_code& ec, std::string_view phase) {
  if (ec == beast::error::timeout) return std::string(phase) + " budget expired";
  return ec.message();
}

namespace {

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

struct resolve_state {
  explicit resolve_state(asio::any_io_executor ex) : timer(ex) {}
  asio::steady_timer timer;
  bool done = false;
  error_code ec;
  std::vector<tcp::endpoint> endpoints;
};

// getaddrinfo runs on a private thread and cannot be cancelled (Asio's async_resolve takes
// no cancellation slot, and its cancel() drops only lookups not yet started): the lookup
// writes into shared state and we wait on a timer, abandoning a lookup that outlives its
// budget. The state lives until the lookup finally completes.
asio::awaitable<error_code> resolve_within(std::string host, std::uint16_t port,
                                           steady_clock::time_point until,
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
  state->timer.expires_at(until);
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

asio::awaitable<open_stream_result> open_stream(
    asio::any_io_executor ex, origin where, std::shared_ptr<ssl::context> tls, timeouts budget,
    steady_clock::time_point deadline, resolver_fn resolver) {
  open_stream_result out;
  auto failed = [&](const error_code& ec, const char* phase) {
    out.ec = classify_transport_error(ec, phase);
    out.phase = phase;
    out.detail = transport_error_detail(ec, phase);
    return std::move(out);
  };

  std::vector<tcp::endpoint> endpoints;
  if (where.host_is_ip_literal()) {
    endpoints.emplace_back(asio::ip::make_address(where.host), where.port);
  } else {
    error_code ec = co_await resolve_within(
        where.host, where.port, phase_end(budget.resolve, deadline), resolver, endpoints);
    if (ec) co_return failed(ec, "resolve");
  }

  auto conn = where.tls ? std::make_unique<byte_stream>(ex, tls) : std::make_unique<byte_stream>(ex);
  conn->tcp().expires_at(phase_end(budget.connect, deadline));
  auto [connect_ec, endpoint] = co_await conn->tcp().async_connect(endpoints, no_throw);
  if (connect_ec) co_return failed(connect_ec, "connect");
  conn->tcp().socket().set_option(tcp::no_delay(true));

  if (where.tls) {
    auto& stream = *std::get<std::unique_ptr<byte_stream::tls_stream>>(conn->stream);
    // SNI is for names only (RFC 6066 section 3); verification also covers IP literals.
    if (!where.host_is_ip_literal() &&
        !SSL_set_tlsext_host_name(stream.native_handle(), where.host.c_str()))
      co_return failed(
          error_code(static_cast<int>(::ERR_get_error()), asio::error::get_ssl_category()),
          "tls_handshake");
    stream.set_verify_mode(ssl::verify_peer);
    stream.set_verify_callback(ssl::host_name_verification(where.host));
    conn->tcp().expires_at(phase_end(budget.tls_handshake, deadline));
    auto [hs_ec] = co_await stream.async_handshake(ssl::stream_base::client, no_throw);
    if (hs_ec) co_return failed(hs_ec, "tls_handshake");
  }
  conn->tcp().expires_never();
  out.stream = std::move(conn);
  co_return std::move(out);
}

}  // namespace flowcore::detail
