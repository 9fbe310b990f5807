#pragma once
// Terminal columns of UTF-8 text: East Asian wide characters take two, combining marks none.
// Private to the library.
#include <string>
#include <vector>

namespace clearpath {

std::size_t display_width(const std::string& s);
// Control characters (which could drive the terminal) and newlines become spaces.
std::string terminal_safe(const std::string& s);
// The same without a copy where there is nothing to change: `s` itself when it is all printable
// ASCII, else terminal_safe(s) put in `buffer`.
const std::string& terminal_safe(const std::string& s, std::string& buffer);
// At most `w` columns: text that does not fit is cut and ends in "~".
std::string fit_columns(const std::string& s, std::size_t w);
// Padded with spaces to `w` columns (left- or right-aligned).
std::string pad_columns(const std::string& s, std::size_t w);
std::string align_right(const std::string& s, std::size_t w);
// Words in lines of at most `room` columns; a word longer than that is split. Always at least
// one line.
std::vector<std::string> wrap_lines(const std::string& s, std::size_t room);

}  // namespace clearpath
