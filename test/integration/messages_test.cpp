// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// What an error says, and at which level it is logged: each thing once, no HTTP status
// where there was no HTTP error, and no warning for an outcome the caller asked for.
#include "stub_fixture.hpp"

#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/cancellation_signal.hpp>

#include <memory>

namespace flowcore::test {
namespace {

std::size_t occurrences(const std::string& text, const std::string& word) {
  std::size_t n = 0;
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1))
    ++n;
  return n;
}

// A log sink that keeps each line with its level.
struct leveled_log {
  std::shared_ptr<std::vector<std::pair<fc::log_level, std::string>>> lines =
      std::make_shared<std::vector<std::pair<fc::log_level, std::string>>>();
  fc::logger logger() const {
    return fc::logger{.level = fc::log_level::debug,
                      .sink = [lines = lines](fc::log_level level, std::string_view line) {
                        lines->emplace_back(level, std::string(line));
                      }};
  }
  /// The level of the first line containing `needle`, if any.
  std::optional<fc::log_level> level_of(std::string_view needle) const {
    for (const auto& [level, line] : *lines)
      if (line.find(needle) != std::string::npos) return level;
    return std::nullopt;
  }
};

// Arms a 404 on `method path...` for as long as `cmd` runs, then checks what the command
// made of it (docs/protocol.md section 5.4): `not_found` with `text` when the command maps
// 404s, else (`text` empty) `http_status` with the 404 in the diagnostics. The stub must
// have received the request the fault answered, so the table names the command's own
// route and not a lookup before it.
template <class Command>
asio::awaitable<void> check_404(stub_fixture& f, fc::client& client, Command cmd,
                                const char* method, const char* path, const char* text) {
  f.stub.clear_faults();
  f.stub.clear_requests();
  flowcore::stub::fault fault{.method = method, .path_prefix = path, .count = 0, .status = 404};
  f.stub.add_fault(fault);
  auto [ec, diag] = co_await try_execute(client, cmd);
  f.stub.clear_faults();
  const std::string what = fc::client_error(ec, diag).what();
  const std::string_view name = Command::command_name;
  BOOST_TEST_INFO(name << " " << method << " " << path);
  BOOST_TEST((!f.stub.requests().empty() &&
              f.stub.requests().back().target.starts_with(std::string_view(path))));
  if (*text == '\0') {
    BOOST_TEST_INFO(name << " " << what);
    BOOST_TEST((ec == fc::error::http_status && diag.http_status == 404));
  } else {
    BOOST_TEST_INFO(name << " " << what);
    BOOST_TEST((ec == fc::error::not_found && what.find(text) != std::string::npos));
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(messages)

BOOST_AUTO_TEST_CASE(a_name_that_does_not_resolve_is_no_http_error) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core core = co_await make_data_core(client, f);
    fc::flow_type_fetch fetch{.data_core_id = core.id, .flow_type = "missing"};
    auto [ec, diag] = co_await try_execute(client, fetch);
    BOOST_TEST(ec == fc::error::not_found);
    const std::string what = fc::client_error(ec, diag).what();
    BOOST_TEST(what.find("HTTP") == std::string::npos, what);
    BOOST_TEST(what.find(R"(FlowType not found: {"name":"missing"})") != std::string::npos, what);
  });
}

BOOST_AUTO_TEST_CASE(the_command_name_is_said_once) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch neither{};
    auto [ec, diag] = co_await try_execute(client, neither);
    BOOST_TEST(ec == fc::error::invalid_argument);
    const std::string what = fc::client_error(ec, diag).what();
    BOOST_TEST(occurrences(what, "tenant_fetch") == 1u, what);

    fc::api_key_list wrong_mode{.tenant_id = "t"};
    auto [ec2, diag2] = co_await try_execute(client, wrong_mode);
    BOOST_TEST(ec2 == fc::error::not_allowed_in_mode);
    const std::string what2 = fc::client_error(ec2, diag2).what();
    BOOST_TEST(occurrences(what2, "api_key_list") == 1u, what2);

    fc::ingest_event bad{.tenant_name = "acme", .data_core_id = "d", .flow_type_name = "f",
                         .event_type_name = "e", .event_data = "{"};
    auto [ec3, diag3] = co_await try_execute(client, bad);
    BOOST_TEST(ec3 == fc::error::invalid_argument);
    const std::string what3 = fc::client_error(ec3, diag3).what();
    BOOST_TEST(occurrences(what3, "ingest_event") == 1u, what3);
  });
}

