// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Quickstart: fetch the tenant "acme" and print it.
//
//   quickstart [BASE_URL]     (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
//
// The API key comes from FLOWCORE_API_KEY; the stub accepts any well-formed key.
#include <flowcore/flowcore.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <cstdlib>
#include <iostream>

namespace asio = boost::asio;
namespace fc = flowcore;

asio::awaitable<void> show_tenant(fc::client& client) {
  // Name the command, then await it (GCC 12 miscompiles a braced temporary inside co_await).
  fc::tenant_fetch fetch{.tenant = "acme"};
  fc::tenant acme = co_await client.execute(fetch);
  std::cout << "tenant " << acme.name << " (" << acme.display_name << ")\n"
            << "  id:          " << acme.id << "\n"
            << "  description: " << acme.description << "\n"
            << "  dedicated:   " << std::boolalpha << acme.is_dedicated << "\n";
}

int main(int argc, char** argv) {
  const char* key = std::getenv("FLOWCORE_API_KEY");
  asio::io_context ioc;
  fc::client client(ioc.get_executor(),
                    fc::client_options{
                        .credentials = fc::api_key{.key = key ? key : "fc_demo_0123456789abcdef"},
                        .base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080",
                    });
  int status = 0;
  asio::co_spawn(ioc, show_tenant(client), [&](std::exception_ptr e) {
    if (!e) return;
    try {
      std::rethrow_exception(e);
    } catch (const fc::client_error& error) {
      std::cerr << "quickstart: " << error.what() << "\n";
    } catch (const std::exception& error) {
      std::cerr << "quickstart: " << error.what() << "\n";
    }
    status = 1;
  });
  ioc.run();
  return status;
}
