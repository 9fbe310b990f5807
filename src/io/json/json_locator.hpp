#pragma once
// Finds where things are in JSON text: the byte offset of the value a JSON pointer names, and
// the line and column of a byte offset. Used only to place diagnostics, after parsing.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clearpath {

struct TextPosition {
  std::size_t line = 0;    // 1-based
  std::size_t column = 0;  // 1-based, in UTF-8 code points
};

// Line and column of byte `offset` (clamped to the text).
TextPosition position_of(std::string_view text, std::size_t offset);
// The same for many offsets, in one pass over the text (in any order; results match).
std::vector<TextPosition> positions_of(std::string_view text, const std::vector<std::size_t>& offsets);

// For each pointer, the byte offset where the value it names starts, or nothing when the text
// has no such value. One pass over the text whatever the number of pointers; subtrees no
// pointer goes into are skipped without decoding. The text must be well-formed JSON up to the
// values looked for.
std::vector<std::optional<std::size_t>> locate_pointers(std::string_view text,
                                                        const std::vector<std::string>& pointers);

}  // namespace clearpath
