// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "base64.hpp"

#include <openssl/evp.h>

#include <stdexcept>

namespace flowcore::detail {

std::string base64_encode(std::string_view bytes) {
  // EVP_EncodeBlock takes the input length and returns the output length as `int`; a
  // larger input would overflow either.
  if (bytes.size() > max_base64_input)
    throw std::length_error("base64_encode: " + std::to_string(bytes.size()) +
                            " bytes is more than one call can encode (limit " +
                            std::to_string(max_base64_input) + ")");
  std::string out(base64_encoded_size(bytes.size()), '\0');
  // EVP_EncodeBlock writes the RFC 4648 section 4 alphabet with '=' padding and no line
  // breaks, then a NUL: that lands on out[out.size()], the terminator std::string keeps,
  // which may be written with '\0'.
  const int written = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                      reinterpret_cast<const unsigned char*>(bytes.data()),
                                      static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace flowcore::detail
