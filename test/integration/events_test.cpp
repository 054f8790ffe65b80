// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Event reading (docs/protocol.md section 6.9) against the stub: buckets and events by ids
// and by names, order, ranges, paging, the wire form of each request, and bad input.
#include "stub_fixture.hpp"

#include <flowcore/read_events.hpp>

#include <string>
#include <vector>

namespace flowcore::test {

namespace {

const std::string ten = "20250101100000";
const std::string eleven = "20250101110000";

// Stores acme/orders/order/created at 10:15 and at 11:15, then order/shipped at 11:30;
// returns their ids in that order.
asio::awaitable<std::vector<std::string>> store_three(fc::client& client, const tree& t) {
  std::vector<std::string> ids;
  const std::vector<std::vector<std::string>> plan{
      {"created", "2025-01-01T10:15:00.000Z", R"({"n":1})"},
      {"created", "2025-01-01T11:15:00.000Z", R"({"n":2})"},
      {"shipped", "2025-01-01T11:30:00.000Z", R"({"n":3,"deep":{"a":[1,2]}})"}};
  for (const auto& p : plan) {
    fc::ingest_event cmd{.tenant_name = "acme",
                         .data_core_id = t.data_core,
                         .flow_type_name = "order",
                         .event_type_name = p[0],
                         .event_data = p[2],
                         .event_time = p[1]};
    const fc::ingest_result stored = co_await client.execute(cmd);
    ids.push_back(stored.event_id);
  }
  co_return ids;
}

std::vector<std::string> ids_of(const fc::event_page& page) {
  std::vector<std::string> ids;
  for (const auto& e : page.events) ids.push_back(e.event_id);
  return ids;
}

// The target of the last request the stub recorded.
std::string last_target(const stub_fixture& f) { return f.stub.requests().back().target; }

}  // namespace

BOOST_AUTO_TEST_SUITE(events)

BOOST_AUTO_TEST_CASE(time_buckets_by_ids_with_order_range_and_paging) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    co_await store_three(client, t);

    fc::time_bucket_list all{.event_type_ids = {t.created}};
    const fc::time_bucket_page both = co_await client.execute(all);
    const std::vector<std::string> ascending{ten, eleven};
    BOOST_TEST(both.time_buckets == ascending, boost::test_tools::per_element());
    BOOST_TEST(!both.next_cursor.has_value());
    BOOST_TEST(last_target(f) == "/api/v1/time-buckets?eventTypeId=" + t.created);

    fc::time_bucket_list page1{.event_type_ids = {t.created, t.shipped},
                               .from_time_bucket = ten,
                               .to_time_bucket = eleven,
                               .order = fc::read_order::desc,
                               .page_size = 1};
    const fc::time_bucket_page first = co_await client.execute(page1);
    BOOST_TEST(last_target(f) == "/api/v1/time-buckets?eventTypeId=" + t.created +
                                     "&eventTypeId=" + t.shipped + "&fromTimeBucket=" + ten +
                                     "&toTimeBucket=" + eleven + "&order=desc&pageSize=1");
    const std::vector<std::string> newest{eleven};
    BOOST_TEST(first.time_buckets == newest, boost::test_tools::per_element());
    BOOST_REQUIRE(first.next_cursor.has_value());

    fc::time_bucket_list page2 = page1;
    page2.cursor = first.next_cursor;
    const fc::time_bucket_page second = co_await client.execute(page2);
    const std::vector<std::string> oldest{ten};
    BOOST_TEST(second.time_buckets == oldest, boost::test_tools::per_element());
    BOOST_TEST(!second.next_cursor.has_value());
    BOOST_TEST(last_target(f).ends_with("&cursor=" + std::to_string(*first.next_cursor)));
  });
}

