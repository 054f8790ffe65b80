// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// flowcore::stub::server_options::state_file through the real client: a stub started
// again on the same file answers with the same tenants, API keys, secrets, variables,
// data cores, flow types and event types, ids included; the file follows every change
// while the stub runs; what was pending completes; a seeded sequence goes on; a file that
// is not a state file stops start() with a message naming it.
#include "stub_fixture.hpp"
#include "temp_path.hpp"

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace flowcore::test {
namespace {

fc::stub::server_options with_state(const temp_path& file, std::optional<std::uint64_t> seed = {}) {
  fc::stub::server_options o;
  o.state_file = file.path;
  o.id_seed = seed;
  return o;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// What the first stub created, to look for in the second.
struct created_topology {
  std::string acme;
  fc::tenant tenant;
  fc::data_core core;
  fc::flow_type flow;
  fc::event_type type;
  fc::api_key_created key;
  std::string removal_id;
};

// A complete version 1 file written by hand, as a user may keep one as a test fixture:
// acme with a variable, and acme / orders / order / created.
const std::string hand_written = R"({"version":1,
 "ids":{"seed":null,"draws":0},
 "acme_tenant_id":"acme-id",
 "tenants":[
  {"id":"acme-id","name":"acme","display_name":"Acme","description":"Seeded tenant","website_url":"","sensitive_data_enabled":false,"configured":true}],
 "api_keys":[],
 "secrets":[],
 "variables":[
  {"tenant_id":"acme-id","key":"region","value":"eu","description":"","created_at":"2025-01-01T00:00:00.000Z","updated_at":null}],
 "data_cores":[
  {"id":"orders-id","tenant_id":"acme-id","name":"orders","description":"","is_public":false,"delete_protection":false,"is_deleting":false,"is_flowcore_managed":false}],
 "flow_types":[
  {"id":"order-id","data_core_id":"orders-id","name":"order","description":"","is_deleting":false}],
 "event_types":[
  {"id":"created-id","flow_type_id":"order-id","name":"created","description":"","created_at":"2025-01-01T00:00:00.000Z","updated_at":null,"is_truncating":false,"is_deleting":false,"sensitive_data_mask":null,"sensitive_data_enabled":false}],
 "sensitive_data_removals":[]}
)";

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  BOOST_REQUIRE_MESSAGE(at != std::string::npos, from);
  return text.replace(at, from.size(), to);
}

