// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "router.hpp"

#include <stdexcept>

namespace flowcore::stub::detail {

void router::add(std::string_view method, std::string_view pattern, handler fn) {
  if (pattern.empty() || pattern.front() != '/')
    throw std::logic_error("route pattern must start with '/': " + std::string(pattern));
  route r{std::string(method), {}, fn};
  std::string_view rest = pattern.substr(1);
  for (;;) {
    const std::size_t slash = rest.find('/');
    const std::string_view text = rest.substr(0, slash);
    if (text.size() >= 2 && text.front() == '{' && text.back() == '}')
      r.pattern.push_back({std::string(text.substr(1, text.size() - 2)), true});
    else
      r.pattern.push_back({std::string(text), false});
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash + 1);
  }
  routes_.push_back(std::move(r));
}

bool router::fits(const route& r, const std::vector<std::string>& segments) {
  if (r.pattern.size() != segments.size()) return false;
  for (std::size_t i = 0; i < segments.size(); ++i) {
    const segment& s = r.pattern[i];
    if (s.is_param ? segments[i].empty() : segments[i] != s.text) return false;
  }
  return true;
}

bool router::more_specific(const route& a, const route& b) {
  for (std::size_t i = 0; i < a.pattern.size() && i < b.pattern.size(); ++i)
    if (a.pattern[i].is_param != b.pattern[i].is_param) return !a.pattern[i].is_param;
  return false;
}

router::match router::find(std::string_view method,
                           const std::vector<std::string>& segments) const {
  const route* best = nullptr;
  bool path_known = false;
  for (const route& r : routes_) {
    if (!fits(r, segments)) continue;
    path_known = true;
    if (r.method != method) continue;
    if (!best || more_specific(r, *best)) best = &r;
  }
  if (!best) return {path_known ? 405 : 404, nullptr, {}};
  match m{0, best->fn, {}};
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (best->pattern[i].is_param) m.params.emplace_back(best->pattern[i].text, segments[i]);
  return m;
}

}  // namespace flowcore::stub::detail
