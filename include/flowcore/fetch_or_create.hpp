// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
/// @file
/// @brief `fc::fetch_or_create`: a data core, flow type or event type by name, created
/// when it does not exist yet.

#include <flowcore/client.hpp>
#include <flowcore/commands/data_core.hpp>
#include <flowcore/commands/event_type.hpp>
#include <flowcore/commands/flow_type.hpp>
#include <flowcore/error.hpp>

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <type_traits>

namespace flowcore {

namespace detail {

template <class Fetch, class Create>
inline constexpr bool is_fetch_create_pair =
    (std::is_same_v<Fetch, data_core_fetch> && std::is_same_v<Create, data_core_create>) ||
    (std::is_same_v<Fetch, flow_type_fetch> && std::is_same_v<Create, flow_type_create>) ||
    (std::is_same_v<Fetch, event_type_fetch> && std::is_same_v<Create, event_type_create>);

// Takes everything by value: the caller's objects may be gone when this first runs. The
// client comes last: Asio inspects a coroutine's first parameter for an executor.
template <class Fetch, class Create>
boost::asio::awaitable<typename Fetch::result_type> fetch_or_create(Fetch fetch, Create create,
                                                                    client c) {
  std::optional<typename Fetch::result_type> found;
  try {
    found = co_await c.execute(fetch);
  } catch (const client_error& e) {
    if (e.code() != error::not_found) throw;
  }
  if (found) co_return std::move(*found);
  try {
    co_return co_await c.execute(create);
  } catch (const client_error& e) {
    // 409: someone else created it between the fetch and the create.
    if (e.code() != error::http_status || e.diagnostics().http_status != 409) throw;
  }
  co_return co_await c.execute(fetch);
}

}  // namespace detail

/// @brief Fetches what `fetch` names; when it does not exist (`not_found`), creates it
/// with `create` and returns what was created.
///
/// The pairs: `data_core_fetch` / `data_core_create`, `flow_type_fetch` /
/// `flow_type_create`, `event_type_fetch` / `event_type_create`; `fetch` names the resource
/// by name (for example `fc::data_core_fetch{.tenant = "acme", .data_core = "orders"}`),
/// and `create` must create that same name.
///
/// @code
/// fc::data_core_fetch fetch{.tenant = "acme", .data_core = "orders"};
/// fc::data_core_create create{.tenant_id = acme.id, .name = "orders"};
/// fc::data_core core = co_await fc::fetch_or_create(client, fetch, create);
/// @endcode
///
/// Two processes may do this at once: when the create is answered 409 because the other
/// created it first, the resource is fetched once more and returned. Both calls use the
/// client's retry policy and deadline.
///
/// @par Errors
/// Those of the fetch, other than `not_found`, and those of the create, other than a 409;
/// after a 409, those of the second fetch. Throws `fc::client_error`.
template <class Fetch, class Create>
  requires detail::is_fetch_create_pair<Fetch, Create>
boost::asio::awaitable<typename Fetch::result_type> fetch_or_create(const client& c,
                                                                    const Fetch& fetch,
                                                                    const Create& create) {
  return detail::fetch_or_create(fetch, create, c);
}

#if FLOWCORE_GCC12_COROUTINE_TEMPORARIES
// See client::execute: GCC 12 miscompiles an aggregate temporary inside co_await.
template <class Fetch, class Create>
  requires(detail::is_fetch_create_pair<std::remove_cvref_t<Fetch>, std::remove_cvref_t<Create>> &&
           (!std::is_lvalue_reference_v<Fetch> || !std::is_lvalue_reference_v<Create>))
boost::asio::awaitable<typename std::remove_cvref_t<Fetch>::result_type> fetch_or_create(
    const client&, Fetch&&, Create&&) {
  static_assert(sizeof(Fetch) == 0,
                "GCC 12 miscompiles a temporary inside co_await: name the commands first "
                "(fc::data_core_fetch fetch{...}; fc::data_core_create create{...}; "
                "co_await fc::fetch_or_create(client, fetch, create);)");
  return {};
}
#endif

}  // namespace flowcore
