// Building a report document: the blocks a section holds, appended in order.
#include <utility>

#include "report/document.hpp"

namespace clearpath {

void Section::paragraph(std::string text, Look look) {
  Block b;
  b.kind = Block::Kind::paragraph;
  b.text = {std::move(text), look};
  blocks.push_back(std::move(b));
}

void Section::facts(std::vector<Fact> f) {
  Block b;
  b.kind = Block::Kind::facts;
  b.facts = std::move(f);
  blocks.push_back(std::move(b));
}

void Section::bullets(std::vector<Cell> items) {
  Block b;
  b.kind = Block::Kind::bullets;
  b.items = std::move(items);
  blocks.push_back(std::move(b));
}

Table& Section::table(std::vector<std::string> columns, std::vector<bool> numeric) {
  Block b;
  b.kind = Block::Kind::table;
  numeric.resize(columns.size(), false);
  b.table.columns = std::move(columns);
  b.table.numeric = std::move(numeric);
  blocks.push_back(std::move(b));
  return blocks.back().table;
}

void Section::figure(Figure f) {
  Block b;
  b.kind = Block::Kind::figure;
  b.figure = std::move(f);
  blocks.push_back(std::move(b));
}

Section& Document::section(std::string anchor, std::string heading) {
  sections.push_back({std::move(anchor), std::move(heading), {}});
  return sections.back();
}

}  // namespace clearpath
