// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "redact.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

// Hand-written scanners rather than std::regex: libstdc++'s regex is slow and recursive,
// so a long body can exhaust the stack. Each pass below reads its input once, left to
// right, and copies it with the secrets replaced; redaction errs on the side of hiding
// too much, never too little.

namespace flowcore::detail {
namespace {

constexpr std::string_view mask = "***";

char to_lower(char c) noexcept {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_alnum(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// Case-insensitive ASCII match of `word` (lower case) at text[pos].
bool matches_at(std::string_view text, std::size_t pos, std::string_view word) noexcept {
  if (pos > text.size() || text.size() - pos < word.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (to_lower(text[pos + i]) != word[i]) return false;
  return true;
}

bool ends_with_ignoring_case(std::string_view text, std::string_view suffix) noexcept {
  return text.size() >= suffix.size() && matches_at(text, text.size() - suffix.size(), suffix);
}

std::size_t skip_blanks(std::string_view text, std::size_t pos) noexcept {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos;
}

std::size_t skip_whitespace(std::string_view text, std::size_t pos) noexcept {
  while (pos < text.size() && is_space(text[pos])) ++pos;
  return pos;
}

// --- Header lines: "Authorization: Bearer xyz" -> "Authorization: ***" ----------------

// Matched anywhere, not only at the start of a line, so that a header quoted inside a
// message is caught too. "authorization" also covers Proxy-Authorization, "cookie" covers
// Set-Cookie, "api-key" covers X-Api-Key.
constexpr std::array<std::string_view, 3> header_names = {"authorization", "cookie", "api-key"};

// If a header name followed by ':' starts at text[pos], the index just after the ':'.
std::size_t header_value_start(std::string_view text, std::size_t pos) noexcept {
  for (std::string_view name : header_names) {
    if (!matches_at(text, pos, name)) continue;
    const std::size_t colon = skip_blanks(text, pos + name.size());
    if (colon < text.size() && text[colon] == ':') return colon + 1;
  }
  return std::string_view::npos;
}

std::string redact_header_values(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t value_start = header_value_start(text, pos);
    if (value_start == std::string_view::npos) {
      out += text[pos++];
      continue;
    }
    // The whole rest of the line: a header value may hold spaces ("Bearer xyz") and
    // cookies hold ';' and '='.
    const std::size_t value = skip_blanks(text, value_start);
    std::size_t line_end = text.find_first_of("\r\n", value);
    if (line_end == std::string_view::npos) line_end = text.size();
    out.append(text.substr(pos, value - pos));
    if (line_end > value) out += mask;
    pos = line_end;
  }
  return out;
}

// --- JSON members: "apiKey":"..." -> "apiKey":"***" -----------------------------------

// Member names are compared ignoring case, and by suffix so that "accessToken",
// "clientSecret" or "configurationRepoCredentials" are covered as well.
constexpr std::array<std::string_view, 9> sensitive_member_suffixes = {
    "token",   "secret",      "password",      "apikey", "api_key",
    "api-key", "credentials", "authorization", "cookie"};

bool is_sensitive_member(std::string_view name) noexcept {
  // "value" is a Secret's or Variable's value; only the exact name, since e.g.
  // "defaultValue" is not a secret.
  if (name.size() == 5 && matches_at(name, 0, "value")) return true;
  return std::any_of(
      sensitive_member_suffixes.begin(), sensitive_member_suffixes.end(),
      [&](std::string_view suffix) { return ends_with_ignoring_case(name, suffix); });
}

// The index of the closing quote of a JSON string whose content starts at `pos`, or the
// end of the text when it is unterminated. A backslash escapes the next byte, so \" does
// not end the string.
std::size_t json_string_end(std::string_view text, std::size_t pos) noexcept {
  while (pos < text.size()) {
    if (text[pos] == '\\') {
      pos += 2;
    } else if (text[pos] == '"') {
      return pos;
    } else {
      ++pos;
    }
  }
  return text.size();
}

// Handles plain JSON ("apiKey" : "v") and JSON quoted inside a JSON string, as in a
// logged body (\"apiKey\":\"v\"), where the quotes are preceded by a backslash.
std::string redact_json_members(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0;  // text[0, copied) is already in `out`
  std::size_t open = text.find('"');
  while (open != std::string_view::npos) {
    const std::size_t close = text.find('"', open + 1);
    if (close == std::string_view::npos) break;
    std::string_view name = text.substr(open + 1, close - open - 1);
    if (!name.empty() && name.back() == '\\') name.remove_suffix(1);  // escaped form

    // Any quote may open a member name: trying each one keeps this simple and linear,
    // and never loses a name because an earlier string was misread.
    std::size_t next = close;
    if (is_sensitive_member(name)) {
      std::size_t p = skip_whitespace(text, close + 1);
      if (p < text.size() && text[p] == ':') {
        p = skip_whitespace(text, p + 1);
        std::size_t value_start = std::string_view::npos;
        std::size_t value_end = std::string_view::npos;
        if (p < text.size() && text[p] == '"') {
          value_start = p + 1;
          value_end = json_string_end(text, value_start);
          next = value_end + 1;
        } else if (p + 1 < text.size() && text[p] == '\\' && text[p + 1] == '"') {
          // Escaped form: the value ends at the next quote, whose backslash is kept.
          value_start = p + 2;
          const std::size_t quote = text.find('"', value_start);
          if (quote == std::string_view::npos) {
            value_end = text.size();
          } else if (quote > value_start && text[quote - 1] == '\\') {
            value_end = quote - 1;
          } else {
            value_end = quote;
          }
          next = quote == std::string_view::npos ? text.size() : quote + 1;
        }
        if (value_start != std::string_view::npos && value_end > value_start) {
          out.append(text.substr(copied, value_start - copied));
          out += mask;
          copied = value_end;
        }
      }
    }
    open = next < text.size() ? text.find('"', next) : std::string_view::npos;
  }
  out.append(text.substr(copied));
  return out;
}

// --- Query parameters: "?token=abc&x=1" -> "?token=***&x=1" ---------------------------

// "key" also covers api_key and any "..._key"; "token" covers access_token.
constexpr std::array<std::string_view, 6> query_names = {"token",    "api_key", "apikey",
                                                         "password", "secret",  "key"};

// A value ends where a URL, cookie or quoted string would end it.
bool ends_query_value(char c) noexcept {
  return c == '&' || c == '#' || c == ';' || c == '"' || c == '\'' || c == '<' || c == '>' ||
         c == '\\' || is_space(c);
}

// If a sensitive parameter name followed by '=' starts at text[pos], the index just after
// the '='. The name must not continue a longer word ("monkey=" is not "key=").
std::size_t query_value_start(std::string_view text, std::size_t pos) noexcept {
  if (pos > 0 && is_alnum(text[pos - 1])) return std::string_view::npos;
  for (std::string_view name : query_names) {
    const std::size_t equals = pos + name.size();
    if (matches_at(text, pos, name) && equals < text.size() && text[equals] == '=')
      return equals + 1;
  }
  return std::string_view::npos;
}

std::string redact_query_values(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t value = query_value_start(text, pos);
    if (value == std::string_view::npos) {
      out += text[pos++];
      continue;
    }
    std::size_t end = value;
    while (end < text.size() && !ends_query_value(text[end])) ++end;
    out.append(text.substr(pos, value - pos));
    if (end > value) out += mask;
    pos = end;
  }
  return out;
}

// --- API keys anywhere: "fc_<id>_<secret>" -> "fc_<id>_***" ---------------------------

bool is_key_id_char(char c) noexcept { return is_alnum(c) || c == '-'; }

// Generous on purpose: whatever might belong to the secret is hidden with it.
bool is_key_secret_char(char c) noexcept {
  return is_alnum(c) || c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '/' ||
         c == '=' || c == '%';
}

std::string redact_api_keys(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (matches_at(text, pos, "fc_") && (pos == 0 || !is_alnum(text[pos - 1]))) {
      std::size_t id_end = pos + 3;
      while (id_end < text.size() && is_key_id_char(text[id_end])) ++id_end;
      if (id_end > pos + 3 && id_end < text.size() && text[id_end] == '_') {
        const std::size_t secret = id_end + 1;
        std::size_t end = secret;
        while (end < text.size() && is_key_secret_char(text[end])) ++end;
        if (end > secret) {
          out.append(text.substr(pos, secret - pos));  // "fc_<id>_" is kept: ids are not secret
          out += mask;
          pos = end;
          continue;
        }
      }
    }
    out += text[pos++];
  }
  return out;
}

// Bytes to keep so that text[0, n) does not end inside a UTF-8 sequence: back off over
// continuation bytes (10xxxxxx) to the lead byte of the sequence that would be cut. A
// sequence has at most 3 of them; stopping there keeps binary garbage from emptying the
// sample.
std::size_t utf8_cut(std::string_view text, std::size_t n) noexcept {
  if (n >= text.size()) return text.size();
  for (int i = 0; i < 3 && n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80; ++i) --n;
  return n;
}

// --- Escaping: a sample is one line of inert text -------------------------------------

// The escape for the character starting at text[pos] when it could end a log line or
// drive a terminal (C0 controls, DEL, C1 controls such as NEL and CSI, and the Unicode
// line and paragraph separators), with the length of that character; else nothing.
std::pair<std::string, std::size_t> escape_at(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const std::size_t left = text.size() - pos;
  const auto hex4 = [](unsigned code) {
    constexpr char digits[] = "0123456789abcdef";
    std::string out = "\\u";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(code >> shift) & 0xF];
    return out;
  };
  const unsigned char c = byte(0);
  if (c == '\n') return {"\\n", 1};
  if (c == '\r') return {"\\r", 1};
  if (c == '\t') return {"\\t", 1};
  if (c < 0x20 || c == 0x7F) return {hex4(c), 1};
  if (c == 0xC2 && left >= 2 && byte(1) >= 0x80 && byte(1) <= 0x9F) return {hex4(byte(1)), 2};
  if (c == 0xE2 && left >= 3 && byte(1) == 0x80 && (byte(2) == 0xA8 || byte(2) == 0xA9))
    return {hex4(0x2000u | (byte(2) & 0x3Fu)), 3};  // U+2028, U+2029
  return {{}, 0};
}

// Bytes in the UTF-8 sequence that text[pos] leads, within the text; 1 for a stray byte.
std::size_t sequence_length(std::string_view text, std::size_t pos) noexcept {
  const unsigned char lead = static_cast<unsigned char>(text[pos]);
  std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
  n = std::min(n, text.size() - pos);
  for (std::size_t i = 1; i < n; ++i)
    if ((static_cast<unsigned char>(text[pos + i]) & 0xC0) != 0x80) return i;
  return n;
}

// Appends `text` to `out` with control characters escaped, whole characters and escapes
// only, while `out` stays within `limit` bytes. Returns true when all of it fit.
bool escape_into(std::string& out, std::string_view text, std::size_t limit) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto [escape, length] = escape_at(text, pos);
    std::string_view piece = escape.empty()
                                 ? text.substr(pos, length = sequence_length(text, pos))
                                 : std::string_view(escape);
    if (out.size() + piece.size() > limit) return false;
    out += piece;
    pos += length;
  }
  return true;
}

