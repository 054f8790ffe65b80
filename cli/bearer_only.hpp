// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Commands that need a bearer token (API keys, secrets, variables). With an API key the
// library refuses them before any I/O with fc::error::not_allowed_in_mode, whose message
// ("not allowed in api key mode") does not say what to do instead; this one does. The
// status stays the same: exit 2, usage.

#include <flowcore/client.hpp>
#include <flowcore/error.hpp>

#include <boost/asio/awaitable.hpp>

namespace flowcore::cli {

// `cmd` must be a named object that outlives the co_await (see the GCC 12 note in client.hpp).
template <class Command>
boost::asio::awaitable<typename Command::result_type> execute_with_token(flowcore::client& client,
                                                                         const Command& cmd) {
  try {
    co_return co_await client.execute(cmd);
  } catch (const flowcore::client_error& error) {
    if (error.code() != flowcore::error::not_allowed_in_mode) throw;
    flowcore::diagnostics diagnostics = error.diagnostics();
    diagnostics.message =
        "needs a bearer token: set FLOWCORE_TOKEN (or pass --token) instead of an API key";
    throw flowcore::client_error(error.code(), diagnostics);
  }
}

}  // namespace flowcore::cli
