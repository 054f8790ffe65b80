// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "exchange.hpp"

#include "text.hpp"

namespace flowcore::stub::detail {

std::optional<std::string_view> find_header(const header_list& headers, std::string_view name) {
  for (const auto& [key, value] : headers)
    if (iequals(key, name)) return std::string_view(value);
  return std::nullopt;
}

std::string_view http_request::raw_path() const {
  const std::string_view t(target);
  return t.substr(0, t.find('?'));
}

}  // namespace flowcore::stub::detail
