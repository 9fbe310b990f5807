#pragma once
// Printing diagnostics: compiler-style text lines, or JSON. Private to the library.
#include <iosfwd>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "clearpath/diagnostic.hpp"

namespace clearpath {

inline constexpr std::size_t kDiagnosticsShown = 50;
// A source line longer than this many characters is cut to a window of kSnippetWindow around
// the column, with "..." where it was cut.
inline constexpr std::size_t kSnippetLineLimit = 100;
inline constexpr std::size_t kSnippetWindow = 80;

// file:line:col: error: /pointer: message   (at most kDiagnosticsShown, then a count)
// After each diagnostic with a line and column inside `source` (the text it was found in;
// empty = none), the source line and a caret under the column, as clang prints them:
//    12 |       "depends_on": ["foo"],
//       |                      ^
// The caret lines up in code points (tabs before it are copied from the line); with `color`
// it is bold green.
void print_diagnostics(std::ostream& out, const std::string& file, const Diagnostics& diag, bool color,
                       std::string_view source);

// {"errors": n, "warnings": n, "diagnostics": [...], "omitted": n}
nlohmann::ordered_json diagnostics_json(const std::string& file, const Diagnostics& diag);

}  // namespace clearpath
