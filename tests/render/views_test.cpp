// The four views on the example models, checked by structure: the DOT is read back with
// Graphviz's parser and the classes of nodes, edges and clusters compared with what the analyses
// found (the planted findings of graphs/churn-model.json).
#include <catch2/catch.hpp>

#include <algorithm>

#include "clearpath/render.hpp"
#include "render/labels.hpp"
#include "render/parsed_dot.hpp"
#include "support/test_support.hpp"

using clearpath::test::ParsedDot;
using Names = std::set<std::string>;

namespace {

const clearpath::Model& churn() {
  static const clearpath::Model m =
      clearpath::test::load_valid(clearpath::test::read_source_file("graphs/churn-model.json"));
  return m;
}

ParsedDot draw(const clearpath::Model& m, clearpath::View view, clearpath::RenderOptions o = {}) {
  o.view = view;
  return clearpath::test::parse_dot(
      clearpath::render_diagram(clearpath::build_diagram(m, o), clearpath::DiagramFormat::dot));
}

std::string label(const ParsedDot& d, const std::string& node) { return d.nodes.at(node).at("label"); }

}  // namespace

TEST_CASE("deps view: the critical path in the critical style, systems as clusters", "[render][deps]") {
  const ParsedDot d = draw(churn(), clearpath::View::deps);
  const std::vector<std::string> path = {"poc-model",
                                         "poc-signoff",
                                         "business-case",
                                         "production-funding",
                                         "billing-extract-spec",
                                         "security-review",
                                         "billing-extract-build",
                                         "billing-extract-test",
                                         "erp-account-reconciliation",
                                         "dwh-history-load",
                                         "dwh-feature-views",
                                         "feature-pipeline",
                                         "train-production-model",
                                         "model-validation",
                                         "change-advisory-board",
                                         "deploy-model-serving",
                                         "crm-score-integration",
                                         "agent-training",
                                         "production-go-live"};
  const Names critical = d.nodes_with_class("critical");
  CHECK(critical == Names(path.begin(), path.end()));  // the file's expected_schedule.critical_path
  for (std::size_t i = 1; i < path.size(); ++i) {
    INFO(path[i - 1] << " -> " << path[i]);
    const ParsedDot::Edge* e = d.edge(path[i - 1], path[i]);
    REQUIRE(e);
    CHECK((ParsedDot::has_class(e->attributes, "critical-path") ||
           ParsedDot::has_class(e->attributes, "critical-legacy-chain")));
    CHECK(e->attributes.at("color").find("#d62728") == 0);
  }
  // No other edge is drawn as critical.
  for (const ParsedDot::Edge& e : d.edges)
    if (ParsedDot::has_class(e.attributes, "critical-path"))
      CHECK(critical.count(e.tail) + critical.count(e.head) == 2);

  // Clusters are exactly the systems steps run on, legacy ones styled so, each holding its steps.
  const clearpath::Model& m = churn();
  Names systems, legacy;
  for (const clearpath::Step& s : m.steps())
    if (s.system != clearpath::kNoRef) {
      systems.insert(m.id(s.system));
      if (m.system(s.system).legacy) legacy.insert(m.id(s.system));
      CHECK(d.members.at(m.id(s.system)).count(s.id) == 1);
    }
  Names clusters, legacy_clusters;
  for (const auto& [name, a] : d.clusters) {
    clusters.insert(name);
    if (ParsedDot::has_class(a, "legacy-system")) legacy_clusters.insert(name);
  }
  CHECK(clusters == systems);
  CHECK(legacy_clusters == legacy);

  // The longest legacy chain (7 legacy steps), done work, blockers with their reason, float.
  CHECK(d.nodes_with_class("legacy-step") == Names{"billing-extract-spec", "billing-extract-build",
                                                   "billing-extract-test", "erp-account-reconciliation",
                                                   "dwh-history-load", "dwh-feature-views", "dwh-nightly-schedule"});
  CHECK(d.nodes_with_class("done").count("poc-model") == 1);
  CHECK(d.nodes_with_class("done").count("poc-signoff") == 1);  // granted
  CHECK(d.nodes_with_class("blocker").count("production-funding") == 1);
  CHECK(d.nodes_with_class("blocker").count("deploy-model-serving") == 1);
  CHECK(label(d, "production-funding").find("no business-side executive") != std::string::npos);
  CHECK(label(d, "dwh-data-quality-rules").find("float 2") != std::string::npos);
  CHECK(d.nodes_with_class("gate").size() == m.approvals().size());
  CHECK(d.graph.at("label").find("Dependencies and the critical path (187 working days left)") != std::string::npos);
}