// start() on `file` fails with "state file <path>: ..." holding `problem`, and leaves the
// file as it was.
void check_refused(const temp_path& file, const std::string& problem) {
  const std::string before = file.read();
  asio::io_context ioc;
  fc::stub::server stub(ioc.get_executor(), with_state(file));
  try {
    stub.start();
    BOOST_ERROR("start() accepted a bad state file; expected: " << problem);
  } catch (const std::runtime_error& e) {
    const std::string what = e.what();
    BOOST_TEST(what.rfind("state file " + file.path.string() + ": ", 0) == 0u, what);
    BOOST_TEST(contains(what, problem), what << "\n  expected: " << problem);
  }
  stub.stop();
  BOOST_TEST(file.read() == before);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(stub_state)

BOOST_AUTO_TEST_CASE(a_restarted_stub_finds_everything_with_the_same_ids) {
  temp_path file("stub-state-restart.json");
  created_topology made;
  {
    stub_fixture f(with_state(file));
    auto client = f.make_client();
    auto bearer = f.make_bearer_client();
    made.acme = f.stub.acme_tenant_id();
    f.run([&]() -> asio::awaitable<void> {
      fc::tenant_create tenant{.tenant_slug = "globex", .display_name = "Globex"};
      const std::string tenant_id = (co_await client.execute(tenant)).id;
      fc::tenant_update update{.tenant_id = tenant_id, .description = "Hardware"};
      made.tenant = co_await client.execute(update);
      fc::data_core_create core{.tenant_id = tenant_id,
                                .name = "orders",
                                .description = "Orders and invoices",
                                .access_control = fc::access_control::public_access,
                                .delete_protection = true};
      made.core = co_await client.execute(core);
      fc::flow_type_create flow{
          .data_core_id = made.core.id, .name = "order", .description = "Order life"};
      made.flow = co_await client.execute(flow);
      fc::event_type_create type{
          .flow_type_id = made.flow.id,
          .name = "created",
          .description = "An order was placed",
          .sensitive_data_mask =
              fc::sensitive_data_mask{.key = "customerId", .schema = R"({"email":"string"})"},
          .sensitive_data_enabled = true};
      const std::string type_id = (co_await client.execute(type)).id;
      fc::event_type_update touch{.event_type_id = type_id, .description = "An order was placed."};
      made.type = co_await client.execute(touch);  // sets updatedAt
      fc::api_key_create key{.tenant_id = tenant_id, .name = "ci", .description = "pipeline"};
      made.key = co_await bearer.execute(key);
      fc::secret_create secret{.tenant_id = tenant_id, .key = "db-password", .value = "hunter2"};
      co_await bearer.execute(secret);
      fc::variable_create variable{.tenant_id = tenant_id, .key = "region", .value = "eu"};
      co_await bearer.execute(variable);
      fc::event_type_remove_sensitive_data removal{
          .event_type_id = type_id, .application = "crm", .parent_key = "customer-1", .key = "k"};
      made.removal_id = (co_await client.execute(removal)).id;
      fc::ingest_event event{.tenant_name = "globex",
                             .data_core_id = made.core.id,
                             .flow_type_name = "order",
                             .event_type_name = "created",
                             .event_data = R"({"customerId":"customer-1"})"};
      co_await client.execute(event);

      // A request presenting the new key sets its lastUsedAt, which stop() writes.
      fc::client_options as_key = f.options();
      as_key.credentials = fc::api_key{.key = made.key.api_key};
      fc::client key_user = f.make_client(as_key);
      fc::tenant_fetch fetch{.tenant = "globex"};
      co_await key_user.execute(fetch);
    });
  }

  stub_fixture f(with_state(file));
  auto client = f.make_client();
  auto bearer = f.make_bearer_client();
  BOOST_TEST(f.stub.acme_tenant_id() == made.acme);
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch tenant{.tenant = "globex"};
    const fc::tenant t = co_await client.execute(tenant);
    BOOST_TEST(t.id == made.tenant.id);
    BOOST_TEST(t.display_name == "Globex");
    BOOST_TEST(t.description == "Hardware");

    fc::data_core_fetch core{.tenant_id = t.id, .data_core = "orders"};
    const fc::data_core d = co_await client.execute(core);
    BOOST_TEST(d.id == made.core.id);
    BOOST_TEST(d.description == "Orders and invoices");
    BOOST_TEST((d.access_control == fc::access_control::public_access));
    BOOST_TEST(d.delete_protection);

    fc::flow_type_fetch flow{.data_core_id = d.id, .flow_type = "order"};
    const fc::flow_type ft = co_await client.execute(flow);
    BOOST_TEST(ft.id == made.flow.id);
    BOOST_TEST(ft.description == "Order life");

    fc::event_type_fetch type{.flow_type_id = ft.id, .event_type = "created"};
    const fc::event_type et = co_await client.execute(type);
    BOOST_TEST(et.id == made.type.id);
    BOOST_TEST(et.tenant_id == t.id);
    BOOST_TEST(et.data_core_id == d.id);
    BOOST_TEST(et.description == "An order was placed.");
    BOOST_TEST(et.created_at == made.type.created_at);
    BOOST_TEST(et.updated_at.value_or("none") == made.type.updated_at.value_or("unset"));
    BOOST_REQUIRE(et.sensitive_data_mask.has_value());
    BOOST_TEST(et.sensitive_data_mask->key == "customerId");
    BOOST_TEST(et.sensitive_data_enabled.value_or(false));

    fc::api_key_list keys{.tenant_id = t.id};
    const std::vector<fc::api_key_info> listed = co_await bearer.execute(keys);
    BOOST_REQUIRE(listed.size() == 1u);
    BOOST_TEST(listed[0].id == made.key.id);
    BOOST_TEST(listed[0].description == "pipeline");
    BOOST_TEST(listed[0].masked_api_key == made.key.masked_api_key);
    BOOST_TEST(listed[0].created_at == made.key.created_at);
    BOOST_TEST(listed[0].last_used_at.has_value());
    // The secret part was kept too: the key still validates.
    fc::api_key_validate validate{.api_key = made.key.api_key};
    const fc::api_key_validation valid = co_await client.execute(validate);
    BOOST_TEST(valid.valid);
    BOOST_TEST(valid.api_key_id.value_or("") == made.key.id);

    fc::secret_list secrets{.tenant_id = t.id};
    const std::vector<fc::secret> s = co_await bearer.execute(secrets);
    BOOST_REQUIRE(s.size() == 1u);
    BOOST_TEST(s[0].key == "db-password");
    fc::variable_fetch variable{.tenant_id = t.id, .key = "region"};
    BOOST_TEST((co_await bearer.execute(variable)).value == "eu");

    fc::event_type_list_removed_sensitive_data removals{.tenant_id = t.id};
    const fc::removed_sensitive_data_page page = co_await client.execute(removals);
    BOOST_REQUIRE(page.data.size() == 1u);
    BOOST_TEST(page.data[0].id == made.removal_id);
    BOOST_TEST(page.data[0].event_type_id == et.id);

    // Events are not kept.
    fc::time_bucket_list buckets{.event_type_ids = {et.id}};
    BOOST_TEST((co_await client.execute(buckets)).time_buckets.empty());

    // And the stub goes on as usual: a name taken before the restart is still taken.
    fc::data_core_create again{.tenant_id = t.id, .name = "orders"};
    auto [ec, diag] = co_await try_execute(client, again);
    BOOST_TEST(diag.http_status == 409);
  });
}

