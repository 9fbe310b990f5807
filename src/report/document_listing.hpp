#pragma once
// The text of a listing document (Document::listing): the fixed columns the subcommands' reports
// (path, copilots, conflicts, level, stats) have always printed. Private to the library.
#include <cstddef>
#include <iosfwd>
#include <string>

#include "report/document.hpp"

namespace clearpath {

// `s` in the look's ANSI colour when `color`, else as it is.
std::string styled(const std::string& s, Look look, bool color);
// The section's title upper-cased (ASCII letters), then its note as written.
std::string text_heading(const Section& s);
void write_listing_text(std::ostream& out, const Document& d, bool color, std::size_t width);

}  // namespace clearpath
