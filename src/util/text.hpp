#pragma once
// Small text helpers: JSON pointers, edit distance and did-you-mean, quoting user text. The
// lowest layer: the model, io and report all use them. Private to the library.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace clearpath {

// Appends one JSON pointer segment (RFC 6901: "~" -> "~0", "/" -> "~1").
void pointer_append(std::string& pointer, std::string_view key);
void pointer_append(std::string& pointer, std::size_t index);
std::string pointer_join(std::string pointer, std::string_view key);
std::string pointer_join(std::string pointer, std::size_t index);
// A name as an id: lower-cased (ASCII letters), every run of characters other than ASCII letters
// and digits made one '-' (other UTF-8 text is kept), '-' trimmed at both ends, and at most
// `max_bytes` long (cut at a '-' where one is near): "R&D (Paris)" -> "r-d-paris". "" when
// nothing is left.
std::string kebab_id(std::string_view name, std::size_t max_bytes = 256);
// Edit distance, giving up (returning limit + 1) once it must exceed `limit`.
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit);

inline constexpr std::size_t kMaxSuggestedLength = 64;

// The candidate closest to `word` within a distance that scales with its length, or "".
// Ties go to the smallest candidate, so the suggestion is stable.
std::string closest_match(std::string_view word, const std::vector<std::string_view>& candidates);
// " (did you mean 'x'?)" or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string_view>& candidates);

// A cycle of n items (n >= 1) as "a -> b -> c -> a", item(i) naming the i-th. A cycle longer
// than `shown` is abbreviated after its first shown - 2 items: "a -> ... (K more) -> z -> a",
// so the text stays short whatever n (the loader's dependency and reports_to cycles, the HR
// importer's manager cycles).
inline constexpr std::size_t kCycleShown = 12;
std::string cycle_text(std::size_t n, const std::function<std::string(std::size_t)>& item,
                       std::size_t shown = kCycleShown);
// item(0), ..., item(n - 1) joined by ", ", the first `shown` of them then "... (K more)".
std::string list_text(std::size_t n, const std::function<std::string(std::size_t)>& item,
                      std::size_t shown = kCycleShown);

// 'x', with control characters escaped and very long text cut, for quoting user text.
std::string quote_text(std::string_view text);

}  // namespace clearpath
