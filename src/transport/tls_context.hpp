// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The client's TLS context (docs/protocol.md section 8.1): peer verification on, the
// system trust store, plus an optional CA file. A client context starts at verify_none, so
// verification is switched on here; never a fallback to verify_none.

#include <boost/system/error_code.hpp>

#include <memory>
#include <string>

namespace boost::asio::ssl {
class context;
}

namespace flowcore::detail {

/// Creates the context; a CA file that cannot be loaded fails with invalid_argument.
std::shared_ptr<boost::asio::ssl::context> make_client_tls_context(const std::string& ca_file,
                                                                   boost::system::error_code& ec);

}  // namespace flowcore::detail
