// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The wait after a delete or truncate request (docs/protocol.md sections 9.2 to 9.4): the
// decisions come from wait_decision.hpp, this drives them with real checks and sleeps.

#include "call.hpp"

#include <flowcore/wait.hpp>

#include <functional>
#include <string>

namespace flowcore::detail {

/// One check: true while the work is not done yet. Must end by `until` (the wait cap).
using pending_check = std::function<boost::asio::awaitable<bool>(steady_clock::time_point until)>;

/// Checks at once, then every poll_interval, until `still_pending` says false. Fails with
/// wait_timeout when the cap (from `started`, the request's answer) is reached, naming
/// `what` ("deletion of DataCore <id>") as requested and still in progress. A check's
/// own failure ends the wait with that failure; cancellation ends it at once.
boost::asio::awaitable<void> poll_until_done(call& c, wait_options options,
                                             steady_clock::time_point started, std::string what,
                                             const pending_check& still_pending);

/// Before any I/O: poll_interval and cap must be positive, else invalid_argument.
void check_wait_options(const call& c, const wait_options& options);

/// What a `*_request_delete` command deletes.
struct deletion_target {
  const char* resource;    ///< "DataCore": not_found texts and messages.
  const char* id_field;    ///< "dataCoreId": the request body's id member.
  const char* id_name;     ///< "data_core_id": the command's field, for messages.
  const char* collection;  ///< "/api/v1/data-cores": ids go below it.
  detail::service service;  ///< Where `<collection>/<id>/exists` is answered.
  std::string id;
};

/// The three deletable resources, in one place.
deletion_target data_core_target(std::string id);
deletion_target flow_type_target(std::string id);
deletion_target event_type_target(std::string id);

/// Steps 1-3 of docs/protocol.md section 9.1: checks (tenant, id, wait options), the
/// tenant-instance lookup, then `DELETE <collection>/<id>/<action>` with body
/// {"tenant", "<id_field>", "<wait_field>": wait}. Returns the answer's success.
boost::asio::awaitable<bool> send_delete_manager_request(call& c, std::string tenant,
                                                         deletion_target target,
                                                         std::string action,
                                                         std::string wait_field, bool wait,
                                                         wait_options options);

/// docs/protocol.md sections 9.1 and 9.2 whole: checks (tenant, id, wait options), the
/// tenant-instance lookup, `DELETE <collection>/<id>/request-delete`, then, when `wait` and
/// the answer's success, polls `exists` until false. Returns the answer's success.
boost::asio::awaitable<bool> request_delete(call& c, std::string tenant, deletion_target target,
                                            bool wait, wait_options options);

/// Polls `exists` at once and every poll_interval until false (docs/protocol.md sections
/// 9.2 and 9.4), the cap counted from now. Used after a request and by wait_until_deleted.
boost::asio::awaitable<void> wait_until_gone(call& c, deletion_target target,
                                             wait_options options);

/// An `*_exists` command: the id is required, then `GET <collection>/<id>/exists`.
boost::asio::awaitable<bool> exists_command(call& c, deletion_target target);

/// `GET <collection>/<id>/exists` ending by `until`. `target` is taken by value on
/// purpose: with a `const deletion_target&` bound to the caller's local, GCC 12 builds
/// read freed memory in `co_return co_await exists(c, target, ...)` (ASan, data core tests).
boost::asio::awaitable<bool> exists(call& c, deletion_target target,
                                    steady_clock::time_point until);

}  // namespace flowcore::detail
