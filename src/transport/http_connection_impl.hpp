// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What an http_connection holds, for the two Beast translation units that use it:
// http_connection.cpp (opening, reuse checks) and transport.cpp (the exchange).

#include "transport/byte_stream.hpp"
#include "transport/http_connection.hpp"

#include <boost/beast/core/flat_buffer.hpp>

#include <string>

namespace flowcore::detail {

struct http_connection::impl {
  explicit impl(byte_stream s) : io(std::move(s)) {}
  byte_stream io;
  boost::beast::flat_buffer buffer;  // what was read past the last answer stays here
  std::string request_bytes;         // reused by every request on this connection
  bool keep_alive = false;           // the last answer allowed another request
};

}  // namespace flowcore::detail
