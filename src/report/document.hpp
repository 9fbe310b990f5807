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
  std::vector<bool> numeric;  // by column: right-aligned
  std::vector<std::vector<Cell>> rows;
  std::size_t more = 0;     // rows left out (the JSON report has them all)
  bool last_below = false;  // text: the last column (long prose) on lines of its own

  // The fixed columns of a listing (Document::listing), by column: its width, text that does
  // not fit cut with "~" (0: as long as it is), and the spaces before it.
  std::vector<std::size_t> width, gap;
  unsigned depth = 0;  // listing: indents before the rows
  // Listing text: the header above the rows, or starting an indent further left (stats), or none.
  enum class Header : unsigned char { above, hanging, none } header = Header::above;

  void row(std::vector<std::string> texts);  // a row of plain cells
  // HTML: by row, the ids of the entities the row is about (a finding's subjects); clicking the
  // row highlights them in the diagrams. Empty, or shorter than rows: none.
  std::vector<std::vector<std::string>> subjects;
};

// A column of a listing's table: its name, width (0: as long as it is), alignment and the
// spaces before it.
struct Column {
  std::string name;
  std::size_t width = 0;
  bool right = false;
  std::size_t gap = 0;
};

// A line of a listing: `depth` indents (two columns each) deeper than the section's text, the
// label padded to `label_width` when there is one, then the text, on one line or wrapped to
// the width under its first column.
struct Line {
  Cell text;
  unsigned depth = 0;
  bool wrap = false;
  std::string label;
  std::size_t label_width = 0;
};

// A label and its value, e.g. "production expected" / "working day 187 (2027-11-19)".
struct Fact {
  std::string label;
  Cell value;
};

struct Figure {
  std::string view;  // "org", "approvals", ...
  std::string caption;
  std::string file;  // the diagram's file name next to the report, or ""
  std::string svg;   // the drawing itself, for writers that embed it, or ""
};

struct Block {
  enum class Kind : unsigned char { paragraph, facts, table, figure, bullets, lines } kind = Kind::paragraph;
  Cell text;                // paragraph
  std::vector<Fact> facts;  // facts
  Table table;              // table
  Figure figure;            // figure
  std::vector<Cell> items;  // bullets
  std::vector<Line> lines;  // lines
};

struct Section {
  std::string id;     // an anchor: "summary", "critical-path", ...
  std::string title;  // "" for none (the text keeps the blank line before the section)
  std::vector<Block> blocks;
  std::string note;  // after the title, as written: the text heading upper-cases the title only

  void paragraph(std::string text, Look look = Look::plain);
  void facts(std::vector<Fact> facts);
  void bullets(std::vector<Cell> items);
  Table& table(std::vector<std::string> columns, std::vector<bool> numeric);
  Table& listing_table(const std::vector<Column>& columns, unsigned depth = 0);
  void figure(Figure f);
  // Lines of a listing, each joining the lines block the section ends with (or starting one).
  void line(std::string text, unsigned depth = 0, Look look = Look::plain);
  void wrapped(std::string text, unsigned depth = 0, Look look = Look::plain);
  void labelled(std::string label, std::size_t width, std::string text, unsigned depth = 0, bool wrap = false,
                Look look = Look::plain);
  void add(Line l);
};

struct Document {
  std::string title;                  // "Churn model: POC to production..."
  std::vector<std::string> subtitle;  // file, as-of date, options
  std::vector<Section> sections;
  // The subcommands' layout (path, copilots, conflicts, level, stats): in text, the title and
  // subtitle as written, no blank line between a section's blocks, facts as "label: value",
  // tables and lines in their fixed columns, and every space kept.
  bool listing = false;
  // Markdown: the sections from this one on go inside <details> (a pull-request comment shows
  // the ones before it, the rest one click away); none when past the end.
  std::size_t fold_from = static_cast<std::size_t>(-1);
  // HTML: the entities the page's search and initiative filter know, or none (no tools).
  struct Entity {
    std::string id, node, name, kind, initiative;  // node: the id as a diagram names its node
  };
  std::vector<Entity> index;
  std::size_t index_of = 0;  // how many entities the model has (index may hold fewer)

  Section& section(std::string id, std::string title, std::string note = "");
};

// A listing headed as the subcommands head their reports: "clearpath path: plan.json - Churn
// model", without " - ..." when the model has no name.
Document listing_document(const std::string& command, const std::string& file, const std::string& model_name);

// Terminal text: fits `width` columns, ANSI colour only when `color`.
void write_text(std::ostream& out, const Document& d, bool color, std::size_t width = 100);
// GitHub-flavoured Markdown: pipe tables, figures as image links to their files.
void write_markdown(std::ostream& out, const Document& d);
// One self-contained HTML page: inline CSS, the figures' SVG inline, clearpath's own script
// (report.js: pan and zoom, highlighting, sorting, search) and no other script and no request
// (a Content-Security-Policy forbids them), every text escaped.
void write_html(std::ostream& out, const Document& d);

}  // namespace clearpath
