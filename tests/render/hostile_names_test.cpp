// Names and ids with quotes, backslashes, markup, Graphviz escapes, newlines and non-Latin
// scripts come out as text: DOT that parses back to the same ids, well-formed SVG (xmllint)
// with no markup of theirs.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "clearpath/render.hpp"
#include "render/labels.hpp"
#include "render/parsed_dot.hpp"
#include "support/test_support.hpp"

namespace {

const std::string kHostileModel = R"({"clearpath": 1, "name": "Evil -- <b>\"model\"</b> & \\N",
  "people": [
    {"id": "a\"b<c>\\d&e", "name": "<script>alert(1)</script> \\N \\G \"quoted\" 'single' & é 日本語 عربى\nsecond line",
     "title": "]]> <!-- -->", "department": "d&<>"},
    {"id": "boss", "name": "Boss ]; node [shape=none", "department": "d&<>", "roles": ["executive"]},
    {"id": "&amp;x;", "department": "d&<>", "reports_to": "boss"},
    {"id": "%1", "department": "d&<>", "reports_to": "boss"},
    {"id": "^5E", "department": "d&<>", "reports_to": "%1"}],
  "departments": [{"id": "d&<>", "name": "<i>Dept</i> 日本語 عربى\nline two", "side": "it", "priorities": ["init<1>"]}],
  "initiatives": [{"id": "init<1>", "name": "Init \" } digraph {", "sponsors": ["boss"]}],
  "systems": [{"id": "sys\\\"", "name": "Sys </text><script>", "legacy": true}],
  "approvals": [{"id": "gate\"]", "name": "Gate <img src=x>", "initiative": "init<1>", "approvers": ["boss"],
                 "rule": {"slots": [{"side": "it", "role": "executive"}]}}],
  "steps": [{"id": "s<1>", "name": "Step & \"one\"", "initiative": "init<1>", "system": "sys\\\"", "owner": "a\"b<c>\\d&e",
             "duration": 3, "depends_on": ["gate\"]"]},
            {"id": "s\\2", "name": "image=\"/etc/passwd\"", "initiative": "init<1>", "owner": "d&<>", "duration": 2,
             "depends_on": ["s<1>"]}]})";

bool well_formed_xml(const std::string& svg) {
  const std::string path = clearpath::test::temp_dir() + "/hostile.svg";
  std::ofstream(path, std::ios::binary) << svg;
  return std::system(("xmllint --noout '" + path + "'").c_str()) == 0;
}

}  // namespace

TEST_CASE("hostile names render as text in every view", "[render][hostile]") {
  const clearpath::Model m = clearpath::test::load_valid(kHostileModel);
  for (clearpath::View v : clearpath::kViews) {
    INFO(clearpath::view_name(v));
    clearpath::RenderOptions o;
    o.view = v;
    const clearpath::Diagram diagram = clearpath::build_diagram(m, o);
    const std::string dot = clearpath::render_diagram(diagram, clearpath::DiagramFormat::dot);
    const clearpath::test::ParsedDot d = clearpath::test::parse_dot(dot);
    for (const clearpath::DiagramNode& n : diagram.nodes)
      CHECK(d.nodes.count(clearpath::dot_name(n.name)) == 1);  // ids intact
    CHECK(dot.find("image=\"") == std::string::npos);          // user text never becomes an attribute
    CHECK((dot.find("image=&quot;") != std::string::npos || v != clearpath::View::deps));
    CHECK(dot.find("<script>") == std::string::npos);

    const std::string svg = clearpath::render_diagram(diagram, clearpath::DiagramFormat::svg);
    CHECK(well_formed_xml(svg));
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("<img") == std::string::npos);
    CHECK(svg.find("<i>") == std::string::npos);
    CHECK(svg.find("&lt;") != std::string::npos);  // the markup shows as text
  }
  clearpath::RenderOptions o;
  o.view = clearpath::View::org;
  const std::string svg = clearpath::render_diagram(clearpath::build_diagram(m, o), clearpath::DiagramFormat::svg);
  CHECK(svg.find("&lt;script&gt;alert(1)&lt;/script&gt; \\N") != std::string::npos);  // no Graphviz escapes applied
  CHECK(svg.find("\\G") != std::string::npos);
  CHECK(svg.find("日本語") != std::string::npos);
  CHECK(svg.find(">line two<") != std::string::npos);  // a newline is a line break
}

TEST_CASE("a name that is a closing bracket alone renders in every view", "[render][hostile]") {
  // Graphviz 2.42 takes "<B>]</B>" in an HTML label for a syntax error, and the diagram could not
  // be drawn at all (found by the labels fuzz target): the bracket is written &#93;.
  const clearpath::Model m = clearpath::test::load_valid(R"({"clearpath": 1, "name": "]",
    "people": [{"id": "p", "name": "]", "title": "]", "department": "d", "roles": ["executive"]}],
    "departments": [{"id": "d", "name": "]", "side": "it", "priorities": ["i"]}],
    "initiatives": [{"id": "i", "name": "]", "sponsors": ["p"]}],
    "systems": [{"id": "s", "name": "]", "legacy": true}],
    "approvals": [{"id": "g", "name": "]", "initiative": "i", "approvers": ["p"]}],
    "steps": [{"id": "t", "name": "]", "initiative": "i", "system": "s", "owner": "p", "duration": 2,
               "depends_on": ["g"]}]})");
  for (clearpath::View v : clearpath::kViews) {
    INFO(clearpath::view_name(v));
    clearpath::RenderOptions o;
    o.view = v;
    std::string svg;
    CHECK_NOTHROW(svg = clearpath::render_diagram(clearpath::build_diagram(m, o), clearpath::DiagramFormat::svg));
    CHECK(well_formed_xml(svg));
    CHECK(svg.find(">]</text>") != std::string::npos);
  }
  CHECK(clearpath::html_text("[x] ]") == "[x&#93; &#93;");
}

TEST_CASE("a name of a megabyte is cut to 200 characters before Graphviz sees it", "[render][hostile]") {
  // The model's name is the diagram's title; a step's name its label. Both were passed whole.
  const std::string huge(1u << 20, 'n');
  const clearpath::Model m = clearpath::test::load_valid(R"({"name": ")" + huge + R"(", "initiatives": [{"id": "i"}],
    "steps": [{"id": "s", "initiative": "i", "name": ")" +
                                                         huge + R"(", "duration": 1}]})");
  const std::string cut = std::string(199, 'n') + "\u2026";
  CHECK(clearpath::capped_html_text(huge) == cut);
  CHECK(clearpath::capped_html_text(std::string(200, 'n')) == std::string(200, 'n'));
  CHECK(clearpath::capped_html_text("<" + huge) == "&lt;" + std::string(198, 'n') + "\u2026");
  CHECK(clearpath::title_html({huge}).size() < 400);
  for (clearpath::View v : clearpath::kViews) {
    INFO(clearpath::view_name(v));
    clearpath::RenderOptions o;
    o.view = v;
    const std::string svg = clearpath::render_diagram(clearpath::build_diagram(m, o), clearpath::DiagramFormat::svg);
    CHECK(svg.size() < 100000);
    CHECK(svg.find(std::string(201, 'n')) == std::string::npos);
    CHECK(well_formed_xml(svg));
  }
}
