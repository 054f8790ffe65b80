// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "commands/not_found.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <algorithm>

namespace flowcore::detail {

not_found_text::not_found_text(std::string_view resource, std::initializer_list<filter> filters)
    : resource_(resource), count_(std::min(filters.size(), filters_.size())) {
  std::copy_n(filters.begin(), count_, filters_.begin());
}

std::string not_found_text::str() const {
  boost::json::object object;  // keeps insertion order, and escapes the caller's values
  for (std::size_t i = 0; i < count_; ++i) object[filters_[i].first] = filters_[i].second;
  return std::string(resource_) + " not found: " + boost::json::serialize(object);
}

}  // namespace flowcore::detail
