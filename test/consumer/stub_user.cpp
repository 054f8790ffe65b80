// The in-process test-fixture pattern, built against the installed package only: a test
// starts flowcore::stub::server on port 0 on its own io_context, points a client at it,
// runs its calls, then stops the stub so that run() returns.
#include <flowcore/flowcore.hpp>
#include <flowcore/stub/server.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>

#include <exception>
#include <iostream>

namespace asio = boost::asio;
namespace fc = flowcore;

int main() {
  asio::io_context ioc;
  fc::stub::server stub(ioc.get_executor());
  stub.start();
  fc::client client(ioc.get_executor(),
                    fc::client_options{.credentials = fc::api_key{"fc_consumer_secret"},
                                       .base_url = stub.base_url()});
  std::string name;
  asio::co_spawn(
      ioc,
      [&]() -> asio::awaitable<void> {
        fc::tenant_fetch fetch{.tenant = "acme"};
        name = (co_await client.execute(fetch)).name;
      },
      [&](std::exception_ptr e) {
        if (e) {
          try {
            std::rethrow_exception(e);
          } catch (const std::exception& error) {
            std::cerr << "stub_user: " << error.what() << "\n";
          }
        }
        stub.stop();
      });
  ioc.run();
  std::cout << "stub_user: fetched tenant " << name << " from the in-process stub\n";
  return name == "acme" ? 0 : 1;
}
