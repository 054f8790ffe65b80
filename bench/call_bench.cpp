// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The REST call path against its floor (a measurement, not a test; see BENCHMARKS.md):
// `data_core_fetch` by id in a closed loop, side by side with a minimal hand-written Beast
// keep-alive client that sends exactly the bytes flowcore sends (checked at start) and
// parses the JSON answer. For each number of calls in flight, both are measured in turn
// in this one process against the same stub:
//   - calls/s, and p50 / p99 latency per call;
//   - CPU time per call (getrusage: user + system of this process, the stub excluded);
//   - heap allocations per call (every operator new of the process is counted).
// With --heap, it measures instead the heap per in-flight call: glibc heap in use
// (mallinfo2) with that many calls held by a stalled server, less the heap in use before
// any connection existed (the flowcore client itself, one per program, is made before).
// bench/calls.sh runs one such process per client and number, so that both start from
// the same heap (free lists left by an earlier measurement would hide costs); it also
// counts system calls per call under strace.
//
//   call_bench BASE_URL [CALLS=20000] [IN_FLIGHT=1,8,32,128,512] [WHICH=both|flowcore|floor]
//              [--heap]
#include <flowcore/flowcore.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/streambuf.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/use_future.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <boost/url/parse.hpp>

#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

// Every allocation of the process, counted: the floor and flowcore use the same
// operator new, so the counts compare like with like. One thread, so no atomics.
namespace {
std::size_t allocations = 0;
}
void* operator new(std::size_t n) {
  ++allocations;
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void* operator new(std::size_t n, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(n ? n : 1);
}
void* operator new[](std::size_t n, const std::nothrow_t& t) noexcept { return operator new(n, t); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace fc = flowcore;
using tcp = asio::ip::tcp;
using steady = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

const fc::api_key bench_key{"fc_bench_0123456789abcdef"};
constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

struct endpoint_info {
  std::string host;  // as in the Host header
  tcp::endpoint endpoint;
};

endpoint_info parse_endpoint(const std::string& base_url) {
  auto url = boost::urls::parse_absolute_uri(base_url);
  if (!url) throw std::runtime_error("call_bench: BASE_URL is not a URL");
  endpoint_info out;
  out.host = url->encoded_host_and_port();
  out.endpoint = tcp::endpoint(asio::ip::make_address(url->host_address()),
                               static_cast<unsigned short>(url->port_number()));
  return out;
}

double cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  auto s = [](timeval t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
  return s(u.ru_utime) + s(u.ru_stime);
}

std::size_t heap_in_use() { return mallinfo2().uordblks; }

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const auto i = static_cast<std::size_t>(p * double(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// Runs `ioc` until `done()` holds.
template <class Done>
void run_until(asio::io_context& ioc, Done done) {
  ioc.restart();
  while (!done()) ioc.run_one();
}

// ---------------------------------------------------------------------------------------
// The floor: one coroutine per connection, Beast's own request and response types, the
// buffer and the request reused across calls, no timers. What a careful hand-written
// keep-alive client does, and nothing a library adds (deadlines, retries, a pool).

http::request<http::empty_body> floor_request(const endpoint_info& where, const std::string& target,
                                              const std::string& authorization) {
  http::request<http::empty_body> req{http::verb::get, target, 11};
  req.set(http::field::host, where.host);
  req.set(http::field::user_agent, "flowcore-cpp/" FLOWCORE_VERSION_STRING);
  req.set(http::field::accept, "application/json");
  req.set(http::field::authorization, authorization);
  return req;
}

std::string serialise(const http::request<http::empty_body>& req) {
  std::ostringstream out;
  out << req;
  return out.str();
}

struct floor_connection {
  explicit floor_connection(asio::io_context& ioc) : stream(ioc) {}
  beast::tcp_stream stream;
  beast::flat_buffer buffer;
};

// One call: write, read, parse; true when the answer is the data core.
asio::awaitable<bool> floor_call(floor_connection& c, const http::request<http::empty_body>& req,
                                 const std::string& id) {
  auto [write_ec, written] = co_await http::async_write(c.stream, req, no_throw);
  if (write_ec) co_return false;
  http::response<http::string_body> res;
  auto [read_ec, read] = co_await http::async_read(c.stream, c.buffer, res, no_throw);
  if (read_ec || res.result() != http::status::ok) co_return false;
  boost::system::error_code json_ec;
  const boost::json::value v = boost::json::parse(res.body(), json_ec);
  co_return !json_ec && v.is_object() && v.as_object().if_contains("id") &&
      v.as_object().at("id") == id.c_str();
}

// ---------------------------------------------------------------------------------------
// What one measurement reports.

struct result {
  double calls_per_s = 0, p50_us = 0, p99_us = 0, cpu_us = 0, allocs = 0;
};

struct setup {
  asio::io_context& ioc;
  endpoint_info where;
  std::string base_url;
  std::string id;      // the data core fetched
  std::string target;  // its path
  std::string authorization;
};

// Arms or clears a stall on the data core routes, through the stub's control API.
void stub_control(setup& s, http::verb method, std::string body) {
  tcp::socket socket(s.ioc);
  socket.connect(s.where.endpoint);
  http::request<http::string_body> req{method, "/__stub/faults", 11};
  req.set(http::field::host, s.where.host);
  req.set(http::field::content_type, "application/json");
  req.body() = std::move(body);
  req.prepare_payload();
  http::write(socket, req);
  beast::flat_buffer buffer;
  http::response<http::string_body> res;
  http::read(socket, buffer, res);
  if (res.result_int() >= 300) throw std::runtime_error("call_bench: stub control failed");
}
void arm_stall(setup& s) {
  stub_control(s, http::verb::post,
               R"({"path_prefix": "/api/v1/data-cores/", "count": 0, "stall": true})");
}
void clear_faults(setup& s) { stub_control(s, http::verb::delete_, ""); }

// Latencies and totals of a closed loop of `calls` calls from `in_flight` workers.
class loop_meter {
 public:
  loop_meter(int calls) : calls_(calls) { latencies_.reserve(std::size_t(calls)); }
  void start() {
    cpu0_ = cpu_seconds();
    allocs0_ = allocations;
    t0_ = steady::now();
  }
  void record(steady::time_point began) {
    latencies_.push_back(std::chrono::duration<double, std::micro>(steady::now() - began).count());
  }
  result finish() {
    const double wall = std::chrono::duration<double>(steady::now() - t0_).count();
    result r;
    const auto n = double(latencies_.size());
    r.calls_per_s = n / wall;
    r.cpu_us = (cpu_seconds() - cpu0_) * 1e6 / n;
    r.allocs = double(allocations - allocs0_) / n;
    r.p50_us = percentile(latencies_, 0.50);
    r.p99_us = percentile(latencies_, 0.99);
    return r;
  }
  int calls() const { return calls_; }

 private:
  int calls_;
  std::vector<double> latencies_;
  double cpu0_ = 0;
  std::size_t allocs0_ = 0;
  steady::time_point t0_;
};

// Bytes of heap per call in flight, with `in_flight` calls held by a stalled stub.
double floor_heap(setup& s, int in_flight) {
  const auto req = floor_request(s.where, s.target, s.authorization);
  arm_stall(s);
  const std::size_t before = heap_in_use();
  double per_call = 0;
  {
    std::vector<std::unique_ptr<floor_connection>> conns;
    int pending = 0;
    for (int i = 0; i < in_flight; ++i) {
      conns.push_back(std::make_unique<floor_connection>(s.ioc));
      conns.back()->stream.socket().connect(s.where.endpoint);
      ++pending;
      asio::co_spawn(
          s.ioc,
          [](floor_connection& c, const http::request<http::empty_body>& req, std::string id,
             int& pending) -> asio::awaitable<void> {
            co_await floor_call(c, req, id);
            --pending;
          }(*conns.back(), req, s.id, pending),
          asio::detached);
    }
    s.ioc.restart();
    s.ioc.run_for(300ms);  // every request written; the answers never come
    per_call = double(heap_in_use() - before) / in_flight;
    for (auto& c : conns) c->stream.socket().close();
    run_until(s.ioc, [&] { return pending == 0; });
  }
  clear_faults(s);
  return per_call;
}

result measure_floor(setup& s, int in_flight, int calls) {
  const auto req = floor_request(s.where, s.target, s.authorization);
  std::vector<std::unique_ptr<floor_connection>> conns;
  for (int i = 0; i < in_flight; ++i) {
    conns.push_back(std::make_unique<floor_connection>(s.ioc));
    conns.back()->stream.socket().connect(s.where.endpoint);
  }
  auto worker = [](floor_connection& c, const http::request<http::empty_body>& req,
                   const std::string& id, int calls, loop_meter* meter,
                   int& busy) -> asio::awaitable<void> {
    for (int i = 0; i < calls; ++i) {
      const auto began = steady::now();
      if (!co_await floor_call(c, req, id)) throw std::runtime_error("floor: call failed");
      if (meter) meter->record(began);
    }
    --busy;
  };
  auto run_loop = [&](int per_worker, loop_meter* meter) {
    int busy = in_flight;
    for (auto& c : conns)
      asio::co_spawn(s.ioc, worker(*c, req, s.id, per_worker, meter, busy),
                     [](std::exception_ptr e) {
                       if (e) std::rethrow_exception(e);
                     });
    run_until(s.ioc, [&] { return busy == 0; });
  };
  run_loop(std::max(1, 200 / in_flight), nullptr);  // warm up
  loop_meter meter(calls);
  meter.start();
  run_loop(std::max(1, calls / in_flight), &meter);
  return meter.finish();
}

fc::client_options flowcore_options(const setup& s, int in_flight) {
  fc::client_options o;
  o.credentials = bench_key;
  o.base_url = s.base_url;
  o.max_connections_per_origin = std::size_t(in_flight);
  return o;
}

double flowcore_heap(setup& s, int in_flight) {
  const fc::data_core_fetch fetch{.data_core_id = s.id};
  {
    // One call first, on a client of its own: what the io_context creates once, on first
    // use (the timer service), is not a cost per call. The floor's sockets found theirs
    // made by the set-up's requests to the stub.
    fc::client warm_up(s.ioc.get_executor(), flowcore_options(s, 1));
    bool done = false;
    warm_up.async_execute(fetch,
                          [&done](boost::system::error_code, fc::data_core) { done = true; });
    run_until(s.ioc, [&] { return done; });
  }
  arm_stall(s);
  double per_call = 0;
  int pending = 0;
  {
    // The client is made before the count starts: it is one per program, not per call
    // (its connections, made by the calls, are counted, as the floor's are).
    fc::client client(s.ioc.get_executor(), flowcore_options(s, in_flight));
    const std::size_t before = heap_in_use();
    for (int i = 0; i < in_flight; ++i) {
      ++pending;
      client.async_execute(fetch,
                           [&pending](boost::system::error_code, fc::data_core) { --pending; });
    }
    s.ioc.restart();
    s.ioc.run_for(300ms);  // every request written; the answers never come
    per_call = double(heap_in_use() - before) / in_flight;
  }  // the last handle: every call ends with cancelled
  run_until(s.ioc, [&] { return pending == 0; });
  clear_faults(s);
  return per_call;
}

// `on_client_strand`: the client is given a strand and its callers run on it, so no call
// changes executor. Otherwise the client is given the bare io_context executor (it makes
// a strand of its own) and its callers run on the io_context: each call is carried to the
// client's strand and back (docs/threads.md).
result measure_flowcore(setup& s, int in_flight, int calls, bool on_client_strand) {
  const fc::data_core_fetch fetch{.data_core_id = s.id};
  fc::client client(on_client_strand ? asio::any_io_executor(asio::make_strand(s.ioc))
                                     : asio::any_io_executor(s.ioc.get_executor()),
                    flowcore_options(s, in_flight));
  const asio::any_io_executor callers =
      on_client_strand ? client.get_executor() : asio::any_io_executor(s.ioc.get_executor());
  auto worker = [](fc::client& client, const fc::data_core_fetch& fetch, int calls,
                   loop_meter* meter, int& busy) -> asio::awaitable<void> {
    for (int i = 0; i < calls; ++i) {
      const auto began = steady::now();
      const fc::data_core d = co_await client.execute(fetch);
      if (d.id != fetch.data_core_id) throw std::runtime_error("flowcore: wrong data core");
      if (meter) meter->record(began);
    }
    --busy;
  };
  auto run_loop = [&](int per_worker, loop_meter* meter) {
    int busy = in_flight;
    for (int i = 0; i < in_flight; ++i)
      asio::co_spawn(callers, worker(client, fetch, per_worker, meter, busy),
                     [](std::exception_ptr e) {
                       if (e) std::rethrow_exception(e);
                     });
    run_until(s.ioc, [&] { return busy == 0; });
  };
  run_loop(std::max(1, 200 / in_flight), nullptr);  // warm up: the pool's connections open
  loop_meter meter(calls);
  meter.start();
  run_loop(std::max(1, calls / in_flight), &meter);
  return meter.finish();
}

// The request flowcore sends for `fetch`, as bytes: a one-shot listener answers 404.
std::string capture_flowcore_request(asio::io_context& ioc, const std::string& id) {
  tcp::acceptor acceptor(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  std::string captured;
  asio::co_spawn(
      ioc,
      [](tcp::acceptor& acceptor, std::string& captured) -> asio::awaitable<void> {
        tcp::socket peer = co_await acceptor.async_accept(asio::use_awaitable);
        asio::streambuf in;
        const std::size_t n =
            co_await asio::async_read_until(peer, in, "\r\n\r\n", asio::use_awaitable);
        captured.assign(asio::buffers_begin(in.data()), asio::buffers_begin(in.data()) + long(n));
        const std::string answer = "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n";
        co_await asio::async_write(peer, asio::buffer(answer), asio::use_awaitable);
      }(acceptor, captured),
      asio::detached);
  fc::client_options o;
  o.credentials = bench_key;
  o.base_url = "http://127.0.0.1:" + std::to_string(acceptor.local_endpoint().port());
  o.retry.max_retries = 0;
  bool done = false;
  {
    fc::client client(ioc.get_executor(), o);
    client.async_execute(fc::data_core_fetch{.data_core_id = id},
                         [&done](boost::system::error_code, fc::data_core) { done = true; });
    run_until(ioc, [&] { return done; });
  }
  ioc.restart();
  ioc.poll();
  return captured;
}

asio::awaitable<std::string> bench_data_core(fc::client& client) {
  fc::tenant_fetch tenant_cmd{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant_cmd);
  fc::data_core_fetch fetch{.tenant = "acme", .data_core = "bench-calls"};
  fc::data_core_create create{.tenant_id = acme.id, .name = "bench-calls"};
  co_return (co_await fc::fetch_or_create(client, fetch, create)).id;
}

std::vector<int> parse_list(const std::string& text) {
  std::vector<int> out;
  std::stringstream in(text);
  for (std::string item; std::getline(in, item, ',');) out.push_back(std::stoi(item));
  return out;
}

void print_row(const char* impl, int in_flight, const result& r) {
  std::printf("| %-8s | %5d | %9.0f | %8.1f | %8.1f | %6.2f | %6.1f |\n", impl, in_flight,
              r.calls_per_s, r.p50_us, r.p99_us, r.cpu_us, r.allocs);
}

}  // namespace

int main(int argc, char** argv) try {
  std::vector<std::string> args(argv + 1, argv + argc);
  const bool heap = std::erase(args, "--heap") > 0;
  if (args.empty()) {
    std::cerr << "usage: call_bench BASE_URL [CALLS=20000] [IN_FLIGHT=1,8,32,128,512] "
                 "[both|flowcore|floor] [--heap]\n";
    return 2;
  }
  const int calls = args.size() > 1 ? std::stoi(args[1]) : 20000;
  const std::vector<int> in_flight = parse_list(args.size() > 2 ? args[2] : "1,8,32,128,512");
  const std::string which = args.size() > 3 ? args[3] : "both";

  asio::io_context ioc;
  setup s{.ioc = ioc, .where = parse_endpoint(args[0]), .base_url = args[0]};
  {
    fc::client client(ioc.get_executor(),
                      fc::client_options{.credentials = bench_key, .base_url = s.base_url});
    auto made = asio::co_spawn(ioc, bench_data_core(client), asio::use_future);
    ioc.run();
    s.id = made.get();
  }
  s.target = "/api/v1/data-cores/" + s.id;
  // The floor must send what flowcore sends, byte for byte (but the Host header's port).
  const std::string sent = capture_flowcore_request(ioc, s.id);
  const auto auth_at = sent.find("Authorization: ");
  if (auth_at == std::string::npos) throw std::runtime_error("no Authorization header captured");
  s.authorization = sent.substr(auth_at + 15, sent.find("\r\n", auth_at) - auth_at - 15);
  endpoint_info capture_where = s.where;
  capture_where.host = sent.substr(sent.find("Host: ") + 6);
  capture_where.host.resize(capture_where.host.find("\r\n"));
  if (serialise(floor_request(capture_where, s.target, s.authorization)) != sent) {
    std::cerr << "call_bench: the floor's request differs from flowcore's:\n" << sent;
    return 1;
  }

  if (heap) {  // one line per measurement: client, in flight, bytes per call
    for (int n : in_flight) {
      if (which != "flowcore") std::printf("floor %d %.0f\n", n, floor_heap(s, n));
      if (which != "floor") std::printf("flowcore %d %.0f\n", n, flowcore_heap(s, n));
    }
    return 0;
  }
  std::printf("data_core_fetch by id, %d calls per row\n\n", calls);
  std::printf("| client | in flight | calls/s | p50 us | p99 us | CPU us/call | allocs/call |\n");
  std::printf("|--------|------:|------:|------:|------:|------:|------:|\n");
  for (int n : in_flight) {
    if (which != "flowcore") print_row("floor", n, measure_floor(s, n, calls));
    if (which != "floor") print_row("flowcore", n, measure_flowcore(s, n, calls, false));
    if (which == "both")
      print_row("flowcore, callers on its strand", n, measure_flowcore(s, n, calls, true));
    std::fflush(stdout);
  }
  return 0;
} catch (const std::exception& e) {
  std::cerr << "call_bench: " << e.what() << "\n";
  return 1;
}
