// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The server's own words from an error answer (docs/protocol.md section 5.6).

#include <flowcore/error.hpp>

#include <string>
#include <string_view>

namespace flowcore::detail {

/// The error body's `message` string, else its `error` string, else the raw text;
/// redacted and cut to 512 bytes. Never throws, whatever the body.
std::string server_message_from_body(std::string_view body);

/// A non-2xx status after retries: fc::error::not_found for a 404 when the command maps
/// 404s (the table of docs/protocol.md section 5.4), else fc::error::http_status.
error error_for_status(int status, bool maps_404) noexcept;

}  // namespace flowcore::detail
