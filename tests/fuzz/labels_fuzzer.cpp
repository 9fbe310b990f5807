// The layer that puts user text into DOT, SVG and HTML: any UTF-8 text (as an id when it could be one), a label, an edge
// label, a cluster and a title gives DOT that Graphviz's parser reads back (with the node by its
// escaped name), SVG that is well-formed XML, and HTML, none of them holding the text unescaped
// when it has markup in it.
#include <graphviz/cgraph.h>

#include <algorithm>
#include <pugixml.hpp>
#include <sstream>
#include <string>

#include "clearpath/render.hpp"
#include "fuzz_target.hpp"
#include "report/document.hpp"
#include "util/dot_text.hpp"
#include "util/utf8.hpp"

namespace {

bool has_markup(std::string_view s) {
  return s.find('<') != std::string_view::npos || s.find('&') != std::string_view::npos;
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

  const std::string dot = render_diagram(d, DiagramFormat::dot);
  Agraph_t* g = agmemread(dot.c_str());
  fuzz::check(g != nullptr, "Graphviz reads clearpath's DOT back");
  fuzz::check(agnode(g, const_cast<char*>(dot_name(id).c_str()), 0) != nullptr, "the node is there by its name");
  agclose(g);

  const std::string svg = render_diagram(d, DiagramFormat::svg);
  pugi::xml_document doc;
  fuzz::check(static_cast<bool>(doc.load_buffer(svg.data(), svg.size())), "the SVG is well-formed XML");
  if (marked && has_markup(text)) fuzz::check(svg.find(text) == std::string::npos, "no text unescaped in the SVG");

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
  std::size_t scripts = 0;
  for (std::size_t at = page.find("<script"); at != std::string::npos; at = page.find("<script", at + 1)) ++scripts;
  fuzz::check(scripts == 2, "the page's scripts are the index and clearpath's own");
  return 0;
}
