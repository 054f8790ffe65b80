// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief Credentials: an API key or a bearer-token provider.

#include <boost/asio/awaitable.hpp>

#include <functional>
#include <string>
#include <variant>

namespace flowcore {

/// @brief API-key credentials (api-key mode).
///
/// A key of the form `fc_<id>_<secret>` carries its own id; a legacy key needs `id`.
/// A malformed key makes every call using it fail with `fc::error::invalid_argument`
/// before any I/O; the key never appears in the error.
struct api_key {
  std::string key;  ///< `fc_<id>_<secret>`, or a legacy key together with `id`.
  std::string id;   ///< Legacy explicit key id; empty: taken from `key`.
};

/// @brief Bearer-token credentials (bearer mode).
///
/// `provider` is awaited once per HTTP attempt (each retry, lookup and poll is an attempt)
/// and once more after a 401. A provider that throws anything, or returns an empty token or
/// one with whitespace or control characters, fails the call with `fc::error::auth_failed`,
/// unsent and unretried. The wait for it ends at the call's deadline (`fc::error::timeout`,
/// phase "token") or its cancellation, whether or not the provider honours cancellation;
/// a notification stream bounds it by `connect_timeout`. A provider still running then is
/// sent a terminal cancellation and abandoned.
struct bearer_token {
  std::function<boost::asio::awaitable<std::string>()> provider;  ///< Returns a fresh token.
};

/// @brief The credentials a client or stream authenticates with.
using credentials = std::variant<api_key, bearer_token>;

}  // namespace flowcore
