// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Servers that echo what they were sent, in part or whole, and answer with text meant to
// forge log lines. No secret may come back out, in diagnostics, what() or the log, and no
// response body may reach the log at all.
#include "raw_server.hpp"
#include "stub_fixture.hpp"

#include <boost/asio/detached.hpp>

#include <memory>

namespace flowcore::test {
namespace {

// The secret part of test_key alone, without the `fc_<id>_` that marks a key in text.
const std::string bare_secret = test_key.substr(test_key.rfind('_') + 1);

// Text a hostile body carries after the secret: a line feed and a fake log line.
const std::string forged = "\nWARNING forged line";

bool leaks(const std::string& text) {
  return text.find(bare_secret) != std::string::npos ||
         text.find("SECRETMARKER") != std::string::npos;
}

void check_nothing_leaked(const fc::diagnostics& diag, const std::string& what,
                          const log_capture& logs) {
  BOOST_TEST(!leaks(diag.message), diag.message);
  BOOST_TEST(!leaks(diag.server_message), diag.server_message);
  BOOST_TEST(!leaks(what), what);
  for (const std::string& line : *logs.lines) {
    BOOST_TEST(!leaks(line), line);
    // No body reaches the log, not even a redacted one.
    BOOST_TEST(line.find("forged") == std::string::npos, line);
  }
  // Where the server's text is kept, it stays on one line.
  BOOST_TEST(diag.message.find('\n') == std::string::npos);
  BOOST_TEST(diag.server_message.find('\n') == std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_server)

BOOST_AUTO_TEST_CASE(a_2xx_body_echoing_the_bare_secret) {
  stub_fixture f;
  log_capture logs;
  fc::client_options o = f.options();
  o.logger = logs.logger();
  auto client = f.make_client(std::move(o));
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault(
        {.path_prefix = "/api/v1/tenants", .count = 1, .body = "echo " + bare_secret + forged});
    fc::tenant_fetch fetch{.tenant = "acme"};
    auto [ec, diag] = co_await try_execute(client, fetch);
    BOOST_TEST(ec == fc::error::invalid_response);
    // The body is quoted in diagnostics, redacted and escaped.
    BOOST_TEST(diag.message.find("body: echo ***\\nWARNING forged line") != std::string::npos,
               diag.message);
    const fc::client_error error(ec, diag);
    check_nothing_leaked(diag, error.what(), logs);
    BOOST_TEST(logs.contains("tenant_fetch failed"));
  });
}

BOOST_AUTO_TEST_CASE(an_error_status_echoing_the_bare_secret) {
  asio::io_context ioc;
  asio::ip::tcp::acceptor acceptor(ioc, {asio::ip::make_address("127.0.0.1"), 0});
  const std::string body = R"({"message":"bad key )" + bare_secret + R"(\nWARNING forged line"})";
  asio::co_spawn(ioc, raw_server(acceptor, raw_response(500, body), true, std::make_shared<int>()),
                 asio::detached);
  log_capture logs;
  fc::client client(ioc.get_executor(),
                    fc::client_options{.credentials = fc::api_key{test_key},
                                       .base_url = "http://127.0.0.1:" +
                                                   std::to_string(acceptor.local_endpoint().port()),
                                       .retry = fc::retry_policy::none(),
                                       .logger = logs.logger()});
  boost::system::error_code ec;
  fc::diagnostics diag;
  fc::tenant_list list;
  client.async_execute(list, diag, [&](boost::system::error_code e, auto) {
    ec = e;
    acceptor.close();
  });
  ioc.run();
  BOOST_TEST(ec == fc::error::http_status);
  BOOST_TEST(diag.server_message == "bad key ***\\nWARNING forged line");
  const fc::client_error error(ec, diag);
  check_nothing_leaked(diag, error.what(), logs);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
