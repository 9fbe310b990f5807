#include "io/mspdi/xml_input.hpp"

#include <algorithm>
#include <cstring>
#include <utility>

#include "clearpath/load.hpp"
#include "util/utf8.hpp"

namespace clearpath {

namespace {

std::string parse_problem(const pugi::xml_parse_result& r) {
  switch (r.status) {
    case pugi::status_no_document_element: return "no XML element: the file is empty or holds only a prologue";
    case pugi::status_end_element_mismatch: return "an end tag does not match its start tag";
    case pugi::status_unrecognized_tag: return "not well-formed XML: a tag is malformed or the file is truncated";
    case pugi::status_bad_attribute: return "not well-formed XML: a malformed attribute";
    case pugi::status_bad_pcdata: return "not well-formed XML: malformed text";
    case pugi::status_bad_cdata: return "not well-formed XML: an unterminated CDATA section";
    case pugi::status_bad_comment: return "not well-formed XML: an unterminated comment";
    case pugi::status_bad_doctype: return "not well-formed XML: a malformed DOCTYPE";
    case pugi::status_bad_start_element: return "not well-formed XML: a malformed start tag";
    case pugi::status_bad_end_element: return "not well-formed XML: a malformed end tag or a truncated file";
    case pugi::status_out_of_memory: return "out of memory reading the XML";
    default: return std::string("not well-formed XML: ") + r.description();
  }
}

}  // namespace

XmlInput::XmlInput(std::string_view text, std::string file) : file_(std::move(file)) {
  line_starts_.push_back(0);
  // memchr, not a loop over every byte: this index is built for every file read.
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* p = begin; p != end;) {
    const auto* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (newline == nullptr) break;
    p = newline + 1;
    line_starts_.push_back(static_cast<std::size_t>(p - begin));
  }
  if (text.size() >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') || (text[0] == '\xfe' && text[1] == '\xff'))) {
    ErrorLocation at = where_offset(0);
    throw InputError("the file is UTF-16: clearpath reads XML in UTF-8, as MS Project saves it (save it as UTF-8)", at);
  }
  // Every name and text becomes a string of the model, which must be UTF-8 (pugixml does not
  // check it; the fuzz target found a byte 0x96 in a name going through to the saved JSON).
  if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos)
    throw InputError("the file is not valid UTF-8 here (byte " + byte_text(text[bad]) +
                         "): clearpath reads XML in UTF-8, as MS Project saves it",
                     where_offset(static_cast<std::ptrdiff_t>(bad)));
  // XML holds no NUL character, and pugixml would stop at one as if the file ended there
  // (/dev/zero read as "no XML element" at column 65,537).
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos)
    throw InputError("a NUL byte: XML holds none (is this a binary file?)",
                     where_offset(static_cast<std::ptrdiff_t>(nul)));
  // parse_doctype keeps a DOCTYPE as a node, so that it can be refused below: entity
  // declarations (billion laughs, external entities) are never used, since pugixml expands
  // only the five predefined entities and character references.
  // A clearpath model (or other JSON) where MS Project XML was expected.
  if (const std::size_t first = text.find_first_not_of(" \t\r\n");
      first != std::string_view::npos && (text[first] == '{' || text[first] == '['))
    throw InputError("this is JSON, not XML: MS Project XML starts with '<' (a clearpath model needs no import)",
                     where_offset(static_cast<std::ptrdiff_t>(first)));
  const unsigned options = pugi::parse_default | pugi::parse_doctype;
  const pugi::xml_parse_result r = document_.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  if (!r) {
    // pugixml reports a file cut short at its end, as whatever it was reading there.
    const bool at_end = r.offset >= 0 && static_cast<std::size_t>(r.offset) + 1 >= text.size() &&
                        r.status != pugi::status_no_document_element;
    throw InputError(at_end ? "the file ends before its elements are closed: it is truncated" : parse_problem(r),
                     where_offset(r.offset));
  }
  check_tree();
}

ErrorLocation XmlInput::where_offset(std::ptrdiff_t offset) const {
  ErrorLocation at;
  at.file = file_;
  if (offset < 0) return at;
  const auto o = static_cast<std::size_t>(offset);
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), o);
  const auto line = static_cast<std::size_t>(it - line_starts_.begin());  // >= 1: line_starts_[0] is 0
  at.line = line;
  at.column = o - line_starts_[line - 1] + 1;
  return at;
}

ErrorLocation XmlInput::where(pugi::xml_node node) const { return where_offset(node.offset_debug()); }

// One walk over the whole tree, without recursion (a hostile file nests 100,000 deep): the
// DOCTYPE, the depth and the size of every text and attribute value.
void XmlInput::check_tree() const {
  for (pugi::xml_node n = document_.first_child(); n; n = n.next_sibling())
    if (n.type() == pugi::node_doctype)
      throw InputError(
          "a DOCTYPE declaration: MSPDI files have none, and clearpath reads no DTD and expands no declared entity "
          "(remove it)",
          where(n));
  std::size_t depth = 0;
  pugi::xml_node n = document_.first_child();
  while (n) {
    if (n.type() == pugi::node_element) {
      if (depth + 1 > kMaxDepth)
        throw InputError(
            "elements nested deeper than " + std::to_string(kMaxDepth) + " levels: no MS Project file does that",
            where(n));
      for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute())
        if (std::char_traits<char>::length(a.value()) > kMaxTextBytes)
          throw InputError(std::string("attribute ") + a.name() + " is longer than 8 MiB", where(n));
    } else if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      if (std::char_traits<char>::length(n.value()) > kMaxTextBytes)
        throw InputError(std::string("the text of <") + n.parent().name() + "> is longer than 8 MiB",
                         where(n.parent()));
    }
    if (n.first_child()) {
      n = n.first_child();
      ++depth;
      continue;
    }
    while (n && !n.next_sibling()) {
      n = n.parent();
      if (n.type() == pugi::node_document) return;
      --depth;
    }
    if (n) n = n.next_sibling();
  }
}

}  // namespace clearpath
