// Builds against the installed package only: public headers, flowcore::sdk and its
// dependencies found through find_package(flowcore) or pkg-config. Runs one call that
// needs no server.
#include <flowcore/flowcore.hpp>

#include <boost/asio/io_context.hpp>

#include <iostream>
#include <string_view>

#ifdef FLOWCORE_PACKAGE_VERSION
static_assert(std::string_view(FLOWCORE_VERSION_STRING) == FLOWCORE_PACKAGE_VERSION,
              "flowcore/version.hpp and the package's version differ");
#endif

int main() {
  boost::asio::io_context ioc;
  flowcore::client client(ioc.get_executor(),
                          flowcore::client_options{.credentials = flowcore::api_key{"not-a-key"},
                                                   .base_url = "http://127.0.0.1:9"});
  boost::system::error_code result;
  flowcore::tenant_list list;
  client.async_execute(list, [&](boost::system::error_code ec, auto) { result = ec; });
  ioc.run();
  // A malformed key fails before any I/O: proves the library linked and ran.
  std::cout << "consumer: " << result.message() << "\n";
  return result == flowcore::error::invalid_argument ? 0 : 1;
}
