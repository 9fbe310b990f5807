// Large models stay within the node budget: people collapse below a depth, steps into their
// systems, and the title says what was collapsed. Random models render in every view.
#include <catch2/catch.hpp>

#include <cmath>

#include "clearpath/render.hpp"
#include "render/parsed_dot.hpp"
#include "render/views.hpp"
#include "support/test_support.hpp"
#include "synthetic/synthetic.hpp"

using clearpath::test::ParsedDot;

namespace {

const clearpath::Model& synthetic() {
  static const clearpath::Model m = [] {
    clearpath::SyntheticOptions o;
    o.steps = 3000;
    o.people = 800;
    o.seed = 3;
    o.gates = 40;  // organisation-aware gates, 8 initiatives
    return clearpath::test::load_valid(clearpath::synthetic_model(o));
  }();
  return m;
}

ParsedDot draw(const clearpath::Model& m, clearpath::View view, std::size_t budget) {
  clearpath::RenderOptions o;
  o.view = view;
  o.node_budget = budget;
  return clearpath::test::parse_dot(
      clearpath::render_diagram(clearpath::build_diagram(m, o), clearpath::DiagramFormat::dot));
}

std::size_t drawn_nodes(const ParsedDot& d) { return d.nodes.size() - 1; }  // without the legend

}  // namespace

TEST_CASE("deps view over the budget collapses steps into their systems", "[render][collapse]") {
  const clearpath::Model& m = synthetic();
  const ParsedDot d = draw(m, clearpath::View::deps, 200);
  CHECK(drawn_nodes(d) <= 200);
  CHECK(d.nodes_with_class("collapsed").size() == drawn_nodes(d));
  CHECK(d.graph.at("label").find("collapsed into") != std::string::npos);
  // Every system some step runs on has its box, with the count of its steps.
  for (const clearpath::System& s : m.systems()) {
    std::size_t steps = 0;
    for (const clearpath::Step& st : m.steps()) steps += st.system != clearpath::kNoRef && m.id(st.system) == s.id;
    if (!steps) continue;
    const std::string name = "cp:group:system:" + s.id;
    REQUIRE(d.nodes.count(name));
    CHECK(d.nodes.at(name).at("label").find(clearpath::count_text(steps) + " steps") != std::string::npos);
  }
  CHECK(!d.nodes_with_class("critical").empty());
  CHECK(d.edges.size() <= 2 * drawn_nodes(d));
}

TEST_CASE("org view over the budget collapses people below a depth", "[render][collapse]") {
  const clearpath::Model& m = synthetic();
  const ParsedDot d = draw(m, clearpath::View::org, 60);
  std::size_t people = 0, more = 0;
  for (const auto& [name, a] : d.nodes) {
    people += m.find(name) && m.kind(*m.find(name)) == clearpath::EntityKind::person;
    more += name.rfind("cp:more:", 0) == 0;
  }
  CHECK(people + more <= 60);
  CHECK(more > 0);
  CHECK(d.graph.at("label").find("collapsed into boxes of +N more") != std::string::npos);
  // The hidden people are all accounted for in the "+N more" boxes.
  std::size_t hidden = 0;
  for (const auto& [name, a] : d.nodes)
    if (name.rfind("cp:more:", 0) == 0) {
      const std::string l = a.at("label");
      hidden += std::stoul(l.substr(l.find('+') + 1));
    }
  CHECK(people + hidden == m.people().size());
}

