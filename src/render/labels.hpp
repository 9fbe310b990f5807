#pragma once
// Graphviz HTML-like labels from plain text. Every piece of user text passes through
// html_text, so names with quotes, backslashes, '<', '&' or newlines show as written and can
// never close the label, inject DOT or add markup. Private to the library.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/diagram.hpp"
#include "util/dot_text.hpp"

namespace clearpath {

// `base`, or with leading underscores added until no name in `names` starts with it: a prefix for
// the names of nodes clearpath adds that no entity or node can clash with.
std::string unused_prefix(const std::string& base, const std::vector<std::string_view>& names);

// Long text broken at spaces into lines of at most `width` code points, at most `max_lines`
// of them (the last cut with "..." when more would follow). Never empty.
std::vector<std::string> wrap_words(std::string_view s, std::size_t width = 30, std::size_t max_lines = 3);

// Every line of text a diagram shows is cut to this many code points, the last one "…": a name
// of a megabyte would otherwise make Graphviz lay out (and the SVG hold) a megabyte-wide box.
inline constexpr std::size_t kMaxLabelText = 200;
// html_text of `s` cut to kMaxLabelText code points.
std::string capped_html_text(std::string_view s);

// A node or cluster label: its lines joined, emphasised lines bold, small ones smaller and grey.
std::string label_html(const DiagramLabel& label);

// A node drawn as a table: each cell's lines as label_html writes them, its background and text
// colour from its style (throws RenderError for a style `d` does not define).
std::string table_html(const Diagram& d, const std::vector<std::vector<DiagramCell>>& rows);

// The title of a diagram: its first line bold and larger, the rest below it.
std::string title_html(const std::vector<std::string>& title);

// The legend: a swatch drawn in each style used and its explanation, in `columns` columns
// (filled top to bottom, then left to right).
std::string legend_html(const std::vector<const DiagramStyle*>& styles, std::size_t columns = 1);

}  // namespace clearpath
