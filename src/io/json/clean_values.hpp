#pragma once
// Reading single values with simdjson On-Demand for the clean reader (clean_reader.hpp). Each
// helper returns false where the precise reader would have something to say (a wrong type, a
// number out of its range, an escape it treats specially), so the caller gives up and the file
// is read again precisely. Private to the library.
#include <cmath>
#include <optional>
#include <string_view>

#include <simdjson.h>

namespace clearpath::clean {

namespace od = simdjson::ondemand;

// A number's allowed range, as the file format defines it for one field.
struct Range {
  double min = 0;
  bool min_exclusive = false;
  double max = HUGE_VAL;
  bool integer = false;
};
inline constexpr Range kNonNegative{};
inline constexpr Range kPositive{0, true, HUGE_VAL, false};

inline bool within(double x, const Range& r) {
  if (!std::isfinite(x)) return false;
  if (r.integer && std::floor(x) != x) return false;
  if (x < r.min || (r.min_exclusive && x == r.min)) return false;
  return x <= r.max;
}

inline bool number_of(od::value& v, const Range& r, double& out) {
  double x = 0;
  if (v.get_double().get(x) || !within(x, r)) return false;
  out = x;
  return true;
}

inline bool number_of(od::value& v, const Range& r, std::optional<double>& out) {
  double x = 0;
  if (!number_of(v, r, x)) return false;
  out = x;
  return true;
}

inline bool bool_of(od::value& v, bool& out) { return !v.get_bool().get(out); }

// The code unit of the \u escape at text[at] (the backslash), or -1 when it is not one.
inline long utf16_unit(std::string_view text, std::size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  long unit = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    const char c = text[i];
    const int digit = c >= '0' && c <= '9'   ? c - '0'
                      : c >= 'a' && c <= 'f' ? c - 'a' + 10
                      : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                             : -1;
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

// True when every escaped UTF-16 surrogate in `inner` comes in a proper pair: simdjson and
// the precise reader then decode the string alike; anything else is left to the precise one.
inline bool surrogates_paired(std::string_view inner) {
  for (std::size_t at = inner.find('\\'); at != std::string_view::npos; at = inner.find('\\', at)) {
    const long unit = utf16_unit(inner, at);
    if (unit >= 0xDC00 && unit <= 0xDFFF) return false;  // a low surrogate alone
    if (unit >= 0xD800 && unit <= 0xDBFF) {
      const long low = utf16_unit(inner, at + 6);
      if (low < 0xDC00 || low > 0xDFFF) return false;
      at += 12;
    } else {
      at += 2;  // \\ or \" or \n ...: the next character is not the start of an escape
    }
  }
  return true;
}

// A string. Without escapes it is a view of the file itself (no copy); with escapes simdjson
// unescapes it into the parser's buffer, which lives as long as the document.
inline bool string_of(od::value& v, std::string_view& out) {
  std::string_view raw = v.raw_json_token();
  if (raw.empty() || raw.front() != '"') return false;
  while (raw.size() > 1 && (raw.back() == ' ' || raw.back() == '\n' || raw.back() == '\r' || raw.back() == '\t'))
    raw.remove_suffix(1);
  if (raw.size() < 2 || raw.back() != '"') return false;
  const std::string_view inner = raw.substr(1, raw.size() - 2);
  if (inner.find('\\') == std::string_view::npos) {
    // raw_json_token only peeks: the value must also be consumed, or simdjson 3.0's iteration
    // of the array or object around it skips what follows without checking its separator, and
    // `["a": "b"}]` or `{"a": "b" ]` reads as valid.
    od::raw_json_string consumed;
    if (v.get_raw_json_string().get(consumed)) return false;
    out = inner;
    return true;
  }
  return surrogates_paired(inner) && !v.get_string().get(out);
}

// A non-empty string: what a reference to another entity must be.
inline bool id_of(od::value& v, std::string_view& out) { return string_of(v, out) && !out.empty(); }

// An object key: a view of the file when it has no escapes, else unescaped by simdjson.
inline bool key_of(od::field& f, std::string_view& out) {
  // The closing quote is there (simdjson checked every string is closed); escapes are skipped
  // in pairs so an escaped quote does not end the key.
  const char* start = f.key().raw();
  const char* end = start;
  bool escaped = false;
  for (; *end != '"'; ++end)
    if (*end == '\\') {
      escaped = true;
      ++end;
    }
  out = std::string_view(start, static_cast<std::size_t>(end - start));
  if (!escaped) return true;
  return surrogates_paired(out) && !f.unescaped_key().get(out);
}

}  // namespace clearpath::clean
