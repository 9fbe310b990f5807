// A report document as terminal text: headed sections, aligned facts and tables that fit the
// width, long text wrapped, colour only when asked for.
#include <algorithm>
#include <ostream>
#include <sstream>
#include <string_view>

#include "report/document.hpp"
#include "report/document_listing.hpp"
#include "report/text_columns.hpp"

namespace clearpath {

namespace {

class TextWriter {
 public:
  TextWriter(std::ostream& out, bool color, std::size_t width) : out_(out), color_(color), width_(width) {}

  void document(const Document& d) {
    wrapped("", "", {d.title, Look::strong});
    for (const std::string& s : d.subtitle) wrapped("  ", "  ", {s, Look::plain});
    for (const Section& s : d.sections) section(s);
  }

 private:
  std::string styled(const std::string& s, Look look) const { return clearpath::styled(s, look, color_); }

  // `first` then the text wrapped to the width, later lines after `indent`; each line coloured
  // on its own, so colour never spills onto the indent.
  void wrapped(const std::string& first, const std::string& indent, const Cell& c) {
    const std::size_t used = display_width(indent);
    const std::vector<std::string> lines = wrap_lines(terminal_safe(c.text), width_ > used + 12 ? width_ - used : 12);
    for (std::size_t i = 0; i < lines.size(); ++i) out_ << (i ? indent : first) << styled(lines[i], c.look) << "\n";
  }

  void section(const Section& s) {
    out_ << "\n" << styled(terminal_safe(text_heading(s)), Look::strong) << "\n";
    bool first = true;
    for (const Block& b : s.blocks) {
      if (!first && b.kind != Block::Kind::figure) out_ << "\n";
      first = false;
      switch (b.kind) {
        case Block::Kind::paragraph: wrapped("  ", "  ", b.text); break;
        case Block::Kind::bullets:
          for (const Cell& c : b.items) wrapped("  - ", "    ", c);
          break;
        case Block::Kind::facts: facts(b.facts); break;
        case Block::Kind::lines:
          for (const Line& l : b.lines) {
            const std::string lead(2 + 2 * static_cast<std::size_t>(l.depth), ' ');
            const std::string label =
                l.label_width ? pad_columns(fit_columns(terminal_safe(l.label), l.label_width - 1), l.label_width) : "";
            wrapped(lead + label, std::string(lead.size() + display_width(label), ' '), l.text);
          }
          break;
        case Block::Kind::table: table(b.table); break;
        case Block::Kind::figure:
          if (!b.figure.file.empty()) wrapped("  ", "    ", {b.figure.caption + ": " + b.figure.file, Look::plain});
          break;
      }
    }
  }

  void facts(const std::vector<Fact>& facts) {
    std::size_t w = 0;
    for (const Fact& f : facts) w = std::max(w, display_width(f.label));
    w = std::min<std::size_t>(w + 2, 30);
    for (const Fact& f : facts)
      wrapped("  " + pad_columns(fit_columns(terminal_safe(f.label), w - 2), w), std::string(2 + w, ' '), f.value);
  }

  // Column widths that fit the room: the last column takes what the others leave.
  struct Layout {
    std::vector<std::size_t> w;
    std::size_t used = 0, last = 0, room = 0;
    bool last_fixed = false;
  };
  static constexpr std::size_t kIndent = 2, kGap = 2;

