// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "origin.hpp"

#include <boost/asio/ip/address.hpp>

#include <charconv>

namespace flowcore::detail {

std::string origin::key() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  return std::string(tls ? "https://" : "http://") + h + ":" + std::to_string(port);
}

std::string origin::host_header() const {
  std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (port != (tls ? 443 : 80)) h += ":" + std::to_string(port);
  return h;
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

origin service_origin(service s) {
  auto real = [](const char* host) { return origin{.tls = true, .host = host, .port = 443}; };
  switch (s) {
    case service::tenant:
      return real("tenant.api.flowcore.io");
    case service::tenant_store:
      return real("tenant-store.api.flowcore.io");
    case service::data_core:
      return real("data-core-2.api.flowcore.io");
    case service::flow_type:
      return real("flow-type-2.api.flowcore.io");
    case service::event_type:
      return real("event-type-2.api.flowcore.io");
    case service::delete_manager:
      return real("delete-manager.api.flowcore.io");
    case service::webhook:
      return real("webhook.api.flowcore.io");
    case service::event_source:
      return real("event-source.api.flowcore.io");
  }
  return real("tenant.api.flowcore.io");
}

origin dedicated_origin(std::string_view subdomain, std::string_view domain) {
  return origin{
      .tls = true, .host = std::string(subdomain) + "." + std::string(domain), .port = 443};
}

}  // namespace flowcore::detail
