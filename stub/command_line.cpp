// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The stub's command line and foreground run (flowcore/stub/command_line.hpp): one parser
// for flowcore-stub and `flowcore-cli stub`, so the two never drift apart.
#include <flowcore/stub/command_line.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>

#include <charconv>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace flowcore::stub {

const char* const command_line_flags =
    "  --port PORT              port to listen on (0: pick a free one)\n"
    "  --host IP                address to bind (default 127.0.0.1)\n"
    "  --delete-delay-ms MS     request-delete completes after MS (default 300)\n"
    "  --truncate-delay-ms MS   request-truncate completes after MS (default 1500)\n"
    "  --tls-cert FILE          PEM certificate chain; with --tls-key: serve https\n"
    "  --tls-key FILE           PEM private key\n"
    "  --seed N                 ids from an engine seeded with N (0 to 2^64-1): the same\n"
    "                           requests in the same order get the same ids (default:\n"
    "                           random ids)\n"
    "  --state-file PATH        keep tenants, API keys, secrets, variables, data cores,\n"
    "                           flow types and event types, with their ids, in PATH:\n"
    "                           loaded at start if it exists, rewritten after each\n"
    "                           change; events are not kept\n"
    "Limits (a client past one gets an error answer and its connection closes):\n"
    "  --max-header-bytes N     request line and headers, else 431 (default 65536)\n"
    "  --max-body-bytes N       one request body, else 413 (default 67108864)\n"
    "  --max-body-bytes-in-flight N\n"
    "                           bodies being read, all connections, else 503\n"
    "                           (default 268435456)\n"
    "  --max-subscriber-queue-bytes N\n"
    "                           frames queued for one notification socket; past it\n"
    "                           the socket is dropped (default 16777216)\n"
    "  --header-timeout-ms MS   headers complete within MS, else 408 (default 10000)\n"
    "  --body-timeout-ms MS     body complete within MS of its headers, else 408\n"
    "                           (default 30000)\n"
    "Serves the REST routes and the /notifications WebSocket on one port; control routes:\n"
    "POST /__stub/faults (faults, or {\"ws_frame\":TEXT} / {\"ws_close\":CODE} on every\n"
    "notification socket, or {\"drop_notifications\":N} to announce the next N stored\n"
    "events to nobody, -1: all), DELETE /__stub/faults, POST /__stub/reset.\n";

namespace {

template <class Int>
std::optional<Int> parse_number(std::string_view text, Int max) {
  Int value{};
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || std::cmp_less(value, 0) ||
      value > max)
    return std::nullopt;
  return value;
}

}  // namespace

command_line parse_command_line(std::span<const std::string_view> args) {
  command_line result;
  server_options& options = result.options;
  options.record_requests = false;  // nobody can read them from outside: do not grow
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    std::string_view flag = arg;
    std::optional<std::string_view> value;
    if (const auto eq = arg.find('='); arg.starts_with("--") && eq != std::string_view::npos) {
      flag = arg.substr(0, eq);
      value = arg.substr(eq + 1);
    } else if (i + 1 < args.size()) {
      value = args[++i];
    }
    bool ok = false;
    if (!value) {
      // a flag without its value: reported below
    } else if (flag == "--port") {
      const auto port = parse_number<int>(*value, 65535);
      if (port) options.port = static_cast<std::uint16_t>(*port);
      ok = result.port_given = port.has_value();
    } else if (flag == "--host") {
      options.host = *value;
      ok = !value->empty();
    } else if (flag == "--delete-delay-ms" || flag == "--truncate-delay-ms") {
      const auto ms = parse_number<long long>(*value, 24ll * 3600 * 1000);
      if (ms)
        (flag == "--delete-delay-ms" ? options.delete_delay : options.truncate_delay) =
            std::chrono::milliseconds(*ms);
      ok = ms.has_value();
    } else if (flag == "--max-header-bytes") {
      // Beast's parser counts header bytes in 32 bits.
      const auto n = parse_number<std::uint32_t>(*value, UINT32_MAX);
      if (n) options.max_header_bytes = *n;
      ok = n && *n > 0;
    } else if (flag == "--max-body-bytes" || flag == "--max-body-bytes-in-flight") {
      const auto n = parse_number<std::uint64_t>(*value, UINT64_MAX);
      if (n)
        (flag == "--max-body-bytes" ? options.max_body_bytes : options.max_body_bytes_in_flight) =
            *n;
      ok = n && *n > 0;
    } else if (flag == "--max-subscriber-queue-bytes") {
      const auto n = parse_number<std::size_t>(*value, SIZE_MAX);
      if (n) options.max_subscriber_queue_bytes = *n;
      ok = n && *n > 0;
    } else if (flag == "--header-timeout-ms" || flag == "--body-timeout-ms") {
      const auto ms = parse_number<long long>(*value, 24ll * 3600 * 1000);
      if (ms)
        (flag == "--header-timeout-ms" ? options.header_timeout : options.body_timeout) =
            std::chrono::milliseconds(*ms);
      ok = ms && *ms > 0;
    } else if (flag == "--tls-cert") {
      options.tls_cert_file = *value;
      ok = !value->empty();
    } else if (flag == "--tls-key") {
      options.tls_key_file = *value;
      ok = !value->empty();
    } else if (flag == "--seed") {
      const auto seed = parse_number<std::uint64_t>(*value, UINT64_MAX);
      if (seed) options.id_seed = *seed;
      ok = seed.has_value();
    } else if (flag == "--state-file") {
      options.state_file = std::string(*value);
      ok = !value->empty();
    }
    if (!ok) throw std::invalid_argument("bad argument: " + std::string(arg));
  }
  if (options.tls_cert_file.empty() != options.tls_key_file.empty())
    throw std::invalid_argument("--tls-cert and --tls-key go together");
  return result;
}

int serve_until_signalled(const server_options& options, std::string_view program) {
  // Whoever reads our first line may close the pipe afterwards; a later write to stdout
  // must then fail quietly (EPIPE), not kill the server with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  const std::string name(program);
  try {
    boost::asio::io_context ioc(1);
    server srv(ioc.get_executor(), options);
    srv.start();

    boost::asio::signal_set signals(ioc, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& ec, int) {
      if (!ec) srv.stop();  // run() returns once every connection has unwound
    });

    std::printf("listening on %s\n", srv.base_url().c_str());
    std::fflush(stdout);
    // Sessions catch what they throw; an exception from inside an Asio or Beast operation
    // would still surface here. It ends the connection it came from (its handler is gone),
    // not the server: report it and run on (Asio allows run() again without restart()).
    for (;;) {
      try {
        ioc.run();
        return 0;
      } catch (const std::exception& e) {
        std::fprintf(stderr, "%s: a connection failed: %s\n", name.c_str(), e.what());
      } catch (...) {
        std::fprintf(stderr, "%s: a connection failed\n", name.c_str());
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s: %s\n", name.c_str(), e.what());
    return 1;
  }
}

}  // namespace flowcore::stub
