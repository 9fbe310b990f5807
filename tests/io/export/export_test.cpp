// clearpath export as a library: the normalised JSON round-trips exactly (example graphs,
// synthetic models, shuffled input, hostile names), GraphML is well-formed with typed keys, and
// DOT parses back with Graphviz to the same nodes and edges. Counts for graphs/minimal.json are
// worked out by hand.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "clearpath/export.hpp"
#include "clearpath/save.hpp"
#include "io/export/export_parts.hpp"
#include "render/parsed_dot.hpp"
#include "support/test_support.hpp"
#include "synthetic/synthetic.hpp"
#include "util/dot_text.hpp"

using namespace clearpath;
using clearpath::test::load_valid;
using J = nlohmann::ordered_json;

namespace {

// The lists of each entity kind whose order has no meaning (docs/export.md).
const std::map<std::string, std::set<std::string>> kSetLists = {{"people", {"dotted_line_to", "roles", "skills"}},
                                                                {"departments", {}},
                                                                {"systems", {}},
                                                                {"initiatives", {"sponsors"}},
                                                                {"approvals", {"approvers", "depends_on"}},
                                                                {"steps", {"skills", "depends_on"}}};

// The model's file form with the order that carries no meaning taken out, written independently
// of the exporter: entities sorted by id, set-like lists and demands sorted.
J canonical(const std::string& saved) {
  J j = J::parse(saved);
  for (const auto& [kind, sets] : kSetLists) {
    if (!j.contains(kind)) continue;
    std::vector<J> items(j[kind].begin(), j[kind].end());
    std::sort(items.begin(), items.end(),
              [](const J& a, const J& b) { return a["id"].get<std::string>() < b["id"].get<std::string>(); });
    for (J& e : items) {
      for (const std::string& key : sets)
        if (e.contains(key)) {  // ids, or (depends_on) link objects: sorted by their JSON text
          std::vector<J> v = e[key];
          std::sort(v.begin(), v.end(), [](const J& a, const J& b) { return a.dump() < b.dump(); });
          e[key] = v;
        }
      if (e.contains("demands")) {
        std::map<std::string, J> sorted;
        for (auto it = e["demands"].begin(); it != e["demands"].end(); ++it) sorted[it.key()] = it.value();
        J d = J::object();
        for (const auto& [k, v] : sorted) d[k] = v;
        e["demands"] = d;
      }
    }
    j[kind] = items;
  }
  if (j.contains("calendar") && j["calendar"].contains("holidays")) {
    std::vector<std::string> v = j["calendar"]["holidays"];
    std::sort(v.begin(), v.end());
    j["calendar"]["holidays"] = v;
  }
  return j;
}

// export(load(export(x))) == export(x) byte for byte, and load(export(x)) is x up to order.
void check_json_round_trip(const std::string& text) {
  const Model x = load_valid(text);
  const std::string exported = normalised_model_json(x);
  const LoadResult again = clearpath::test::load(exported);
  REQUIRE(again.model);
  CHECK(again.diagnostics.error_count() == 0);
  CHECK(normalised_model_json(*again.model) == exported);
  CHECK(canonical(save_model(*again.model)) == canonical(save_model(x)));
  CHECK(again.model->entity_count() == x.entity_count());
  CHECK(again.model->relation_count() == x.relation_count());
  CHECK(export_model(x, ExportFormat::json) == exported);
}

// The input with everything whose order carries no meaning shuffled: entities, set-like lists,
// demands, holidays. Priorities and slots stay as they are.
std::string shuffled(const std::string& text, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  J j = J::parse(text);
  for (const auto& [kind, sets] : kSetLists) {
    if (!j.contains(kind)) continue;
    std::vector<J> items(j[kind].begin(), j[kind].end());
    std::shuffle(items.begin(), items.end(), rng);
    for (J& e : items) {
      for (const std::string& key : sets)
        if (e.contains(key)) {
          std::vector<J> v(e[key].begin(), e[key].end());
          std::shuffle(v.begin(), v.end(), rng);
          e[key] = v;
        }
      if (e.contains("demands")) {
        std::vector<std::pair<std::string, J>> d;
        for (auto it = e["demands"].begin(); it != e["demands"].end(); ++it) d.emplace_back(it.key(), it.value());
        std::shuffle(d.begin(), d.end(), rng);
        J o = J::object();
        for (const auto& [k, v] : d) o[k] = v;
        e["demands"] = o;
      }
    }
    j[kind] = items;
  }
  if (j.contains("calendar") && j["calendar"].contains("holidays")) {
    std::vector<J> v(j["calendar"]["holidays"].begin(), j["calendar"]["holidays"].end());
    std::shuffle(v.begin(), v.end(), rng);
    j["calendar"]["holidays"] = v;
  }
  return j.dump();
}

bool well_formed_xml(const std::string& xml) {
  const std::string path = clearpath::test::temp_dir() + "/export.graphml";
  std::ofstream(path, std::ios::binary) << xml;
  return std::system(("xmllint --noout '" + path + "'").c_str()) == 0;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

using EdgeKey = std::tuple<std::string, std::string, std::string>;  // tail, head, relation

// The relations of the model as the model itself lists them (Model::related_from).
std::multiset<EdgeKey> model_relations(const Model& m) {
  std::multiset<EdgeKey> out;
  for (Ref r = 0; r < m.entity_count(); ++r)
    for (const RelatedEntity& e : m.related_from(r)) out.insert({m.id(r), m.id(e.entity), relation_name(e.relation)});
  return out;
}

// DOT parsed back by Graphviz: every entity a node (named dot_name(id)) with its kind, every
// relation an edge with its relation, nothing else.
void check_dot(const Model& m) {
  const std::string dot = export_model(m, ExportFormat::dot);
  const clearpath::test::ParsedDot d = clearpath::test::parse_dot(dot);
  CHECK(d.nodes.size() == m.entity_count());
  for (Ref r = 0; r < m.entity_count(); ++r) {
    INFO(m.id(r));
    const auto it = d.nodes.find(dot_name(m.id(r)));
    REQUIRE(it != d.nodes.end());
    CHECK(it->second.at("kind") == kind_name(m.kind(r)));
  }
  std::multiset<EdgeKey> edges, decoded;
  for (const auto& e : d.edges) edges.insert({e.tail, e.head, e.attributes.at("relation")});
  for (const auto& [from, to, rel] : model_relations(m)) decoded.insert({dot_name(from), dot_name(to), rel});
  CHECK(edges == decoded);
}

const std::string kHostile = clearpath::test::read_source_file("tests/data/export/hostile.json");

}  // namespace

TEST_CASE("export: minimal.json by hand: 14 nodes, 31 edges in every graph format", "[export]") {
  const Model m = load_valid(clearpath::test::read_source_file("graphs/minimal.json"));
  // 4 people + 2 departments + 2 systems + 1 initiative + 2 approvals + 3 steps.
  // Edges: people 1+1+2+2 (member_of, reports_to), departments 2+2 (head_of, prioritizes),
  // systems 2 (owned_by), initiative 1 (sponsored_by), funding 3 and go-live 3 (part_of,
  // approved_by, depends_on), steps 4 each (owned_by, part_of, depends_on, runs_on): 31.
  CHECK(m.relation_count() == 31);
  const std::vector<Ref> nodes = export_nodes(m);
  CHECK(nodes.size() == 14);
  CHECK(export_edges(m, nodes).size() == 31);

  const std::string g = export_model(m, ExportFormat::graphml);
  CHECK(well_formed_xml(g));
  CHECK(count(g, "<node id=") == 14);
  CHECK(count(g, "<edge id=") == 31);
  CHECK(g.find(R"(<key id="capacity" for="node" attr.name="capacity" attr.type="double"/>)") != std::string::npos);
  CHECK(g.find(R"(<key id="min_approvers" for="node" attr.name="min_approvers" attr.type="int"/>)") !=
        std::string::npos);
  CHECK(g.find(R"(<key id="skills" for="node" attr.name="skills" attr.type="string" attr.list="string"/>)") !=
        std::string::npos);
  CHECK(g.find(R"(<graph id="clearpath" edgedefault="directed">)") != std::string::npos);
  // dana: capacity 0.5, skills sorted, a JSON array.
  CHECK(g.find("    <node id=\"dana\">\n"
               "      <data key=\"labels\">:Person</data>\n"
               "      <data key=\"node_label\">Dana Levi</data>\n"
               "      <data key=\"kind\">person</data>\n"
               "      <data key=\"name\">Dana Levi</data>\n"
               "      <data key=\"title\">ML Engineer</data>\n"
               "      <data key=\"roles\">[&quot;engineer&quot;]</data>\n"
               "      <data key=\"skills\">[&quot;mlops&quot;,&quot;python&quot;]</data>\n"
               "      <data key=\"capacity\">0.5</data>\n"
               "      <data key=\"available\">true</data>\n"
               "    </node>\n") != std::string::npos);
  // extract: PERT expected (5 + 4*8 + 17) / 6 = 9.
  CHECK(g.find("<data key=\"duration\">9</data>\n      <data key=\"optimistic\">5</data>\n"
               "      <data key=\"likely\">8</data>\n      <data key=\"pessimistic\">17</data>") != std::string::npos);
  CHECK(g.find("<data key=\"min_approvers\">2</data>") != std::string::npos);
  CHECK(g.find("<data key=\"slots\">[{&quot;side&quot;:&quot;it&quot;,&quot;role&quot;:&quot;executive&quot;},"
               "{&quot;side&quot;:&quot;business&quot;,&quot;role&quot;:&quot;executive&quot;}]</data>") !=
        std::string::npos);
  CHECK(g.find("<edge id=\"e7\" source=\"it\" target=\"churn-score\">\n      <data key=\"label\">PRIORITIZES</data>\n"
               "      <data key=\"relation\">prioritizes</data>\n      <data key=\"rank\">1</data>\n    </edge>") !=
        std::string::npos);
  // Nodes by kind, then id: people ana, ben, chen, dana first, steps deploy, extract, train last.
  CHECK(g.find("<node id=\"ana\">") < g.find("<node id=\"dana\">"));
  CHECK(g.find("<node id=\"dana\">") < g.find("<node id=\"it\">"));
  CHECK(g.find("<node id=\"deploy\">") < g.find("<node id=\"extract\">"));

  const clearpath::test::ParsedDot d = clearpath::test::parse_dot(export_model(m, ExportFormat::dot));
  CHECK(d.nodes.size() == 14);
  CHECK(d.edges.size() == 31);
  CHECK(d.nodes.at("chen").at("label") == "Chen Wei\\n(person)");
  REQUIRE(d.edge("funding", "ana"));
  CHECK(d.edge("funding", "ana")->attributes.at("relation") == "approved_by");
  CHECK(d.edge("marketing", "churn-score")->attributes.at("label") == "prioritizes 1");
  check_dot(m);
}

TEST_CASE("export: links with a type or lag carry them in GraphML and DOT", "[export][links]") {
  // b depends on a SS+2 and on gate (plain); the GraphML keys give FS and 0 as defaults, so only
  // the typed edge has link data.
  const Model m = load_valid(R"({"approvals": [{"id": "gate"}], "steps": [{"id": "a", "duration": 3},
    {"id": "b", "duration": 1, "depends_on": ["gate", {"on": "a", "type": "SS", "lag": 2}]}]})");
  const std::string g = export_model(m, ExportFormat::graphml);
  CHECK(well_formed_xml(g));
  CHECK(g.find(
            R"(<key id="link_type" for="edge" attr.name="link_type" attr.type="string"><default>FS</default></key>)") !=
        std::string::npos);
  CHECK(g.find(R"(<key id="lag" for="edge" attr.name="lag" attr.type="double"><default>0</default></key>)") !=
        std::string::npos);
  CHECK(g.find("<edge id=\"e0\" source=\"b\" target=\"a\">\n      <data key=\"label\">DEPENDS_ON</data>\n"
               "      <data key=\"relation\">depends_on</data>\n      <data key=\"link_type\">SS</data>\n"
               "      <data key=\"lag\">2</data>\n    </edge>\n") != std::string::npos);
  CHECK(count(g, "<data key=\"link_type\">") == 1);
  const clearpath::test::ParsedDot d = clearpath::test::parse_dot(export_model(m, ExportFormat::dot));
  REQUIRE(d.edge("b", "a"));
  CHECK(d.edge("b", "a")->attributes.at("label") == "depends_on SS+2");
  CHECK(d.edge("b", "a")->attributes.at("link_type") == "SS");
  CHECK(d.edge("b", "a")->attributes.at("lag") == "2");
  CHECK(d.edge("b", "gate")->attributes.at("label") == "depends_on");
  CHECK(d.edge("b", "gate")->attributes.count("link_type") == 0);
}

