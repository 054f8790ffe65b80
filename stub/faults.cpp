// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "faults.hpp"

#include "json_util.hpp"

#include <boost/beast/core/string.hpp>
#include <boost/json/serialize.hpp>

#include <limits>
#include <stdexcept>

namespace flowcore::stub::detail {
namespace json = boost::json;

std::optional<std::string> fault_problem(const fault& f) {
  if (!f.status && !f.delay && !f.reset && !f.stall && !f.body)
    return "a fault needs an action: status, delay_ms, reset, stall or body";
  // 1xx answers are interim and would desynchronise the client; above 599 is not HTTP.
  if (f.status && (*f.status < 200 || *f.status > 599)) return "\"status\" must be in 200-599";
  if (f.delay && f.delay->count() < 0) return "\"delay_ms\" must not be negative";
  if (f.retry_after)
    for (const char c : *f.retry_after)
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
        return "\"retry_after\" must not contain control characters";
  return std::nullopt;
}

fault fault_from_json(const json::object& body) {
  fault f;
  f.method = optional_string(body, "method").value_or("");
  f.path_prefix = optional_string(body, "path_prefix").value_or("");
  if (auto count = optional_int(body, "count")) {
    if (*count < std::numeric_limits<int>::min() || *count > std::numeric_limits<int>::max())
      throw http_error(400, "\"count\" is out of range");
    f.count = static_cast<int>(*count);
  }
  if (auto status = optional_int(body, "status")) {
    if (*status < 0 || *status > 999) throw http_error(400, "\"status\" must be in 200-599");
    f.status = static_cast<int>(*status);
  }
  // Retry-After is text on the wire (seconds or an HTTP-date); a bare number is accepted
  // for convenience.
  if (const json::value* v = body.if_contains("retry_after"); v && !v->is_null()) {
    if (const json::string* s = v->if_string())
      f.retry_after = std::string(*s);
    else if (v->is_int64() || v->is_uint64())
      f.retry_after = json::serialize(*v);
    else
      throw http_error(400, "\"retry_after\" must be a string");
  }
  if (auto delay = optional_int(body, "delay_ms")) f.delay = std::chrono::milliseconds(*delay);
  f.reset = optional_bool(body, "reset").value_or(false);
  f.stall = optional_bool(body, "stall").value_or(false);
  f.body = optional_string(body, "body");
  return f;
}

void fault_list::add(fault f) {
  if (auto problem = fault_problem(f)) throw std::invalid_argument(*problem);
  faults_.push_back(std::move(f));
}

std::optional<fault> fault_list::take(std::string_view method, std::string_view path) {
  for (auto it = faults_.begin(); it != faults_.end(); ++it) {
    if (!it->method.empty() && !boost::beast::iequals(it->method, method)) continue;
    if (path.substr(0, it->path_prefix.size()) != it->path_prefix) continue;
    fault matched = *it;
    if (it->count > 0 && --it->count == 0) faults_.erase(it);
    return matched;
  }
  return std::nullopt;
}

}  // namespace flowcore::stub::detail