BOOST_AUTO_TEST_CASE(the_file_follows_every_change_while_the_stub_runs) {
  temp_path file("stub-state-follows.json");
  fc::stub::server_options o = with_state(file);
  o.delete_delay = 0ms;
  stub_fixture f(o);
  auto client = f.make_client();
  // Written by start(), before any change: a file that cannot be written fails there.
  BOOST_TEST(contains(file.read(), f.stub.acme_tenant_id()));
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core_create create{.tenant_id = f.stub.acme_tenant_id(), .name = "orders"};
    const std::string id = (co_await client.execute(create)).id;
    // On disk once answered, with no stop() in between: a stub killed now keeps it.
    BOOST_TEST(contains(file.read(), id));
    // The deletion completes on a timer, after the answer; the file follows.
    fc::data_core_request_delete del{.tenant = "acme", .data_core_id = id};
    co_await client.execute(del);
    BOOST_TEST(!contains(file.read(), id));

    fc::tenant_create tenant{.tenant_slug = "globex"};
    const std::string tenant_id = (co_await client.execute(tenant)).id;
    BOOST_TEST(contains(file.read(), tenant_id));
    f.stub.reset();
    BOOST_TEST(!contains(file.read(), tenant_id));
    BOOST_TEST(contains(file.read(), f.stub.acme_tenant_id()));
  });
}

