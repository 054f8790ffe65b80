// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What every route handler may touch: the model and the fault list. Grows with the stub
// (notification sockets, pending delete/truncate completions) without changing the
// handler signature.

#include "faults.hpp"
#include "state.hpp"

namespace flowcore::stub::detail {

struct context {
  state& model;
  fault_list& faults;

  /// POST /__stub/reset and server::reset(): the seeded model, no faults.
  void reset() {
    model.reset();
    faults.clear();
  }
};

}  // namespace flowcore::stub::detail