TEST_CASE("deps view draws the transitive reduction unless --all-edges", "[render][deps]") {
  const clearpath::Model m = clearpath::test::load_valid(R"({"clearpath": 1, "name": "tred",
    "steps": [{"id": "a", "duration": 1}, {"id": "b", "duration": 1, "depends_on": ["a"]},
              {"id": "c", "duration": 1, "depends_on": ["a", "b"]}, {"id": "d", "duration": 5, "depends_on": ["a"]}]})");
  const ParsedDot reduced = draw(m, clearpath::View::deps);
  CHECK(reduced.edge("a", "b"));
  CHECK(reduced.edge("b", "c"));
  CHECK_FALSE(reduced.edge("a", "c"));  // implied by a -> b -> c
  CHECK(reduced.edges.size() == 3);
  clearpath::RenderOptions all;
  all.all_edges = true;
  const ParsedDot full = draw(m, clearpath::View::deps, all);
  CHECK(full.edge("a", "c"));
  CHECK(full.edges.size() == 4);
  CHECK(reduced.graph.at("label").find("--all-edges") != std::string::npos);
}

TEST_CASE("deps view labels links with a type or lag, and keeps them in the reduction", "[render][deps][links]") {
  // a(4) -> b(1) -> c(1) and a -SS+1-> c: c is reachable through b, but the SS link says more
  // than that chain (c may start with a), so it is drawn, labelled. a -> b is plain: no label.
  // Forward: a 0..4, b 4..5, c max(5, 0 + 1) = 5..6.
  const clearpath::Model m = clearpath::test::load_valid(R"({"steps": [{"id": "a", "duration": 4},
    {"id": "b", "duration": 1, "depends_on": ["a"]},
    {"id": "c", "duration": 1, "depends_on": ["b", {"on": "a", "type": "SS", "lag": 1}]}]})");
  const ParsedDot d = draw(m, clearpath::View::deps);
  REQUIRE(d.edge("a", "c"));
  CHECK(d.edge("a", "c")->attributes.at("label") == "SS+1");
  REQUIRE(d.edge("a", "b"));
  CHECK(d.edge("a", "b")->attributes.count("label") == 0);
  CHECK(ParsedDot::has_class(d.edge("b", "c")->attributes, "critical-path"));  // b -> c drives c
  CHECK_FALSE(ParsedDot::has_class(d.edge("a", "c")->attributes, "critical-path"));
  CHECK(d.graph.at("label").find("arrow labels: link type and lag") != std::string::npos);
  // A plain model says nothing of link labels.
  CHECK(draw(churn(), clearpath::View::deps).graph.at("label").find("arrow labels") == std::string::npos);
}

TEST_CASE("deps view shows what is left of work in progress, and its dates", "[render][deps][progress]") {
  // graphs/fraud-rollout.json as of 2027-03-15: label-cases, 12 days, is 25 % done: 9 days left,
  // on the chain that misses cutover's deadline by 7 days; cutover is due 2027-04-23.
  const clearpath::Model m =
      clearpath::test::load_valid(clearpath::test::read_source_file("graphs/fraud-rollout.json"));
  const ParsedDot d = draw(m, clearpath::View::deps);
  CHECK(label(d, "label-cases").find("9 d left (25% done) · float -7") != std::string::npos);
  CHECK(label(d, "cutover").find("due 2027-04-23") != std::string::npos);
  CHECK(label(d, "monitoring-dashboards").find("not before 2027-04-12") != std::string::npos);
  CHECK(label(d, "train-model").find("8 d · float -7") != std::string::npos);  // not started: no "left"
}