// A client keeps its own key and each token its provider returned; a long-lived client
// would otherwise grow this list without bound.
constexpr std::size_t max_known_secrets = 32;

}  // namespace

std::string redact(std::string_view text) {
  // Header values first: they run to the end of the line and so cover whatever the later
  // passes would find there.
  const std::string headers = redact_header_values(text);
  const std::string members = redact_json_members(headers);
  const std::string queries = redact_query_values(members);
  return redact_api_keys(queries);
}

std::string redacted_sample(std::string_view text, std::size_t max_bytes) {
  // Only a prefix is redacted, so that a sample of a 64 MiB event page costs microseconds,
  // not seconds, on the event loop. That is safe because every pattern is recognised by
  // what precedes the secret, and a value that runs past the prefix is masked up to its
  // end. The prefix is generous so that masks, which shrink long values to "***", still
  // leave max_bytes of text to show. The bound is applied to the redacted, escaped text,
  // so it holds even where a mask or an escape is longer than what it replaces.
  constexpr std::size_t margin = 4096;
  const std::size_t window = max_bytes < (std::numeric_limits<std::size_t>::max() - margin) / 8
                                 ? max_bytes * 8 + margin
                                 : text.size();
  const std::size_t prefix = utf8_cut(text, window);  // the whole text if shorter
  const std::string redacted = redact(text.substr(0, prefix));
  std::string sample;
  if (escape_into(sample, redacted, max_bytes) && prefix == text.size()) return sample;

  // The ellipsis counts against max_bytes, so the result never exceeds it.
  constexpr std::string_view ellipsis = "...";
  if (max_bytes < ellipsis.size()) return sample;
  sample.clear();
  escape_into(sample, redacted, max_bytes - ellipsis.size());
  sample += ellipsis;
  return sample;
}

