// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What every route handler may touch: the model, the fault list, the completions that
// run later (delete, truncate) and the notification sockets. Grows with the stub without
// changing the handler signature.

#include "deferred_work.hpp"
#include "faults.hpp"
#include "notification_hub.hpp"
#include "state.hpp"

#include <chrono>
#include <functional>

namespace flowcore::stub::detail {

struct context {
  state& model;
  fault_list& faults;
  deferred_work& later;
  notification_hub& notifications;  ///< Open /notifications sockets (ws_frame, ws_close).
  std::chrono::milliseconds delete_delay;    ///< request-delete completes after it.
  std::chrono::milliseconds truncate_delay;  ///< request-truncate completes after it.
  /// Called after a change to the model that no REST request answers for (reset): the
  /// dispatcher writes the state file, if the server has one. The dispatcher saves after
  /// REST requests and completions itself, so handlers need not remember to.
  std::function<void()> model_changed;

  /// DELETE /__stub/faults and server::clear_faults(): no fault armed, no event dropped.
  void clear_faults() {
    faults.clear();
    notifications.drop_events(0);
  }

  /// POST /__stub/reset and server::reset(): the seeded model, no faults, nothing pending.
  /// Open sockets stay open; their subscriptions name ids that no longer exist, so they
  /// receive nothing until they subscribe again.
  void reset() {
    later.cancel_all();
    model.reset();
    clear_faults();
    if (model_changed) model_changed();
  }
};

}  // namespace flowcore::stub::detail