TEST_CASE("deps view --focus draws the neighbourhood within --depth links", "[render][deps]") {
  clearpath::RenderOptions o;
  o.focus = "security-review";
  o.depth = 1;
  const ParsedDot d = draw(churn(), clearpath::View::deps, o);
  Names expected{"security-review"};
  const clearpath::Model& m = churn();
  const clearpath::Ref focus = *m.find("security-review");
  for (clearpath::Ref p : m.depends_on(focus)) expected.insert(m.id(p));
  for (const clearpath::Step& s : m.steps())
    if (std::count(s.depends_on.begin(), s.depends_on.end(), focus)) expected.insert(s.id);
  for (const clearpath::Approval& a : m.approvals())
    if (std::count(a.depends_on.begin(), a.depends_on.end(), focus)) expected.insert(a.id);
  Names drawn;
  for (const auto& [name, a] : d.nodes)
    if (!ParsedDot::has_class(a, "legend")) drawn.insert(name);
  CHECK(drawn == expected);
  CHECK(d.graph.at("label").find("neighbourhood of security-review") != std::string::npos);
}

TEST_CASE("org view: departments as clusters, missing co-pilots as placeholders with candidates", "[render][org]") {
  const clearpath::Model& m = churn();
  const ParsedDot d = draw(m, clearpath::View::org);
  Names departments;
  for (const clearpath::Department& dep : m.departments()) departments.insert(dep.id);
  Names clusters;
  for (const auto& [name, a] : d.clusters) clusters.insert(name);
  CHECK(clusters == departments);
  for (const clearpath::Person& p : m.people()) CHECK(d.members.at(m.id(p.department)).count(p.id) == 1);
  CHECK(d.edge("cio", "cto"));  // reports_to, manager above

  const Names missing = d.nodes_with_class("missing-copilot");
  REQUIRE(missing.size() == 2);  // production-funding's business executive, churn-model's IT side
  bool gate_linked = false, initiative_linked = false;
  for (const std::string& n : missing) {
    if (d.edge("production-funding", n)) {
      gate_linked = true;
      CHECK(label(d, n).find("business-side executive") != std::string::npos);
      CHECK(ParsedDot::has_class(d.edge("production-funding", n)->attributes, "needs"));
      for (const char* c : {"cmo", "cfo", "coo"}) CHECK(d.edge(n, c));
    }
    if (d.edge("churn-model", n)) {
      initiative_linked = true;
      CHECK(label(d, n).find("IT-side") != std::string::npos);
    }
  }
  CHECK(gate_linked);
  CHECK(initiative_linked);
  // The funding gate's business-side candidates, and the churn model's IT-side co-sponsors.
  CHECK(d.nodes_with_class("candidate") == Names{"cfo", "cio", "ciso", "cmo", "coo", "cto"});
  CHECK(d.nodes_with_class("sponsor").count("cmo") == 1);
  CHECK(d.nodes_with_class("approver").count("ciso") == 1);
  CHECK(label(d, "cio").find("Chief Information Officer") != std::string::npos);
}

