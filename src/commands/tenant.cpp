// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Tenant commands (docs/protocol.md section 6.1): paths, JSON mapping, the instance lookup
// (sections 2.3 and 2.4).
#include "commands/answers.hpp"
#include "commands/not_found.hpp"
#include "commands/tenant_instance.hpp"
#include "execute.hpp"
#include "json_body.hpp"
#include "json_reader.hpp"
#include "url_encoding.hpp"

#include <flowcore/commands/tenant.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace asio = boost::asio;

namespace {

// The fields fc::tenant and fc::tenant_list_item share.
template <class Tenant>
Tenant read_tenant_common(const json_object_reader& r) {
  Tenant t;
  t.id = r.string("id");
  t.name = r.string("name");
  t.display_name = r.string("displayName");
  t.description = r.string("description");
  t.website_url = r.string("websiteUrl");
  t.is_dedicated = r.boolean("isDedicated");
  return t;
}

tenant read_tenant(const json_object_reader& r) {
  tenant t = read_tenant_common<tenant>(r);
  if (auto d = r.nullable_object("dedicated")) {
    tenant_dedicated dedicated;
    dedicated.status = d->string("status");
    auto conf = d->object("configuration");
    dedicated.configuration.domain = conf.string("domain");
    dedicated.configuration.configuration_repo_url = conf.string("configurationRepoUrl");
    dedicated.configuration.configuration_repo_credentials =
        conf.nullable_string("configurationRepoCredentials");
    t.dedicated = std::move(dedicated);
  }
  t.sensitive_data_enabled = r.optional_boolean("sensitiveDataEnabled");
  t.configured = r.optional_boolean("configured");
  return t;
}

tenant_list_item read_tenant_list_item(const json_object_reader& r) {
  tenant_list_item t = read_tenant_common<tenant_list_item>(r);
  t.sensitive_data_enabled = r.boolean("sensitiveDataEnabled");
  t.domain = r.nullable_string("domain");
  t.permissions = r.string_array("permissions");
  return t;
}

tenant_instance read_tenant_instance(const json_object_reader& r) {
  tenant_instance t;
  t.is_dedicated = r.boolean("isDedicated");
  if (auto i = r.nullable_object("instance"))
    t.instance =
        tenant_instance_details{.status = i->string("status"), .domain = i->string("domain")};
  return t;
}

not_found_text tenant_not_found(std::string_view key, std::string_view value) {
  return not_found_text("Tenant", {{key, value}});
}

// Exactly one of two selectors (by id or by name) must be set.
void require_one_of(const std::string& id, const std::string& name) {
  if (id.empty() == name.empty())
    fail(error::invalid_argument, "set exactly one of tenant_id and tenant");
}

asio::awaitable<tenant_instance> fetch_tenant_instance(call& c, std::string path,
                                                       not_found_text not_found) {
  request_spec spec{.service = service::tenant,
                    .target = std::move(path),
                    .not_found_message = std::move(not_found)};
  std::string body = co_await c.send(spec);
  co_return one_object<read_tenant_instance>(body, spec);
}

}  // namespace

asio::awaitable<tenant_instance> lookup_tenant_instance(call& c, std::string tenant) {
  // Built first: a name the path cannot carry fails before the cache or the network.
  const std::string path =
      "/api/v1/tenants/by-name/" + path_segment(tenant, "tenant") + "/instance";
  tenant_instance_cache& cache = c.client().instance_cache();
  for (;;) {
    if (auto hit = cache.find(tenant, steady_clock::now())) co_return *hit;
    if (auto pending = cache.in_flight(tenant)) {
      // Follow the lookup already in flight; its deadline bounds ours too.
      co_await pending->done.async_wait(asio::as_tuple(asio::use_awaitable));
      if (!pending->finished) fail(error::cancelled, "cancelled");
      if (pending->ec == error::cancelled) continue;  // the leader gave up, not the server
      if (pending->ec) {
        c.diag().http_status = pending->diag.http_status;
        c.diag().server_message = pending->diag.server_message;
        fail(pending->ec, pending->diag.message);
      }
      co_return *pending->value;
    }
    auto pending = cache.begin(tenant, co_await asio::this_coro::executor);
    try {
      pending->value = co_await fetch_tenant_instance(c, path, tenant_not_found("name", tenant));
    } catch (const call_failure& f) {
      pending->ec = f.code;
      pending->diag = c.diag();
      pending->diag.message = f.message;
    } catch (const boost::system::system_error&) {
      pending->ec = error::cancelled;
    }
    cache.finish(tenant, pending, steady_clock::now());
    if (pending->ec) fail(pending->ec, pending->diag.message);
    co_return *pending->value;
  }
}

asio::awaitable<std::optional<origin>> dedicated_origin_for(call& c, std::string tenant,
                                                            std::string_view subdomain) {
  tenant_instance instance;
  try {
    instance = co_await lookup_tenant_instance(c, tenant);
  } catch (const call_failure& f) {
    // A 403 on the lookup means the caller may not see instances: not dedicated.
    if (!(f.code == error::http_status && c.diag().http_status == 403)) throw;
    co_return std::nullopt;
  }
  if (!instance.is_dedicated) co_return std::nullopt;
  if (!instance.instance || instance.instance->domain.empty())
    fail(error::invalid_response, "tenant " + tenant + " is dedicated but has no domain");
  co_return dedicated_origin(subdomain, instance.instance->domain);
}

