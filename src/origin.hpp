// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Where a request goes: the base URL, the real service hosts, dedicated tenants
// (docs/protocol.md section 2).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace flowcore::detail {

/// The Flowcore services, each on its own host unless a base URL replaces them all.
enum class service {
  tenant,          ///< tenant.api: tenants and the tenant-instance lookup.
  tenant_store,    ///< tenant-store.api: API keys, secrets, variables.
  data_core,       ///< data-core-2.api
  flow_type,       ///< flow-type-2.api
  event_type,      ///< event-type-2.api
  delete_manager,  ///< delete-manager.api: request-delete and request-truncate.
  webhook,         ///< webhook.api: ingestion.
  event_source,    ///< event-source.api: event reading.
};

/// Scheme, host and port: where a request goes, and what a connection pool is kept per.
struct origin {
  bool tls = true;
  std::string host;  ///< A name, an IPv4 literal, or an IPv6 literal without brackets.
  std::uint16_t port = 443;

  /// The Host header: host, plus ":port" when not the scheme's default.
  std::string host_header() const;
  /// Appends host_header() to `out`, building no string of its own.
  void append_host_header(std::string& out) const;
  /// True for IPv4 and IPv6 literals: no DNS, no SNI.
  bool host_is_ip_literal() const;

  friend bool operator==(const origin&, const origin&) = default;
};

/// Parses `http://host[:port]` or `https://host[:port]`, one trailing '/' allowed.
/// A path, query, fragment, user-info, other scheme, empty host or bad port: nullopt.
std::optional<origin> parse_base_url(std::string_view url);

/// The real host of a service (`https://data-core-2.api.flowcore.io` ...).
const origin& service_origin(service s);

/// A dedicated tenant's host for a service: `https://<subdomain>.<domain>`.
origin dedicated_origin(std::string_view subdomain, std::string_view domain);

}  // namespace flowcore::detail