void redactor::add_secret(std::string secret) {
  if (secret.size() < 4) return;
  if (std::find(secrets_.begin(), secrets_.end(), secret) != secrets_.end()) return;
  if (secrets_.size() >= max_known_secrets) secrets_.erase(secrets_.begin());
  secrets_.push_back(std::move(secret));
}

std::string redactor::operator()(std::string_view text) const {
  // Mark every byte covered by an occurrence of a known secret, then write one mask per
  // marked run. Unlike replacing secrets one after the other, this also hides overlapping
  // secrets entirely.
  std::vector<bool> hidden(text.size(), false);
  bool any = false;
  for (const std::string& secret : secrets_) {
    // Occurrences may overlap ("abab" in "ababab"), so the search moves on by one byte;
    // `marked_end` keeps the marking itself linear.
    std::size_t marked_end = 0;
    for (std::size_t at = text.find(secret); at != std::string_view::npos;
         at = text.find(secret, at + 1)) {
      const std::size_t end = at + secret.size();
      for (std::size_t i = std::max(at, marked_end); i < end; ++i) hidden[i] = true;
      marked_end = end;
      any = true;
    }
  }
  if (!any) return redact(text);

  std::string replaced;
  replaced.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!hidden[i]) {
      replaced += text[i];
    } else if (i == 0 || !hidden[i - 1]) {
      replaced += mask;
    }
  }
  return redact(replaced);
}

}  // namespace flowcore::detail
