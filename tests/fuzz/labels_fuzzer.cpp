// The layer that puts user text into DOT, SVG and HTML: any UTF-8 text (as an id when it could be one), a label, an edge
// label, a cluster and a title gives DOT that Graphviz's parser reads back (with the node by its
// escaped name), SVG that is well-formed XML, and HTML, none of them holding the text unescaped
// when it has markup in it.
#include <graphviz/cgraph.h>

#include <algorithm>
#include <cctype>
#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "clearpath/render.hpp"
#include "fuzz_target.hpp"
#include "report/document.hpp"
#include "util/dot_text.hpp"
#include "util/utf8.hpp"

namespace {

constexpr std::string_view kOpen = "\u2983", kClose = "\u2984";  // the marks around an even-length input

bool has_markup(std::string_view s) {
  return s.find('<') != std::string_view::npos || s.find('&') != std::string_view::npos;
}

// Every '&' of `s` begins a character reference: &name; &#digits; or &#xhex;.
bool references_only(std::string_view s) {
  for (std::size_t at = s.find('&'); at != std::string_view::npos; at = s.find('&', at + 1)) {
    std::size_t k = at + 1;
    if (k < s.size() && s[k] == '#') {
      ++k;
      const bool hex = k < s.size() && (s[k] == 'x' || s[k] == 'X');
      if (hex) ++k;
      const std::size_t digits = k;
      while (k < s.size() && (hex ? std::isxdigit(static_cast<unsigned char>(s[k])) != 0
                                  : std::isdigit(static_cast<unsigned char>(s[k])) != 0))
        ++k;
      if (k == digits) return false;
    } else {
      const std::size_t name = k;
      while (k < s.size() && std::isalnum(static_cast<unsigned char>(s[k])) != 0) ++k;
      if (k == name) return false;
    }
    if (k >= s.size() || s[k] != ';') return false;
  }
  return true;
}

// In markup as written (HTML), each marked text is escaped whole: from each opening mark to its
// closing one there is no '<', '>', '"' or '\'' and every '&' is a reference. Returns how many
// marked texts there are.
std::size_t check_marked(std::string_view markup, const char* where) {
  std::size_t count = 0;
  for (std::size_t at = markup.find(kOpen); at != std::string_view::npos; at = markup.find(kOpen, at + 1)) {
    const std::size_t end = markup.find(kClose, at);
    clearpath::fuzz::check(end != std::string_view::npos, where);
    const std::string_view inside = markup.substr(at, end - at);
    clearpath::fuzz::check(inside.find_first_of("<>\"'") == std::string_view::npos && references_only(inside), where);
    ++count;
  }
  return count;
}

// `s` with every no-break space (U+00A0) a space.
std::string spaces_as_one_kind(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      out += ' ';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Every text of an SVG document as a reader sees it (references decoded), one after another.
void svg_texts(pugi::xml_node n, std::string& out) {
  for (pugi::xml_node c : n.children()) {
    if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out.append(c.value()).push_back('\n');
    svg_texts(c, out);
  }
}

// The diagram every input is drawn in: the text as title, style legend, cluster label, node
// label lines, record field and edge label; `id` names the node and the cluster.
clearpath::Diagram diagram_of(const std::string& text, const std::string& id) {
  using namespace clearpath;
  Diagram d;
  d.title = {text, text};
  d.styles.push_back({"hot", DiagramStyle::Applies::node, text, {{"color", "red"}}});
  d.clusters.push_back({id, "", {}, {{text, LabelLine::Look::emphasis}}});
  d.nodes.push_back({id, id, {"hot"}, {{text, LabelLine::Look::normal}, {text, LabelLine::Look::small}}, {}, {}});
  d.nodes.push_back({"other",
                     "",
                     {},
                     {{"other", LabelLine::Look::normal}},
                     {},
                     {{{{{text, LabelLine::Look::normal}}, "hot", 1, true}}}});
  d.edges.push_back({id, "other", {}, text});
  return d;
}

// How many nodes, edges and subgraphs a graph read back has.
struct Shape {
  int nodes = 0, edges = 0, subgraphs = 0;
  friend bool operator==(const Shape&, const Shape&) = default;
};
Shape shape_of(Agraph_t* g) {
  Shape s{agnnodes(g), agnedges(g), 0};
  for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) ++s.subgraphs;
  return s;
}
Shape shape_of(const std::string& dot) {
  Agraph_t* g = agmemread(dot.c_str());
  clearpath::fuzz::check(g != nullptr, "Graphviz reads clearpath's DOT back");
  const Shape s = shape_of(g);
  agclose(g);
  return s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace clearpath;
  const std::string_view input = fuzz::text(data, size);
  // Every reader gives the model UTF-8 strings alone (the loader, the imports: each refuses
  // other bytes where they are), so that is the layer's contract.
  if (find_invalid_utf8(input) != std::string::npos) return 0;
  // Inputs of even length go in between two marks that clearpath's own markup never holds:
  // "no text unescaped" then means the marked text is not in the output as it is (a bare "<" or
  // "&" is everywhere in SVG and HTML, as markup). Inputs of odd length go in as they are, so
  // that their first and last characters meet the escaping too (a text ending in "<" or "\\");
  // for them the output must still parse back.
  const bool marked = size % 2 == 0;
  const std::string text = marked ? std::string("\u2983") + std::string(input) + "\u2984" : std::string(input);
  if (text.empty()) return 0;
  // The text names the node and the cluster when the loader would take it as an id: not empty,
  // at most 256 bytes, no control character (Graphviz reads a name of one newline back as "").
  const bool id_like =
      text.size() <= 256 && text != "other" &&  // "other" is the second node's name
      std::none_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
  const std::string id = id_like ? text : std::string("node");
  const clearpath::Diagram d = diagram_of(text, id);
  const std::string dot = render_diagram(d, DiagramFormat::dot);
  Agraph_t* g = agmemread(dot.c_str());
  fuzz::check(g != nullptr, "Graphviz reads clearpath's DOT back");
  fuzz::check(agnode(g, const_cast<char*>(dot_name(id).c_str()), 0) != nullptr, "the node is there by its name");
  // Text that broke out of its quotes or label would add nodes, edges or subgraphs: the counts
  // are those of the same diagram with a harmless text.
  static const Shape expected = shape_of(render_diagram(diagram_of("plain", "plain"), DiagramFormat::dot));
  fuzz::check(shape_of(g) == expected, "the DOT has the diagram's nodes, edges and clusters, no more");
  agclose(g);

  // Texts that reach the output as they are: no control character (those become spaces or line
  // breaks) and short enough not to be cut (labels are cut at 200 characters).
  std::size_t code_points = 0;
  for (char c : text) code_points += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  const bool plain = marked && code_points <= 150 && std::none_of(text.begin(), text.end(), [](char c) {
                       return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
                     });
  const std::string svg = render_diagram(d, DiagramFormat::svg);
  pugi::xml_document doc;
  fuzz::check(static_cast<bool>(doc.load_buffer(svg.data(), svg.size())), "the SVG is well-formed XML");
  if (marked && has_markup(text)) fuzz::check(svg.find(text) == std::string::npos, "no text unescaped in the SVG");
  if (plain) {
    // What a reader of the SVG sees is the text itself, once escaped and once decoded.
    // (Graphviz writes the second of two spaces as a no-break space, U+00A0.)
    std::string seen;
    svg_texts(doc, seen);
    fuzz::check(spaces_as_one_kind(seen).find(spaces_as_one_kind(text)) != std::string::npos,
                "the SVG shows the text as it is");
  }

  Document report;
  report.title = text;
  Section& s = report.section("s", text);
  s.paragraph(text);
  s.table({text}, {false}).row({text});
  report.index.push_back({id, dot_name(id), text, "step", text});
  report.index_of = 1;
  std::ostringstream html;
  write_html(html, report);
  const std::string page = html.str();
  // The search index is JSON inside a script element, where '&' means itself (a script's text
  // has no character references) and every '<' is written \u003c: the text may appear there
  // as it is unless it has a '<'; everywhere else it is escaped.
  const std::string open = "<script type=\"application/json\" id=\"cp-index\">";
  const std::size_t index = page.find(open), index_end = page.find("</script>", index);
  fuzz::check(index != std::string::npos && index_end != std::string::npos, "the page has its search index");
  const std::string json = page.substr(index + open.size(), index_end - index - open.size());
  fuzz::check(json.find('<') == std::string::npos, "no '<' in the search index");
  const std::string outside = page.substr(0, index) + page.substr(index_end);
  if (marked && has_markup(text)) fuzz::check(outside.find(text) == std::string::npos, "no text unescaped in the HTML");
  if (plain)
    fuzz::check(check_marked(outside, "each text in the HTML is escaped whole") >= 4, "the HTML shows the text");
  std::size_t scripts = 0;
  for (std::size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) ++scripts;
  fuzz::check(scripts == 2, "the page's scripts are the index and clearpath's own");
  return 0;
}
