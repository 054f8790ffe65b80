// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "transport/transport.hpp"

#include "transport/tls_context.hpp"

#include <flowcore/error.hpp>

#include <string>

namespace flowcore::detail {

namespace asio = boost::asio;
using boost::system::error_code;

namespace {

// A header Beast cannot hold would throw while the request is assembled, after a
// connection was taken; refused here instead, naming the header and the limit. Header
// names are the library's own, so they are safe to print; values never are.
std::string oversized_header(const http_request& request) {
  const std::string limit =
      " bytes; an HTTP header holds at most " + std::to_string(max_header_bytes);
  for (const auto& [name, value] : request.headers) {
    if (name.size() > max_header_bytes)
      return "a header name is " + std::to_string(name.size()) + limit;
    if (value.size() > max_header_bytes)
      return "the " + name + " header is " + std::to_string(value.size()) + limit;
  }
  return {};
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
  if (std::string problem = oversized_header(request); !problem.empty())
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
  const std::string key = where.key();
  int sent = 0;
  // At most one re-send, and only for a connection taken from the pool that failed
  // before any byte of an answer arrived: the server closed it while idle (PITFALLS 2.1).
  for (;;) {
    auto [queue_ec, lease] = co_await pool_.acquire(key, deadline);
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
    auto trip = co_await lease.connection()->round_trip(request, where.host_header(),
                                                        options_.budget, deadline);
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