TEST_CASE("org view: an initiative without an IT-side sponsor names who could co-sponsor it", "[render][org]") {
  const ParsedDot d = draw(churn(), clearpath::View::org);
  // The funding gate's placeholder gives its whole reason, to the last approver's side.
  const std::string funding = label(d, "cp:missing:production-funding:1");
  CHECK(funding.find("cto (Information Technology, it") != std::string::npos);
  CHECK(funding.find("...") == std::string::npos);
  const std::string box = label(d, "cp:missing:churn-model");
  CHECK(box.find("IT-side co-sponsor") != std::string::npos);
  CHECK(box.find("suggested: Robert Kessler, Ines<BR/>Duarte, Catherine Moore") !=
        std::string::npos);  // cio, cto, ciso
  for (const char* p : {"cio", "cto", "ciso"}) {
    INFO(p);
    const auto* e = d.edge("cp:missing:churn-model", p);
    REQUIRE(e);
    CHECK(ParsedDot::has_class(e->attributes, "suggested"));
    CHECK(ParsedDot::has_class(d.nodes.at(p), "candidate"));
  }
}

TEST_CASE("org view, one department's page: every suggested co-pilot marked is explained on the page",
          "[render][org]") {
  // The cfo, coo and cmo are suggested for production-funding's business-side slot, and the cio,
  // cto and ciso as the churn model's IT-side co-sponsor: each page that draws one of them also
  // draws the placeholder that suggests them, linked to them.
  const std::set<std::string> expected = {"cfo", "coo", "cmo", "cio", "cto", "ciso"};
  std::set<std::string> seen;
  for (const clearpath::Department& dept : churn().departments()) {
    clearpath::RenderOptions o;
    o.department = dept.id;
    const ParsedDot d = draw(churn(), clearpath::View::org, o);
    for (const std::string& c : d.nodes_with_class("candidate")) {
      INFO(dept.id << ": " << c);
      seen.insert(c);
      bool explained = false;
      for (const ParsedDot::Edge& e : d.edges)
        explained = explained || (e.head == c && ParsedDot::has_class(e.attributes, "suggested"));
      CHECK(explained);
    }
  }
  CHECK(seen == expected);
}

TEST_CASE("org view: three or more leaf reports stack in a column under their manager", "[render][org]") {
  clearpath::RenderOptions o;
  o.view = clearpath::View::org;
  const clearpath::Diagram diagram = clearpath::build_diagram(churn(), o);
  const ParsedDot d = clearpath::test::parse_dot(clearpath::render_diagram(diagram, clearpath::DiagramFormat::dot));
  // marcus-bell's four reports, by id, each under the one before (an invisible chain); the links
  // to all but the first do not rank them.
  const char* leaves[] = {"dmitri-volkov", "grace-mensah", "linda-park", "tom-reilly"};
  for (int k = 1; k < 4; ++k) {
    INFO(leaves[k]);
    const auto* chain = d.edge(leaves[k - 1], leaves[k]);
    REQUIRE(chain);
    CHECK(chain->attributes.at("style") == "invis");
    const auto* link = d.edge("marcus-bell", leaves[k]);
    REQUIRE(link);
    CHECK(link->attributes.at("constraint") == "false");
    CHECK(ParsedDot::has_class(link->attributes, "reports-to"));
  }
  CHECK(d.edge("marcus-bell", "dmitri-volkov")->attributes.count("constraint") == 0);
  // Two reports are not stacked: the security architects stay side by side.
  CHECK(d.edge("daniel-fischer", "yusuf-karim") == nullptr);
  // Drawn: one column, top to bottom.
  const std::string svg = clearpath::render_diagram(diagram, clearpath::DiagramFormat::svg);
  for (int k = 1; k < 4; ++k) {
    const auto above = clearpath::test::svg_box(svg, leaves[k - 1]), below = clearpath::test::svg_box(svg, leaves[k]);
    CHECK(below.x == Approx(above.x).margin(20));
    CHECK(below.y > above.y + above.height / 2);
  }
}

