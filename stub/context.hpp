// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What every route handler may touch: the model, the fault list, and the completions that
// run later (delete, truncate). Grows with the stub (notification sockets) without
// changing the handler signature.

#include "deferred_work.hpp"
#include "faults.hpp"
#include "state.hpp"

#include <chrono>

namespace flowcore::stub::detail {

struct context {
  state& model;
  fault_list& faults;
  deferred_work& later;
  std::chrono::milliseconds delete_delay;    ///< request-delete completes after it (5.3).
  std::chrono::milliseconds truncate_delay;  ///< request-truncate completes after it.

  /// POST /__stub/reset and server::reset(): the seeded model, no faults, nothing pending.
  void reset() {
    later.cancel_all();
    model.reset();
    faults.clear();
  }
};

}  // namespace flowcore::stub::detail