BOOST_AUTO_TEST_CASE(what_was_pending_at_the_stop_is_complete_after_the_restart) {
  temp_path file("stub-state-pending.json");
  fc::stub::server_options o = with_state(file);
  o.delete_delay = std::chrono::hours(1);  // never within the test: stop() discards it
  o.truncate_delay = std::chrono::hours(1);
  std::string doomed_core, doomed_type, kept_type;
  {
    stub_fixture f(o);
    auto client = f.make_client();
    f.run([&]() -> asio::awaitable<void> {
      const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
      doomed_type = t.shipped;
      kept_type = t.created;
      fc::event_type_request_delete del_type{
          .tenant = "acme", .event_type_id = t.shipped, .wait = false};
      co_await client.execute(del_type);
      fc::event_type_request_truncate truncate{
          .tenant = "acme", .event_type_id = t.created, .wait = false};
      co_await client.execute(truncate);
      fc::data_core_create other{.tenant_id = f.stub.acme_tenant_id(), .name = "doomed"};
      doomed_core = (co_await client.execute(other)).id;
      fc::data_core_request_delete del_core{
          .tenant = "acme", .data_core_id = doomed_core, .wait = false};
      co_await client.execute(del_core);
    });
  }
  stub_fixture f(o);
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core_exists core{.data_core_id = doomed_core};
    BOOST_TEST(!(co_await client.execute(core)));
    fc::event_type_exists type{.event_type_id = doomed_type};
    BOOST_TEST(!(co_await client.execute(type)));
    fc::event_type_fetch kept{.event_type_id = kept_type};
    const fc::event_type et = co_await client.execute(kept);
    BOOST_TEST(!et.is_truncating);
    BOOST_TEST(!et.is_deleting);
  });
}

