// A report document as one self-contained HTML page: inline CSS, the diagrams' SVG inline,
// clearpath's own script alone (named by its hash in the page's Content-Security-Policy, which
// forbids every request), no font or image fetched, readable offline and printable.
#include <ostream>
#include <string_view>

#include <nlohmann/json.hpp>

#include "report/document.hpp"
#include "report/report_script.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 16);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters are not allowed in HTML text (tab and newline are).
        out += static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' ? ' ' : c;
    }
  }
  return out;
}

const char* look_class(Look l) {
  switch (l) {
    case Look::bad: return "bad";
    case Look::warn: return "warn";
    case Look::good: return "good";
    case Look::muted: return "muted";
    case Look::strong: return "strong";
    case Look::plain: break;
  }
  return "";
}

std::string span(const Cell& c) {
  const char* cls = look_class(c.look);
  return *cls ? "<span class=\"" + std::string(cls) + "\">" + esc(c.text) + "</span>" : esc(c.text);
}

// Graphviz's SVG without its XML prologue, and with its element ids prefixed so that several
// diagrams on one page keep them unique (ids and the references to them).
std::string inline_svg(const std::string& svg, const std::string& prefix) {
  const std::size_t start = svg.find("<svg");
  if (start == std::string::npos) return {};
  std::string out;
  out.reserve(svg.size() + 1024);
  const std::string_view body(svg.data() + start, svg.size() - start);
  static constexpr std::string_view kRefs[] = {" id=\"", "url(#", "href=\"#"};
  bool in_tag = false;  // only markup is rewritten, never the text of a label
  for (std::size_t i = 0; i < body.size();) {
    const char c = body[i];
    if (c == '<') in_tag = true;
    else if (c == '>') in_tag = false;
    bool replaced = false;
    if (in_tag)
      for (std::string_view r : kRefs)
        if (body.compare(i, r.size(), r) == 0) {
          out += r;
          out += prefix;
          i += r.size();
          replaced = true;
          break;
        }
    if (!replaced) out += body[i++];
  }
  return out;
}

const char* kStyle = R"(
:root { color-scheme: light; }
body { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; color: #1f2328; margin: 0 auto;
       max-width: 1180px; padding: 24px 32px 64px; line-height: 1.45; font-size: 15px; }