TEST_CASE("approvals and conflicts views over the budget keep the problems", "[render][collapse]") {
  const clearpath::Model& m = synthetic();
  const ParsedDot approvals = draw(m, clearpath::View::approvals, 40);
  CHECK(drawn_nodes(approvals) <= 40);
  CHECK(approvals.graph.at("label").find("over the 40-node budget") != std::string::npos);
  for (const auto& [name, a] : approvals.nodes)
    if (ParsedDot::has_class(a, "gate"))
      CHECK((ParsedDot::has_class(a, "cannot-be-granted") || a.at("label").find("bus factor 1") != std::string::npos));
  const ParsedDot conflicts = draw(m, clearpath::View::conflicts, 20);
  CHECK(drawn_nodes(conflicts) <= 20);
  CHECK(conflicts.graph.at("label").find("over the 20-node budget") != std::string::npos);
  const ParsedDot tiny = draw(m, clearpath::View::conflicts, 6);  // fewer boxes than initiatives
  CHECK(drawn_nodes(tiny) <= 6);
  CHECK(tiny.graph.at("label").find("only 3 of the 8 initiatives") != std::string::npos);
}

TEST_CASE("deps view with more systems than the budget merges the smallest boxes", "[render][collapse]") {
  std::string json = R"({"clearpath": 1, "systems": [)";
  std::string steps;
  for (int i = 0; i < 30; ++i) {
    json += std::string(i ? "," : "") + R"({"id": "sys)" + std::to_string(i) + R"("})";
    steps += std::string(i ? "," : "") + R"({"id": "s)" + std::to_string(i) + R"(", "system": "sys)" +
             std::to_string(i) + R"(", "duration": )" + std::to_string(1 + i % 4) +
             (i ? R"(, "depends_on": ["s)" + std::to_string(i - 1) + R"("])" : "") + "}";
  }
  // Gates and steps with no initiative at all (the format allows it).
  json +=
      R"(], "approvals": [{"id": "g", "lead_time": 2}], "steps": [)" + steps + R"(, {"id": "loose", "duration": 1}]})";
  const clearpath::Model m = clearpath::test::load_valid(json);
  const ParsedDot d = draw(m, clearpath::View::deps, 10);
  CHECK(drawn_nodes(d) == 10);
  CHECK(d.nodes.count("cp:group:other") == 1);
  CHECK(d.nodes.at("cp:group:other").at("label").find("other systems and groups") != std::string::npos);
  CHECK(d.graph.at("label").find("merged into one") != std::string::npos);

  // Gates and steps of no initiative, collapsed.
  const clearpath::Model loose = clearpath::test::load_valid(R"({"clearpath": 1,
    "approvals": [{"id": "g", "lead_time": 2}],
    "steps": [{"id": "a", "duration": 1}, {"id": "b", "duration": 1, "depends_on": ["a", "g"]}, {"id": "c", "duration": 1}]})");
  const ParsedDot l = draw(loose, clearpath::View::deps, 3);
  CHECK(drawn_nodes(l) == 2);
  CHECK(l.nodes.at("cp:group:gates:").at("label").find("approval gates of no</B><BR/><B>initiative") !=
        std::string::npos);
  CHECK(l.nodes.at("cp:group:steps:").at("label").find("3 steps") != std::string::npos);
  CHECK(l.edge("cp:group:gates:", "cp:group:steps:"));
}

TEST_CASE("org view above 1,000 people counts its cross-links instead of drawing them", "[render][collapse]") {
  clearpath::SyntheticOptions so;
  so.steps = 200;
  so.people = 1100;
  so.seed = 5;
  const clearpath::Model m = clearpath::test::load_valid(clearpath::synthetic_model(so));
  std::size_t dotted = 0;
  for (const clearpath::Person& p : m.people()) dotted += p.dotted_line_to.size();
  REQUIRE(dotted > 0);
  const ParsedDot all = draw(m, clearpath::View::org, 2000);  // everyone, DOT only (no layout)
  for (const ParsedDot::Edge& e : all.edges) {
    CHECK_FALSE(ParsedDot::has_class(e.attributes, "dotted-line"));
    CHECK_FALSE(ParsedDot::has_class(e.attributes, "suggested"));
  }
  CHECK(all.graph.at("label").find("dotted-line, suggestion and sponsor links not drawn above 1,000 people") !=
        std::string::npos);
  const ParsedDot few = draw(m, clearpath::View::org, 300);  // collapsed: few enough to draw them
  CHECK(few.graph.at("label").find("not drawn above") == std::string::npos);
}

