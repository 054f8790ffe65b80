// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Control routes (docs/protocol.md section 13.4; docs/design.md "The stub server").
#include "context.hpp"
#include "faults.hpp"
#include "json_util.hpp"
#include "router.hpp"
#include "routes.hpp"

#include <boost/json/object.hpp>

#include <algorithm>
#include <array>

namespace flowcore::stub::detail {
namespace {
namespace json = boost::json;

constexpr std::array<std::string_view, 9> fault_fields{
    "method", "path_prefix", "count", "status", "retry_after", "delay_ms", "reset", "stall", "body"};
constexpr std::array<std::string_view, 3> socket_fields{"ws_frame", "ws_close",
                                                        "drop_notifications"};
constexpr std::array<std::string_view, 2> page_fields{"short_pages", "page_items"};

bool is_one_of(std::string_view key, const auto& names) {
  return std::find(names.begin(), names.end(), key) != names.end();
}

// `drop_notifications` first (it concerns events stored later), then the frame, then the
// close, so one request can send a last frame before the close and the client sees both,
// in that order. Everything is checked before anything is done: a 400 leaves the sockets
// untouched.
http_response socket_action(context& ctx, const json::object& body) {
  const std::optional<std::string> frame = optional_string(body, "ws_frame");
  const std::optional<std::int64_t> close_code = optional_int(body, "ws_close");
  const std::optional<std::int64_t> drop = optional_int(body, "drop_notifications");
  if (!frame && !close_code && !drop)
    throw http_error(400, R"("ws_frame", "ws_close" or "drop_notifications" is required)");
  if (close_code && !valid_close_code(*close_code))
    throw http_error(400, R"("ws_close" must be 1000-1003, 1006-1014 or 3000-4999)");
  if (drop) ctx.notifications.drop_events(*drop);
  std::size_t sockets = ctx.notifications.open();
  if (frame) sockets = ctx.notifications.broadcast(*frame);
  if (close_code) sockets = ctx.notifications.close_all(static_cast<int>(*close_code));
  return json_answer(200, json::object{{"ok", true}, {"sockets", sockets}});
}

// `short_pages` needs `page_items`, from 0 (an empty page) up.
http_response page_action(context& ctx, const json::object& body) {
  const std::optional<std::int64_t> count = optional_int(body, "short_pages");
  const std::optional<std::int64_t> items = optional_int(body, "page_items");
  if (!count || !items) throw http_error(400, R"("short_pages" and "page_items" go together)");
  if (*items < 0) throw http_error(400, R"("page_items" must not be negative)");
  ctx.faults.short_pages(*count, static_cast<std::size_t>(*items));
  return json_answer(200, json::object{{"ok", true}});
}

http_response add_fault(context& ctx, const api_request& req) {
  const json::object& body = body_object(req);
  bool has_fault_field = false;
  bool has_socket_field = false;
  bool has_page_field = false;
  // A misspelt field ("retryAfter") would otherwise arm a different fault than the test
  // meant, and the test would pass or fail for the wrong reason.
  for (const auto& member : body) {
    if (is_one_of(member.key(), fault_fields))
      has_fault_field = true;
    else if (is_one_of(member.key(), socket_fields))
      has_socket_field = true;
    else if (is_one_of(member.key(), page_fields))
      has_page_field = true;
    else
      throw http_error(400, "unknown field \"" + std::string(member.key()) + "\"");
  }
  if (has_page_field) {
    if (has_fault_field || has_socket_field)
      throw http_error(400, R"("short_pages" cannot be combined with other fields)");
    return page_action(ctx, body);
  }
  if (has_socket_field) {
    if (has_fault_field)
      throw http_error(400, "\"ws_frame\"/\"ws_close\" cannot be combined with fault fields");
    return socket_action(ctx, body);
  }
  fault f = fault_from_json(body);
  if (auto problem = fault_problem(f)) throw http_error(400, *problem);
  ctx.faults.add(std::move(f));
  return json_answer(200, json::object{{"ok", true}, {"faults", ctx.faults.size()}});
}

http_response clear_faults(context& ctx, const api_request&) {
  ctx.clear_faults();
  return json_answer(200, json::object{{"ok", true}});
}

http_response reset(context& ctx, const api_request&) {
  ctx.reset();
  return json_answer(200, json::object{{"ok", true}});
}

}  // namespace

void add_control_routes(router& r) {
  r.add("POST", "/__stub/faults", add_fault);
  r.add("DELETE", "/__stub/faults", clear_faults);
  r.add("POST", "/__stub/reset", reset);
}

}  // namespace flowcore::stub::detail
