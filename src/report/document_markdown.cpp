// A report document as GitHub-flavoured Markdown, for wikis and pull requests.
#include <ostream>

#include "report/document.hpp"

namespace clearpath {
namespace {

// User text as Markdown text: HTML characters as entities (so `<script>` stays text), the
// punctuation that starts emphasis, links, code, strike-through or table cells escaped, a
// leading '#' too, line breaks and other control characters as spaces.
std::string md(const std::string& s) {
  std::string out;
  out.reserve(s.size() + 8);
  if (!s.empty() && s[0] == '#') out += '\\';  // not a heading
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '|':
      case '~':
        out += '\\';
        out += c;
        break;
      case '\n':
      case '\r':
      case '\t': out += ' '; break;
      default: out += static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? ' ' : c;  // as the text report
    }
  }
  return out;
}

std::string cell(const Cell& c) {
  const std::string text = md(c.text);
  if (text.empty()) return text;
  return c.look == Look::bad || c.look == Look::strong ? "**" + text + "**" : text;
}

// A file name as a link target: spaces and parentheses percent-encoded.
std::string link(const std::string& file) {
  std::string out;
  for (char c : file) {
    if (c == ' ') out += "%20";
    else if (c == '(') out += "%28";
    else if (c == ')') out += "%29";
    else out += c;
  }
  return out;
}

void table(std::ostream& out, const Table& t) {
  if (t.rows.empty() && t.more == 0) {  // no header over nothing
    out << "*none*\n";
    return;
  }
  out << "|";
  for (const std::string& c : t.columns) out << " " << md(c) << " |";
  out << "\n|";
  for (std::size_t c = 0; c < t.columns.size(); ++c) out << (t.numeric[c] ? " ---: |" : " --- |");
  out << "\n";
  for (const auto& row : t.rows) {
    out << "|";
    for (std::size_t c = 0; c < t.columns.size(); ++c) out << " " << (c < row.size() ? cell(row[c]) : "") << " |";
    out << "\n";
  }
  if (t.more) out << "\n*... and " << t.more << " more (all of them are in the JSON report)*\n";
}

// Lines of a listing as a list nested by their depth, a label before its text.
void lines(std::ostream& out, const std::vector<Line>& lines) {
  for (const Line& l : lines)
    out << std::string(2 * static_cast<std::size_t>(l.depth), ' ') << "- "
        << (l.label.empty() ? "" : md(l.label) + ": ") << cell(l.text) << "\n";
}

void block(std::ostream& out, const Block& b) {
  switch (b.kind) {
    case Block::Kind::paragraph: out << cell(b.text) << "\n"; break;
    case Block::Kind::bullets:
      for (const Cell& c : b.items) out << "- " << cell(c) << "\n";
      break;
    case Block::Kind::facts:
      for (const Fact& f : b.facts) out << "- **" << md(f.label) << ":** " << cell(f.value) << "\n";
      break;
    case Block::Kind::lines: lines(out, b.lines); break;
    case Block::Kind::table: table(out, b.table); break;
    case Block::Kind::figure:
      if (!b.figure.file.empty())
        out << "![" << md(b.figure.caption) << "](" << link(b.figure.file) << ")\n\n*" << md(b.figure.caption) << "*\n";
      break;
  }
}

}  // namespace

void write_markdown(std::ostream& out, const Document& d) {
  out << "# " << md(d.title) << "\n" << (d.subtitle.empty() ? "" : "\n");
  for (std::size_t i = 0; i < d.subtitle.size(); ++i)
    out << md(d.subtitle[i]) << (i + 1 < d.subtitle.size() ? "  \n" : "\n");
  for (std::size_t k = 0; k < d.sections.size(); ++k) {
    const Section& s = d.sections[k];
    if (k == d.fold_from) out << "\n<details><summary>Details</summary>\n";
    if (!s.title.empty() || !s.note.empty())
      out << "\n## " << md(s.title + (s.title.empty() || s.note.empty() ? "" : " ") + s.note) << "\n";
    for (const Block& b : s.blocks) {
      out << "\n";
      block(out, b);
    }
  }
  if (d.fold_from < d.sections.size()) out << "\n</details>\n";
}

}  // namespace clearpath