BOOST_AUTO_TEST_CASE(events_by_ids_map_every_field_in_storage_order) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    const std::vector<std::string> ids = co_await store_three(client, t);

    fc::event_list list{.event_type_ids = {t.created, t.shipped}, .time_bucket = eleven};
    const fc::event_page page = co_await client.execute(list);
    const std::vector<std::string> in_eleven{ids[1], ids[2]};
    BOOST_TEST(ids_of(page) == in_eleven, boost::test_tools::per_element());
    BOOST_TEST(!page.next_cursor.has_value());
    BOOST_REQUIRE(page.events.size() == 2u);
    const fc::event& shipped = page.events[1];
    BOOST_TEST(shipped.time_bucket == eleven);
    BOOST_TEST(shipped.tenant == "acme");
    BOOST_TEST(shipped.data_core_id == t.data_core);
    BOOST_TEST(shipped.flow_type == "order");
    BOOST_TEST(shipped.event_type == "shipped");
    BOOST_TEST(!shipped.valid_time.empty());
    BOOST_TEST(shipped.payload == R"({"n":3,"deep":{"a":[1,2]}})");
    BOOST_TEST(shipped.metadata.front() == '{');

    // Ranges and order: from is inclusive, after exclusive, desc reverses.
    fc::event_list after{.event_type_ids = {t.created, t.shipped},
                         .time_bucket = eleven,
                         .after_event_id = ids[1],
                         .order = fc::read_order::desc,
                         .include_sensitive_data = true};
    const fc::event_page later = co_await client.execute(after);
    const std::vector<std::string> only_shipped{ids[2]};
    BOOST_TEST(ids_of(later) == only_shipped, boost::test_tools::per_element());
    BOOST_TEST(last_target(f) == "/api/v1/events?eventTypeId=" + t.created + "&eventTypeId=" +
                                     t.shipped + "&timeBucket=" + eleven + "&afterEventId=" +
                                     ids[1] + "&order=desc&includeSensitiveData=true");

    // Paging: a page of one, then the rest with the cursor sent back as given.
    fc::event_list paged{.event_type_ids = {t.created, t.shipped}, .time_bucket = eleven,
                         .page_size = 1};
    const fc::event_page one = co_await client.execute(paged);
    BOOST_REQUIRE(one.next_cursor.has_value());
    paged.cursor = one.next_cursor;
    const fc::event_page rest = co_await client.execute(paged);
    const std::vector<std::string> first_id{ids[1]}, second_id{ids[2]};
    BOOST_TEST(ids_of(one) == first_id, boost::test_tools::per_element());
    BOOST_TEST(ids_of(rest) == second_id, boost::test_tools::per_element());
    BOOST_TEST(!rest.next_cursor.has_value());
  });
}

BOOST_AUTO_TEST_CASE(buckets_and_events_by_names) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    const std::vector<std::string> ids = co_await store_three(client, t);

    fc::events_fetch_time_buckets_by_names buckets{.tenant = "acme",
                                                   .data_core_id = t.data_core,
                                                   .flow_type = "order",
                                                   .event_types = {"shipped"},
                                                   .page_size = 5,
                                                   .from_time_bucket = ten};
    const fc::time_bucket_page page = co_await client.execute(buckets);
    const std::vector<std::string> only_eleven{eleven};
    BOOST_TEST(page.time_buckets == only_eleven, boost::test_tools::per_element());
    const auto& sent = f.stub.requests().back();
    BOOST_TEST(sent.method == "POST");
    BOOST_TEST(sent.target == "/api/v1/time-buckets/by-names");
    BOOST_TEST(sent.body == R"({"tenant":"acme","dataCoreId":")" + t.data_core +
                                R"(","flowType":"order","eventTypes":["shipped"],"pageSize":5,"fromTimeBucket":")" +
                                ten + R"("})");

    fc::events_fetch events{.tenant = "acme",
                            .data_core_id = t.data_core,
                            .flow_type = "order",
                            .event_types = {"created", "shipped"},
                            .time_bucket = eleven,
                            .page_size = 10,
                            .from_event_id = ids[2]};
    const fc::event_page fetched = co_await client.execute(events);
    const std::vector<std::string> from_shipped{ids[2]};
    BOOST_TEST(ids_of(fetched) == from_shipped, boost::test_tools::per_element());
    const auto& posted = f.stub.requests().back();
    BOOST_TEST(posted.target == "/api/v1/events?pageSize=10&fromEventId=" + ids[2]);
    BOOST_TEST(posted.body == R"({"tenant":"acme","dataCoreId":")" + t.data_core +
                                  R"(","flowType":"order","eventTypes":["created","shipped"],"timeBucket":")" +
                                  eleven + R"("})");

    // An unknown event type name: the service's 404 is an http_status (docs/protocol.md 5.4).
    fc::events_fetch unknown = events;
    unknown.event_types = {"no-such-type"};
    auto [ec, diag] = co_await try_execute(client, unknown);
    BOOST_TEST(ec == fc::error::http_status);
    BOOST_TEST(diag.http_status == 404);
  });
}

