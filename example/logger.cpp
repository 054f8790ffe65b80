// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Logging: an fc::logger at debug level whose sink writes each line to stderr with a UTC
// timestamp and the level. Two clients log into it: one with an API key (fetches, a miss,
// validating another key) and one with a bearer token (creating and deleting a secret).
// The sink also keeps every line, and the program checks that none of them holds the API
// key, its secret part, the other key, the token or the secret's value: the library
// builds its lines from an allowlist and never passes a credential to the sink. It exits 1
// if a secret shows up or nothing was logged.
//
//   logger [BASE_URL]     (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
//
// Its own log goes to stderr, what it checks to stdout.
#include <flowcore/flowcore.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <ctime>
#include <iomanip>
#include <iostream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace asio = boost::asio;
namespace fc = flowcore;

namespace {

// Made-up credentials, each with a part that must never be logged.
const std::string api_key = "fc_demo_0123456789abcdef";
const std::string other_key = "fc_other_fedcba9876543210";
const std::string token = "demo-token-5f3a9c";
const std::string secret_value = "s3cret-value-7b21";

// "2026-01-31T12:34:56.789Z"
std::string utc_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  std::ostringstream out;
  out << std::put_time(&tm, "%FT%T") << '.' << std::setfill('0') << std::setw(3) << ms << 'Z';
  return out.str();
}

// The sink: stderr, one line each, and a copy for the check at the end. The library calls
// it on the client's executor, never concurrently for one client; this program has one
// thread, so two clients may share it.
fc::logger make_logger(std::vector<std::string>& lines) {
  return fc::logger{
      .level = fc::log_level::debug,
      .sink =
          [&lines](fc::log_level level, std::string_view line) {
            std::cerr << utc_now() << ' ' << std::left << std::setw(7) << fc::to_string(level)
                      << ' ' << line << '\n';
            lines.emplace_back(line);
          },
  };
}

asio::awaitable<void> with_api_key(fc::client& client) {
  fc::tenant_fetch tenant{.tenant = "acme"};
  co_await client.execute(tenant);
  // A miss is an outcome callers expect: logged at debug, not as a warning.
  fc::data_core_fetch missing{.tenant = "acme", .data_core = "no-such-data-core"};
  auto [ec, core] = co_await client.async_execute(missing, asio::as_tuple(asio::use_awaitable));
  std::cout << "data_core_fetch of a missing data core: " << ec.message() << "\n";
  // The key being validated is hidden too, in logs and diagnostics alike.
  fc::api_key_validate validate{.api_key = other_key};
  const fc::api_key_validation v = co_await client.execute(validate);
  std::cout << "the other key is " << (v.valid ? "valid" : "not valid") << "\n";
}

asio::awaitable<void> with_token(fc::client& client, std::string tenant_id) {
  fc::secret_create create{.tenant_id = tenant_id, .key = "logger-example", .value = secret_value};
  co_await client.execute(create);
  fc::secret_delete remove{.tenant_id = tenant_id, .key = "logger-example"};
  co_await client.execute(remove);
  std::cout << "created and deleted secret logger-example\n";
}

// `lines` belongs to main: a client may still log (closing its idle connections) after
// this coroutine has returned, so the sink must not refer to anything in it.
asio::awaitable<bool> run(std::string base_url, std::vector<std::string>& lines) {
  auto ex = co_await asio::this_coro::executor;
  fc::client keyed(ex, fc::client_options{
                           .credentials = fc::api_key{.key = api_key},
                           .base_url = base_url,
                           .logger = make_logger(lines),
                       });
  fc::client bearer(
      ex, fc::client_options{
              .credentials = fc::bearer_token{.provider = []() -> asio::awaitable<std::string> {
                co_return token;
              }},
              .base_url = base_url,
              .logger = make_logger(lines),
          });
  co_await with_api_key(keyed);
  fc::tenant_fetch tenant{.tenant = "acme"};
  const fc::tenant acme = co_await keyed.execute(tenant);
  co_await with_token(bearer, acme.id);

  bool clean = true;
  for (const std::string_view secret :
       {std::string_view(api_key), std::string_view("0123456789abcdef"),
        std::string_view(other_key), std::string_view("fedcba9876543210"), std::string_view(token),
        std::string_view(secret_value)})
    for (const std::string& line : lines)
      if (line.find(secret) != std::string::npos) {
        std::cout << "a secret reached the log: " << line << "\n";
        clean = false;
      }
  std::cout << lines.size() << " lines logged, " << (clean ? "no secret in any" : "SECRETS LEAKED")
            << "\n";
  co_return clean && !lines.empty();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> lines;
  asio::io_context ioc;
  int status = 1;
  asio::co_spawn(ioc, run(argc > 1 ? argv[1] : "http://127.0.0.1:8080", lines),
                 [&](std::exception_ptr e, bool ok) {
                   if (!e) {
                     status = ok ? 0 : 1;
                     return;
                   }
                   try {
                     std::rethrow_exception(e);
                   } catch (const std::exception& error) {  // fc::client_error included
                     std::cerr << "logger: " << error.what() << "\n";
                   }
                 });
  ioc.run();
  return status;
}
