// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// Fault injection (docs/protocol.md section 13.4; docs/design.md "The stub server"): the
// ordered list of armed faults, and the JSON form of one fault shared by
// `POST /__stub/faults` and server::add_fault.

#include <flowcore/stub/server.hpp>

#include <boost/json/object.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace flowcore::stub::detail {

/// What is wrong with `f`, or nullopt if it can be armed: it needs an action, a status in
/// 200-599, a non-negative delay, and header-safe Retry-After text.
std::optional<std::string> fault_problem(const fault& f);

/// Reads the fault fields of a `POST /__stub/faults` body. Throws http_error 400 on a
/// field of the wrong type; does not check fault_problem.
fault fault_from_json(const boost::json::object& body);

class fault_list {
 public:
  /// Arms `f` after the others. Throws std::invalid_argument if fault_problem(f).
  void add(fault f);
  /// Removes every fault and stops shortening pages.
  void clear() {
    faults_.clear();
    short_pages(0, 0);
  }
  std::size_t size() const { return faults_.size(); }

  /// The first armed fault matching `method` and `path` (without query), in insertion
  /// order; a match uses up one of its count, and a fault with none left is removed.
  std::optional<fault> take(std::string_view method, std::string_view path);

  /// `short_pages`: the next `count` pages (negative: every page) carry at most `items`.
  void short_pages(std::int64_t count, std::size_t items) {
    short_left_ = count;
    page_items_ = items;
  }
  /// The most items the page being answered may carry when the client asked for
  /// `asked`: fewer while pages are shortened, using up one shortened page.
  std::size_t take_page_size(std::size_t asked) {
    if (short_left_ == 0) return asked;
    if (short_left_ > 0) --short_left_;
    return std::min(asked, page_items_);
  }

 private:
  std::vector<fault> faults_;
  std::int64_t short_left_ = 0;
  std::size_t page_items_ = 0;
};

}  // namespace flowcore::stub::detail