TEST_CASE("export: GraphML carries dates and progress where given", "[export][dates][progress]") {
  const Model m =
      load_valid(R"({"calendar": {"start": "2027-03-01", "working_days": ["sun", "mon"]}, "status_date": "2027-03-08",
    "approvals": [{"id": "gate", "deadline": "2027-04-30"}],
    "steps": [{"id": "a", "duration": 4, "not_before": "2027-03-02", "percent_complete": 50,
               "actual_start": "2027-03-02"},
              {"id": "b", "duration": 2, "remaining": 3, "actual_start": "2027-03-03"},
              {"id": "c", "duration": 1, "actual_start": "2027-03-01", "actual_finish": "2027-03-01"}]})");
  const std::string g = export_model(m, ExportFormat::graphml);
  CHECK(well_formed_xml(g));
  CHECK(g.find("<data key=\"graph_status_date\">2027-03-08</data>") != std::string::npos);
  CHECK(g.find("<data key=\"graph_calendar_working_days\">[&quot;mon&quot;,&quot;sun&quot;]</data>") !=
        std::string::npos);
  CHECK(g.find("<data key=\"deadline\">2027-04-30</data>") != std::string::npos);
  CHECK(g.find("<data key=\"not_before\">2027-03-02</data>\n      <data key=\"percent_complete\">50</data>\n"
               "      <data key=\"actual_start\">2027-03-02</data>") != std::string::npos);
  CHECK(g.find("<data key=\"remaining\">3</data>") != std::string::npos);
  CHECK(g.find("<data key=\"actual_finish\">2027-03-01</data>") != std::string::npos);
  CHECK(count(g, "<data key=\"percent_complete\">") == 1);
}