TEST_CASE("org view --root draws the sub-organisation only", "[render][org]") {
  const clearpath::Model& m = churn();
  clearpath::RenderOptions o;
  o.root = "cio";
  const ParsedDot d = draw(m, clearpath::View::org, o);
  const clearpath::Ref cio = *m.find("cio");
  std::size_t people = 0;
  for (std::size_t i = 0; i < m.people().size(); ++i) {
    const clearpath::Ref p = m.ref_of(clearpath::EntityKind::person, i);
    bool under = false;
    for (clearpath::Ref x = p; x != clearpath::kNoRef; x = m.person(x).reports_to) under = under || x == cio;
    CHECK(d.nodes.count(m.id(p)) == (under ? 1U : 0U));
    people += under;
  }
  CHECK(people > 3);
  CHECK(d.nodes.count("ceo") == 0);
  CHECK(d.graph.at("label").find("Organisation under") != std::string::npos);
}

TEST_CASE("approvals view: slots filled green or red with the reason, single points of failure",
          "[render][approvals]") {
  const ParsedDot d = draw(churn(), clearpath::View::approvals);
  CHECK(ParsedDot::has_class(d.nodes.at("production-funding"), "cannot-be-granted"));
  CHECK(ParsedDot::has_class(d.nodes.at("poc-signoff"), "granted"));
  CHECK(label(d, "poc-signoff").find("granted") != std::string::npos);
  const Names unfilled = d.nodes_with_class("slot-unfilled");
  REQUIRE(unfilled.size() == 1);
  CHECK(label(d, *unfilled.begin()).find("business-side executive") != std::string::npos);
  CHECK(d.edge("production-funding", *unfilled.begin()));
  // The whole reason (five lines here), not cut after four with an ellipsis.
  CHECK(label(d, *unfilled.begin()).find("cto (Information Technology, it</FONT><BR/>") != std::string::npos);
  CHECK(label(d, *unfilled.begin()).find(">side)</FONT>") != std::string::npos);
  CHECK(label(d, *unfilled.begin()).find("\u2026") == std::string::npos);
  CHECK(d.nodes_with_class("single-point-of-failure").count("ciso") == 1);
  CHECK(label(d, "ciso").find("single point of failure:") != std::string::npos);
  CHECK(label(d, "ciso").find("security-review") != std::string::npos);
  CHECK(d.edge("poc-signoff", "production-funding"));  // gates in dependency order
  CHECK(label(d, "security-review").find("cumulative lead time 35 d") != std::string::npos);
  // Quorums as "k of n": security-review needs 2 of its 3 approvers (ciso, daniel-fischer,
  // yusuf-karim), poc-signoff 1 of 2.
  CHECK(label(d, "security-review").find("quorum 2 of 3 approvers") != std::string::npos);
  CHECK(label(d, "poc-signoff").find("quorum 1 of 2 approvers") != std::string::npos);
  // The unfilled slot's suggested co-pilots, dashed: the copilots analysis suggests cmo, cfo, coo.
  // The cmo already approves poc-signoff: linked where she is drawn, not drawn a second time.
  const Names candidates = d.nodes_with_class("candidate");
  CHECK(candidates.size() == 2);
  Names suggested;
  for (const std::string& c : candidates) {
    CHECK(d.edge(*unfilled.begin(), c));
    suggested.insert(c.substr(c.rfind(':') + 1));
  }
  CHECK(suggested == Names{"cfo", "coo"});
  const ParsedDot::Edge* to_cmo = d.edge(*unfilled.begin(), "cmo");
  REQUIRE(to_cmo);
  CHECK(ParsedDot::has_class(to_cmo->attributes, "suggested"));
  CHECK(ParsedDot::has_class(d.nodes.at("cmo"), "approver"));
  CHECK(label(d, "cmo").find(
            "also suggested for</FONT><BR/><FONT POINT-SIZE=\"8\" COLOR=\"#444444\">production-funding") !=
        std::string::npos);
  std::size_t olivia = 0;  // Olivia Grant, the cmo, is drawn once
  for (const auto& [name, attributes] : d.nodes) olivia += label(d, name).rfind("<B>Olivia Grant</B>", 0) == 0;
  CHECK(olivia == 1);
  for (const auto& [name, members] : d.members) CHECK(churn().find(name));  // clusters are initiatives
}

