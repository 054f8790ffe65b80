// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "transport/transport.hpp"

#include "transport/http_connection_impl.hpp"
#include "transport/tls_context.hpp"

#include <flowcore/error.hpp>
#include <flowcore/version.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/http.hpp>

#include <string>
#include <tuple>


namespace flowcore::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using boost::system::error_code;

namespace {

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);
// Beast's default is 8 KiB, which some proxies' headers pass; more is refused
// (invalid_response) and the connection closed.
constexpr std::size_t header_limit = 16 * 1024;

// The request's bytes, written into `out` (cleared first, its capacity kept): the request
// line, Host, User-Agent, Accept, the caller's headers in order, Authorization, then
// Content-Type and Content-Length when there is a body, and the body. Built by hand
// rather than with Beast's fields and serializer: one append per piece into a buffer the
// connection reuses, instead of an allocation per header and a buffer sequence walked per
// write. Values are copied as they are: header_problem() refused CR, LF and NUL in them.
void serialise_request(const http_request& request, const origin& where, std::string& out) {
  out.clear();
  auto line = [&out](std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
  };
  out.append(request.method).append(" ").append(request.target).append(" HTTP/1.1\r\n");
  out.append("Host: ");
  where.append_host_header(out);
  out.append("\r\n");
  line("User-Agent", "flowcore-cpp/" FLOWCORE_VERSION_STRING);
  line("Accept", "application/json");
  for (const auto& [name, value] : request.headers) line(name, value);
  if (!request.authorization.empty()) line("Authorization", request.authorization);
  if (request.body) {
    line("Content-Type", "application/json");
    // Content-Length, never chunked: the services do not take chunked request bodies.
    line("Content-Length", std::to_string(request.body->size()));
  }
  out.append("\r\n");
  if (request.body) out.append(*request.body);
}

// What makes the request's headers unsendable, or empty: a name or value over the limit
// (refused before a connection is taken, naming the header and the limit), or a CR, LF or
// NUL in a value, which would end the header early and let the rest pass for headers of
// its own. Header names are the library's own, so they are safe to print; values never
// are. Texts are built only when something is wrong.
std::string header_problem(const http_request& request) {
  auto problem = [](std::string_view name, std::string_view value) -> std::string {
    auto too_long = [](std::string what, std::size_t size) {
      return what + " is " + std::to_string(size) + " bytes; an HTTP header holds at most " +
             std::to_string(max_header_bytes);
    };
    if (name.size() > max_header_bytes) return too_long("a header name", name.size());
    if (value.size() > max_header_bytes)
      return too_long("the " + std::string(name) + " header", value.size());
    if (value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos)
      return "the " + std::string(name) + " header contains CR, LF or NUL";
    return {};
  };
  for (const auto& [name, value] : request.headers)
    if (std::string p = problem(name, value); !p.empty()) return p;
  return problem("Authorization", request.authorization);
}

}  // namespace

transport::transport(asio::any_io_executor ex, transport_options options)
    : executor_(std::move(ex)),
      options_(std::move(options)),
      pool_(options_.max_connections_per_origin, options_.idle_timeout) {}

transport::~transport() = default;

error_code transport::ensure_tls_context() {
  if (tls_) return {};
  error_code ec;
  tls_ = make_client_tls_context(options_.ca_file, ec);
  return ec;
}

asio::awaitable<exchange_result> transport::exchange(const origin& where,
                                                     const http_request& request,
                                                     steady_clock::time_point deadline) {
  exchange_result result;
  co_await exchange(where, request, deadline, result);
  co_return result;
}

bool transport::refused(const origin& where, const http_request& request, exchange_result& result) {
  if (std::string problem = header_problem(request); !problem.empty()) {
    result = exchange_result{.ec = error::invalid_argument, .phase = "request", .detail = problem};
    return true;
  }
  if (!where.tls) return false;
  const error_code ec = ensure_tls_context();
  if (!ec) return false;
  result = exchange_result{.ec = ec,
                           .phase = "tls_setup",
                           .detail = ec == error::invalid_argument ? "ca_file could not be loaded"
                                                                   : "no system trust store"};
  return true;
}

asio::awaitable<bool> transport::wait_or_open(std::optional<connection_lease>& lease,
                                              const origin& where,
                                              steady_clock::time_point deadline, bool check_peer,
                                              exchange_result& result) {
  if (!lease) {
    auto [queue_ec, granted] = co_await pool_.wait_in_line(where, deadline, check_peer);
    if (queue_ec) {
      result = exchange_result{
          .ec = queue_ec, .phase = "queue", .detail = "waiting for a free connection"};
      co_return false;
    }
    lease.emplace(std::move(granted));
  }
  if (lease->connection()) co_return true;
  auto opened = co_await http_connection::open(executor_, where, tls_, options_.budget, deadline,
                                               options_.resolver);
  if (opened.ec) {
    result = exchange_result{
        .ec = opened.ec, .phase = std::move(opened.phase), .detail = std::move(opened.detail)};
    co_return false;
  }
  lease->set(std::move(opened.connection));
  co_return true;
}

