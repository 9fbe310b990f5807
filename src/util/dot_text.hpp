#pragma once
// Escaping for DOT, shared by the diagrams (render/) and the DOT export (io/export/): it sits
// below both. Private to the library.
#include <string>
#include <string_view>

namespace clearpath {

// Text escaped for an HTML-like label: & < > " ' ] as entities (Graphviz 2.42's label parser
// takes "<B>]" for a syntax error; the fuzz target found it), control characters as spaces,
// newlines as line breaks, and a backslash doubled (Graphviz would otherwise expand \N, \G and
// the like into names, even inside HTML labels).
std::string html_text(std::string_view s);

// A node or cluster name as it appears in DOT: the id, with '^', '%', '&', '\\' and '"' written
// as '^' and their hex code ("^5E", "^25", "^26", "^5C", "^22"); every other character is kept.
// Graphviz 2.42 writes a backslash before a quote in a way its own parser rejects, leaves '&'
// unescaped in SVG titles (so "&x;" would be an undefined entity), and its parser drops names
// that start with '%'.
std::string dot_name(std::string_view id);

}  // namespace clearpath
