#include "report/text_columns.hpp"

#include <algorithm>

#include <string_view>
#include <utility>

namespace clearpath {
namespace {

// The code point at s[i] and its length in bytes (invalid bytes count as one column each).
char32_t decode(const std::string& s, std::size_t i, std::size_t& len) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (i + len > s.size()) len = 1;
  if (len == 1) return c;
  char32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) {
      len = 1;
      return c;
    }
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  return cp;
}

std::size_t columns_of(char32_t cp) {
  if ((cp >= 0x300 && cp <= 0x36F) || cp == 0x200B || (cp >= 0xFE00 && cp <= 0xFE0F)) return 0;
  const bool wide =
      (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
      (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) || (cp >= 0x20000 && cp <= 0x3FFFD);
  return wide ? 2 : 1;
}

}  // namespace

std::size_t display_width(const std::string& s) {
  std::size_t n = 0, len = 0;
  for (std::size_t i = 0; i < s.size(); i += len) n += columns_of(decode(s, i, len));
  return n;
}

std::string terminal_safe(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  std::size_t len = 0;
  for (std::size_t i = 0; i < s.size(); i += len) {
    const char32_t cp = decode(s, i, len);
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) out += ' ';
    else out.append(s, i, len);
  }
  return out;
}

const std::string& terminal_safe(const std::string& s, std::string& buffer) {
  const bool printable = std::all_of(s.begin(), s.end(), [](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    return u >= 0x20 && u < 0x7F;
  });
  if (printable) return s;
  buffer = terminal_safe(s);
  return buffer;
}

std::string fit_columns(const std::string& s, std::size_t w) {
  if (display_width(s) <= w) return s;
  if (w == 0) return "";
  std::string out;
  std::size_t used = 0, len = 0;
  for (std::size_t i = 0; i < s.size(); i += len) {
    const std::size_t c = columns_of(decode(s, i, len));
    if (used + c > w - 1) break;
    out.append(s, i, len);
    used += c;
  }
  return out + "~";
}

std::string pad_columns(const std::string& s, std::size_t w) {
  const std::size_t n = display_width(s);
  return n >= w ? s : s + std::string(w - n, ' ');
}

std::string align_right(const std::string& s, std::size_t w) {
  const std::size_t n = display_width(s);
  return n >= w ? s : std::string(w - n, ' ') + s;
}

std::vector<std::string> wrap_lines(const std::string& s, std::size_t room) {
  if (room == 0) room = 1;
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = 0;
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    const std::size_t at = start;  // the word is s[at, end)
    const std::string_view word(s.data() + at, end - at);
    start = end + 1;
    if (word.empty()) continue;
    // Each code point is decoded once: a word of a megabyte is one pass, not one per line.
    std::size_t n = 0, len = 0;
    for (std::size_t i = 0; i < word.size() && n <= room; i += len) n += columns_of(decode(s, at + i, len));
    if (!line.empty() && used + 1 + n > room) {
      lines.push_back(std::move(line));
      line.clear();
      used = 0;
    }
    if (n <= room) {
      if (!line.empty()) {
        line += ' ';
        ++used;
      }
      line.append(word);
      used += n;
      continue;
    }
    // A word longer than a line (the line is empty here): as much as fits on each line.
    std::size_t i = 0;
    while (i < word.size()) {
      std::size_t taken = 0, from = i;
      for (; i < word.size(); i += len) {
        const std::size_t c = columns_of(decode(s, at + i, len));
        if (taken + c > room && i > from) break;  // a wide character in a one-column room still goes
        taken += c;
      }
      if (i == word.size()) {
        line.assign(word.substr(from));
        used = taken;
      } else {
        lines.emplace_back(word.substr(from, i - from));
      }
    }
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace clearpath