TEST_CASE("options that do not apply to the view are refused", "[render][errors]") {
  const clearpath::Model& m = synthetic();
  clearpath::RenderOptions o;
  o.view = clearpath::View::org;
  o.initiative = "init0";
  CHECK_THROWS_WITH(clearpath::build_diagram(m, o),
                    Catch::Contains("--initiative applies to the approvals, deps, conflicts and timeline views"));
  o = {};
  o.view = clearpath::View::approvals;
  o.root = "p0";
  CHECK_THROWS_WITH(clearpath::build_diagram(m, o), Catch::Contains("--root applies to the org view"));
  o = {};
  o.view = clearpath::View::conflicts;
  o.all_edges = true;
  CHECK_THROWS_AS(clearpath::build_diagram(m, o), clearpath::RenderError);
  o = {};
  o.view = clearpath::View::deps;
  o.depth = 2;  // without --focus
  CHECK_THROWS_WITH(clearpath::build_diagram(m, o), Catch::Contains("--depth applies"));
  o = {};
  o.view = clearpath::View::org;
  o.focus = "s1";
  CHECK_THROWS_AS(clearpath::build_diagram(m, o), clearpath::RenderError);
}

TEST_CASE("random models render in every view and format without errors", "[render][property]") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    clearpath::SyntheticOptions so;
    so.steps = 40 + seed * 10;
    so.people = 25;
    so.seed = seed;
    if (seed % 2) so.gates = 6;
    const clearpath::Model m = clearpath::test::load_valid(clearpath::synthetic_model(so));
    for (clearpath::View v : clearpath::kViews) {
      INFO("seed " << seed << " view " << clearpath::view_name(v));
      clearpath::RenderOptions o;
      o.view = v;
      o.node_budget = 80;
      const clearpath::Diagram diagram = clearpath::build_diagram(m, o);
      const std::string svg = clearpath::render_diagram(diagram, clearpath::DiagramFormat::svg);
      CHECK(svg.find("</svg>") != std::string::npos);
      const ParsedDot d = clearpath::test::parse_dot(clearpath::render_diagram(diagram, clearpath::DiagramFormat::dot));
      CHECK(d.nodes.size() == diagram.nodes.size() + 1);  // and the legend
      CHECK(d.edges.size() == diagram.edges.size());
    }
  }
}

TEST_CASE("at 10,000 steps every graph view is legible: no two boxes overlap where Graphviz drew them",
          "[render][collapse][legible]") {
  clearpath::SyntheticOptions so;
  so.steps = 10000;
  so.people = 2000;
  so.seed = 11;
  so.gates = 60;
  const clearpath::Model m = clearpath::test::load_valid(clearpath::synthetic_model(so));
  for (clearpath::View v :
       {clearpath::View::org, clearpath::View::approvals, clearpath::View::deps, clearpath::View::conflicts}) {
    INFO(clearpath::view_name(v));
    clearpath::RenderOptions o;
    o.view = v;
    const std::string svg = clearpath::render_diagram(clearpath::build_diagram(m, o), clearpath::DiagramFormat::svg);
    const auto boxes = clearpath::test::svg_node_boxes(svg);
    CHECK(boxes.size() > 5);
    std::size_t overlaps = 0;
    for (std::size_t a = 0; a < boxes.size(); ++a)
      for (std::size_t b = a + 1; b < boxes.size(); ++b) {
        const auto& p = boxes[a].second;
        const auto& q = boxes[b].second;
        const double dx = (p.width + q.width) / 2 - std::abs(p.x - q.x);
        const double dy = (p.height + q.height) / 2 - std::abs(p.y - q.y);
        if (dx > 1 && dy > 1) {  // more than a point each way
          ++overlaps;
          UNSCOPED_INFO(boxes[a].first << " overlaps " << boxes[b].first);
        }
      }
    CHECK(overlaps == 0);
  }
}
