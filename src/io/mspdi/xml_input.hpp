#pragma once
// An XML document read for an importer: pugixml's tree, with the line and column of every
// element, and the checks that keep hostile input out (no DOCTYPE, so no entity is declared or
// expanded and nothing outside the text is ever read; nesting and text sizes bounded).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "clearpath/error.hpp"

namespace clearpath {

class XmlInput {
 public:
  static constexpr std::size_t kMaxDepth = 64;            // elements within elements
  static constexpr std::size_t kMaxTextBytes = 8u << 20;  // one text or attribute value
  // Parses `text`; `file` names it in messages. Throws InputError (with the line and column)
  // when it is not well-formed XML or fails a check above.
  XmlInput(std::string_view text, std::string file);

  pugi::xml_node root() const { return document_.document_element(); }
  const std::string& file() const noexcept { return file_; }
  // Where `node` starts in the text (1-based line and column); {0, 0} when unknown.
  ErrorLocation where(pugi::xml_node node) const;
  ErrorLocation where_offset(std::ptrdiff_t offset) const;

 private:
  void check_tree() const;
  std::string file_;
  pugi::xml_document document_;
  std::vector<std::size_t> line_starts_;  // offset of each line's first byte
};

}  // namespace clearpath
