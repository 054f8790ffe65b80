// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Inputs a request cannot carry as given, end to end against the stub: each is encoded so
// that it keeps its meaning, refused before any I/O, or (a URL scheme in upper case)
// simply accepted.
#include "stub_fixture.hpp"

#include <memory>
#include <string>

namespace flowcore::test {

BOOST_AUTO_TEST_SUITE(request_inputs)

// Schemes are case-insensitive (RFC 3986 section 3.1).
BOOST_AUTO_TEST_CASE(an_upper_case_scheme_is_accepted) {
  stub_fixture f;
  auto o = f.options();
  o.base_url = "HTTP://127.0.0.1:" + std::to_string(f.stub.port());
  auto client = f.make_client(o);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_list list{};
    auto tenants = co_await client.execute(list);
    BOOST_TEST(!tenants.empty());
  });
  BOOST_TEST(f.stub.requests().size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
