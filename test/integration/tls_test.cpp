// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// https against the stub with a test CA: verification, SNI, host names, no fallback.
#include "stub_fixture.hpp"

namespace flowcore::test {

namespace {
const std::string cert_dir = FLOWCORE_TEST_CERT_DIR;

flowcore::stub::server_options tls_stub(const std::string& name) {
  return {.tls_cert_file = cert_dir + "/" + name + ".pem",
          .tls_key_file = cert_dir + "/" + name + ".key"};
}

std::string with_host(const std::string& base_url, const std::string& host) {
  // "https://127.0.0.1:PORT" -> "https://<host>:PORT"
  auto colon = base_url.rfind(':');
  return "https://" + host + base_url.substr(colon);
}
}  // namespace

BOOST_AUTO_TEST_SUITE(tls)

BOOST_AUTO_TEST_CASE(trusted_certificate_works_and_sends_sni) {
  stub_fixture f(tls_stub("localhost"));
  auto o = f.options();
  o.base_url = with_host(f.stub.base_url(), "localhost");
  o.ca_file = cert_dir + "/ca.pem";
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch cmd12{.tenant = "acme"};
    fc::tenant t = co_await client.execute(cmd12);
    BOOST_TEST(t.name == "acme");
    fc::tenant_list cmd13{};
    co_await client.execute(cmd13);
  });
  BOOST_TEST(f.stub.requests().at(0).sni == "localhost");
  BOOST_TEST(f.stub.connections_accepted() == 1u);  // keep-alive over TLS too
}

BOOST_AUTO_TEST_CASE(untrusted_certificate_fails_once_without_retry) {
  stub_fixture f(tls_stub("untrusted"));
  auto o = f.options();
  o.base_url = with_host(f.stub.base_url(), "localhost");
  o.ca_file = cert_dir + "/ca.pem";
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list cmd14{};
    auto [ec, diag] = co_await try_execute(client, cmd14);
    BOOST_TEST(ec == fc::error::tls_failed);
    BOOST_TEST(diag.attempts == 1);
  });
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_CASE(certificate_for_another_name_fails) {
  // The certificate names localhost only; dialling the IP must not pass verification.
  stub_fixture f(tls_stub("localhost"));
  auto o = f.options();
  o.base_url = f.stub.base_url();  // https://127.0.0.1:PORT
  o.ca_file = cert_dir + "/ca.pem";
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list cmd15{};
    auto [ec, diag] = co_await try_execute(client, cmd15);
    BOOST_TEST(ec == fc::error::tls_failed);
    BOOST_TEST(diag.attempts == 1);
  });
}

BOOST_AUTO_TEST_CASE(missing_ca_file_is_invalid_argument) {
  stub_fixture f(tls_stub("localhost"));
  auto o = f.options();
  o.base_url = with_host(f.stub.base_url(), "localhost");
  o.ca_file = cert_dir + "/does-not-exist.pem";
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list cmd16{};
    auto [ec, diag] = co_await try_execute(client, cmd16);
    BOOST_TEST(ec == fc::error::invalid_argument);
  });
}

BOOST_AUTO_TEST_CASE(plain_http_client_against_tls_server_does_not_fall_back) {
  stub_fixture f(tls_stub("localhost"));
  auto o = f.options();
  o.base_url = "http" + f.stub.base_url().substr(5);  // http://127.0.0.1:PORT
  o.retry = fc::retry_policy::none();
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list cmd17{};
    fc::call_options short_deadline{.deadline = 2s};
    auto [ec, diag] = co_await try_execute(client, cmd17, short_deadline);
    BOOST_TEST(!!ec);
  });
  BOOST_TEST(f.stub.requests().empty());
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