BOOST_AUTO_TEST_CASE(the_generators_follow_the_cursors) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    const std::vector<std::string> ids = co_await store_three(client, t);
    f.stub.clear_requests();

    fc::event_list list{.event_type_ids = {t.created, t.shipped}, .time_bucket = eleven,
                        .page_size = 1};
    std::vector<std::string> read;
    auto events = fc::read_events(client, list);
    while (std::optional<fc::event> e = co_await events.async_resume(asio::use_awaitable))
      read.push_back(e->event_id);
    const std::vector<std::string> in_eleven{ids[1], ids[2]};
    BOOST_TEST(read == in_eleven, boost::test_tools::per_element());
    BOOST_TEST(f.stub.requests().size() == 2u);  // one page each

    fc::events_fetch by_names{.tenant = "acme", .data_core_id = t.data_core,
                              .flow_type = "order", .event_types = {"created", "shipped"},
                              .time_bucket = eleven, .page_size = 1};
    read.clear();
    auto fetched = fc::read_events(client, by_names);
    while (std::optional<fc::event> e = co_await fetched.async_resume(asio::use_awaitable))
      read.push_back(e->event_id);
    BOOST_TEST(read == in_eleven, boost::test_tools::per_element());

    fc::time_bucket_list buckets{.event_type_ids = {t.created}, .page_size = 1};
    std::vector<std::string> names;
    auto bucket_names = fc::read_time_buckets(client, buckets);
    while (std::optional<std::string> b =
               co_await bucket_names.async_resume(asio::use_awaitable))
      names.push_back(*b);
    const std::vector<std::string> both{ten, eleven};
    BOOST_TEST(names == both, boost::test_tools::per_element());

    fc::events_fetch_time_buckets_by_names named{.tenant = "acme", .data_core_id = t.data_core,
                                                 .flow_type = "order",
                                                 .event_types = {"shipped"}};
    names.clear();
    auto named_buckets = fc::read_time_buckets(client, named);
    while (std::optional<std::string> b =
               co_await named_buckets.async_resume(asio::use_awaitable))
      names.push_back(*b);
    const std::vector<std::string> only_eleven{eleven};
    BOOST_TEST(names == only_eleven, boost::test_tools::per_element());

    // Every event of the event types, bucket after bucket (ten, then eleven), page by page.
    fc::all_events history{.event_type_ids = {t.created, t.shipped}, .page_size = 1};
    read.clear();
    auto everything = fc::read_events(client, history);
    while (std::optional<fc::event> e = co_await everything.async_resume(asio::use_awaitable))
      read.push_back(e->event_id);
    BOOST_TEST(read == ids, boost::test_tools::per_element());
    fc::all_events from_eleven{.event_type_ids = {t.created, t.shipped}, .from_time_bucket = eleven};
    read.clear();
    auto later = fc::read_events(client, from_eleven);
    while (std::optional<fc::event> e = co_await later.async_resume(asio::use_awaitable))
      read.push_back(e->event_id);
    BOOST_TEST(read == in_eleven, boost::test_tools::per_element());

    // A failed page is thrown from async_resume, as execute() throws it.
    fc::event_list bad{.time_bucket = eleven};
    auto failing = fc::read_events(client, bad);
    try {
      co_await failing.async_resume(asio::use_awaitable);
      BOOST_ERROR("the generator should have thrown");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::invalid_argument);
    }
  });
}