TEST_CASE("export json: sorted, set-like lists sorted, priorities kept in order", "[export]") {
  const Model m = load_valid(R"({"clearpath": 1, "calendar": {"holidays": ["2027-12-25", "2027-01-01"]},
    "people": [{"id": "z", "skills": ["sql", "cobol"], "roles": ["b", "a"]}, {"id": "a", "dotted_line_to": ["z"]}],
    "departments": [{"id": "d", "priorities": ["i2", "i1"]}],
    "initiatives": [{"id": "i2", "sponsors": ["z", "a"]}, {"id": "i1"}],
    "approvals": [{"id": "g", "approvers": ["z", "a"], "rule": {"slots": [{"role": "b"}, {"role": "a"}]}}],
    "steps": [{"id": "s2", "duration": 1, "demands": {"z": 1, "a": 0.5}, "depends_on": ["s1", "g"]}, {"id": "s1", "duration": 2}]})");
  const std::string expected = R"({
  "clearpath": 1,
  "calendar": {
    "holidays": [
      "2027-01-01",
      "2027-12-25"
    ]
  },
  "people": [
    {
      "id": "a",
      "dotted_line_to": [
        "z"
      ]
    },
    {
      "id": "z",
      "roles": [
        "a",
        "b"
      ],
      "skills": [
        "cobol",
        "sql"
      ]
    }
  ],
  "departments": [
    {
      "id": "d",
      "priorities": [
        "i2",
        "i1"
      ]
    }
  ],
  "initiatives": [
    {
      "id": "i1"
    },
    {
      "id": "i2",
      "sponsors": [
        "a",
        "z"
      ]
    }
  ],
  "approvals": [
    {
      "id": "g",
      "approvers": [
        "a",
        "z"
      ],
      "rule": {
        "slots": [
          {
            "role": "b"
          },
          {
            "role": "a"
          }
        ]
      }
    }
  ],
  "steps": [
    {
      "id": "s1",
      "duration": 2
    },
    {
      "id": "s2",
      "duration": 1,
      "demands": {
        "a": 0.5,
        "z": 1
      },
      "depends_on": [
        "g",
        "s1"
      ]
    }
  ]
}
)";
  CHECK(normalised_model_json(m) == expected);
  // save_model itself is unchanged: file order.
  CHECK(save_model(m).find("\"id\": \"z\"") < save_model(m).find("\"id\": \"a\""));
}

