// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#pragma once
// What an http_connection holds, for the two Beast translation units that use it:
// http_connection.cpp (opening, reuse checks) and transport.cpp (the exchange).

#include "transport/byte_stream.hpp"
#include "transport/http_connection.hpp"

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <optional>
#include <string>

namespace flowcore::detail {

struct http_connection::impl {
  explicit impl(byte_stream s) : io(std::move(s)) {}
  byte_stream io;
  boost::beast::flat_buffer buffer;  // what was read past the last answer stays here
  std::string request_bytes;         // reused by every request on this connection
  /// The answer being read. Here rather than in the exchange's coroutine frame, which it
  /// would push past the allocator's small-block cache (1 KiB): the connection is
  /// allocated once, the frame once per call.
  std::optional<boost::beast::http::response_parser<boost::beast::http::string_body>> parser;
  bool keep_alive = false;  // the last answer allowed another request
};

}  // namespace flowcore::detail
