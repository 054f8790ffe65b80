// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Users name things (tenant acme, data core orders); several commands want ids. These
// look the ids up, so that every sub-command can be addressed by names.

#include <flowcore/client.hpp>

#include <boost/asio/awaitable.hpp>

#include <string>

namespace flowcore::cli {

// The id of the data core named `data_core` in the tenant named `tenant`
// (fc::error::not_found when either is unknown: exit 3).
boost::asio::awaitable<std::string> data_core_id(flowcore::client& client, std::string tenant,
                                                 std::string data_core);

// The id of the flow type named `flow_type` in that data core (not_found as above).
boost::asio::awaitable<std::string> flow_type_id(flowcore::client& client, std::string tenant,
                                                 std::string data_core, std::string flow_type);

// The name of the tenant with id `tenant_id`: delete requests want the tenant's name, and a
// resource addressed by its id carries only its tenant's id.
boost::asio::awaitable<std::string> tenant_name(flowcore::client& client, std::string tenant_id);
// The id of the tenant named `tenant` (not_found when unknown: exit 3).
boost::asio::awaitable<std::string> tenant_id(flowcore::client& client, std::string tenant);

}  // namespace flowcore::cli