namespace {

bool read_sensitive_data_enabled(const json_object_reader& r) {
  return r.boolean("sensitiveDataEnabled");
}

tenant_name_id read_name_id(const json_object_reader& r) {
  return tenant_name_id{.id = r.string("id"), .name = r.string("name")};
}

tenant_preview_info read_preview(const json_object_reader& r) {
  return tenant_preview_info{.display_name = r.string("displayName"),
                             .website_url = r.string("websiteUrl"),
                             .description = r.string("description")};
}

single_request<bool> set_sensitive_data(const std::string& tenant_id, const char* verb) {
  require_nonempty(tenant_id, "tenant_id");
  json::object body;
  body["tenantId"] = tenant_id;
  return {
      request_spec{.method = "POST",
                   .service = service::tenant,
                   .target = "/api/v1/tenants/" + path_segment(tenant_id, "tenant_id") + "/" + verb,
                   .body = json_body(body),
                   .not_found_message = tenant_not_found("id", tenant_id)},
      &one_object<read_sensitive_data_enabled>};
}

}  // namespace

single_request<tenant> request_for(call&, const tenant_fetch& cmd) {
  require_one_of(cmd.tenant_id, cmd.tenant);
  request_spec spec{.service = service::tenant};
  if (!cmd.tenant_id.empty()) {
    spec.target = "/api/v1/tenants/by-id/" + path_segment(cmd.tenant_id, "tenant_id");
    spec.not_found_message = tenant_not_found("id", cmd.tenant_id);
  } else {
    spec.target = "/api/v1/tenants/by-name/" + path_segment(cmd.tenant, "tenant");
    spec.not_found_message = tenant_not_found("name", cmd.tenant);
  }
  return {std::move(spec), &one_object<read_tenant>};
}

single_request<std::vector<tenant_list_item>> request_for(call&, const tenant_list&) {
  return {request_spec{.service = service::tenant, .target = "/api/v1/tenants/list"},
          &object_array<read_tenant_list_item>};
}

asio::awaitable<tenant_instance> run(call& c, tenant_instance_fetch cmd) {
  require_one_of(cmd.tenant_id, cmd.tenant);
  if (!cmd.tenant.empty()) co_return co_await lookup_tenant_instance(c, std::move(cmd.tenant));
  co_return co_await fetch_tenant_instance(
      c, "/api/v1/tenants/by-id/" + path_segment(cmd.tenant_id, "tenant_id") + "/instance",
      tenant_not_found("id", cmd.tenant_id));
}

single_request<tenant_name_id> request_for(call&, const tenant_translate_name_to_id& cmd) {
  require_nonempty(cmd.tenant, "tenant");
  return {request_spec{.service = service::tenant,
                       .target = "/api/v1/tenants/translate-name-to-id/" +
                                 path_segment(cmd.tenant, "tenant"),
                       .not_found_message = tenant_not_found("tenant", cmd.tenant)},
          &one_object<read_name_id>};
}

single_request<tenant_preview_info> request_for(call&, const tenant_preview& cmd) {
  require_nonempty(cmd.name, "name");
  return {request_spec{.service = service::tenant,
                       .target = "/api/v1/tenants/preview/" + path_segment(cmd.name, "name"),
                       .not_found_message = tenant_not_found("name", cmd.name)},
          &one_object<read_preview>};
}

single_request<tenant> request_for(call&, const tenant_create& cmd) {
  require_nonempty(cmd.tenant_slug, "tenant_slug");
  json::object body;
  body["tenant_slug"] = cmd.tenant_slug;
  if (cmd.description) body["description"] = *cmd.description;
  if (cmd.display_name) body["displayName"] = *cmd.display_name;
  return {request_spec{.method = "POST",
                       .service = service::tenant,
                       .target = "/api/v1/tenants",
                       .body = json_body(body),
                       .idempotent = false},
          &one_object<read_tenant>};
}

single_request<tenant> request_for(call&, const tenant_update& cmd) {
  require_nonempty(cmd.tenant_id, "tenant_id");
  json::object body;
  if (cmd.description) body["description"] = *cmd.description;
  if (cmd.display_name) body["displayName"] = *cmd.display_name;
  if (cmd.website) body["website"] = *cmd.website;
  if (body.empty()) fail(error::invalid_argument, "tenant_update: no fields to update");
  return {request_spec{.method = "PATCH",
                       .service = service::tenant,
                       .target = "/api/v1/tenants/" + path_segment(cmd.tenant_id, "tenant_id"),
                       .body = json_body(body),
                       .not_found_message = tenant_not_found("id", cmd.tenant_id)},
          &one_object<read_tenant>};
}

single_request<bool> request_for(call&, const tenant_enable_sensitive_data& cmd) {
  return set_sensitive_data(cmd.tenant_id, "enable-sensitive-data");
}

single_request<bool> request_for(call&, const tenant_disable_sensitive_data& cmd) {
  return set_sensitive_data(cmd.tenant_id, "disable-sensitive-data");
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_fetch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_list);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_instance_fetch);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_translate_name_to_id);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_preview);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_create);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_update);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_enable_sensitive_data);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::tenant_disable_sensitive_data);
