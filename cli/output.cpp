// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "output.hpp"

#include <flowcore/notifications.hpp>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include <algorithm>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::cli {
namespace {

namespace json = boost::json;

// A cell: strings as they are (no quotes), everything else as JSON, null as empty.
std::string cell(const json::value* value) {
  if (value == nullptr || value->is_null()) return {};
  if (value->is_string()) return std::string(value->get_string());
  return json::serialize(*value);
}

void append_row(std::string& text, const std::vector<std::string>& cells,
                const std::vector<std::size_t>& widths) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    text += cells[i];
    if (i + 1 < cells.size()) text.append(widths[i] - cells[i].size() + 2, ' ');
  }
  // No trailing spaces, after empty last cells either.
  while (!text.empty() && text.back() == ' ') text.pop_back();
  text += '\n';
}

// An optional text: null when unset, so every object of a type has the same fields.
json::value optional_text(const std::optional<std::string>& text) {
  if (text) return json::value(*text);
  return nullptr;
}

const char* to_string(flowcore::access_control access) {
  return access == flowcore::access_control::public_access ? "public" : "private";
}

}  // namespace

void write_all(std::ostream& out, std::string_view text) {
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.flush();
  // A reader that went away (SIGPIPE ignored) or a full disk: stop rather than go on
  // producing output nobody gets.
  if (!out) throw std::runtime_error("writing to stdout failed");
}

json::value embedded_json(std::string_view text) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec) return json::string(text);
  return value;
}

void print_object(std::ostream& out, output_format format, const json::object& object) {
  if (format == output_format::json) {
    write_all(out, json::serialize(object) + '\n');
    return;
  }
  std::size_t width = 0;
  for (const auto& field : object) width = std::max(width, field.key().size());
  std::string text;
  for (const auto& field : object) {
    const std::string value = cell(&field.value());
    text += field.key();
    // No trailing spaces after an empty value.
    if (!value.empty()) text.append(width - field.key().size() + 2, ' ');
    text += value;
    text += '\n';
  }
  write_all(out, text);
}

void print_list(std::ostream& out, output_format format, const json::array& rows,
                std::span<const column> columns) {
  if (format == output_format::json) {
    write_all(out, json::serialize(rows) + '\n');
    return;
  }
  std::vector<std::vector<std::string>> table;
  std::vector<std::string> header;
  for (const column& c : columns) header.emplace_back(c.header);
  table.push_back(std::move(header));
  for (const json::value& row : rows) {
    std::vector<std::string> cells;
    for (const column& c : columns) cells.push_back(cell(row.as_object().if_contains(c.key)));
    table.push_back(std::move(cells));
  }
  std::vector<std::size_t> widths(columns.size(), 0);
  for (const auto& cells : table) {
    for (std::size_t i = 0; i < cells.size(); ++i) widths[i] = std::max(widths[i], cells[i].size());
  }
  std::string text;
  for (const auto& cells : table) append_row(text, cells, widths);
  write_all(out, text);
}

json::object to_json(const flowcore::tenant& tenant) {
  json::object o;
  o["id"] = tenant.id;
  o["name"] = tenant.name;
  o["display_name"] = tenant.display_name;
  o["description"] = tenant.description;
  o["website_url"] = tenant.website_url;
  o["is_dedicated"] = tenant.is_dedicated;
  if (tenant.dedicated) {
    // configuration_repo_credentials is a secret: left out on purpose.
    o["dedicated"] = json::object{
        {"status", tenant.dedicated->status},
        {"domain", tenant.dedicated->configuration.domain},
        {"configuration_repo_url", tenant.dedicated->configuration.configuration_repo_url}};
  }
  if (tenant.sensitive_data_enabled) o["sensitive_data_enabled"] = *tenant.sensitive_data_enabled;
  if (tenant.configured) o["configured"] = *tenant.configured;
  return o;
}

json::object to_json(const flowcore::tenant_list_item& tenant) {
  json::object o;
  o["id"] = tenant.id;
  o["name"] = tenant.name;
  o["display_name"] = tenant.display_name;
  o["description"] = tenant.description;
  o["website_url"] = tenant.website_url;
  o["is_dedicated"] = tenant.is_dedicated;
  o["sensitive_data_enabled"] = tenant.sensitive_data_enabled;
  o["domain"] = tenant.domain ? json::value(*tenant.domain) : json::value(nullptr);
  o["permissions"] = json::value_from(tenant.permissions);
  return o;
}

