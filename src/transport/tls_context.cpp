// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "transport/tls_context.hpp"

#include <flowcore/error.hpp>

#include <boost/asio/ssl/context.hpp>

namespace flowcore::detail {

std::shared_ptr<boost::asio::ssl::context> make_client_tls_context(const std::string& ca_file,
                                                                   boost::system::error_code& ec) {
  namespace ssl = boost::asio::ssl;
  auto ctx = std::make_shared<ssl::context>(ssl::context::tls_client);
  ctx->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                   ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  ctx->set_verify_mode(ssl::verify_peer);
  // Succeeds even when no CA bundle is installed (the ca-certificates package): verification
  // then fails at handshake time with tls_failed, which is the safe outcome.
  ctx->set_default_verify_paths(ec);
  if (ec) {
    ec = error::tls_failed;
    return nullptr;
  }
  if (!ca_file.empty()) {
    ctx->load_verify_file(ca_file, ec);
    if (ec) {
      ec = error::invalid_argument;
      return nullptr;
    }
  }
  ec = {};
  return ctx;
}

}  // namespace flowcore::detail