TEST_CASE("conflicts view with a handful of rankings: rank on each edge, conflicts in red", "[render][conflicts]") {
  // it ranks four initiatives and holds the critical work of the fourth: a ranking conflict
  // (outside its top 3); biz ranks one. Five links: drawn as a graph.
  const clearpath::Model m = clearpath::test::load_valid(R"({"clearpath": 1, "calendar": {"start": "2027-03-01"},
    "people": [{"id": "ana", "department": "it"}, {"id": "bo", "department": "biz", "capacity": 0.5}],
    "departments": [{"id": "it", "side": "it", "priorities": ["w", "x", "y", "z"]},
                    {"id": "biz", "side": "business", "priorities": ["z"]}],
    "initiatives": [{"id": "w"}, {"id": "x"}, {"id": "y"}, {"id": "z", "value_per_month": 26000}],
    "steps": [{"id": "s", "initiative": "z", "owner": "it", "duration": 5},
              {"id": "t", "initiative": "z", "owner": "bo", "duration": 2, "depends_on": ["s"]}]})");
  const ParsedDot d = draw(m, clearpath::View::conflicts);
  CHECK(d.nodes.count("cp:matrix:ranks") == 0);
  const ParsedDot::Edge* z = d.edge("it", "z");
  REQUIRE(z);
  CHECK(ParsedDot::has_class(z->attributes, "ranking-conflict"));
  CHECK(z->attributes.at("label") == "#4 of 4");
  const ParsedDot::Edge* w = d.edge("it", "w");
  REQUIRE(w);
  CHECK(ParsedDot::has_class(w->attributes, "ranks"));
  CHECK(w->attributes.at("label") == "#1 of 4");
  CHECK(ParsedDot::has_class(d.edge("biz", "z")->attributes, "ranks"));
}

TEST_CASE("conflicts view with many rankings: a department x initiative matrix", "[render][conflicts]") {
  const ParsedDot d = draw(churn(), clearpath::View::conflicts);
  REQUIRE(d.nodes.count("cp:matrix:ranks") == 1);
  const std::string table = label(d, "cp:matrix:ranks");
  CHECK(d.edges.empty());  // no rank edges
  // billing-systems ranks churn-model 3rd of 3 while holding 56 days of its critical work, at a
  // cost of delay of 465,231; data-science ranks pricing-engine 2nd of 2 (21 days, 242,308).
  const std::string conflict = "<TD BGCOLOR=\"#f8d0d0\"><FONT COLOR=\"#a31515\"><B>";
  CHECK(table.find(conflict + "#3 of 3</B><BR/><FONT POINT-SIZE=\"8\" COLOR=\"#444444\">56 critical days</FONT><BR/>"
                              "<FONT POINT-SIZE=\"8\" COLOR=\"#444444\">cost 465,231</FONT>") != std::string::npos);
  CHECK(table.find(conflict + "#2 of 2</B>") != std::string::npos);
  std::size_t conflicts = 0;
  for (std::size_t at = table.find(conflict); at != std::string::npos; at = table.find(conflict, at + 1)) ++conflicts;
  CHECK(conflicts == 2);
  // Finance ranks churn-model last, with no critical work on it: a plain cell.
  CHECK(table.find("<TD>#3 of 3</TD>") != std::string::npos);
  // Sides as rows, initiatives as columns with their value.
  CHECK(table.find("<B>IT side</B>") != std::string::npos);
  CHECK(table.find("180,000 a month") != std::string::npos);
  // The over-allocated person beside it, naming what loads them.
  CHECK(d.nodes_with_class("over-allocated") == Names{"tomasz-nowak"});
  CHECK(label(d, "tomasz-nowak").find("peak 1.3 of 1 FTE, days 106-123") != std::string::npos);
  CHECK(label(d, "tomasz-nowak").find("loaded by churn-model") != std::string::npos);
}