// Paging ends on a missing `nextCursor` and on nothing else (docs/protocol.md section 6.9):
// a page shorter than `page_size`, even an empty one, that carries a cursor is not the
// last. The stub pages full unless told otherwise, so short_pages() makes such pages.
BOOST_AUTO_TEST_CASE(the_generators_page_past_short_and_empty_pages_with_a_cursor) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    const std::vector<std::string> ids = co_await store_three(client, t);
    const std::vector<std::string> in_eleven{ids[1], ids[2]};
    const std::vector<std::string> both{ten, eleven};

    // An empty first page with a cursor, then the full one.
    f.stub.short_pages(1, 0);
    f.stub.clear_requests();
    fc::event_list list{
        .event_type_ids = {t.created, t.shipped}, .time_bucket = eleven, .page_size = 10};
    std::vector<std::string> read;
    auto events = fc::read_events(client, list);
    while (std::optional<fc::event> e = co_await events.async_resume(asio::use_awaitable))
      read.push_back(e->event_id);
    BOOST_TEST(read == in_eleven, boost::test_tools::per_element());
    BOOST_TEST(f.stub.hits("GET", "/api/v1/events") == 2u);  // two pages

    // A page of one where ten were asked for, with a cursor, then the rest.
    f.stub.short_pages(1, 1);
    f.stub.clear_requests();
    fc::events_fetch by_names{.tenant = "acme",
                              .data_core_id = t.data_core,
                              .flow_type = "order",
                              .event_types = {"created", "shipped"},
                              .time_bucket = eleven,
                              .page_size = 10};
    read.clear();
    auto fetched = fc::read_events(client, by_names);
    while (std::optional<fc::event> e = co_await fetched.async_resume(asio::use_awaitable))
      read.push_back(e->event_id);
    BOOST_TEST(read == in_eleven, boost::test_tools::per_element());
    BOOST_TEST(f.stub.hits("POST", "/api/v1/events") == 2u);

    f.stub.short_pages(1, 0);
    fc::time_bucket_list buckets{.event_type_ids = {t.created}, .page_size = 10};
    std::vector<std::string> names;
    auto bucket_names = fc::read_time_buckets(client, buckets);
    while (std::optional<std::string> b = co_await bucket_names.async_resume(asio::use_awaitable))
      names.push_back(*b);
    BOOST_TEST(names == both, boost::test_tools::per_element());

    f.stub.short_pages(1, 1);
    fc::events_fetch_time_buckets_by_names named{.tenant = "acme",
                                                 .data_core_id = t.data_core,
                                                 .flow_type = "order",
                                                 .event_types = {"created", "shipped"},
                                                 .page_size = 10};
    names.clear();
    auto named_buckets = fc::read_time_buckets(client, named);
    while (std::optional<std::string> b = co_await named_buckets.async_resume(asio::use_awaitable))
      names.push_back(*b);
    BOOST_TEST(names == both, boost::test_tools::per_element());

    // Both levels of all_events: every page holds one item, buckets and events alike.
    f.stub.short_pages(-1, 1);
    fc::all_events history{.event_type_ids = {t.created, t.shipped}, .page_size = 10};
    read.clear();
    auto everything = fc::read_events(client, history);
    while (std::optional<fc::event> e = co_await everything.async_resume(asio::use_awaitable))
      read.push_back(e->event_id);
    BOOST_TEST(read == ids, boost::test_tools::per_element());

    // An empty first bucket page.
    f.stub.short_pages(1, 0);
    read.clear();
    auto again = fc::read_events(client, history);
    while (std::optional<fc::event> e = co_await again.async_resume(asio::use_awaitable))
      read.push_back(e->event_id);
    BOOST_TEST(read == ids, boost::test_tools::per_element());
  });
}

BOOST_AUTO_TEST_CASE(all_events_throws_a_failed_page_of_either_kind) {
  // all_events runs a generator of events inside one of time buckets: a failure in either
  // must reach the caller's async_resume as the client_error execute() would throw.
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    const std::vector<std::string> ids = co_await store_three(client, t);

    fc::all_events history{.event_type_ids = {t.created, t.shipped}, .page_size = 1};
    auto events = fc::read_events(client, history);
    const std::optional<fc::event> first = co_await events.async_resume(asio::use_awaitable);
    BOOST_REQUIRE(first.has_value());
    BOOST_TEST(first->event_id == ids[0]);
    // The next event page fails: not retried (a 400), thrown after the event before it.
    f.stub.add_fault({.path_prefix = "/api/v1/events", .count = 1, .status = 400});
    try {
      co_await events.async_resume(asio::use_awaitable);
      BOOST_ERROR("the generator should have thrown");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::http_status);
      BOOST_TEST(e.diagnostics().http_status == 400);
    }

    f.stub.add_fault({.path_prefix = "/api/v1/time-buckets", .count = 1, .status = 400});
    auto no_buckets = fc::read_events(client, history);
    try {
      co_await no_buckets.async_resume(asio::use_awaitable);
      BOOST_ERROR("the generator should have thrown");
    } catch (const fc::client_error& e) {
      BOOST_TEST(e.code() == fc::error::http_status);
      BOOST_TEST(e.diagnostics().command == "time_bucket_list");
    }
  });
}

