// Copyright (c) 2026 flowcore authors. Distributed under the Boost Software License 1.0.
#include "utf8.hpp"

#include "json_reader.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

namespace flowcore::detail {
namespace {

bool in(unsigned char c, unsigned char lo, unsigned char hi) noexcept { return c >= lo && c <= hi; }

// RFC 3629 section 4 (the well-formed byte sequences): the ranges of the second byte
// after E0, ED, F0 and F4 are what exclude overlong forms, surrogates and code points
// above U+10FFFF.
std::size_t sequence_length(std::string_view text, std::size_t i) noexcept {
  const auto at = [&](std::size_t k) -> unsigned char {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0;
  };
  const unsigned char b0 = at(0);
  if (b0 < 0x80) return 1;
  const auto tail = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k)
      if (!in(at(k), 0x80, 0xBF)) return false;
    return true;
  };
  if (in(b0, 0xC2, 0xDF)) return tail(1, 2) ? 2 : 0;
  if (b0 == 0xE0) return in(at(1), 0xA0, 0xBF) && tail(2, 3) ? 3 : 0;
  if (in(b0, 0xE1, 0xEC) || in(b0, 0xEE, 0xEF)) return tail(1, 3) ? 3 : 0;
  if (b0 == 0xED) return in(at(1), 0x80, 0x9F) && tail(2, 3) ? 3 : 0;
  if (b0 == 0xF0) return in(at(1), 0x90, 0xBF) && tail(2, 4) ? 4 : 0;
  if (in(b0, 0xF1, 0xF3)) return tail(1, 4) ? 4 : 0;
  if (b0 == 0xF4) return in(at(1), 0x80, 0x8F) && tail(2, 4) ? 4 : 0;
  return 0;  // 80..C1 (a continuation or an overlong lead), F5..FF
}

bool find(const boost::json::value& v, std::string& pointer, invalid_utf8_location& out);

bool find(const boost::json::object& o, std::string& pointer, invalid_utf8_location& out) {
  const std::size_t mark = pointer.size();
  for (const auto& member : o) {
    if (!is_valid_utf8(member.key())) {
      out.pointer = pointer;
      out.in_key = true;
      return true;
    }
    append_pointer_token(pointer, member.key());
    if (find(member.value(), pointer, out)) return true;
    pointer.resize(mark);
  }
  return false;
}

// Bodies built by the commands are a few levels deep, so recursion is bounded.
bool find(const boost::json::value& v, std::string& pointer, invalid_utf8_location& out) {
  if (const auto* s = v.if_string()) {
    if (is_valid_utf8(*s)) return false;
    out.pointer = pointer;
    return true;
  }
  if (const auto* o = v.if_object()) return find(*o, pointer, out);
  const std::size_t mark = pointer.size();
  if (const auto* a = v.if_array()) {
    for (std::size_t i = 0; i < a->size(); ++i) {
      pointer += '/';
      pointer += std::to_string(i);
      if (find((*a)[i], pointer, out)) return true;
      pointer.resize(mark);
    }
  }
  return false;
}

}  // namespace

std::size_t invalid_utf8_offset(std::string_view text) noexcept {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t n = sequence_length(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string invalid_utf8_location::describe() const {
  const std::string where = pointer.empty() ? std::string("the root") : pointer;
  return in_key ? "a key of " + where : where;
}

std::optional<invalid_utf8_location> find_invalid_utf8(const boost::json::value& value) {
  std::string pointer;
  invalid_utf8_location out;
  if (find(value, pointer, out)) return out;
  return std::nullopt;
}

std::optional<invalid_utf8_location> find_invalid_utf8(const boost::json::object& object) {
  std::string pointer;
  invalid_utf8_location out;
  if (find(object, pointer, out)) return out;
  return std::nullopt;
}

}  // namespace flowcore::detail
