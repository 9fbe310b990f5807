#pragma once
// A report as plain content (sections of paragraphs, facts, tables and figures), built once
// and written as text, Markdown or HTML by the writers below. Private to the library.
#include <cstddef>
#include <iosfwd>
#include <string>
#include <vector>

namespace clearpath {

// How a piece of text should stand out; each writer chooses how (colour, bold, a CSS class).
enum class Look : unsigned char { plain, bad, warn, good, muted, strong };

struct Cell {
  std::string text;
  Look look = Look::plain;
};

struct Table {
  std::vector<std::string> columns;
  std::vector<bool> numeric;             // by column: right-aligned
  std::vector<std::vector<Cell>> rows;
  std::size_t more = 0;                  // rows left out (the JSON report has them all)
  bool last_below = false;               // text: the last column (long prose) on lines of its own
};

// A label and its value, e.g. "production expected" / "working day 187 (2027-11-19)".
struct Fact {
  std::string label;
  Cell value;
};

struct Figure {
  std::string view;     // "org", "approvals", ...
  std::string caption;
  std::string file;     // the diagram's file name next to the report, or ""
  std::string svg;      // the drawing itself, for writers that embed it, or ""
};

struct Block {
  enum class Kind : unsigned char { paragraph, facts, table, figure, bullets } kind = Kind::paragraph;
  Cell text;                      // paragraph
  std::vector<Fact> facts;        // facts
  Table table;                    // table
  Figure figure;                  // figure
  std::vector<Cell> items;        // bullets
};

struct Section {
  std::string id;      // an anchor: "summary", "critical-path", ...
  std::string title;
  std::vector<Block> blocks;

  void paragraph(std::string text, Look look = Look::plain);
  void facts(std::vector<Fact> facts);
  void bullets(std::vector<Cell> items);
  Table& table(std::vector<std::string> columns, std::vector<bool> numeric);
  void figure(Figure f);
};

struct Document {
  std::string title;                 // "Churn model: POC to production..."
  std::vector<std::string> subtitle; // file, as-of date, options
  std::vector<Section> sections;

  Section& section(std::string id, std::string title);
};

// Terminal text: fits `width` columns, ANSI colour only when `color`.
void write_text(std::ostream& out, const Document& d, bool color, std::size_t width = 100);
// GitHub-flavoured Markdown: pipe tables, figures as image links to their files.
void write_markdown(std::ostream& out, const Document& d);
// One self-contained HTML page: inline CSS, the figures' SVG inline, no script and no request
// (a Content-Security-Policy forbids them), every text escaped.
void write_html(std::ostream& out, const Document& d);

}  // namespace clearpath
