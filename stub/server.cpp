// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
// The public stub class: wires the dispatcher (what to answer) to the HTTP server (how).
#include <flowcore/stub/server.hpp>

#include "dispatcher.hpp"
#include "http_server.hpp"
#include "notification_hub.hpp"

#include <stdexcept>
#include <utility>

namespace flowcore::stub {

struct server::impl {
  impl(boost::asio::any_io_executor ex, server_options o)
      : options(std::move(o)),
        dispatch(std::make_shared<detail::dispatcher>(ex, options)),
        http(std::move(ex), options, dispatch,
             // Aliases the dispatcher: sockets keep the hub alive through it.
             std::shared_ptr<detail::notification_hub>(dispatch, &dispatch->notifications())) {}

  server_options options;
  // Shared with every session, which may outlive this object while it unwinds.
  std::shared_ptr<detail::dispatcher> dispatch;
  detail::http_server http;
};

server::server(boost::asio::any_io_executor ex, server_options options)
    : impl_(std::make_shared<impl>(std::move(ex), std::move(options))) {}

server::~server() { stop(); }

void server::start() {
  // Before binding: a bad state file leaves no port bound.
  impl_->dispatch->load_state();
  impl_->http.start();
}
void server::stop() {
  impl_->http.stop();
  impl_->dispatch->stop();  // pending delete/truncate completions would keep run() going
}

std::uint16_t server::port() const { return impl_->http.port(); }

std::string server::base_url() const {
  std::string host = impl_->options.host;
  // A wildcard bind is reachable on loopback; a URL naming the wildcard is not dialable.
  if (host == "0.0.0.0") host = "127.0.0.1";
  if (host == "::") host = "::1";
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return (impl_->http.tls() ? "https://" : "http://") + host + ":" + std::to_string(port());
}

void server::add_fault(fault f) { impl_->dispatch->ctx().faults.add(std::move(f)); }
void server::clear_faults() { impl_->dispatch->ctx().clear_faults(); }
void server::short_pages(std::int64_t count, std::size_t items) {
  impl_->dispatch->ctx().faults.short_pages(count, items);
}
void server::reset() { impl_->dispatch->ctx().reset(); }

std::string server::acme_tenant_id() const { return impl_->dispatch->ctx().model.acme_id(); }

const std::vector<request_record>& server::requests() const { return impl_->dispatch->requests(); }

std::size_t server::hits(std::string_view method, std::string_view path_prefix) const {
  return impl_->dispatch->hits(method, path_prefix);
}

std::uint64_t server::connections_accepted() const { return impl_->http.connections_accepted(); }

void server::clear_requests() {
  impl_->dispatch->clear_requests();
  impl_->dispatch->notifications().clear_frames();
}

std::size_t server::send_ws_frame(std::string text) {
  return impl_->dispatch->notifications().broadcast(text);
}

std::size_t server::close_notification_sockets(int code) {
  if (!detail::valid_close_code(code))
    throw std::invalid_argument("close code must be 1000-1003, 1006-1014 or 3000-4999");
  return impl_->dispatch->notifications().close_all(code);
}

void server::drop_notifications(std::int64_t count) {
  impl_->dispatch->notifications().drop_events(count);
}

std::uint64_t server::notifications_dropped() const {
  return impl_->dispatch->notifications().dropped_events();
}

std::size_t server::notification_sockets() const { return impl_->dispatch->notifications().open(); }

std::size_t server::subscribed_notification_sockets() const {
  return impl_->dispatch->notifications().subscribed();
}

std::uint64_t server::notification_upgrades() const {
  return impl_->dispatch->notifications().accepted();
}

std::uint64_t server::subscription_frames_received() const {
  return impl_->dispatch->notifications().frames_received();
}

std::uint64_t server::notification_pings_received() const {
  return impl_->dispatch->notifications().pings_received();
}

const std::vector<std::string>& server::subscription_frames() const {
  return impl_->dispatch->notifications().frames();
}

}  // namespace flowcore::stub