BOOST_AUTO_TEST_CASE(an_event_page_over_eight_mebibytes_is_read) {
  // 1,000 events of 10 KiB in one time bucket: one page of about 10 MiB, past the 8 MiB
  // that bounds every other answer.
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    const tree t = co_await make_tree(client, f.stub.acme_tenant_id());
    const std::string payload = R"({"blob":")" + std::string(10 * 1024, 'x') + R"("})";
    for (int batch = 0; batch < 10; ++batch) {
      fc::ingest_batch cmd{.tenant_name = "acme",
                           .data_core_id = t.data_core,
                           .flow_type_name = "order",
                           .event_type_name = "created",
                           .events = std::vector<std::string>(100, payload),
                           .event_time = "2025-01-01T10:15:00.000Z"};
      co_await client.execute(cmd);
    }
    fc::event_list list{.event_type_ids = {t.created}, .time_bucket = ten};
    const fc::event_page page = co_await client.execute(list);
    BOOST_TEST(page.events.size() == 1000u);
    BOOST_TEST(page.events.back().payload == payload);
  });
}

BOOST_AUTO_TEST_CASE(bad_arguments_fail_before_any_io) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    fc::time_bucket_list no_types{};
    auto [e1, d1] = co_await try_execute(client, no_types);
    BOOST_TEST(e1 == fc::error::invalid_argument);
    BOOST_TEST(d1.message == "event_type_ids needs at least one entry");

    fc::event_list bad_bucket{.event_type_ids = {"x"}, .time_bucket = "2025-01-01"};
    auto [e2, d2] = co_await try_execute(client, bad_bucket);
    BOOST_TEST(e2 == fc::error::invalid_argument);
    BOOST_TEST(d2.message.find("time_bucket must be a time bucket") != std::string::npos);

    fc::events_fetch no_page{.tenant = "acme", .data_core_id = "d", .flow_type = "f",
                             .event_types = {"e"}, .time_bucket = eleven, .page_size = 0};
    auto [e3, d3] = co_await try_execute(client, no_page);
    BOOST_TEST(e3 == fc::error::invalid_argument);

    fc::events_fetch_time_buckets_by_names no_tenant{.data_core_id = "d", .flow_type = "f",
                                                     .event_types = {"e"}};
    auto [e4, d4] = co_await try_execute(client, no_tenant);
    BOOST_TEST(e4 == fc::error::invalid_argument);
    BOOST_TEST(f.stub.requests().empty());
  });
}

BOOST_AUTO_TEST_CASE(a_cursor_sent_back_unchanged_is_invalid_response) {
  stub_fixture f;
  f.run([&]() -> asio::awaitable<void> {
    fc::client client = f.make_client();
    f.stub.add_fault({.path_prefix = "/api/v1/time-buckets", .count = 1,
                      .body = R"({"timeBuckets":["20250101100000"],"nextCursor":3})"});
    fc::time_bucket_list looping{.event_type_ids = {"x"}, .cursor = 3};
    auto [ec, diag] = co_await try_execute(client, looping);
    BOOST_TEST(ec == fc::error::invalid_response);
    BOOST_TEST(diag.message.find("/nextCursor") != std::string::npos);

    f.stub.add_fault({.path_prefix = "/api/v1/events", .count = 1,
                      .body = R"({"events":[{"eventId":"e"}]})"});
    fc::event_list broken{.event_type_ids = {"x"}, .time_bucket = ten};
    auto [ec2, diag2] = co_await try_execute(client, broken);
    BOOST_TEST(ec2 == fc::error::invalid_response);
    BOOST_TEST(diag2.message.find("/events/0/") != std::string::npos);
  });
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace flowcore::test
