// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "client_impl.hpp"

#include "call_failure.hpp"
#include "call_registration.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/strand.hpp>
#include <boost/assert.hpp>

#include <vector>

namespace flowcore {

namespace detail {

namespace {

transport_options transport_options_from(const client_options& o) {
  return transport_options{.budget = o.timeouts,
                           .max_connections_per_origin = o.max_connections_per_origin,
                           .ca_file = o.ca_file,
                           .idle_timeout = o.pool_idle_timeout};
}

}  // namespace

boost::asio::any_io_executor client_strand(const boost::asio::any_io_executor& ex) {
  namespace asio = boost::asio;
  if (ex.target<asio::strand<asio::io_context::executor_type>>() ||
      ex.target<asio::strand<asio::any_io_executor>>())
    return ex;
  // Over an io_context's own executor type, not over the type-erased one: a strand of
  // any_io_executor hands each handler to the io_context through type erasure, which
  // allocates (measured: 20 allocations more per call; BENCHMARKS.md "Threads").
  if (const auto* io = ex.target<asio::io_context::executor_type>()) return asio::make_strand(*io);
  return asio::make_strand(ex);
}

client_impl::client_impl(const boost::asio::any_io_executor& ex, client_options opts)
    : executor_(client_strand(ex)),
      options_(std::move(opts)),
      transport_(executor_, transport_options_from(options_)),
      rng_(std::random_device{}()) {
  if (!options_.base_url.empty()) {
    base_ = parse_base_url(options_.base_url);
    base_valid_ = base_.has_value();
  }
  if (const auto* key = std::get_if<api_key>(&options_.credentials)) {
    key_ = parse_api_key(*key);
    secrets_.add_secret(key->key);
    if (key_) {
      secrets_.add_secret(key_->secret);
      api_key_header_ = api_key_authorization(*key_);
    }
  }
}

bool client_impl::running_in_strand() const noexcept {
  namespace asio = boost::asio;
  if (const auto* s = executor_.target<asio::strand<asio::io_context::executor_type>>())
    return s->running_in_this_thread();
  if (const auto* s = executor_.target<asio::strand<asio::any_io_executor>>())
    return s->running_in_this_thread();
  return false;
}

credentials_mode client_impl::mode() const noexcept {
  return std::holds_alternative<bearer_token>(options_.credentials) ? credentials_mode::bearer
                                                                    : credentials_mode::api_key;
}

const std::optional<origin>& client_impl::base_origin() const {
  // The URL itself may be a typo of a secret-free thing; it is still not echoed whole.
  if (!base_valid_)
    fail(error::invalid_argument,
         "client_options::base_url must be http://host[:port] or https://host[:port]");
  return base_;
}

const parsed_api_key& client_impl::checked_api_key() const {
  if (!key_) fail(error::invalid_argument, "invalid api key");
  // The longer of the two forms sent ("ApiKey <id>:<key>"; ingestion sends the raw key)
  // must fit one header; the transport would refuse it anyway, but not naming the key.
  const std::size_t header = api_key_header_.size();
  if (header > max_header_bytes)
    fail(error::invalid_argument,
         "the API key is too large for an HTTP header (" + std::to_string(key_->key.size()) +
             " bytes; the Authorization header would be " + std::to_string(header) +
             " bytes, limit " + std::to_string(max_header_bytes) + ")");
  return *key_;
}

std::shared_ptr<const std::string> client_impl::bearer_header(std::string_view token) {
  if (!bearer_header_ || token != bearer_token_) {
    bearer_token_ = token;
    bearer_header_ = std::make_shared<const std::string>(bearer_authorization(token));
  }
  return bearer_header_;
}

void client_impl::check_options() const {
  using std::chrono::milliseconds;
  const timeouts& t = options_.timeouts;
  for (auto [value, name] : {std::pair{t.resolve, "resolve"},
                             {t.connect, "connect"},
                             {t.tls_handshake, "tls_handshake"},
                             {t.write, "write"},
                             {t.read_headers, "read_headers"},
                             {t.read_body, "read_body"}}) {
    if (value <= milliseconds::zero())
      fail(error::invalid_argument,
           std::string("client_options::timeouts::") + name + " must be positive");
  }
  if (options_.deadline <= milliseconds::zero())
    fail(error::invalid_argument, "client_options::deadline must be positive");
  if (options_.retry.max_retries < 0 || options_.retry.delay < milliseconds::zero() ||
      options_.retry.max_delay < milliseconds::zero())
    fail(error::invalid_argument, "client_options::retry has a negative field");
  if (options_.max_connections_per_origin == 0)
    fail(error::invalid_argument, "client_options::max_connections_per_origin must be at least 1");
  if (options_.pool_idle_timeout <= milliseconds::zero())
    fail(error::invalid_argument, "client_options::pool_idle_timeout must be positive");
}

void client_impl::cancel_all() {
  BOOST_ASSERT(running_in_strand());
  // From the start of the list each time: a cancellation may end its call (and others)
  // at once, unlinking them, so no position in the list survives an emit.
  for (;;) {
    call_registration* r = calls;
    while (r && r->cancelled()) r = r->next();
    if (!r) return;
    r->cancel();
  }
}

double client_impl::random01() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }

std::shared_ptr<client_impl> client_access::impl(const client& c) { return c.impl_; }

}  // namespace detail

client::client(executor_type ex, client_options options, construct_tag)
    : impl_(std::make_shared<detail::client_impl>(std::move(ex), std::move(options))),
      // Calls hold impl_, not this token: when the last handle goes, the token's deleter
      // runs while calls may still be in flight, and cancels them.
      last_handle_(nullptr, [impl = std::weak_ptr<detail::client_impl>(impl_)](void*) {
        // The last handle may go on any thread; the calls live on the client's strand.
        if (auto alive = impl.lock()) {
          const auto strand = alive->executor();
          boost::asio::dispatch(strand, [alive = std::move(alive)] { alive->cancel_all(); });
        }
      }) {}

client::executor_type client::get_executor() const noexcept { return impl_->executor(); }

}  // namespace flowcore
