// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "api_request.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/param.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

namespace flowcore::stub::detail {

std::string_view api_request::param(std::string_view name) const {
  for (const auto& [key, value] : params)
    if (key == name) return value;
  return {};
}

std::optional<std::string_view> api_request::query_value(std::string_view key) const {
  for (const auto& [k, value] : query)
    if (k == key) return std::string_view(value);
  return std::nullopt;
}

std::vector<std::string_view> api_request::query_values(std::string_view key) const {
  std::vector<std::string_view> values;
  for (const auto& [k, value] : query)
    if (k == key) values.emplace_back(value);
  return values;
}

bool parse_target(std::string_view target, std::vector<std::string>& segments, param_list& query) {
  segments.clear();
  query.clear();
  // origin-form (RFC 9112 section 3.2.1): absolute-path [ "?" query ] in RFC 3986 terms.
  // The absolute form, '*', a malformed %XX escape or a character RFC 3986 does not allow
  // fails here.
  const auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) return false;
  const boost::urls::url_view& url = *parsed;

  // Boost.URL reads a leading "/./" as a prefix that is no segment (it keeps "//x" from
  // being an authority); the request names the segment ".", and the router must see it.
  if (url.encoded_path().starts_with("/./")) segments.emplace_back(".");
  // Split first, decoded per segment: an encoded '/' (%2F) stays inside its segment
  // (docs/protocol.md section 4.3).
  for (std::string segment : url.segments()) segments.push_back(std::move(segment));
  // The path "/" has no segment in Boost.URL; here it is one empty segment, as "/a/" ends
  // with one.
  if (segments.empty()) segments.emplace_back();

  // Queries are form-encoded: '+' is a space (docs/protocol.md section 4.3).
  boost::urls::encoding_opts form;
  form.space_as_plus = true;
  for (const boost::urls::param& p : url.params(form)) {
    if (p.key.empty() && !p.has_value) continue;  // "a=1&&b=2", or a bare "?"
    query.emplace_back(p.key, p.value);
  }
  return true;
}

}  // namespace flowcore::stub::detail
