#pragma once
// Printing diagnostics: compiler-style text lines, or JSON. Private to the library.
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/diagnostic.hpp"

namespace clearpath {

inline constexpr std::size_t kDiagnosticsShown = 50;

// file:line:col: error: /pointer: message   (at most kDiagnosticsShown, then a count)
void print_diagnostics(std::ostream& out, const std::string& file, const Diagnostics& diag,
                       bool color);

// {"errors": n, "warnings": n, "diagnostics": [...], "omitted": n}
nlohmann::ordered_json diagnostics_json(const std::string& file, const Diagnostics& diag);

}  // namespace clearpath
