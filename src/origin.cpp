// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "origin.hpp"

#include <boost/asio/ip/address.hpp>
#include <boost/url/parse.hpp>

#include <charconv>

namespace flowcore::detail {

std::string origin::host_header() const {
  std::string h;
  append_host_header(h);
  return h;
}

void origin::append_host_header(std::string& out) const {
  const bool ipv6 = host.find(':') != std::string::npos;
  if (ipv6) out += '[';
  out += host;
  if (ipv6) out += ']';
  if (port == (tls ? 443 : 80)) return;
  char digits[8];
  const auto end = std::to_chars(digits, digits + sizeof digits, port).ptr;
  out += ':';
  out.append(digits, end);
}

bool origin::host_is_ip_literal() const {
  boost::system::error_code ec;
  boost::asio::ip::make_address(host, ec);
  return !ec;
}

namespace {

// Boost.URL takes any RFC 3986 reg-name (sub-delimiters, '_', %XX escapes); a host name
// here is narrower: letters, digits, '-' and '.' (RFC 1123 section 2.1), at most 253 long.
bool valid_host_name(std::string_view h) {
  if (h.empty() || h.size() > 253) return false;
  for (char c : h) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// The port grammar is *DIGIT (RFC 3986 section 3.2.3): empty, 0 and values past 65535
// parse; here they are refused. Leading zeros are allowed ("0080" is 80).
std::optional<std::uint16_t> valid_port(std::string_view port) {
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
    return std::nullopt;
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::optional<origin> parse_base_url(std::string_view url) {
  // RFC 3986 grammar: whitespace, a bad IP literal or a bad port fails here.
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return std::nullopt;
  const boost::urls::url_view& u = *parsed;
  origin o;
  // scheme_id() compares case-insensitively (RFC 3986 section 3.1): "HTTP://" is "http://".
  if (u.scheme_id() != boost::urls::scheme::https && u.scheme_id() != boost::urls::scheme::http)
    return std::nullopt;
  o.tls = u.scheme_id() == boost::urls::scheme::https;
  o.port = o.tls ? 443 : 80;
  // Anything that would make this more than an origin is refused, not ignored; "http:host"
  // has no authority at all.
  if (!u.has_authority() || u.has_userinfo() || u.has_query() || u.has_fragment())
    return std::nullopt;
  if (const auto path = u.encoded_path(); !path.empty() && path != "/") return std::nullopt;

  switch (u.host_type()) {
    case boost::urls::host_type::ipv6:
      // Brackets stripped: the host is kept as written ("::1"), as the Host header adds them.
      o.host = std::string(u.encoded_host_address());
      break;
    case boost::urls::host_type::ipv4:
    case boost::urls::host_type::name:
      // encoded_host(), not host(): an escape ("h%41") is refused, not decoded.
      if (!valid_host_name(u.encoded_host())) return std::nullopt;
      o.host = std::string(u.encoded_host());
      break;
    default:  // IPvFuture ("[v1.x]"): no address we can connect to.
      return std::nullopt;
  }
  if (u.has_port()) {
    const auto port = valid_port(u.port());
    if (!port) return std::nullopt;
    o.port = *port;
  }
  return o;
}

const origin& service_origin(service s) {
  auto real = [](const char* host) { return origin{.tls = true, .host = host, .port = 443}; };
  // Built once: a call names its origin without copying a host name.
  static const origin tenant = real("tenant.api.flowcore.io"),
                      tenant_store = real("tenant-store.api.flowcore.io"),
                      data_core = real("data-core-2.api.flowcore.io"),
                      flow_type = real("flow-type-2.api.flowcore.io"),
                      event_type = real("event-type-2.api.flowcore.io"),
                      delete_manager = real("delete-manager.api.flowcore.io"),
                      webhook = real("webhook.api.flowcore.io"),
                      event_source = real("event-source.api.flowcore.io");
  switch (s) {
    case service::tenant:
      return tenant;
    case service::tenant_store:
      return tenant_store;
    case service::data_core:
      return data_core;
    case service::flow_type:
      return flow_type;
    case service::event_type:
      return event_type;
    case service::delete_manager:
      return delete_manager;
    case service::webhook:
      return webhook;
    case service::event_source:
      return event_source;
  }
  return tenant;
}

origin dedicated_origin(std::string_view subdomain, std::string_view domain) {
  return origin{
      .tls = true, .host = std::string(subdomain) + "." + std::string(domain), .port = 443};
}

}  // namespace flowcore::detail
