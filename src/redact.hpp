// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One redactor for every log line, diagnostic and exception text (docs/protocol.md
// section 11).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::detail {

/// Replaces secrets in free text with "***". Matching ignores case and errs towards
/// hiding too much:
/// - the values of query parameters `token`, `api_key`, `apiKey`, `key` (also when a
///   longer name ends with them after a non-alphanumeric byte: `access_token`),
///   `password`, `secret`;
/// - the value of `Authorization`, `Cookie`, `Set-Cookie` header lines (also
///   Proxy-Authorization and X-Api-Key; up to the end of the line, wherever it starts);
/// - the secret part of `fc_<id>_<secret>` keys (the id is kept: `fc_<id>_***`);
/// - the string values of JSON members "apiKey", "token", "value", "secret",
///   "configurationRepoCredentials" and "password", and of any member whose name ends with
///   token, secret, password, apikey, api_key, credentials, authorization or cookie
///   (plain JSON, or JSON quoted inside a JSON string).
std::string redact(std::string_view text);

/// A sample of text that came from outside (a response body, a frame, an exception's
/// message), safe to keep in diagnostics: redacted, then escaped into one inert line
/// (line feed, carriage return and tab as `\n` `\r` `\t`; other C0 controls, DEL, C1
/// controls and U+2028/U+2029 as `\uXXXX`), so that it can neither forge a log line nor
/// drive a terminal; then cut to at most `max_bytes` bytes in all (never inside a UTF-8
/// sequence or an escape), ending with "..." when it cut. Only a prefix of a huge text is
/// redacted and shown.
std::string redacted_sample(std::string_view text, std::size_t max_bytes = 512);

/// Redacts the generic patterns above plus every known secret (a client's own key or
/// the tokens its provider returned), wherever they appear.
class redactor {
 public:
  /// Remembers `secret` (ignored when shorter than 4 bytes, which would blank out text).
  /// Keeps the 32 most recent secrets, so that a client refreshing tokens for days does
  /// not grow without bound.
  void add_secret(std::string secret);
  std::string operator()(std::string_view text) const;
  /// True when no secret was added.
  bool empty() const noexcept { return secrets_.empty(); }

 private:
  std::vector<std::string> secrets_;
};

}  // namespace flowcore::detail
