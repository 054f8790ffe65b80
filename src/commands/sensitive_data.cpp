// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The event-type sensitive-data commands (docs/protocol.md section 6.7): removal requests
// and the paged list of removal records.
#include "commands/answers.hpp"
#include "execute.hpp"
#include "json_body.hpp"
#include "json_reader.hpp"
#include "url_encoding.hpp"

#include <flowcore/commands/event_type.hpp>

#include <boost/json/object.hpp>

namespace flowcore::detail {

namespace {

const char* wire_name(sensitive_data_removal_type t) {
  return t == sensitive_data_removal_type::scramble ? "scramble" : "remove";
}

removed_sensitive_data read_record(const json_object_reader& r) {
  return removed_sensitive_data{.id = r.string("id"),
                                .tenant_id = r.string("tenantId"),
                                .data_core_id = r.string("dataCoreId"),
                                .flow_type_id = r.string("flowTypeId"),
                                .event_type_id = r.string("eventTypeId"),
                                .application = r.string("application"),
                                .parent_key = r.string("parentKey"),
                                .key = r.string("key"),
                                .type = r.string("type"),
                                .created_at = r.string("createdAt")};
}

sensitive_data_removal_result read_removal(const json_object_reader& r) {
  return sensitive_data_removal_result{.success = r.boolean("success"), .id = r.string("id")};
}

removed_sensitive_data_page read_page(const json_object_reader& r) {
  removed_sensitive_data_page page;
  std::string data_pointer;
  const json::array& data = r.array("data", data_pointer);
  page.data = map_object_array(data, data_pointer, read_record);
  const json_object_reader p = r.object("pagination");
  page.pagination =
      removed_sensitive_data_pagination{.page = p.integer("page"),
                                        .page_size = p.integer("pageSize"),
                                        .has_next_page = p.boolean("hasNextPage"),
                                        .has_previous_page = p.boolean("hasPreviousPage")};
  return page;
}

}  // namespace

single_request<sensitive_data_removal_result> request_for(
    call&, const event_type_remove_sensitive_data& cmd) {
  require_nonempty(cmd.event_type_id, "event_type_id");
  require_nonempty(cmd.application, "application");
  require_nonempty(cmd.parent_key, "parent_key");
  require_nonempty(cmd.key, "key");
  json::object body;
  body["eventTypeId"] = cmd.event_type_id;
  body["application"] = cmd.application;
  body["parentKey"] = cmd.parent_key;
  body["key"] = cmd.key;
  body["type"] = wire_name(cmd.type);
  return {request_spec{.method = "POST",
                       .service = service::event_type,
                       .target = "/api/v1/event-types/sensitive-data/remove",
                       .body = json_body(body)},
          &one_object<read_removal>};
}

single_request<removed_sensitive_data_page> request_for(
    call&, const event_type_list_removed_sensitive_data& cmd) {
  require_nonempty(cmd.tenant_id, "tenant_id");
  // The wire order (docs/protocol.md section 6.7): the set fields but tenantId, as declared.
  query_builder query;
  if (cmd.data_core_id) query.add("dataCoreId", *cmd.data_core_id);
  if (cmd.flow_type_id) query.add("flowTypeId", *cmd.flow_type_id);
  if (cmd.event_type_id) query.add("eventTypeId", *cmd.event_type_id);
  if (cmd.parent_key) query.add("parentKey", *cmd.parent_key);
  if (cmd.application) query.add("application", *cmd.application);
  if (cmd.page) query.add("page", *cmd.page);
  if (cmd.page_size) query.add("pageSize", *cmd.page_size);
  if (cmd.type) query.add("type", wire_name(*cmd.type));
  if (cmd.sort) query.add("sort", *cmd.sort == read_order::desc ? "desc" : "asc");
  if (cmd.created_at_from) query.add("createdAtFrom", *cmd.created_at_from);
  if (cmd.created_at_to) query.add("createdAtTo", *cmd.created_at_to);
  return {request_spec{.service = service::event_type,
                       .target = "/api/v1/event-types/sensitive-data/" +
                                 path_segment(cmd.tenant_id, "tenant_id") + query.str()},
          &one_object<read_page>};
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_remove_sensitive_data);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::event_type_list_removed_sensitive_data);
