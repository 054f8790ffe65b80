// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// One accepted connection as a byte stream, plain TCP or TLS, behind a single type.
//
// Why: Beast's HTTP operations are the most expensive templates to compile
// (docs/design.md "Compile time: where Beast lives").
// Templating the session on two stream types instantiated all of them twice; this stream
// erases the difference (any_completion_handler, a fixed buffer array), so http_server.cpp
// instantiates them once and the OpenSSL machinery is compiled here, in its own TU.

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/system/error_code.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace boost::asio::ssl {
class context;
}

namespace flowcore::stub::detail {

/// A TLS server context with `cert_file` (PEM chain) and `key_file` (PEM key) loaded.
/// Throws boost::system::system_error when either cannot be used.
std::shared_ptr<boost::asio::ssl::context> make_tls_context(const std::string& cert_file,
                                                            const std::string& key_file);

class session_stream {
 public:
  using executor_type = boost::asio::any_io_executor;
  using io_handler =
      boost::asio::any_completion_handler<void(boost::system::error_code, std::size_t)>;
  /// A write hands at most this many buffers to the socket; write_some may write less
  /// than asked, so callers (Beast's serializer) simply continue.
  static constexpr std::size_t max_write_buffers = 16;

  /// Plain TCP when `tls` is null; else TLS over `socket`, server side, and `tls` must
  /// outlive the stream. Call handshake() before anything else.
  session_stream(boost::asio::ip::tcp::socket socket, boost::asio::ssl::context* tls);
  ~session_stream();
  session_stream(const session_stream&) = delete;
  session_stream& operator=(const session_stream&) = delete;

  executor_type get_executor();
  bool is_tls() const;

  /// AsyncReadStream: reads into the first buffer of `buffers`.
  template <class MutableBufferSequence, class Token>
  auto async_read_some(const MutableBufferSequence& buffers, Token&& token) {
    return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
        [this](auto handler, const MutableBufferSequence& b) {
          boost::asio::mutable_buffer first;
          for (auto it = boost::asio::buffer_sequence_begin(b);
               it != boost::asio::buffer_sequence_end(b); ++it) {
            first = *it;
            if (first.size() != 0) break;
          }
          start_read_some(first, io_handler(std::move(handler)));
        },
        token, buffers);
  }

  /// AsyncWriteStream: writes from the first max_write_buffers buffers of `buffers`.
  template <class ConstBufferSequence, class Token>
  auto async_write_some(const ConstBufferSequence& buffers, Token&& token) {
    return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
        [this](auto handler, const ConstBufferSequence& b) {
          std::array<boost::asio::const_buffer, max_write_buffers> gathered{};
          std::size_t n = 0;
          for (auto it = boost::asio::buffer_sequence_begin(b);
               it != boost::asio::buffer_sequence_end(b) && n < gathered.size(); ++it)
            gathered[n++] = *it;
          start_write_some(gathered, io_handler(std::move(handler)));
        },
        token, buffers);
  }

  /// TLS: the server handshake; afterwards sni() is the name the client asked for.
  /// Plain: completes at once.
  boost::asio::awaitable<boost::system::error_code> handshake();
  /// The server name from the TLS ClientHello, so that tests can check the client sends
  /// SNI (docs/protocol.md section 8.1); empty if none or plain.
  std::string sni() const;

  /// Ends the connection politely, then closes it: TLS sends close_notify and waits for
  /// the peer's at most `budget` (peers often never answer, boostorg/beast#2807); plain
  /// TCP sends FIN, so a client reading to EOF sees the whole answer.
  boost::asio::awaitable<void> shutdown(std::chrono::milliseconds budget);
  /// After an error answer sent before the request was read to its end: plain TCP sends
  /// FIN, then reads and discards what the peer still sends, until it closes or `budget`
  /// passes, then closes. Closing with unread bytes would have the kernel reset the
  /// connection, which can destroy the answer before the client reads it. TLS: shutdown().
  boost::asio::awaitable<void> linger_close(std::chrono::milliseconds budget);
  /// Closes the socket now; pending operations complete with operation_aborted.
  void close();

 private:
  void start_read_some(boost::asio::mutable_buffer buffer, io_handler handler);
  void start_write_some(const std::array<boost::asio::const_buffer, max_write_buffers>& buffers,
                        io_handler handler);

  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace flowcore::stub::detail
