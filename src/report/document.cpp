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

Table& Section::listing_table(const std::vector<Column>& columns, unsigned depth) {
  std::vector<std::string> names;
  std::vector<bool> right;
  for (const Column& c : columns) {
    names.push_back(c.name);
    right.push_back(c.right);
  }
  Table& t = table(std::move(names), std::move(right));
  for (const Column& c : columns) {
    t.width.push_back(c.width);
    t.gap.push_back(c.gap);
  }
  t.depth = depth;
  return t;
}

void Section::line(std::string text, unsigned depth, Look look) { add({{std::move(text), look}, depth, false, "", 0}); }

void Section::wrapped(std::string text, unsigned depth, Look look) {
  add({{std::move(text), look}, depth, true, "", 0});
}

void Section::labelled(std::string label, std::size_t width, std::string text, unsigned depth, bool wrap, Look look) {
  add({{std::move(text), look}, depth, wrap, std::move(label), width});
}

void Section::add(Line l) {
  if (blocks.empty() || blocks.back().kind != Block::Kind::lines) {
    Block b;
    b.kind = Block::Kind::lines;
    blocks.push_back(std::move(b));
  }
  blocks.back().lines.push_back(std::move(l));
}

void Table::row(std::vector<std::string> texts) {
  std::vector<Cell> cells;
  cells.reserve(texts.size());
  for (std::string& t : texts) cells.push_back({std::move(t), Look::plain});
  rows.push_back(std::move(cells));
}

Section& Document::section(std::string anchor, std::string heading, std::string suffix) {
  sections.push_back({std::move(anchor), std::move(heading), {}, std::move(suffix)});
  return sections.back();
}

Document listing_document(const std::string& command, const std::string& file, const std::string& model_name) {
  Document d;
  d.listing = true;
  d.title = "clearpath " + command + ": " + file + (model_name.empty() ? "" : " - " + model_name);
  return d;
}

}  // namespace clearpath