json::object to_json(const flowcore::data_core& data_core) {
  json::object o;
  o["id"] = data_core.id;
  o["tenant_id"] = data_core.tenant_id;
  o["tenant"] = data_core.tenant;
  o["name"] = data_core.name;
  o["description"] = data_core.description;
  o["access_control"] = to_string(data_core.access_control);
  o["delete_protection"] = data_core.delete_protection;
  o["is_deleting"] = data_core.is_deleting;
  o["is_flowcore_managed"] = data_core.is_flowcore_managed;
  o["access"] = json::value_from(data_core.access);
  return o;
}

json::object to_json(const flowcore::flow_type& flow_type) {
  json::object o;
  o["id"] = flow_type.id;
  o["tenant_id"] = flow_type.tenant_id;
  o["data_core_id"] = flow_type.data_core_id;
  o["name"] = flow_type.name;
  o["description"] = flow_type.description;
  o["is_deleting"] = flow_type.is_deleting;
  return o;
}

json::object to_json(const flowcore::event_type& event_type) {
  json::object o;
  o["id"] = event_type.id;
  o["tenant_id"] = event_type.tenant_id;
  o["data_core_id"] = event_type.data_core_id;
  o["flow_type_id"] = event_type.flow_type_id;
  o["name"] = event_type.name;
  o["description"] = event_type.description;
  o["created_at"] = event_type.created_at;
  o["updated_at"] = optional_text(event_type.updated_at);
  o["is_truncating"] = event_type.is_truncating;
  o["is_deleting"] = event_type.is_deleting;
  if (event_type.sensitive_data_mask) {
    // The library keeps the schema as JSON text; nested here so that it reads as JSON.
    o["sensitive_data_mask"] =
        json::object{{"key", event_type.sensitive_data_mask->key},
                     {"schema", embedded_json(event_type.sensitive_data_mask->schema)}};
  }
  if (event_type.sensitive_data_enabled) {
    o["sensitive_data_enabled"] = *event_type.sensitive_data_enabled;
  }
  return o;
}

json::object to_json(const flowcore::api_key_info& key) {
  json::object o;
  o["id"] = key.id;
  o["tenant_id"] = key.tenant_id;
  o["name"] = key.name;
  o["description"] = key.description;
  o["masked_api_key"] = key.masked_api_key;
  o["created_at"] = key.created_at;
  o["last_used_at"] = optional_text(key.last_used_at);
  return o;
}

json::object to_json(const flowcore::api_key_created& key) {
  json::object o = to_json(static_cast<const flowcore::api_key_info&>(key));
  o["api_key"] = key.api_key;
  return o;
}

json::object to_json(const flowcore::api_key_validation& validation) {
  json::object o;
  o["valid"] = validation.valid;
  // Only a valid key has these; an invalid one's answer is just {"valid":false}.
  if (validation.api_key_id) o["api_key_id"] = *validation.api_key_id;
  if (validation.tenant_id) o["tenant_id"] = *validation.tenant_id;
  return o;
}

json::object to_json(const flowcore::secret& secret) {
  json::object o;
  o["tenant_id"] = secret.tenant_id;
  o["key"] = secret.key;
  o["description"] = secret.description;
  o["created_at"] = secret.created_at;
  o["updated_at"] = optional_text(secret.updated_at);
  return o;
}

json::object to_json(const flowcore::variable& variable) {
  json::object o;
  o["tenant_id"] = variable.tenant_id;
  o["key"] = variable.key;
  o["description"] = variable.description;
  o["value"] = variable.value;
  o["created_at"] = variable.created_at;
  o["updated_at"] = optional_text(variable.updated_at);
  return o;
}

void print_line(std::ostream& out, const json::object& object) {
  write_all(out, json::serialize(object) + '\n');
}

json::object to_json(const flowcore::event& event) {
  json::object o;
  o["event_id"] = event.event_id;
  o["time_bucket"] = event.time_bucket;
  o["tenant"] = event.tenant;
  o["data_core_id"] = event.data_core_id;
  o["flow_type"] = event.flow_type;
  o["event_type"] = event.event_type;
  o["valid_time"] = event.valid_time;
  o["metadata"] = embedded_json(event.metadata);
  o["payload"] = embedded_json(event.payload);
  return o;
}

json::object to_json(const flowcore::notification_event& notification) {
  const flowcore::notification_event_data& data = notification.data;
  json::object o;
  o["pattern"] = notification.pattern;
  o["data"] = json::object{{"tenant", data.tenant},
                           {"event_id", data.event_id},
                           {"data_core_id", data.data_core_id},
                           {"flow_type", data.flow_type},
                           {"event_type", data.event_type},
                           {"valid_time", data.valid_time}};
  return o;
}

}  // namespace flowcore::cli
