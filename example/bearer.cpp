// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Bearer tokens: a client whose credentials are a token provider, a coroutine the library
// awaits once per HTTP attempt. This provider caches its token and fetches a new one only
// when the cached one is about to expire (here the "fetch" is a short timer; in a real
// program it would ask your identity provider). With it the program runs commands that
// need bearer credentials: it creates an API key in tenant "acme", lists the tenant's
// keys, and deletes the new one. It also shows that ingestion, which needs an API key,
// is refused before any I/O. It exits 1 if the key is not listed, if the provider fetched
// more than one token, or if the ingestion is not refused.
//
//   bearer [BASE_URL]     (default http://127.0.0.1:8080, e.g. a running flowcore-stub)
//
// The token comes from FLOWCORE_TOKEN if set; the stub accepts any well-formed token.
#include <flowcore/flowcore.hpp>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

namespace asio = boost::asio;
namespace fc = flowcore;
using namespace std::chrono_literals;

namespace {

// What the provider remembers between calls. Shared: the library runs a copy of the
// provider for each token it needs, so state kept in the lambda itself (a mutable capture
// by value) would start afresh every time and never cache anything.
struct token_cache {
  std::string token;
  std::chrono::steady_clock::time_point expires;
  int fetched = 0;  // tokens fetched from the "identity provider"
  int asked = 0;    // times the library asked for a token
};

// The provider's body, a coroutine function taking the cache by value (a shared_ptr).
asio::awaitable<std::string> cached_token(std::shared_ptr<token_cache> cache) {
  ++cache->asked;
  const auto now = std::chrono::steady_clock::now();
  if (cache->token.empty() || now + 30s >= cache->expires) {
    // Stands for a request to the identity provider.
    asio::steady_timer fetch(co_await asio::this_coro::executor, 10ms);
    co_await fetch.async_wait(asio::use_awaitable);
    const char* env = std::getenv("FLOWCORE_TOKEN");
    cache->token = env ? env : "demo-token-" + std::to_string(++cache->fetched);
    if (env) ++cache->fetched;
    cache->expires = now + 1h;
  }
  co_return cache->token;
}

asio::awaitable<bool> run(fc::client& client, std::shared_ptr<token_cache> cache) {
  fc::tenant_fetch tenant{.tenant = "acme"};
  const fc::tenant acme = co_await client.execute(tenant);

  // API keys live in the tenant store: create, list, fetch, edit and delete need a token.
  fc::api_key_create create{
      .tenant_id = acme.id, .name = "bearer-example", .description = "Created by the example"};
  const fc::api_key_created created = co_await client.execute(create);
  std::cout << "created API key " << created.name << " " << created.id << " ("
            << created.masked_api_key << ")\n";

  fc::api_key_list list{.tenant_id = acme.id};
  bool listed = false;
  const std::vector<fc::api_key_info> keys = co_await client.execute(list);
  for (const fc::api_key_info& key : keys) {
    std::cout << "  " << key.name << " " << key.masked_api_key << " created " << key.created_at
              << "\n";
    listed |= key.id == created.id;
  }

  fc::api_key_delete remove{.api_key_id = created.id};
  const bool deleted = co_await client.execute(remove);
  std::cout << "deleted " << created.name << ": " << std::boolalpha << deleted << "\n";

  // Ingestion sends the raw API key, so a bearer client refuses it before any I/O.
  fc::ingest_event ingest{.tenant_name = "acme",
                          .data_core_id = "any",
                          .flow_type_name = "order",
                          .event_type_name = "created",
                          .event_data = "{}"};
  auto [ec, ignored] = co_await client.async_execute(ingest, asio::as_tuple(asio::use_awaitable));
  std::cout << "ingest_event with a bearer token: " << ec.message() << "\n";

  std::cout << "the provider was asked " << cache->asked << " times and fetched " << cache->fetched
            << " token\n";
  co_return listed&& deleted&& ec == fc::error::not_allowed_in_mode && cache->fetched == 1 &&
      cache->asked >= 4;
}

}  // namespace

int main(int argc, char** argv) {
  auto cache = std::make_shared<token_cache>();
  asio::io_context ioc;
  fc::client client(
      ioc.get_executor(),
      fc::client_options{
          // Starts the coroutine; a capturing coroutine lambda would work as well.
          .credentials = fc::bearer_token{.provider = [cache] { return cached_token(cache); }},
          .base_url = argc > 1 ? argv[1] : "http://127.0.0.1:8080",
      });
  int status = 1;
  asio::co_spawn(ioc, run(client, cache), [&](std::exception_ptr e, bool ok) {
    if (!e) {
      status = ok ? 0 : 1;
      return;
    }
    try {
      std::rethrow_exception(e);
    } catch (const std::exception& error) {  // fc::client_error included
      std::cerr << "bearer: " << error.what() << "\n";
    }
  });
  ioc.run();
  return status;
}
