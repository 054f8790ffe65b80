// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Credential parsing and Authorization header values (docs/protocol.md section 3.1). Pure
// functions.

#include <flowcore/auth.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace flowcore::detail {

/// An API key checked and split: `id` is the key id, `key` the full key as sent.
struct parsed_api_key {
  std::string id;
  std::string key;
  /// What must never be shown: the `<secret>` of `fc_<id>_<secret>`, or a legacy key whole.
  /// A server may echo it alone, without the `fc_<id>_` that marks a key in text.
  std::string secret;
};

/// `fc_<id>_<secret>` (exactly three `_`-separated parts, the first "fc", the others
/// non-empty) gives id = `<id>`, key = the whole text. With an explicit legacy id the
/// key is taken as it is, only required to be non-empty. Anything else: nullopt.
/// In every form, a key or id holding a space, tab or other control byte, or an id holding
/// ':', is rejected too: it would break or shift the Authorization header.
std::optional<parsed_api_key> parse_api_key(const api_key& credentials);

/// "ApiKey <id>:<key>".
std::string api_key_authorization(const parsed_api_key& key);

/// "Bearer <token>".
std::string bearer_authorization(std::string_view token);

/// Query parameters of the notification upgrade: "api_key=<key>" plus
/// "&api_key_id=<id>" for a legacy key, values percent-encoded.
std::string api_key_query(const parsed_api_key& key, bool legacy_id);

}  // namespace flowcore::detail