h1 { font-size: 26px; margin: 0 0 6px; }
h2 { font-size: 20px; margin: 36px 0 12px; padding-bottom: 4px; border-bottom: 2px solid #d0d7de; }
.subtitle { color: #57606a; margin: 0; }
nav { margin: 14px 0 0; font-size: 14px; }
nav a { margin-right: 14px; color: #0969da; text-decoration: none; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 4px 18px; margin: 0; }
dl.facts dt { color: #57606a; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; margin: 8px 0; font-size: 13.5px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.more { color: #57606a; font-style: italic; }
.bad { color: #cf222e; font-weight: bold; }
.warn { color: #9a6700; font-weight: bold; }
.good { color: #1a7f37; }
.muted { color: #6e7781; }
.strong { font-weight: bold; }
figure { margin: 12px 0 24px; }
figure .diagram { overflow: auto; max-height: 90vh; border: 1px solid #d0d7de; padding: 8px; background: #fff; }
figure svg { height: auto; }
figcaption { color: #57606a; font-size: 13px; margin-top: 4px; }
figure svg { display: block; width: 100%; max-height: 85vh; touch-action: none; cursor: grab; }
figure.cp-natural .diagram { max-height: 90vh; }
figure.cp-natural svg { max-height: none; max-width: none; cursor: auto; }
.cp-controls { display: flex; gap: 4px; margin-bottom: 4px; }
.cp-controls button, #cp-results button { font: inherit; font-size: 13px; padding: 1px 8px; border: 1px solid #d0d7de;
  border-radius: 4px; background: #f6f8fa; cursor: pointer; }
#cp-results button { border: none; background: none; color: #0969da; padding: 0; text-align: left; }
#cp-tools { margin-top: 12px; display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: baseline; font-size: 14px; }
#cp-tools[hidden] { display: none; }
#cp-results { flex-basis: 100%; margin: 0; padding-left: 18px; }
g.cp-hit > polygon, g.cp-hit > path, g.cp-hit > ellipse { stroke: #ff7b00 !important; stroke-width: 5px !important; }
g.cp-dim { opacity: 0.2; }
tr.cp-clickable { cursor: pointer; }
tr.cp-clickable:hover, tr.cp-selected { background: #fff4e5; }
th.cp-sortable { cursor: pointer; }
th[aria-sort=ascending]::after { content: " \25B2"; }
th[aria-sort=descending]::after { content: " \25BC"; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; }
  nav, #cp-tools, .cp-controls { display: none; }
  figure { break-before: page; break-inside: avoid; }
  figure .diagram { overflow: visible; max-height: none; border: none; }
  figure svg { max-width: 100%; max-height: 95vh; }
  h2 { break-after: avoid; }
}
)";

void table(std::ostream& out, const Table& t) {
  if (t.rows.empty() && t.more == 0) {  // no header over nothing
    out << "<p class=\"muted\">none</p>\n";
    return;
  }
  out << "<table>\n<thead><tr>";
  const auto subjects = [&](std::size_t row) {
    if (row >= t.subjects.size() || t.subjects[row].empty()) return std::string();
    return " data-subjects=\"" +
           esc(nlohmann::json(t.subjects[row]).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)) + "\"";
  };
  for (std::size_t c = 0; c < t.columns.size(); ++c)
    out << (t.numeric[c] ? "<th class=\"num\">" : "<th>") << esc(t.columns[c]) << "</th>";
  out << "</tr></thead>\n<tbody>\n";
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const auto& row = t.rows[r];
    out << "<tr" << subjects(r) << ">";
    for (std::size_t c = 0; c < t.columns.size(); ++c) {
      const Cell cell = c < row.size() ? row[c] : Cell{};
      std::string cls = t.numeric[c] ? "num" : "";
      const char* look = look_class(cell.look);
      if (*look) {
        if (!cls.empty()) cls += ' ';
        cls += look;
      }
      out << (cls.empty() ? "<td>" : "<td class=\"" + cls + "\">") << esc(cell.text) << "</td>";
    }
    out << "</tr>\n";
  }
  out << "</tbody>\n</table>\n";
  if (t.more) out << "<p class=\"more\">... and " << t.more << " more (all of them are in the JSON report)</p>\n";
}

void block(std::ostream& out, const Block& b) {
  switch (b.kind) {
    case Block::Kind::paragraph: out << "<p>" << span(b.text) << "</p>\n"; break;
    case Block::Kind::bullets:
      out << "<ul>\n";
      for (const Cell& c : b.items) out << "<li>" << span(c) << "</li>\n";
      out << "</ul>\n";
      break;
    case Block::Kind::lines:
      for (const Line& l : b.lines)
        out << "<p style=\"margin: 0 0 0 " << 1.5 * l.depth << "em\">" << (l.label.empty() ? "" : esc(l.label) + ": ")
            << span(l.text) << "</p>\n";
      break;
    case Block::Kind::facts:
      out << "<dl class=\"facts\">\n";
      for (const Fact& f : b.facts) {
        const char* cls = look_class(f.value.look);
        out << "<dt>" << esc(f.label) << "</dt><dd" << (*cls ? " class=\"" + std::string(cls) + "\"" : "") << ">"
            << esc(f.value.text) << "</dd>\n";
      }
      out << "</dl>\n";
      break;
    case Block::Kind::table: table(out, b.table); break;
    case Block::Kind::figure: {
      const Figure& f = b.figure;
      if (f.svg.empty()) break;
      out << "<figure id=\"diagram-" << esc(f.view) << "\" data-view=\"" << esc(f.view)
          << "\">\n<div class=\"diagram\">" << inline_svg(f.svg, f.view + "-") << "</div>\n<figcaption>"
          << esc(f.caption) << (f.file.empty() ? "" : " (" + esc(f.file) + ")") << "</figcaption>\n</figure>\n";
      break;
    }
  }
}

std::string heading(const Section& s) { return s.note.empty() ? s.title : s.title + " " + s.note; }

// The search and filter's index as JSON inside <script type="application/json">: every '<'
// written \u003c, so no text in it can end the element.
std::string index_json(const Document& d) {
  nlohmann::json list = nlohmann::json::array();
  for (const Document::Entity& e : d.index)
    list.push_back({{"id", e.id}, {"node", e.node}, {"name", e.name}, {"kind", e.kind}, {"initiative", e.initiative}});
  const std::string text = list.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string out;
  out.reserve(text.size());
  for (char c : text) out += c == '<' ? std::string("\\u003c") : std::string(1, c);
  return out;
}

}  // namespace

std::string report_script_csp_source() {
  static constexpr char kBase64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const std::string_view hex = report_script_sha256_hex();
  std::string bytes;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
    bytes += static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16));
  std::string out = "sha256-";
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 2]);
    out += kBase64[(v >> 18) & 63];
    out += kBase64[(v >> 12) & 63];
    out += i + 1 < bytes.size() ? kBase64[(v >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kBase64[v & 63] : '=';
  }
  return out;
}

void write_html(std::ostream& out, const Document& d) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
         "img-src data:; script-src '"
      << report_script_csp_source()
      << "'\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
         "<meta name=\"generator\" content=\"clearpath\">\n<title>"
      << esc(d.title) << "</title>\n<style>" << kStyle << "</style>\n</head>\n<body>\n<header>\n<h1>" << esc(d.title)
      << "</h1>\n";
  for (const std::string& s : d.subtitle) out << "<p class=\"subtitle\">" << esc(s) << "</p>\n";
  out << "<nav>";
  for (const Section& s : d.sections)
    if (!s.title.empty()) out << "<a href=\"#" << esc(s.id) << "\">" << esc(heading(s)) << "</a>";
  out << "</nav>\n";
  if (!d.index.empty()) {
    out << "<div id=\"cp-tools\" hidden><label>Initiative <select id=\"cp-filter\"><option value=\"\">all</option>"
           "</select></label><input type=\"search\" id=\"cp-search\" placeholder=\"Search ids and names\" "
           "aria-label=\"Search ids and names\">";
    if (d.index.size() < d.index_of)
      out << "<span class=\"muted\">searches " << d.index.size() << " of " << d.index_of << " entities</span>";
    out << "<ul id=\"cp-results\"></ul></div>\n";
  }
  out << "</header>\n<main>\n";
  for (const Section& s : d.sections) {
    out << "<section id=\"" << esc(s.id) << "\">\n";
    if (!s.title.empty()) out << "<h2>" << esc(heading(s)) << "</h2>\n";
    for (const Block& b : s.blocks) block(out, b);
    out << "</section>\n";
  }
  out << "</main>\n";
  if (!d.index.empty()) out << "<script type=\"application/json\" id=\"cp-index\">" << index_json(d) << "</script>\n";
  out << "<script>" << report_script() << "</script>\n</body>\n</html>\n";
}

}  // namespace clearpath
