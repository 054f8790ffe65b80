// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "transport/transport.hpp"

#include "transport/tls_context.hpp"

#include <flowcore/error.hpp>

#include <string>

namespace flowcore::detail {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

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
  if (std::string problem = header_problem(request); !problem.empty())
    co_return exchange_result{.ec = error::invalid_argument, .phase = "request", .detail = problem};
  if (where.tls) {
    if (error_code ec = ensure_tls_context()) {
      co_return exchange_result{.ec = ec,
                                .phase = "tls_setup",
                                .detail = ec == error::invalid_argument
                                              ? "ca_file could not be loaded"
                                              : "no system trust store"};
    }
  }
  int sent = 0;
  // At most one re-send, and only for a connection taken from the pool that failed
  // before any byte of an answer arrived: the server closed it while idle (PITFALLS 2.1).
  for (;;) {
    // Only a request that cannot be re-sent pays for the peek (see connection_pool.hpp).
    auto [queue_ec, lease] = co_await pool_.acquire(where, deadline, !request.idempotent);
    if (queue_ec) {
      co_return exchange_result{.ec = queue_ec,
                                .phase = "queue",
                                .detail = "waiting for a free connection",
                                .requests_sent = sent};
    }
    if (!lease.connection()) {
      auto opened = co_await http_connection::open(executor_, where, tls_, options_.budget,
                                                   deadline, options_.resolver);
      if (opened.ec) {
        co_return exchange_result{.ec = opened.ec,
                                  .phase = std::move(opened.phase),
                                  .detail = std::move(opened.detail),
                                  .requests_sent = sent};
      }
      lease.set(std::move(opened.connection));
    }
    auto trip = co_await lease.connection()->round_trip(request, where, options_.budget, deadline);
    sent += trip.result.requests_sent;
    trip.result.requests_sent = sent;
    if (!trip.result.ec) {
      lease.keep();
      co_return std::move(trip.result);
    }
    const bool stale = lease.reused() && sent == 1 && !trip.response_started &&
                       trip.result.ec == error::connection_failed &&
                       (trip.write_failed || request.idempotent);
    if (!stale) co_return std::move(trip.result);
    // The lease goes out of scope here: the stale connection is closed, its slot freed.
  }
}

void transport::shutdown() { pool_.shutdown(); }

}  // namespace flowcore::detail