BOOST_AUTO_TEST_CASE(a_cancelled_call_says_cancelled_once_and_logs_at_debug) {
  stub_fixture f;
  leveled_log log;
  fc::client_options o = f.options();
  o.logger = log.logger();
  auto client = f.make_client(std::move(o));
  f.run([&]() -> asio::awaitable<void> {
    f.stub.add_fault({.path_prefix = "/api/v1/tenants", .count = 0, .stall = true});
    auto signal = std::make_shared<asio::cancellation_signal>();
    auto outcome = std::make_shared<std::optional<boost::system::error_code>>();
    auto diag = std::make_shared<fc::diagnostics>();
    fc::tenant_fetch fetch{.tenant = "acme"};
    client.async_execute(fetch, *diag,
                         asio::bind_cancellation_slot(
                             signal->slot(), [outcome, diag](boost::system::error_code ec, fc::tenant) {
                               *outcome = ec;
                             }));
    co_await wait_until([&] { return f.stub.hits("GET", "/api/v1/tenants") == 1; });
    signal->emit(asio::cancellation_type::terminal);
    co_await wait_until([&] { return outcome->has_value(); }, 1s);
    BOOST_TEST(**outcome == fc::error::cancelled);
    const std::string what = fc::client_error(**outcome, *diag).what();
    BOOST_TEST(occurrences(what, "cancelled") == 1u, what);
    BOOST_TEST((log.level_of("tenant_fetch failed") == fc::log_level::debug));
  });
}

BOOST_AUTO_TEST_CASE(not_found_logs_at_debug_and_other_failures_at_warning) {
  stub_fixture f;
  leveled_log log;
  fc::client_options o = f.options();
  o.logger = log.logger();
  o.retry = fc::retry_policy::none();
  auto client = f.make_client(std::move(o));
  f.run([&]() -> asio::awaitable<void> {
    fc::tenant_fetch missing{.tenant = "nobody"};
    auto [ec, diag] = co_await try_execute(client, missing);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST((log.level_of("tenant_fetch failed") == fc::log_level::debug));
    f.stub.add_fault({.path_prefix = "/api/v1/data-cores", .count = 1, .status = 500});
    fc::data_core_list list{.tenant_id = f.stub.acme_tenant_id()};
    auto [ec2, diag2] = co_await try_execute(client, list);
    BOOST_TEST(ec2 == fc::error::http_status);
    BOOST_TEST((log.level_of("data_core_list failed") == fc::log_level::warning));
  });
}

BOOST_AUTO_TEST_CASE(ingesting_into_an_unknown_event_type_is_not_found) {
  stub_fixture f;
  auto client = f.make_client();
  f.run([&]() -> asio::awaitable<void> {
    fc::data_core core = co_await make_data_core(client, f);
    fc::ingest_event event{.tenant_name = "acme", .data_core_id = core.id,
                           .flow_type_name = "nope", .event_type_name = "none",
                           .event_data = R"({"n":1})"};
    auto [ec, diag] = co_await try_execute(client, event);
    BOOST_TEST(ec == fc::error::not_found);
    BOOST_TEST(diag.message.find(R"(EventType not found: {"tenant":"acme")") == 0u, diag.message);
    BOOST_TEST(diag.http_status == 404);
    fc::ingest_batch batch{.tenant_name = "acme", .data_core_id = "no-such-core",
                           .flow_type_name = "nope", .event_type_name = "none",
                           .events = {R"({"n":1})"}};
    auto [ec2, diag2] = co_await try_execute(client, batch);
    BOOST_TEST(ec2 == fc::error::not_found);
  });
}

