// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// fc::wait_until_deleted: the poll of delete-and-poll without the request, for each exists
// command (docs/protocol.md section 9.5).
#include "commands/delete_and_poll.hpp"
#include "execute.hpp"

#include <flowcore/wait_until_deleted.hpp>

namespace flowcore::detail {

namespace {

deletion_target target_of(const data_core_exists& e) { return data_core_target(e.data_core_id); }
deletion_target target_of(const flow_type_exists& e) { return flow_type_target(e.flow_type_id); }
deletion_target target_of(const event_type_exists& e) { return event_type_target(e.event_type_id); }

}  // namespace

template <class Exists>
boost::asio::awaitable<bool> run(call& c, deletion_wait<Exists> wait) {
  deletion_target target = target_of(wait.exists);
  require_nonempty(target.id, target.id_name);
  check_wait_options(c, wait.options);
  co_await wait_until_gone(c, std::move(target), wait.options);
  co_return true;
}

}  // namespace flowcore::detail

FLOWCORE_INSTANTIATE_COMMAND(flowcore::detail::deletion_wait<flowcore::data_core_exists>);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::detail::deletion_wait<flowcore::flow_type_exists>);
FLOWCORE_INSTANTIATE_COMMAND(flowcore::detail::deletion_wait<flowcore::event_type_exists>);
