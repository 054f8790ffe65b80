// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "waiting.hpp"

#include "options.hpp"

namespace flowcore::cli {

void add_wait_options(CLI::App& command, wait_arguments& args) {
  CLI::Option* no_wait =
      command.add_flag("--no-wait", args.no_wait, "Return once the request is accepted");
  command
      .add_option("--wait-timeout", args.wait_timeout_seconds,
                  "Seconds to wait for the end before failing with exit status 6 (default 25)")
      ->check(seconds_validator())
      ->type_name("SECONDS")
      ->excludes(no_wait);
}

flowcore::wait_options to_wait_options(const wait_arguments& args) {
  flowcore::wait_options options;
  options.cap = to_milliseconds(args.wait_timeout_seconds);
  return options;
}

flowcore::call_options waiting_call_options(const command_context& ctx,
                                            const wait_arguments& args) {
  flowcore::call_options options;
  if (!args.no_wait) options.deadline = ctx.deadline + to_wait_options(args).cap;
  return options;
}

boost::asio::awaitable<void> start_progress(std::optional<progress>& line, const char* label) {
  const boost::asio::any_io_executor executor = co_await boost::asio::this_coro::executor;
  line.emplace(executor, label);
}

namespace {

boost::json::object wait_result(const std::string& id, const std::string& name,
                                const wait_arguments& args, const char* done,
                                const char* under_way) {
  boost::json::object o;
  o["id"] = id;
  o["name"] = name;
  o[done] = !args.no_wait;
  if (args.no_wait) o[under_way] = true;
  return o;
}

}  // namespace

boost::json::object deletion_result(const std::string& id, const std::string& name,
                                    const wait_arguments& args) {
  return wait_result(id, name, args, "deleted", "is_deleting");
}

boost::json::object truncation_result(const std::string& id, const std::string& name,
                                      const wait_arguments& args) {
  return wait_result(id, name, args, "truncated", "is_truncating");
}

}  // namespace flowcore::cli
