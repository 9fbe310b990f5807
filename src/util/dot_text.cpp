// Escaping for DOT: user text in HTML-like labels, ids as node names.
#include "util/dot_text.hpp"

namespace clearpath {

std::string html_text(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case ']': out += "&#93;"; break;  // Graphviz 2.42 rejects a text that starts with it after a tag
      case '\n': out += "<BR/>"; break;
      case '\\': out += "\\\\"; break;  // Graphviz expands \N, \G ... even in HTML labels
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string dot_name(std::string_view id) {
  std::string out;
  out.reserve(id.size());
  for (char c : id) {
    switch (c) {
      case '^': out += "^5E"; break;
      case '%': out += "^25"; break;
      case '&': out += "^26"; break;
      case '\\': out += "^5C"; break;
      case '"': out += "^22"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace clearpath