BOOST_AUTO_TEST_CASE(a_seeded_stub_goes_on_with_its_sequence_after_a_restart) {
  // The ids one stub hands out for two data cores...
  std::vector<std::string> expected;
  {
    fc::stub::server_options plain;
    plain.id_seed = 5;
    stub_fixture g(plain);
    auto client = g.make_client();
    expected.push_back(g.stub.acme_tenant_id());
    g.run([&]() -> asio::awaitable<void> {
      for (const char* name : {"first", "second"}) {
        fc::data_core_create create{.tenant_id = g.stub.acme_tenant_id(), .name = name};
        expected.push_back((co_await client.execute(create)).id);
      }
    });
  }
  // ...are those of a stub restarted between the two: it does not hand out its first
  // ids again.
  temp_path file("stub-state-seeded.json");
  std::vector<std::string> got;
  for (const char* name : {"first", "second"}) {
    stub_fixture f(with_state(file, 5));
    auto client = f.make_client();
    if (got.empty()) got.push_back(f.stub.acme_tenant_id());
    BOOST_TEST(f.stub.acme_tenant_id() == got.front());
    f.run([&]() -> asio::awaitable<void> {
      fc::data_core_create create{.tenant_id = f.stub.acme_tenant_id(), .name = name};
      got.push_back((co_await client.execute(create)).id);
    });
  }
  BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(a_hand_written_file_loads) {
  temp_path file("stub-state-hand.json");
  file.write(hand_written);
  stub_fixture f(with_state(file));
  auto client = f.make_client();
  auto bearer = f.make_bearer_client();
  BOOST_TEST(f.stub.acme_tenant_id() == "acme-id");
  f.run([&]() -> asio::awaitable<void> {
    fc::event_type_fetch type{.event_type_id = "created-id"};
    const fc::event_type et = co_await client.execute(type);
    // Not in the file: taken from the flow type.
    BOOST_TEST(et.tenant_id == "acme-id");
    BOOST_TEST(et.data_core_id == "orders-id");
    fc::variable_fetch variable{.tenant_id = "acme-id", .key = "region"};
    BOOST_TEST((co_await bearer.execute(variable)).value == "eu");
    fc::ingest_event event{.tenant_name = "acme",
                           .data_core_id = "orders-id",
                           .flow_type_name = "order",
                           .event_type_name = "created",
                           .event_data = "{}"};
    BOOST_TEST((co_await client.execute(event)).success);
  });
}

BOOST_AUTO_TEST_CASE(a_malformed_file_stops_the_start_naming_the_file_and_the_problem) {
  temp_path file("stub-state-malformed.json");
  const std::string acme = R"({"id":"acme-id","name":"acme",)";
  const struct {
    std::string text;
    std::string problem;
  } cases[] = {
      {"", "not JSON: incomplete JSON at line 1, column 1"},
      {"{\"version\":1,\n  oops}", "not JSON: syntax error at line 2, column 3"},
      {hand_written + "x", "not JSON: extra data at line 17, column 1"},
      {"[]", "must hold a JSON object"},
      {R"({"ids":{"seed":null,"draws":0}})", "version is missing"},
      {replaced(hand_written, R"("version":1)", R"("version":2)"),
       "version 2 is not supported: this stub reads version 1"},
      {replaced(hand_written, R"("version":1)", R"("version":"1")"),
       R"(version "1" is not supported)"},
      {replaced(hand_written, R"("draws":0)", R"("draws":-1)"),
       "ids.draws must be an integer from 0 to 18446744073709551615"},
      {replaced(hand_written, R"("name":"acme",)", ""), "tenants[0].name is missing"},
      {replaced(hand_written, R"("configured":true)", R"("configured":"yes")"),
       "tenants[0].configured must be true or false"},
      {replaced(hand_written, acme, acme + R"("colour":"red",)"),
       "unknown field tenants[0].colour"},
      {replaced(hand_written, R"("secrets":[])", R"("secrets":{})"), "secrets must be an array"},
      {replaced(hand_written, R"("data_core_id":"orders-id")", R"("data_core_id":"nope")"),
       "flow_types[0].data_core_id names no data core"},
      {replaced(hand_written, R"("acme_tenant_id":"acme-id")", R"("acme_tenant_id":"nope")"),
       "acme_tenant_id names no tenant"},
      {replaced(hand_written, R"("tenant_id":"acme-id","key":"region")",
                R"("tenant_id":"nope","key":"region")"),
       "variables[0].tenant_id names no tenant"},
      {replaced(hand_written, R"("sensitive_data_mask":null)", R"("sensitive_data_mask":[])"),
       "event_types[0].sensitive_data_mask must be an object or null"},
  };
  for (const auto& c : cases) {
    BOOST_TEST_CONTEXT(c.problem) {
      file.write(c.text);
      check_refused(file, c.problem);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_be_read_or_written_stops_the_start) {
  temp_path directory("stub-state-directory");
  std::filesystem::create_directory(directory.path);
  asio::io_context ioc;
  {
    fc::stub::server stub(ioc.get_executor(), with_state(directory));
    BOOST_CHECK_EXCEPTION(stub.start(), std::runtime_error, [&](const std::runtime_error& e) {
      return std::string(e.what()) ==
             "state file " + directory.path.string() + ": cannot be read: Is a directory";
    });
  }
  fc::stub::server_options o;
  o.state_file = directory.path / "missing" / "state.json";
  fc::stub::server stub(ioc.get_executor(), o);
  BOOST_CHECK_EXCEPTION(stub.start(), std::runtime_error, [&](const std::runtime_error& e) {
    const std::string what = e.what();
    return what.rfind("state file " + o.state_file.string() + ": cannot create ", 0) == 0 &&
           contains(what, "No such file or directory");
  });
}

BOOST_AUTO_TEST_CASE(a_second_stub_on_the_same_file_is_refused_until_the_first_stops) {
  temp_path file("stub-state-shared.json");
  asio::io_context ioc;
  fc::stub::server first(ioc.get_executor(), with_state(file));
  first.start();
  const std::string written = file.read();
  BOOST_TEST(!written.empty());
  {
    fc::stub::server second(ioc.get_executor(), with_state(file));
    const std::string name = file.path.string();
    const std::string expected =
        "state file " + name + ": another stub is using it (" + name + ".lock is locked)";
    BOOST_CHECK_EXCEPTION(second.start(), std::runtime_error,
                          [&](const std::runtime_error& e) { return e.what() == expected; });
  }
  // The refused stub neither wrote the file nor took it from the first.
  BOOST_TEST(file.read() == written);
  fc::stub::server again(ioc.get_executor(), with_state(file));
  BOOST_CHECK_THROW(again.start(), std::runtime_error);
  // Once the first has stopped, the file is free.
  first.stop();
  fc::stub::server next(ioc.get_executor(), with_state(file));
  BOOST_CHECK_NO_THROW(next.start());
  next.stop();
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
