// The Graphviz backend on hand-made diagrams: attributes and classes as given, the legend's
// name never clashing with a node, and Graphviz's complaints or a malformed diagram as
// RenderError, with nothing leaked (the suite also runs under AddressSanitizer).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "clearpath/render.hpp"
#include "render/parsed_dot.hpp"

using clearpath::Diagram;
using clearpath::DiagramFormat;
using clearpath::DiagramStyle;
using clearpath::LabelLine;

namespace {

Diagram two_nodes() {
  Diagram d;
  d.title = {"Title", "second line"};
  d.styles.push_back({"hot", DiagramStyle::Applies::node, "hot node", {{"color", "red"}, {"style", "dashed"}}});
  d.styles.push_back({"link", DiagramStyle::Applies::edge, "a link", {{"penwidth", "2"}}});
  d.styles.push_back({"unused", DiagramStyle::Applies::node, "never used", {{"color", "blue"}}});
  d.clusters.push_back({"c", "", {}, {{"Cluster", LabelLine::Look::emphasis}}});
  d.nodes.push_back({"a", "c", {"hot"}, {{"A", LabelLine::Look::normal}}, {}, {}});
  d.nodes.push_back({"b", "", {}, {{"B", LabelLine::Look::small}}, {}, {}});
  d.edges.push_back({"a", "b", {"link"}, "label"});
  return d;
}

}  // namespace

TEST_CASE("the backend sets styles as attributes and classes, and a legend of the used ones", "[render][backend]") {
  const auto p = clearpath::test::parse_dot(clearpath::render_diagram(two_nodes(), DiagramFormat::dot));
  CHECK(p.nodes.at("a").at("color") == "red");
  CHECK(p.nodes.at("a").at("style") == "rounded,filled,dashed");  // merged with the defaults
  CHECK(p.nodes.at("a").at("class") == "hot");
  CHECK(p.nodes.at("b").count("class") == 0);
  CHECK(p.edge("a", "b")->attributes.at("penwidth") == "2");
  CHECK(p.members.at("c") == std::set<std::string>{"a"});
  const std::string legend = p.nodes.at("clearpath:legend").at("label");
  CHECK(legend.find("hot node") != std::string::npos);
  CHECK(legend.find("a link") != std::string::npos);
  CHECK(legend.find("never used") == std::string::npos);
}

TEST_CASE("the legend's name steps aside for a node of the same name", "[render][backend]") {
  Diagram d = two_nodes();
  d.nodes.push_back({"clearpath:legend", "", {}, {{"user node", LabelLine::Look::normal}}, {}, {}});
  const auto p = clearpath::test::parse_dot(clearpath::render_diagram(d, DiagramFormat::dot));
  CHECK(p.nodes.at("clearpath:legend").at("label") == "user node");
  CHECK(p.nodes.at("_clearpath:legend").at("class") == "legend");
}

TEST_CASE("Graphviz's errors and malformed diagrams become RenderError", "[render][backend]") {
  Diagram d = two_nodes();
  d.graph.push_back({"layout", "no-such-engine"});
  CHECK_THROWS_WITH(clearpath::render_diagram(d, DiagramFormat::svg),
                    Catch::Contains("Graphviz could not lay out the diagram") && Catch::Contains("no-such-engine"));
  CHECK(clearpath::render_diagram(two_nodes(), DiagramFormat::svg).find("</svg>") != std::string::npos);  // recovers

  d = two_nodes();
  d.nodes.push_back(d.nodes.front());
  CHECK_THROWS_WITH(clearpath::render_diagram(d, DiagramFormat::dot), Catch::Contains("two nodes are named 'a'"));
  d = two_nodes();
  d.edges.push_back({"a", "ghost", {}, ""});
  CHECK_THROWS_WITH(clearpath::render_diagram(d, DiagramFormat::dot), Catch::Contains("unknown node 'ghost'"));
  d = two_nodes();
  d.nodes.front().styles.push_back("nonexistent");
  CHECK_THROWS_WITH(clearpath::render_diagram(d, DiagramFormat::dot), Catch::Contains("undefined style 'nonexistent'"));
  d = two_nodes();
  d.nodes.front().cluster = "nowhere";
  CHECK_THROWS_AS(clearpath::render_diagram(d, DiagramFormat::dot), clearpath::RenderError);
}

TEST_CASE("view and format names", "[render][backend]") {
  for (clearpath::View v : clearpath::kViews) CHECK(clearpath::parse_view(clearpath::view_name(v)) == v);
  CHECK_FALSE(clearpath::parse_view("gantt"));
  CHECK(clearpath::parse_diagram_format("pdf") == DiagramFormat::pdf);
  CHECK_FALSE(clearpath::parse_diagram_format("jpeg"));
}

namespace {

Diagram pinned() {
  Diagram d = two_nodes();
  d.edges.clear();
  d.clusters.clear();
  d.nodes[0].cluster.clear();
  d.pinned = true;
  d.legend_pos = "200,-150";
  d.nodes[0].geometry = {{"pos", "100,50"}, {"width", "1"}, {"height", "0.5"}, {"fixedsize", "true"}};
  d.nodes[1].geometry = {{"pos", "300,-20"}, {"width", "2"}, {"height", "0.25"}, {"fixedsize", "true"}};
  return d;
}

}  // namespace

TEST_CASE("a pinned diagram's nodes are drawn where and as large as their geometry says", "[render][backend]") {
  const std::string dot = clearpath::render_diagram(pinned(), DiagramFormat::dot);
  CHECK(dot.find("layout=nop") != std::string::npos);  // so that Graphviz's own tools draw it alike
  const std::string svg = clearpath::render_diagram(pinned(), DiagramFormat::svg);
  const auto a = clearpath::test::svg_box(svg, "a"), b = clearpath::test::svg_box(svg, "b");
  CHECK(a.width == Approx(72).margin(0.5));  // 1 inch
  CHECK(a.height == Approx(36).margin(0.5));
  CHECK(b.width == Approx(144).margin(0.5));
  CHECK(b.height == Approx(18).margin(0.5));
  CHECK(b.x - a.x == Approx(200).margin(0.5));  // 300 - 100
  CHECK(b.y - a.y == Approx(70).margin(0.5));   // SVG's y grows downwards: 50 - (-20)
  // Every node needs a position, and so does the legend.
  Diagram d = pinned();
  d.nodes[1].geometry.erase(d.nodes[1].geometry.begin());
  CHECK_THROWS_WITH(clearpath::render_diagram(d, DiagramFormat::svg),
                    Catch::Contains("'b'") && Catch::Contains("no position"));
  d = pinned();
  d.legend_pos.clear();
  CHECK_THROWS_WITH(clearpath::render_diagram(d, DiagramFormat::svg), Catch::Contains("legend has no position"));
}
