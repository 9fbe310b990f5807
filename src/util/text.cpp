#include "util/text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace clearpath {

void pointer_append(std::string& pointer, std::string_view key) {
  pointer += '/';
  for (char c : key) {
    if (c == '~') pointer += "~0";
    else if (c == '/') pointer += "~1";
    else pointer += c;
  }
}

void pointer_append(std::string& pointer, std::size_t index) {
  pointer += '/';
  pointer += std::to_string(index);
}

std::string pointer_join(std::string pointer, std::string_view key) {
  pointer_append(pointer, key);
  return pointer;
}

std::string pointer_join(std::string pointer, std::size_t index) {
  pointer_append(pointer, index);
  return pointer;
}

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
  // Optimal string alignment (insertions, deletions, substitutions, swaps of neighbours),
  // computed only in the band |i - j| <= limit: O(length x limit), never length squared.
  const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (gap > limit) return limit + 1;
  const std::size_t big = limit + 1;
  const std::size_t w = b.size() + 1;
  thread_local std::vector<std::size_t> prev2, prev, row;
  prev2.assign(w, big);
  prev.assign(w, big);
  row.assign(w, big);
  for (std::size_t j = 0; j < w && j <= limit; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t lo = i > limit ? i - limit : 1;
    const std::size_t hi = std::min(b.size(), i + limit);
    std::fill(row.begin(), row.end(), big);
    if (i <= limit) row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = lo; j <= hi; ++j) {
      std::size_t v = std::min({prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, prev2[j - 2] + 1);
      row[j] = std::min(v, big);
      best = std::min(best, row[j]);
    }
    if (best > limit) return big;
    std::swap(prev2, prev);
    std::swap(prev, row);
  }
  return std::min(prev[b.size()], big);
}

std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates) {
  // Long words (hostile input, or not a typo of an id) get no suggestion.
  if (word.size() > kMaxSuggestedLength) return {};
  // Allow about one edit in three characters, at least one, at most three.
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::string_view best;
  std::size_t best_distance = limit + 1;
  for (std::string_view c : candidates) {
    if (c == word) continue;
    const std::size_t d = edit_distance(word, c, limit);
    if (d < best_distance || (d == best_distance && d <= limit && c < best)) {
      best = c;
      best_distance = d;
    }
  }
  // A suggestion must keep something of the word: 'b' for 'a' is no suggestion.
  const bool useful = best_distance <= limit && best_distance < word.size();
  return useful ? std::string(best) : std::string();
}

std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::string match = closest_match(word, candidates);
  return match.empty() ? std::string() : " (did you mean " + quote_text(match) + "?)";
}

std::string quote_text(std::string_view text) {
  constexpr std::size_t kMax = 80;
  std::string out = "'";
  std::size_t shown = 0;
  for (unsigned char c : text) {
    if (shown >= kMax && (c & 0xC0) != 0x80) {
      out += "...";
      break;
    }
    if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
    if ((c & 0xC0) != 0x80) ++shown;
  }
  out += "'";
  return out;
}

std::string cycle_text(std::size_t n, const std::function<std::string(std::size_t)>& item, std::size_t shown) {
  // items 0, 1, ... (closing back to 0)
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (n > shown && i == shown - 2) {
      out += "... (" + std::to_string(n - shown + 1) + " more) -> ";
      i = n - 1;
    }
    out += item(i) + " -> ";
  }
  return out + item(0);
}

std::string list_text(std::size_t n, const std::function<std::string(std::size_t)>& item, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < n && i < shown; ++i) out += (i ? ", " : "") + item(i);
  if (n > shown) out += ", ... (" + std::to_string(n - shown) + " more)";
  return out;
}

std::string kebab_id(std::string_view name, std::size_t max_bytes) {
  std::string slug;
  bool gap = false;
  for (unsigned char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c >= 0x80;
    if (!keep) {
      gap = true;
      continue;
    }
    if (gap && !slug.empty()) slug += '-';
    gap = false;
    slug += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  if (slug.size() > max_bytes) {
    std::size_t cut = slug.rfind('-', max_bytes);
    if (cut == std::string::npos || cut < max_bytes / 2) {
      cut = max_bytes;
      while (cut > 0 && (static_cast<unsigned char>(slug[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    }
    slug.resize(cut);
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
  }
  return slug;
}

}  // namespace clearpath