TEST_CASE("export json round-trips exactly for the example graphs", "[export]") {
  for (const char* f : {"graphs/minimal.json", "graphs/churn-model.json", "graphs/fraud-rollout.json"}) {
    INFO(f);
    check_json_round_trip(clearpath::test::read_source_file(f));
  }
}

TEST_CASE("property: export json round-trips synthetic models and ignores meaningless order", "[export][property]") {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    INFO("seed " << seed);
    SyntheticOptions o;
    o.steps = 150 * seed;
    o.people = 30 * seed;
    o.seed = seed;
    if (seed % 2 == 0) {
      o.gates = 4 * seed;  // organisation-aware gates: slots with departments, rules
      o.max_approvers = 5;
    }
    const std::string text = synthetic_model(o);
    check_json_round_trip(text);
    const std::string exported = normalised_model_json(load_valid(text));
    for (std::uint64_t shuffle = 0; shuffle < 3; ++shuffle) {
      const std::string reordered = shuffled(text, seed * 100 + shuffle);
      CHECK(normalised_model_json(load_valid(reordered)) == exported);
      check_json_round_trip(reordered);
    }
    check_dot(load_valid(text));
  }
}

TEST_CASE("export: hostile ids and names in all three formats", "[export][hostile]") {
  const Model m = load_valid(kHostile);
  check_json_round_trip(kHostile);
  check_json_round_trip(shuffled(kHostile, 7));

  const std::string g = export_model(m, ExportFormat::graphml);
  CHECK(well_formed_xml(g));
  CHECK(g.find("<node id=\"a&quot;b&lt;c&gt;\\d&amp;e\">") != std::string::npos);
  CHECK(g.find("<node id=\"trail\\\">") != std::string::npos);
  CHECK(g.find("<node id=\"%1\">") != std::string::npos);
  CHECK(g.find("<node id=\"日本語 \xF0\x9F\x98\x80\">") != std::string::npos);
  CHECK(g.find("<script>") == std::string::npos);
  CHECK(g.find("]]>") == std::string::npos);
  CHECK(g.find("&lt;/graphml&gt;&lt;!-- --&gt;") != std::string::npos);
  // Newlines, tabs and CRs as character references; \x01, \x0B, \x07, U+FFFE, U+FFFF as U+FFFD.
  CHECK(g.find("second line\xEF\xBF\xBD</data>") != std::string::npos);
  CHECK(g.find("\\N ]]&gt; \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBDtab&#9;here&#13;&#10;next") !=
        std::string::npos);
  CHECK(g.find("<data key=\"roles\">[&quot;a&amp;role&quot;,&quot;z&lt;role&gt;&quot;]</data>") != std::string::npos);
  CHECK(g.find("<data key=\"skills\">[&quot;a&apos;&quot;,&quot;b\\\\s&quot;,&quot;c\\&quot;s&quot;]</data>") !=
        std::string::npos);
  CHECK(count(g, "<node id=") == m.entity_count());
  CHECK(count(g, "<edge id=") == m.relation_count());

  check_dot(m);
  const std::string dot = export_model(m, ExportFormat::dot);
  const clearpath::test::ParsedDot d = clearpath::test::parse_dot(dot);
  CHECK(d.nodes.count("^251") == 1);      // "%1"
  CHECK(d.nodes.count("trail^5C") == 1);  // "trail\"
  CHECK(d.nodes.count("q^5C^22q") == 1);  // q\"q
  CHECK(d.nodes.count("日本語 \xF0\x9F\x98\x80") == 1);
  // Labels: backslashes doubled (shown as written, never \N), newlines as \n, controls as spaces.
  CHECK(d.nodes.at("trail^5C").at("label") == "odd backslash run \\\\\\\\\\\\\\n(person)");
  CHECK(d.nodes.at("a^22b<c>^5Cd^26e").at("label").find("\\\\N \\\\G \\\"quoted\\\"") == std::string::npos);
  CHECK(d.nodes.at("a^22b<c>^5Cd^26e")
            .at("label")
            .find("\\\\N \\\\G \"quoted\" 'single' & é 日本語 عربى\\nsecond line \\n(person)") != std::string::npos);
  {  // Graphviz draws it as well-formed SVG
    const std::string path = clearpath::test::temp_dir() + "/hostile.dot";
    std::ofstream(path, std::ios::binary) << dot;
    CHECK(std::system(("dot -Tsvg '" + path + "' | xmllint --noout -").c_str()) == 0);
  }
  CHECK(dot.find("shape=none") != std::string::npos);  // only inside a quoted label
  CHECK(d.nodes.at("boss").at("shape") == "box");      // the default, not the name's "shape=none"
}

TEST_CASE("export format names", "[export]") {
  for (ExportFormat f : kExportFormats) CHECK(parse_export_format(export_format_name(f)) == f);
  CHECK_FALSE(parse_export_format("xml"));
}
