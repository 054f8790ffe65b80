// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// A listener on 127.0.0.1 that never accepts, with its accept queue full: Linux drops
// further SYNs, so a new connect to it hangs until the connecting side gives up. The
// way to test a connect that never completes without leaving loopback.

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <cstdint>
#include <vector>

namespace flowcore::test {

class full_listener {
 public:
  explicit full_listener(boost::asio::io_context& ioc) : acceptor_(ioc) {
    const boost::asio::ip::tcp::endpoint local(boost::asio::ip::make_address("127.0.0.1"), 0);
    acceptor_.open(local.protocol());
    acceptor_.bind(local);
    acceptor_.listen(0);
    for (int i = 0; i < 8; ++i) {
      fillers_.emplace_back(ioc);
      fillers_.back().async_connect(acceptor_.local_endpoint(), [](boost::system::error_code) {});
    }
  }

  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

  /// Closes the fillers and the listener, so the io_context runs out of work.
  void close() {
    for (auto& s : fillers_) s.close();
    acceptor_.close();
  }

 private:
  boost::asio::ip::tcp::acceptor acceptor_;
  std::vector<boost::asio::ip::tcp::socket> fillers_;
};

}  // namespace flowcore::test
