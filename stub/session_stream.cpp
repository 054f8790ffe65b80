// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The stub's only use of asio::ssl and OpenSSL: TLS context, handshake, SNI, shutdown.
#include "session_stream.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <array>
#include <optional>

namespace flowcore::stub::detail {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

constexpr auto no_throw = asio::as_tuple(asio::use_awaitable);

}  // namespace

std::shared_ptr<ssl::context> make_tls_context(const std::string& cert_file,
                                               const std::string& key_file) {
  auto tls = std::make_shared<ssl::context>(ssl::context::tls_server);
  tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                   ssl::context::no_sslv3 | ssl::context::single_dh_use);
  tls->use_certificate_chain_file(cert_file);
  tls->use_private_key_file(key_file, ssl::context::pem);
  return tls;
}

struct session_stream::impl {
  // Exactly one is engaged. TLS owns its socket, hence no plain socket beside it.
  std::optional<tcp::socket> plain;
  std::optional<ssl::stream<tcp::socket>> tls;
  std::string sni;

  tcp::socket& socket() { return tls ? tls->next_layer() : *plain; }
};

session_stream::session_stream(tcp::socket socket, ssl::context* tls)
    : impl_(std::make_unique<impl>()) {
  if (tls)
    impl_->tls.emplace(std::move(socket), *tls);
  else
    impl_->plain.emplace(std::move(socket));
}

session_stream::~session_stream() = default;

session_stream::executor_type session_stream::get_executor() {
  return impl_->socket().get_executor();
}

bool session_stream::is_tls() const { return impl_->tls.has_value(); }

std::string session_stream::sni() const { return impl_->sni; }

void session_stream::start_read_some(asio::mutable_buffer buffer, io_handler handler) {
  if (impl_->tls)
    impl_->tls->async_read_some(buffer, std::move(handler));
  else
    impl_->plain->async_read_some(buffer, std::move(handler));
}

void session_stream::start_write_some(
    const std::array<asio::const_buffer, max_write_buffers>& buffers, io_handler handler) {
  // asio's TLS stream linearises small buffers into one record itself (ssl/detail/write_op).
  if (impl_->tls)
    impl_->tls->async_write_some(buffers, std::move(handler));
  else
    impl_->plain->async_write_some(buffers, std::move(handler));
}

asio::awaitable<boost::system::error_code> session_stream::handshake() {
  if (!impl_->tls) co_return boost::system::error_code();
  auto [ec] = co_await impl_->tls->async_handshake(ssl::stream_base::server, no_throw);
  if (!ec)
    if (const char* name = SSL_get_servername(impl_->tls->native_handle(),
                                              TLSEXT_NAMETYPE_host_name))
      impl_->sni = name;
  co_return ec;
}

asio::awaitable<void> session_stream::shutdown(std::chrono::milliseconds budget) {
  if (impl_->tls) {
    using namespace asio::experimental::awaitable_operators;
    // Both sides as_tuple: `||` waits for the first operand that does not throw.
    asio::steady_timer timer(impl_->socket().get_executor(), budget);
    co_await (impl_->tls->async_shutdown(no_throw) || timer.async_wait(no_throw));
  } else {
    boost::system::error_code ignored;
    impl_->plain->shutdown(tcp::socket::shutdown_send, ignored);
  }
  close();
}

asio::awaitable<void> session_stream::linger_close(std::chrono::milliseconds budget) {
  if (impl_->tls) {
    co_await shutdown(budget);
    co_return;
  }
  using namespace asio::experimental::awaitable_operators;
  boost::system::error_code ignored;
  impl_->plain->shutdown(tcp::socket::shutdown_send, ignored);
  asio::steady_timer timer(impl_->socket().get_executor(), budget);
  std::array<char, 4096> scratch;
  for (;;) {
    auto first = co_await (impl_->plain->async_read_some(asio::buffer(scratch), no_throw) ||
                           timer.async_wait(no_throw));
    if (first.index() == 1) break;  // budget spent
    auto [ec, n] = std::get<0>(first);
    if (ec) break;  // the peer closed its side, or the socket failed
  }
  close();
}

void session_stream::close() {
  boost::system::error_code ignored;
  impl_->socket().close(ignored);
}

}  // namespace flowcore::stub::detail