// Every command of the 404 table (docs/protocol.md section 5.4) says not_found with its own
// text, each form of a command separately; every other command leaves a 404 an
// http_status. One check per family would let a single command lose its mapping unseen.
BOOST_AUTO_TEST_CASE(every_command_maps_a_404_as_the_table_says) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client bearer = f.make_bearer_client();
    fc::client keyed = f.make_client();

    fc::tenant_fetch tenant_by_id{.tenant_id = "t-1"};
    co_await check_404(f, bearer, tenant_by_id, "GET", "/api/v1/tenants/by-id/t-1",
                       R"(Tenant not found: {"id":"t-1"})");
    fc::tenant_fetch tenant_by_name{.tenant = "ghost"};
    co_await check_404(f, bearer, tenant_by_name, "GET", "/api/v1/tenants/by-name/ghost",
                       R"(Tenant not found: {"name":"ghost"})");
    fc::tenant_instance_fetch instance_by_id{.tenant_id = "t-1"};
    co_await check_404(f, bearer, instance_by_id, "GET", "/api/v1/tenants/by-id/t-1/instance",
                       R"(Tenant not found: {"id":"t-1"})");
    fc::tenant_instance_fetch instance_by_name{.tenant = "ghost"};
    co_await check_404(f, bearer, instance_by_name, "GET", "/api/v1/tenants/by-name/ghost/instance",
                       R"(Tenant not found: {"name":"ghost"})");
    fc::tenant_translate_name_to_id translate{.tenant = "ghost"};
    co_await check_404(f, bearer, translate, "GET", "/api/v1/tenants/translate-name-to-id/ghost",
                       R"(Tenant not found: {"tenant":"ghost"})");
    fc::tenant_preview preview{.name = "ghost"};
    co_await check_404(f, bearer, preview, "GET", "/api/v1/tenants/preview/ghost",
                       R"(Tenant not found: {"name":"ghost"})");
    fc::tenant_update update{.tenant_id = "t-1", .description = "d"};
    co_await check_404(f, bearer, update, "PATCH", "/api/v1/tenants/t-1",
                       R"(Tenant not found: {"id":"t-1"})");
    fc::tenant_enable_sensitive_data enable{.tenant_id = "t-1"};
    co_await check_404(f, bearer, enable, "POST", "/api/v1/tenants/t-1/enable-sensitive-data",
                       R"(Tenant not found: {"id":"t-1"})");
    fc::tenant_disable_sensitive_data disable{.tenant_id = "t-1"};
    co_await check_404(f, bearer, disable, "POST", "/api/v1/tenants/t-1/disable-sensitive-data",
                       R"(Tenant not found: {"id":"t-1"})");

    fc::api_key_fetch key{.api_key_id = "k-1"};
    co_await check_404(f, bearer, key, "GET", "/api/v1/api-keys/k-1",
                       R"(ApiKey not found: {"id":"k-1"})");
    fc::secret_fetch secret{.tenant_id = "t-1", .key = "s"};
    co_await check_404(f, bearer, secret, "GET", "/api/v1/tenants/t-1/",
                       R"(Secret not found: {"tenantId":"t-1","key":"s"})");
    fc::variable_fetch variable{.tenant_id = "t-1", .key = "v"};
    co_await check_404(f, bearer, variable, "GET", "/api/v1/tenants/t-1/",
                       R"(Variable not found: {"tenantId":"t-1","key":"v"})");

    fc::data_core_fetch core_by_id{.data_core_id = "dc-1"};
    co_await check_404(f, bearer, core_by_id, "GET", "/api/v1/data-cores/dc-1",
                       R"(DataCore not found: {"id":"dc-1"})");
    fc::data_core_fetch core_by_tenant_id{.tenant_id = "t-1", .data_core = "dc"};
    co_await check_404(f, bearer, core_by_tenant_id, "GET", "/api/v1/data-cores",
                       R"(DataCore not found: {"name":"dc","tenantId":"t-1"})");
    fc::data_core_fetch core_by_tenant{.tenant = "acme", .data_core = "dc"};
    co_await check_404(f, bearer, core_by_tenant, "GET", "/api/v1/data-cores",
                       R"(DataCore not found: {"name":"dc","tenant":"acme"})");
    fc::flow_type_fetch flow_by_id{.flow_type_id = "ft-1"};
    co_await check_404(f, bearer, flow_by_id, "GET", "/api/v1/flow-types/ft-1",
                       R"(FlowType not found: {"id":"ft-1"})");
    fc::flow_type_fetch flow_by_name{.data_core_id = "dc-1", .flow_type = "ft"};
    co_await check_404(f, bearer, flow_by_name, "GET", "/api/v1/flow-types",
                       R"(FlowType not found: {"name":"ft"})");
    fc::event_type_fetch type_by_id{.event_type_id = "et-1"};
    co_await check_404(f, bearer, type_by_id, "GET", "/api/v1/event-types/et-1",
                       R"(EventType not found: {"id":"et-1"})");
    fc::event_type_fetch type_by_name{.flow_type_id = "ft-1", .event_type = "et"};
    co_await check_404(f, bearer, type_by_name, "GET", "/api/v1/event-types",
                       R"(EventType not found: {"name":"et"})");

    fc::data_core_request_delete core_delete{
        .tenant = "acme", .data_core_id = "dc-1", .wait = false};
    co_await check_404(f, bearer, core_delete, "DELETE", "/api/v1/data-cores/dc-1/request-delete",
                       R"(DataCore not found: {"id":"dc-1"})");
    fc::flow_type_request_delete flow_delete{
        .tenant = "acme", .flow_type_id = "ft-1", .wait = false};
    co_await check_404(f, bearer, flow_delete, "DELETE", "/api/v1/flow-types/ft-1/request-delete",
                       R"(FlowType not found: {"id":"ft-1"})");
    fc::event_type_request_delete type_delete{
        .tenant = "acme", .event_type_id = "et-1", .wait = false};
    co_await check_404(f, bearer, type_delete, "DELETE", "/api/v1/event-types/et-1/request-delete",
                       R"(EventType not found: {"id":"et-1"})");
    fc::event_type_request_truncate truncate{
        .tenant = "acme", .event_type_id = "et-1", .wait = false};
    co_await check_404(f, bearer, truncate, "DELETE", "/api/v1/event-types/et-1/request-truncate",
                       R"(EventType not found: {"id":"et-1"})");

    const char* path_404 =
        R"(EventType not found: {"tenant":"acme","dataCoreId":"dc-1","flowType":"order","eventType":"created"})";
    fc::ingest_event one{.tenant_name = "acme",
                         .data_core_id = "dc-1",
                         .flow_type_name = "order",
                         .event_type_name = "created",
                         .event_data = "{}"};
    co_await check_404(f, keyed, one, "POST", "/event/acme/dc-1/order/created", path_404);
    fc::ingest_batch batch{.tenant_name = "acme",
                           .data_core_id = "dc-1",
                           .flow_type_name = "order",
                           .event_type_name = "created",
                           .events = {"{}"}};
    co_await check_404(f, keyed, batch, "POST", "/events/acme/dc-1/order/created", path_404);

    // Not in the table: the 404 stays an HTTP status.
    fc::tenant_list tenants;
    co_await check_404(f, bearer, tenants, "GET", "/api/v1/tenants/list", "");
    fc::tenant_create tenant_create{.tenant_slug = "new"};
    co_await check_404(f, bearer, tenant_create, "POST", "/api/v1/tenants", "");
    fc::data_core_update core_update{.data_core_id = "dc-1", .description = "d"};
    co_await check_404(f, bearer, core_update, "PATCH", "/api/v1/data-cores/dc-1", "");
    fc::flow_type_update flow_update{.flow_type_id = "ft-1", .description = "d"};
    co_await check_404(f, bearer, flow_update, "PATCH", "/api/v1/flow-types/ft-1", "");
    fc::event_type_update type_update{.event_type_id = "et-1", .description = "d"};
    co_await check_404(f, bearer, type_update, "PATCH", "/api/v1/event-types/et-1", "");
    fc::data_core_exists core_exists{.data_core_id = "dc-1"};
    co_await check_404(f, bearer, core_exists, "GET", "/api/v1/data-cores/dc-1", "");
    fc::flow_type_exists flow_exists{.flow_type_id = "ft-1"};
    co_await check_404(f, bearer, flow_exists, "GET", "/api/v1/flow-types/ft-1", "");
    fc::event_type_exists type_exists{.event_type_id = "et-1"};
    co_await check_404(f, bearer, type_exists, "GET", "/api/v1/event-types/et-1", "");
    fc::data_core_list cores;
    co_await check_404(f, bearer, cores, "GET", "/api/v1/data-cores", "");
    fc::api_key_list keys{.tenant_id = "t-1"};
    co_await check_404(f, bearer, keys, "GET", "/api/v1/api-keys", "");
    fc::api_key_delete key_delete{.api_key_id = "k-1"};
    co_await check_404(f, bearer, key_delete, "DELETE", "/api/v1/api-keys/k-1", "");
    fc::secret_list secrets{.tenant_id = "t-1"};
    co_await check_404(f, bearer, secrets, "GET", "/api/v1/tenants/t-1/", "");
    fc::event_list events{.event_type_ids = {"et-1"}, .time_bucket = "20250101100000"};
    co_await check_404(f, bearer, events, "GET", "/api/v1/events", "");
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
