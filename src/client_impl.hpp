// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What a fc::client handle shares: options checked once, the transport (pool, TLS),
// the tenant-instance cache, the random source for jitter.

#include "auth_headers.hpp"
#include "origin.hpp"
#include "redact.hpp"
#include "tenant_instance_cache.hpp"
#include "transport/transport.hpp"

#include <flowcore/client.hpp>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <random>
#include <string>

namespace flowcore::detail {

class call_registration;

/// The strand a client runs on, made from the executor it was given: that executor itself
/// when it is a strand already (the common `make_strand(io_context)`, so a caller on it
/// never hops), else a new strand over it. A strand, always: the client's state (pool,
/// caches, calls in flight) is touched only from there, and callers on other threads or
/// executors are carried over to it (docs/design.md "Threads").
boost::asio::any_io_executor client_strand(const boost::asio::any_io_executor& ex);

enum class credentials_mode { api_key, bearer };

class client_impl {
 public:
  /// `ex` is the executor the client was given; the client runs on a strand of it (see
  /// client_strand).
  client_impl(const boost::asio::any_io_executor& ex, client_options opts);

  /// The client's strand: every call, connection and timer of the client runs on it.
  const boost::asio::any_io_executor& executor() const noexcept { return executor_; }
  /// Whether this thread runs inside the client's strand now. For assertions.
  bool running_in_strand() const noexcept;
  const client_options& options() const noexcept { return options_; }
  credentials_mode mode() const noexcept;

  /// The base URL's origin; nullopt when none is set. Fails (invalid_argument) when
  /// `base_url` is malformed.
  const std::optional<origin>& base_origin() const;
  /// The checked API key; fails (invalid_argument, "invalid api key") when malformed.
  const parsed_api_key& checked_api_key() const;
  /// "ApiKey <id>:<key>", built once. Valid after checked_api_key() succeeded.
  const std::string& api_key_header() const noexcept { return api_key_header_; }
  /// "Bearer <token>", built once per token: until another token comes, the same value.
  /// Shared, so that a call keeps its own while another call brings a new token.
  std::shared_ptr<const std::string> bearer_header(std::string_view token);
  /// The options must be sane: positive budgets, a deadline, retries >= 0.
  void check_options() const;

  transport& http() noexcept { return transport_; }
  tenant_instance_cache& instance_cache() noexcept { return instance_cache_; }
  const redactor& secrets() const noexcept { return secrets_; }
  /// A uniform draw in [0, 1) for jitter.
  double random01();

  /// Tests replace real sleeps (retry waits, polls) with this to run on a fake clock.
  std::function<boost::asio::awaitable<void>(std::chrono::milliseconds)> sleep_override;
  /// Tests replace the clock the delete/truncate wait reads (with sleep_override, the
  /// whole wait runs on a fake clock).
  std::function<steady_clock::time_point()> clock_override;
  steady_clock::time_point now() const {
    return clock_override ? clock_override() : steady_clock::now();
  }

  /// The calls in flight: the first of an intrusive list of their registrations
  /// (call_registration.hpp), so that registering a call allocates nothing.
  call_registration* calls = nullptr;
  /// The last fc::client handle is gone: every call in flight ends with cancelled, without
  /// waiting for its deadline, which could be long after its client was dropped. The calls
  /// still finish and call their handlers.
  void cancel_all();

 private:
  boost::asio::any_io_executor executor_;
  client_options options_;
  std::optional<origin> base_;
  bool base_valid_ = true;
  std::optional<parsed_api_key> key_;
  std::string api_key_header_;
  std::string bearer_token_;
  std::shared_ptr<const std::string> bearer_header_;
  redactor secrets_;
  transport transport_;
  tenant_instance_cache instance_cache_;
  std::mt19937_64 rng_;
};

/// Access to a client's shared state, for tests and for the notification stream's lookups.
struct client_access {
  static std::shared_ptr<client_impl> impl(const client& c);
};

}  // namespace flowcore::detail
