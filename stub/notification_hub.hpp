// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// The notification side of the stub without the WebSocket (docs/protocol.md sections 10.5,
// 10.10 and 13.4): which sockets are open, what each subscribed to, the event and
// validation frames, and the control actions on all sockets. Plain logic on plain strings:
// the Beast session (notification_socket.cpp) only moves frames between this and the wire,
// so the rules here never recompile the heavy TU and stay readable without it.

#include "event_store.hpp"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace flowcore::stub::detail {

class state;

/// One open notification socket as the hub sees it: somewhere to queue frames. Calls
/// return at once; the socket sends in the background, one frame at a time, in order.
class notification_peer {
 public:
  virtual ~notification_peer() = default;
  /// Queues a text frame after those already queued.
  virtual void send(std::string frame) = 0;
  /// Sends what is queued, then closes with `code`; 1006 drops the TCP connection
  /// without a close frame. Frames queued afterwards are discarded.
  virtual void close(int code) = 0;
};

/// A subscription that passed the checks of docs/protocol.md section 10.10.
struct subscription {
  std::string tenant;  ///< Tenant name.
  std::string data_core_id;
  std::optional<std::string> flow_type_id;
  std::optional<std::string> event_type_id;

  /// docs/protocol.md section 10.10: tenant name and data core id equal, flow and event
  /// type ids equal when set.
  bool matches(const stored_event& e) const;
};

/// RFC 6455 7.4: the codes a server may send, plus 1006, which the ws_close action
/// (docs/protocol.md section 13.4) uses to mean "drop the TCP connection without a close
/// frame". 1004, 1005 and 1015 are never sent.
bool valid_close_code(std::int64_t code);

/// `{"message":"<inner JSON text>"}` for `e` (docs/protocol.md section 10.5).
std::string event_frame(const stored_event& e);

/// The socket registry. Runs on the stub's executor, like the rest of the model.
class notification_hub {
 public:
  /// Subscriptions are checked against `model`, which must outlive the hub.
  /// `record_frames` false: subscription_frames() stays empty (long-running stubs).
  notification_hub(state& model, bool record_frames);

  /// Registers a socket whose upgrade completed; answers the id it is known by.
  std::uint64_t attach(std::shared_ptr<notification_peer> peer);
  /// Forgets a socket that ended (closed, failed, or the server stopped). Unknown ids do
  /// nothing.
  void detach(std::uint64_t id);

  /// A frame the client sent on socket `id`: a valid subscription replaces the socket's
  /// own; anything else is answered with a validation frame, the subscription unchanged.
  void receive(std::uint64_t id, std::string text);
  /// Sends the event frame of `e` to every open socket whose subscription matches; the
  /// state's event listener, so called in storage order.
  void notify(const stored_event& e);

  /// `ws_frame`: queues `text` on every open socket; answers how many.
  std::size_t broadcast(const std::string& text);
  /// `ws_close`: closes every open socket with `code` (valid_close_code); answers how
  /// many. Closing sockets count as gone from now on.
  std::size_t close_all(int code);

  /// `drop_notifications`: the next `count` stored events reach no socket (they are still
  /// stored); a negative count drops every event until drop_events(0) or a fault reset.
  void drop_events(std::int64_t count) { drop_left_ = count; }
  /// Events stored but not announced because of drop_events().
  std::uint64_t dropped_events() const { return dropped_; }

  /// Sockets open and not closing.
  std::size_t open() const;
  /// Of those, the ones with a valid subscription.
  std::size_t subscribed() const;
  /// Upgrades completed so far.
  std::uint64_t accepted() const { return accepted_; }
  /// Frames received from clients so far, valid or not.
  std::uint64_t frames_received() const { return frames_received_; }
  /// A client's ping arrived (Beast answers it; the hub only counts).
  void ping_received() { ++pings_received_; }
  /// Pings received from clients so far.
  std::uint64_t pings_received() const { return pings_received_; }
  /// Their texts in arrival order, when recording.
  const std::vector<std::string>& frames() const { return frames_; }
  /// Forgets the recorded texts (the counters stay).
  void clear_frames() { frames_.clear(); }

 private:
  struct socket_entry {
    std::shared_ptr<notification_peer> peer;
    std::optional<subscription> current;
    bool closing = false;
  };

  state& model_;
  bool record_frames_;
  // Ordered by id, so every action reaches the sockets in the order they opened.
  std::map<std::uint64_t, socket_entry> sockets_;
  std::uint64_t accepted_ = 0;
  std::uint64_t frames_received_ = 0;
  std::uint64_t pings_received_ = 0;
  std::int64_t drop_left_ = 0;
  std::uint64_t dropped_ = 0;
  std::vector<std::string> frames_;
};

}  // namespace flowcore::stub::detail
