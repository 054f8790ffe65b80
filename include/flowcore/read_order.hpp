// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::read_order`: ascending or descending, for reads and sorted lists.

namespace flowcore {

/// @brief The order of a page of results. On the wire: "asc" / "desc".
enum class read_order {
  asc,   ///< Oldest first (the server's default).
  desc,  ///< Newest first.
};

}  // namespace flowcore
