// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief Umbrella header: the whole public API of flowcore.

#include <flowcore/auth.hpp>
#include <flowcore/client.hpp>
#include <flowcore/commands/api_key.hpp>
#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/event_type.hpp>
#include <flowcore/commands/events.hpp>
#include <flowcore/commands/flow_type.hpp>
#include <flowcore/commands/ingestion.hpp>
#include <flowcore/commands/secret.hpp>
#include <flowcore/commands/tenant.hpp>
#include <flowcore/commands/variable.hpp>
#include <flowcore/error.hpp>
#include <flowcore/event_tail.hpp>
#include <flowcore/fetch_or_create.hpp>
#include <flowcore/log.hpp>
#include <flowcore/notifications.hpp>
#include <flowcore/options.hpp>
#include <flowcore/producer.hpp>
#include <flowcore/read_events.hpp>
#include <flowcore/read_order.hpp>
#include <flowcore/retry.hpp>
#include <flowcore/wait.hpp>
#include <flowcore/version.hpp>
#include <flowcore/wait_until_deleted.hpp>
#include <flowcore/wait_until_truncated.hpp>