  Layout layout(const Table& t) const {
    const std::size_t n = t.columns.size();
    Layout l;
    l.w.assign(n, 0);
    std::vector<std::size_t>& w = l.w;
    for (std::size_t c = 0; c < n; ++c) w[c] = display_width(t.columns[c]);
    for (const auto& row : t.rows)
      for (std::size_t c = 0; c < n && c < row.size(); ++c)
        w[c] = std::max(w[c], display_width(terminal_safe(row[c].text)));
    // Every column but the last keeps its width up to a cap; the last takes what is left and
    // wraps (it is usually the message or list).
    l.room = width_ > 40 ? width_ : 40;
    for (std::size_t c = 0; c + 1 < n; ++c)
      w[c] = std::min<std::size_t>(w[c], t.numeric[c] ? 16 : t.last_below ? 32 : 28);
    // A numeric last column is aligned like the others; prose below the row when asked.
    l.last_fixed = t.numeric[n - 1];
    if (l.last_fixed) w[n - 1] = std::min<std::size_t>(w[n - 1], 16);
    l.used = kIndent;
    for (std::size_t c = 0; c + 1 < n; ++c) l.used += w[c] + kGap;
    // Too wide even so: narrow the widest column, text before numbers, down to 8 (text) or 4
    // (numbers, whose headers are then cut). The last column needs 12, or its own width.
    const std::size_t tail_room = l.last_fixed ? w[n - 1] : t.last_below ? 0 : 12;
    while (l.used + tail_room > l.room) {
      std::size_t widest = n;
      for (std::size_t c = 0; c + 1 < n; ++c)
        if (!t.numeric[c] && w[c] > 8 && (widest == n || w[c] > w[widest])) widest = c;
      if (widest == n)
        for (std::size_t c = 0; c + 1 < n; ++c)
          if (t.numeric[c] && w[c] > 4 && (widest == n || w[c] > w[widest])) widest = c;
      if (widest == n) break;
      --w[widest];
      --l.used;
    }
    l.last = l.room > l.used ? l.room - l.used : 12;
    return l;
  }

  void row(const Table& t, const Layout& l, const std::vector<Cell>& row, bool header) {
    const std::size_t n = t.columns.size();
    const std::vector<std::size_t>& w = l.w;
    std::string prefix(kIndent, ' ');
    for (std::size_t c = 0; c + 1 < n; ++c) {
      const Cell cell = c < row.size() ? row[c] : Cell{};
      const std::string text = terminal_safe(cell.text);
      const std::string cellfit =
          t.numeric[c] ? align_right(fit_columns(text, w[c]), w[c]) : pad_columns(fit_columns(text, w[c]), w[c]);
      prefix += styled(cellfit, header ? Look::muted : cell.look) + std::string(kGap, ' ');
    }
    const Cell tail = n - 1 < row.size() ? row[n - 1] : Cell{};
    if (l.last_fixed) {
      out_ << prefix
           << styled(align_right(fit_columns(terminal_safe(tail.text), w[n - 1]), w[n - 1]),
                     header ? Look::muted : tail.look)
           << "\n";
      return;
    }
    if (t.last_below) {
      out_ << prefix << "\n";
      if (header) return;
      const std::string below(kIndent + 4, ' ');
      for (const std::string& line : wrap_lines(terminal_safe(tail.text), l.room - below.size()))
        out_ << below << styled(line, tail.look) << "\n";
      return;
    }
    const std::vector<std::string> lines = wrap_lines(terminal_safe(tail.text), std::max<std::size_t>(l.last, 12));
    for (std::size_t i = 0; i < lines.size(); ++i)
      out_ << (i ? std::string(l.used, ' ') : prefix) << styled(lines[i], header ? Look::muted : tail.look) << "\n";
  }

  void table(const Table& t) {
    if (t.columns.empty()) return;
    if (t.rows.empty() && t.more == 0) {  // no header over nothing
      out_ << "  " << styled("none", Look::muted) << "\n";
      return;
    }
    const Layout l = layout(t);
    std::vector<Cell> header;
    for (const std::string& c : t.columns) header.push_back({c, Look::muted});
    row(t, l, header, true);
    for (const auto& cells : t.rows) row(t, l, cells, false);
    if (t.more) out_ << "  ... and " << t.more << " more (all of them are in the JSON report)\n";
  }

  std::ostream& out_;
  bool color_;
  std::size_t width_;
};

}  // namespace

void write_text(std::ostream& out, const Document& d, bool color, std::size_t width) {
  if (d.listing) {
    write_listing_text(out, d, color, width);
    return;
  }
  std::ostringstream text;
  TextWriter(text, color, width).document(d);
  // Without the spaces that empty last cells and padding leave at the ends of lines.
  const std::string s = text.str();
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    std::size_t last = end;
    while (last > start && s[last - 1] == ' ') --last;
    out.write(s.data() + start, static_cast<std::streamsize>(last - start));
    if (end < s.size()) out << '\n';
    start = end + 1;
  }
}

}  // namespace clearpath