// The frame of this coroutine is alive for as long as a call waits for its answer, so
// it holds little: whatever does not wait (checks, opening, parsing) is in functions of
// its own, and the connection holds the buffers and the parser.
asio::awaitable<void> transport::exchange(const origin& where, const http_request& request,
                                          steady_clock::time_point deadline,
                                          exchange_result& result) {
  if (refused(where, request, result)) co_return;
  int sent = 0;
  // At most one re-send, and only for a connection taken from the pool that failed
  // before any byte of an answer arrived: the server closed it while idle.
  for (;;) {
    // Only a request that cannot be re-sent pays for the peek (see connection_pool.hpp).
    const bool check_peer = !request.idempotent;
    std::optional<connection_lease> lease = pool_.try_acquire(where, check_peer);
    if (!lease || !lease->connection()) {
      if (!co_await wait_or_open(lease, where, deadline, check_peer, result)) {
        result.requests_sent = sent;
        co_return;
      }
    }

    // One request and its answer, every phase under its own budget clipped to the deadline
    // (no phase may wait without the connection's timer watching). On any failure the
    // connection is discarded with the lease.
    ++sent;
    result = exchange_result{.requests_sent = sent};
    http_connection::impl& c = lease->connection()->state();
    c.keep_alive = false;
    serialise_request(request, where, c.request_bytes);

    // Most requests fit the socket's send buffer: written at once, nothing to wait for.
    error_code ec;
    const char* phase = "write";
    const std::size_t written = c.io.write_now(asio::buffer(c.request_bytes), ec);
    result.may_have_reached_server = true;
    if (!ec && written < c.request_bytes.size()) {
      c.watch_phase(phase, phase_end(options_.budget.write, deadline));
      std::tie(ec, std::ignore) = co_await c.io.visit([&](auto& s) {
        return asio::async_write(s, asio::buffer(c.request_bytes) + written, no_throw);
      });
    } else if (!ec) {
      // The answer cannot be there yet. Reading at once would cost a recv that finds
      // nothing (Asio tries a read before it waits for the socket); letting the handlers
      // that are ready run first gives the server that time, as an asynchronous write would.
      co_await asio::post(asio::use_awaitable);
    }
    const bool write_failed = bool(ec);

    // The answer, parsed as it arrives. read_headers bounds everything up to the last
    // header line; read_body bounds each read after it (30 s without progress, not 30 s in
    // all).
    auto& parser = c.parser.emplace();
    parser.eager(true);
    parser.header_limit(header_limit);
    parser.body_limit(request.body_limit);
    bool response_started = false;
    if (!ec) {
      phase = "read_headers";
      c.watch_phase(phase, phase_end(options_.budget.read_headers, deadline));
    }
    while (!ec) {
      if (c.buffer.size() > 0) {
        const std::size_t used = parser.put(c.buffer.data(), ec);
        c.buffer.consume(used);
        if (parser.is_done()) break;
        if (!ec && used > 0) continue;  // a part parsed; the rest is in the buffer
        if (ec && ec != http::error::need_more) {
          phase = parser.is_header_done() ? "read_body" : "read_headers";
          break;  // not HTTP, or over a limit
        }
        ec = {};
      }
      if (parser.is_header_done()) {
        phase = "read_body";
        c.watch_phase(phase, phase_end(options_.budget.read_body, deadline));
      }
      auto [read_ec, n] = co_await c.io.visit([&](auto& s) {
        return s.async_read_some(c.buffer.prepare(beast::read_size(c.buffer, 65536)), no_throw);
      });
      c.buffer.commit(n);
      response_started = response_started || n > 0;
      ec = read_ec;
      if (ec == asio::error::eof) {
        // The peer closed: the end of an answer delimited by the close, else a failure.
        ec = parser.got_some() ? error_code{} : error_code(http::error::end_of_stream);
        if (!ec) parser.put_eof(ec);
        if (!ec) break;
      }
    }
    c.end_watch();

    if (!ec) {
      auto& res = parser.get();
      result.response.status = static_cast<int>(res.result_int());
      if (auto it = res.find(http::field::retry_after); it != res.end())
        result.response.retry_after = std::string(it->value());
      c.keep_alive = res.keep_alive() && !res.need_eof();
      result.response.body = std::move(res.body());
      c.parser.reset();  // its header fields, freed while the connection waits
      lease->keep();
      co_return;
    }
    if (const char* expired = c.watch.expired()) {
      phase = expired;
      ec = beast::error::timeout;
    }
    result.ec = classify_transport_error(ec, phase);
    result.phase = phase;
    result.detail = transport_error_detail(ec, phase);
    const bool stale = lease->reused() && sent == 1 && !response_started &&
                       result.ec == error::connection_failed &&
                       (write_failed || request.idempotent);
    if (!stale) co_return;
    // The lease goes with this iteration: the stale connection is closed, its slot freed.
  }
}

void transport::shutdown() { pool_.shutdown(); }

}  // namespace flowcore::detail