TEST_CASE("conflicts matrix: inversions in orange, listed under it", "[render][conflicts]") {
  // d1 ranks a above b, d2 the reverse, and both hold critical work on both: an inversion.
  // Four departments ranking four initiatives: 16 links, so a matrix.
  const clearpath::Model m = clearpath::test::load_valid(R"({"clearpath": 1,
    "departments": [{"id": "d1", "capacity": 2, "priorities": ["a", "b", "c", "e"]},
                    {"id": "d2", "capacity": 2, "priorities": ["b", "a", "c", "e"]},
                    {"id": "d3", "capacity": 2, "priorities": ["a", "b", "c", "e"]},
                    {"id": "d4", "capacity": 2, "priorities": ["a", "b", "c", "e"]}],
    "initiatives": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "e"}],
    "steps": [{"id": "a1", "initiative": "a", "owner": "d1", "duration": 4}, {"id": "a2", "initiative": "a", "owner": "d2", "duration": 4},
              {"id": "b1", "initiative": "b", "owner": "d1", "duration": 4}, {"id": "b2", "initiative": "b", "owner": "d2", "duration": 4}]})");
  const ParsedDot d = draw(m, clearpath::View::conflicts);
  const std::string table = label(d, "cp:matrix:ranks");
  const std::string inverted = "<TD BGCOLOR=\"#ffe3bf\">";
  std::size_t cells = 0;
  for (std::size_t at = table.find(inverted + "#"); at != std::string::npos; at = table.find(inverted + "#", at + 1))
    ++cells;
  CHECK(cells == 4);  // d1 and d2, a and b
  CHECK(table.find("d1 ranks a above b; d2 the reverse") != std::string::npos);
  CHECK(table.find("<TD>#1 of 4</TD>") != std::string::npos);  // d3 and d4: plain
}

TEST_CASE("the churn example's approvals, conflicts and timeline fit a 1920 x 1080 slide at 80 % or more",
          "[render][size]") {
  // Scaled to fit the slide, normal text (14 px) stays at 11 px or more. The deps and org views
  // do not (a chain of 19 steps, 13 departments side by side): docs/render.md says how to cut
  // them into pages that do.
  for (const clearpath::View view :
       {clearpath::View::approvals, clearpath::View::conflicts, clearpath::View::timeline}) {
    clearpath::RenderOptions o;
    o.view = view;
    const std::string svg =
        clearpath::render_diagram(clearpath::build_diagram(churn(), o), clearpath::DiagramFormat::svg);
    const auto points = [&](const std::string& attribute) {
      const std::size_t at = svg.find(attribute + "=\"", svg.find("<svg"));
      REQUIRE(at != std::string::npos);
      return std::stod(svg.substr(at + attribute.size() + 2));  // "1352pt": stod stops at the unit
    };
    const double width_px = points("width") * 4 / 3, height_px = points("height") * 4 / 3;
    INFO("view " << static_cast<int>(view) << ": " << width_px << " x " << height_px << " px");
    CHECK(std::min(1920 / width_px, 1080 / height_px) >= 0.8);
  }
}

