// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "origin.hpp"

#include <boost/asio/ip/address.hpp>

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

bool valid_host_name(std::string_view h) {
  if (h.empty() || h.size() > 253) return false;
  for (char c : h) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// The scheme is case-insensitive (RFC 3986 section 3.1): "HTTP://" is "http://".
bool starts_with_scheme(std::string_view url, std::string_view prefix) {
  if (url.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = url[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<origin> parse_base_url(std::string_view url) {
  origin o;
  if (starts_with_scheme(url, "https://")) {
    o.tls = true;
    o.port = 443;
    url.remove_prefix(8);
  } else if (starts_with_scheme(url, "http://")) {
    o.tls = false;
    o.port = 80;
    url.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  if (url.ends_with('/')) url.remove_suffix(1);
  // Anything that would make this more than an origin is refused, not ignored.
  if (url.find_first_of("/?#@ \t\r\n") != std::string_view::npos) return std::nullopt;

  std::string_view host = url, port;
  if (url.starts_with('[')) {
    std::size_t close = url.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    host = url.substr(1, close - 1);
    std::string_view rest = url.substr(close + 1);
    if (!rest.empty()) {
      if (rest.front() != ':') return std::nullopt;
      port = rest.substr(1);
      if (port.empty()) return std::nullopt;
    }
    boost::system::error_code ec;
    boost::asio::ip::make_address_v6(std::string(host), ec);
    if (ec) return std::nullopt;
  } else {
    std::size_t colon = url.rfind(':');
    if (colon != std::string_view::npos) {
      host = url.substr(0, colon);
      port = url.substr(colon + 1);
      if (port.empty()) return std::nullopt;
    }
    if (!valid_host_name(host)) return std::nullopt;
  }
  if (!port.empty()) {
    unsigned value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
      return std::nullopt;
    o.port = static_cast<std::uint16_t>(value);
  }
  o.host = std::string(host);
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
