// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The requests and answers that the data-core, flow-type and event-type services share:
// fetch by id, find by name under a parent (an array whose
// first element is the answer), list, create, update. Each family describes itself once:
//
//   struct flow_type_resource {
//     using value = flow_type;
//     static constexpr std::string_view name = "FlowType";           // in not_found texts
//     static constexpr service where = service::flow_type;
//     static constexpr std::string_view collection = "/api/v1/flow-types";
//     static constexpr std::string_view id_field = "flow_type_id";   // named in errors
//     static flow_type read(const json_object_reader&);
//   };
//
// and its commands are then one line each: `return resource<flow_type_resource>::fetch(id)`.

#include "call.hpp"
#include "commands/answers.hpp"
#include "commands/not_found.hpp"
#include "json_body.hpp"
#include "url_encoding.hpp"

#include <boost/json/object.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace flowcore::detail {

template <class R>
struct resource {
  using value = typename R::value;

  /// <collection>/<id>, the id percent-encoded (an empty or unsendable id fails first).
  static std::string path(const std::string& id) {
    std::string out(R::collection);
    out += '/';
    out += path_segment(id, R::id_field);
    return out;
  }

  /// GET <collection>/<id>; a 404 is not_found {"id": id}. `id` must outlive the call.
  static single_request<value> fetch(const std::string& id) {
    return {request_spec{.service = R::where,
                         .target = path(id),
                         .not_found_message = not_found_text(R::name, {{"id", id}})},
            &one_object<R::read>};
  }

  /// GET <collection>?<query>: the first element of the array; [] or a 404 is not_found
  /// with `missing`.
  static single_request<value> find(const query_builder& query, not_found_text missing) {
    return {request_spec{.service = R::where,
                         .target = std::string(R::collection) + query.str(),
                         .not_found_message = missing},
            &first_object<R::read>};
  }

  /// GET <collection>?<query>: every element.
  static single_request<std::vector<value>> list(const query_builder& query) {
    return {request_spec{.service = R::where, .target = std::string(R::collection) + query.str()},
            &object_array<R::read>};
  }

  /// POST <collection> with `body`. Not idempotent: re-sent only when nothing was sent.
  static single_request<value> create(const boost::json::object& body) {
    return {request_spec{.method = "POST",
                         .service = R::where,
                         .target = std::string(R::collection),
                         .body = json_body(body),
                         .idempotent = false},
            &one_object<R::read>};
  }

  /// PATCH <collection>/<id> with `body`.
  static single_request<value> update(const std::string& id, const boost::json::object& body) {
    return {
        request_spec{
            .method = "PATCH", .service = R::where, .target = path(id), .body = json_body(body)},
        &one_object<R::read>};
  }
};

}  // namespace flowcore::detail