TEST_CASE("every diagram's legend lists exactly the styles it uses", "[render][legend]") {
  for (const char* graph : {"graphs/minimal.json", "graphs/churn-model.json", "graphs/fraud-rollout.json"}) {
    const clearpath::Model m = clearpath::test::load_valid(clearpath::test::read_source_file(graph));
    for (clearpath::View v : clearpath::kViews) {
      INFO(graph << " " << clearpath::view_name(v));
      clearpath::RenderOptions o;
      o.view = v;
      const clearpath::Diagram diagram = clearpath::build_diagram(m, o);
      const ParsedDot d = clearpath::test::parse_dot(clearpath::render_diagram(diagram, clearpath::DiagramFormat::dot));
      Names legend_rows;
      const std::string legend = label(d, "clearpath:legend");
      const std::string open = "<TD ALIGN=\"LEFT\">", close = "</TD>";
      for (std::size_t at = legend.find(open); at != std::string::npos; at = legend.find(open, at + 1)) {
        const std::size_t from = at + open.size();
        legend_rows.insert(legend.substr(from, legend.find(close, from) - from));
      }
      Names expected;
      for (const clearpath::DiagramNode& n : diagram.nodes)  // a table's cells carry styles too
        for (const auto& row : n.table)
          for (const clearpath::DiagramCell& c : row)
            if (!c.style.empty() && !diagram.style(c.style)->legend.empty())
              expected.insert(clearpath::html_text(diagram.style(c.style)->legend));
      for (const std::string& cls : d.classes()) {
        const clearpath::DiagramStyle* s = diagram.style(cls);
        REQUIRE(s);
        if (!s->legend.empty()) expected.insert(clearpath::html_text(s->legend));  // helpers have none
      }
      CHECK(legend_rows == expected);
      CHECK(!legend_rows.empty());
      // The title says as of when: the status date, else the calendar start.
      const std::string when = std::string(graph).find("fraud") != std::string::npos
                                   ? "as of 2027-03-15 (status date)"
                                   : "as of 2027-03-01 (calendar start)";
      CHECK(d.graph.at("label").find(when) != std::string::npos);
    }
  }
}

TEST_CASE("rendering is deterministic and every format comes out", "[render]") {
  clearpath::RenderOptions o;
  o.view = clearpath::View::deps;
  const clearpath::Diagram diagram = clearpath::build_diagram(churn(), o);
  CHECK(clearpath::render_diagram(diagram, clearpath::DiagramFormat::dot) ==
        clearpath::render_diagram(clearpath::build_diagram(churn(), o), clearpath::DiagramFormat::dot));
  const std::string svg = clearpath::render_diagram(diagram, clearpath::DiagramFormat::svg);
  CHECK(svg == clearpath::render_diagram(diagram, clearpath::DiagramFormat::svg));
  CHECK(svg.rfind("<?xml", 0) == 0);
  CHECK(svg.find("class=\"node gate critical blocker\"") == std::string::npos);  // styles apply in their own order
  CHECK(svg.find("class=\"node gate blocker critical\"") != std::string::npos);  // production-funding
  const std::string png = clearpath::render_diagram(diagram, clearpath::DiagramFormat::png);
  CHECK(png.rfind("\x89PNG\r\n\x1a\n", 0) == 0);
  const std::string pdf = clearpath::render_diagram(diagram, clearpath::DiagramFormat::pdf);
  CHECK(pdf.rfind("%PDF-", 0) == 0);
}

TEST_CASE("bad render options are input errors naming the id", "[render][errors]") {
  clearpath::RenderOptions o;
  o.view = clearpath::View::org;
  o.root = "nobody";
  CHECK_THROWS_WITH(clearpath::build_diagram(churn(), o), Catch::Contains("--root: there is no person 'nobody'"));
  o.root = "churn-model";  // not a person
  CHECK_THROWS_AS(clearpath::build_diagram(churn(), o), clearpath::RenderError);
  o = {};
  o.view = clearpath::View::deps;
  o.focus = "cio";
  CHECK_THROWS_WITH(clearpath::build_diagram(churn(), o),
                    Catch::Contains("--focus: there is no step or approval 'cio'"));
  o.focus = "billing-extract-build";
  o.depth = 30;
  o.node_budget = 5;
  CHECK_THROWS_WITH(clearpath::build_diagram(churn(), o), Catch::Contains("over the node budget"));
  for (clearpath::View v : {clearpath::View::deps, clearpath::View::approvals, clearpath::View::conflicts}) {
    o = {};
    o.view = v;
    o.initiative = "no-such-initiative";
    CHECK_THROWS_AS(clearpath::build_diagram(churn(), o), clearpath::RenderError);
  }
}
