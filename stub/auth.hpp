// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The shape check of the Authorization header (docs/protocol.md sections 3.1 and 13.2 step
// 4). Values are never checked against anything: the stub enforces no modes.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

/// What a well-formed Authorization header presented.
struct presented_credentials {
  enum class scheme { bearer, api_key, raw_key } kind;
  std::string api_key_id;  ///< The <id> of `ApiKey <id>:<key>`; empty otherwise.
};

/// Ingestion (`/event/...`, `/events/...`) sends the raw key; everything else a scheme.
bool is_ingestion_path(const std::vector<std::string>& segments);

/// REST: `Bearer <token>` or `ApiKey <id>:<key>`; ingestion: the raw key. Tokens, ids and
/// keys are non-empty without whitespace. nullopt: answer 401.
std::optional<presented_credentials> check_authorization(std::optional<std::string_view> header,
                                                         bool ingestion);

}  // namespace flowcore::stub::detail
