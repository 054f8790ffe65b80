// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One HTTP exchange with an origin: take a pooled connection or open one, send, read,
// and re-send once on a fresh connection when a reused one turns out stale.

#include "origin.hpp"
#include "transport/connection_pool.hpp"
#include "transport/http_types.hpp"

#include <flowcore/options.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <memory>
#include <optional>

namespace boost::asio::ssl {
class context;
}

namespace flowcore::detail {

struct transport_options {
  timeouts budget;
  std::size_t max_connections_per_origin = 16;
  std::string ca_file;
  std::chrono::milliseconds idle_timeout{4000};  ///< Under the usual 5 s server keep-alive.
  resolver_fn resolver;                          ///< Empty: the system resolver.
};

class transport {
 public:
  transport(boost::asio::any_io_executor ex, transport_options options);
  ~transport();

  /// One request/response. Never throws for I/O failures: they are in the result.
  boost::asio::awaitable<exchange_result> exchange(const origin& where, const http_request& request,
                                                   steady_clock::time_point deadline);
  /// The same, into the caller's `result`: the call path's form, which keeps one copy of
  /// the result in the caller's frame instead of one in each.
  boost::asio::awaitable<void> exchange(const origin& where, const http_request& request,
                                        steady_clock::time_point deadline, exchange_result& result);

  /// Closes idle connections and wakes queued callers with cancelled.
  void shutdown();

  /// Uses `context` for https origins instead of creating one: loading the system trust
  /// store is costly, and a notification stream's lookups share its WebSocket's context.
  void use_tls_context(std::shared_ptr<boost::asio::ssl::context> context) {
    tls_ = std::move(context);
  }

 private:
  boost::system::error_code ensure_tls_context();
  /// True when the request cannot be sent at all (a header over the limit or with CR, LF
  /// or NUL; no TLS context for an https origin), with `result` saying why.
  bool refused(const origin& where, const http_request& request, exchange_result& result);
  /// Fills `lease` when try_acquire() could not: waits in line if it is empty, then opens a
  /// connection if it holds a free slot. False, with `result` saying why, on failure.
  boost::asio::awaitable<bool> wait_or_open(std::optional<connection_lease>& lease,
                                            const origin& where, steady_clock::time_point deadline,
                                            bool check_peer, exchange_result& result);

  boost::asio::any_io_executor executor_;
  transport_options options_;
  std::shared_ptr<boost::asio::ssl::context> tls_;  // created on the first https origin
  connection_pool pool_;
};

}  // namespace flowcore::detail
