// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// Opening a connection and checking it before reuse. Opening the stream lives in
// byte_stream.cpp, shared with notifications; the exchange, in transport.cpp.
#include "transport/http_connection.hpp"

#include "transport/http_connection_impl.hpp"

#include <flowcore/error.hpp>

namespace flowcore::detail {
namespace {

namespace asio = boost::asio;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

}  // namespace

http_connection::http_connection(std::shared_ptr<impl> p) : impl_(std::move(p)) {}
http_connection::~http_connection() {
  if (impl_) {
    error_code ignored;
    impl_->io.socket().close(ignored);
  }
}

asio::awaitable<http_connection::open_result> http_connection::open(
    asio::any_io_executor ex, origin where, std::shared_ptr<ssl::context> tls, timeouts budget,
    steady_clock::time_point deadline, resolver_fn resolver) {
  open_stream_result opened = co_await open_stream(std::move(ex), std::move(where), std::move(tls),
                                                   budget, deadline, std::move(resolver));
  open_result out{
      .ec = opened.ec, .phase = std::move(opened.phase), .detail = std::move(opened.detail)};
  if (opened.stream) {
    // Non-blocking once, for peer_silent(): Asio's own operations do not mind, and setting
    // it per check would cost an ioctl each time.
    error_code ec;
    opened.stream->tcp().socket().non_blocking(true, ec);
    if (ec) {
      out.ec = error::connection_failed;
      out.phase = "connect";
      out.detail = ec.message();
      co_return out;
    }
    out.connection.reset(new http_connection(std::make_shared<impl>(std::move(*opened.stream))));
  }
  co_return out;
}

bool http_connection::reusable() const {
  // Bytes read past the end of the answer belong to no request of ours (a second,
  // unasked response): left in the buffer, they would be taken as the next call's answer.
  return impl_->keep_alive && impl_->buffer.size() == 0 && impl_->io.socket().is_open();
}

bool http_connection::peer_silent() {
  // A peer that closed (FIN), reset, or sent anything unasked (a TLS alert, a stray
  // response) makes the connection unusable; only "nothing to read" means alive. The
  // socket is non-blocking since open(), so this is the one recv and no ioctl.
  error_code ec;
  char byte = 0;
  impl_->io.socket().receive(asio::buffer(&byte, 1), tcp::socket::message_peek, ec);
  return ec == asio::error::would_block;
}

void http_connection::impl::watch_phase(const char* phase, steady_clock::time_point limit) {
  if (std::optional<steady_clock::time_point> at = watch.begin(phase, limit)) arm(*at);
}

void http_connection::impl::arm(steady_clock::time_point at) {
  // Re-arming a pending timer cancels its wait: that handler sees operation_aborted and
  // leaves the state, which already describes the new wait, alone.
  timer.expires_at(at);
  timer.async_wait([weak = weak_from_this()](error_code ec) {
    if (ec) return;  // re-armed, or the connection is gone
    std::shared_ptr<impl> self = weak.lock();
    if (!self) return;
    switch (self->watch.fired(steady_clock::now())) {
      case phase_watch::action::none:
        break;
      case phase_watch::action::rearm:
        self->arm(self->watch.limit());
        break;
      case phase_watch::action::expire: {
        // As Beast's own stream does on a timeout: the pending operation fails at once.
        error_code ignored;
        self->io.socket().close(ignored);
        break;
      }
    }
  });
}

}  // namespace flowcore::detail
