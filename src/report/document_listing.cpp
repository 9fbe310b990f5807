// A listing document as terminal text: every line in the fixed columns and indents the
// subcommands' reports are read (and diffed) in, so that building them as documents changed
// none of their bytes. Text is cut to its column with "~" rather than the columns resized.
#include "report/document_listing.hpp"

#include <algorithm>
#include <ostream>

#include "report/report_text.hpp"
#include "report/text_columns.hpp"

namespace clearpath {

std::string styled(const std::string& s, Look look, bool color) {
  if (!color || look == Look::plain || s.empty()) return s;
  const char* code = look == Look::bad     ? "31"
                     : look == Look::warn  ? "33"
                     : look == Look::good  ? "32"
                     : look == Look::muted ? "2"
                                           : "1";
  return "\033[" + std::string(code) + "m" + s + "\033[0m";
}

std::string text_heading(const Section& s) {
  std::string heading = s.title;
  for (char& c : heading)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  if (!s.note.empty()) heading += (heading.empty() ? "" : " ") + s.note;
  return heading;
}

namespace {

std::size_t lead_width(unsigned depth) { return 2 + 2 * static_cast<std::size_t>(depth); }
std::string lead(unsigned depth) { return std::string(lead_width(depth), ' '); }

class ListingWriter {
 public:
  ListingWriter(std::ostream& out, bool color, std::size_t width) : out_(out), color_(color), width_(width) {}

  void document(const Document& d) {
    out_ << terminal_safe(d.title) << "\n";
    for (const std::string& s : d.subtitle) out_ << "  " << terminal_safe(s) << "\n";
    for (const Section& s : d.sections) {
      out_ << "\n";
      if (!s.title.empty() || !s.note.empty())
        out_ << styled(terminal_safe(text_heading(s)), Look::strong, color_) << "\n";
      for (const Block& b : s.blocks) block(b);
    }
  }

 private:
  void block(const Block& b) {
    switch (b.kind) {
      case Block::Kind::paragraph: line({b.text, 0, true, "", 0}); break;
      case Block::Kind::bullets:
        for (const Cell& c : b.items) line({c, 0, false, "-", 2});
        break;
      case Block::Kind::facts:
        for (const Fact& f : b.facts)
          out_ << "  " << terminal_safe(f.label) << ": " << styled(terminal_safe(f.value.text), f.value.look, color_)
               << "\n";
        break;
      case Block::Kind::lines:
        for (const Line& l : b.lines) line(l);
        break;
      case Block::Kind::table: table(b.table); break;
      case Block::Kind::figure:
        if (!b.figure.file.empty()) out_ << "  " << terminal_safe(b.figure.caption + ": " + b.figure.file) << "\n";
        break;
    }
  }

  // The label's column, then the text; wrapped lines align under the text's first column.
  void line(const Line& l) {
    std::string first = lead(l.depth);
    if (l.label_width) first += pad(terminal_safe(l.label), l.label_width);
    const std::string text = terminal_safe(l.text.text);
    if (!l.wrap) {
      out_ << first << styled(text, l.text.look, color_) << "\n";
      return;
    }
    const std::string lines = l.label_width ? hang(first, text, width_) : wrap(text, first, width_);
    if (!color_ || l.text.look == Look::plain) {
      out_ << lines;
      return;
    }
    for (std::size_t start = 0; start < lines.size();) {  // each line coloured on its own, not its indent
      const std::size_t end = lines.find('\n', start);
      const std::size_t body = std::min(start + first.size(), end);
      out_ << lines.substr(start, body - start) << styled(lines.substr(body, end - body), l.text.look, color_) << "\n";
      start = end + 1;
    }
  }

  // One line of the table, built in a buffer kept from row to row (the level listing has a
  // row for each of a million activities).
  void row(const Table& t, const std::vector<Cell>& cells, bool header) {
    static const Cell kNone;
    const bool hanging = header && t.header == Table::Header::hanging;
    std::string& s = line_;
    s.clear();
    if (!hanging) s.append(lead_width(t.depth), ' ');
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const Cell& cell = c < cells.size() ? cells[c] : kNone;
      const std::size_t w = (c < t.width.size() ? t.width[c] : 0) + (hanging && c == 0 ? lead_width(t.depth) : 0);
      const std::string& text = terminal_safe(cell.text, safe_);
      if (c + 1 == t.columns.size() && w == 0 && text.empty()) break;  // no gap before nothing
      s.append(c < t.gap.size() ? t.gap[c] : std::size_t{c > 0 ? 2U : 0U}, ' ');
      const std::size_t from = s.size();
      if (w == 0) s += text;
      else if (t.numeric[c]) append_rpad(s, text, w);
      else append_pad(s, text, w);
      if (color_ && cell.look != Look::plain) {  // the padded cell, coloured
        const std::string padded = s.substr(from);
        s.resize(from);
        s += styled(padded, cell.look, color_);
      }
    }
    s += '\n';
    out_.write(s.data(), static_cast<std::streamsize>(s.size()));
  }

  void table(const Table& t) {
    if (t.header != Table::Header::none) {
      std::vector<Cell> names;
      for (const std::string& c : t.columns) names.push_back({c, Look::plain});
      row(t, names, true);
    }
    for (const auto& cells : t.rows) row(t, cells, false);
    if (t.more) out_ << "  ... and " << t.more << " more (see --format json)\n";
  }

  std::ostream& out_;
  bool color_;
  std::size_t width_;
  std::string line_, safe_;  // row's buffers
};

}  // namespace

void write_listing_text(std::ostream& out, const Document& d, bool color, std::size_t width) {
  ListingWriter(out, color, width).document(d);
}

}  // namespace clearpath
