// The model: entities, ids, typed accessors and the relation graph, on graphs/minimal.json
// whose counts were worked out by hand.
#include <catch2/catch.hpp>

#include <algorithm>

#include "clearpath/stats.hpp"
#include "io/json/attributes_json.hpp"
#include "model/model_graph.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::load_valid;
using clearpath::test::read_source_file;

TEST_CASE("minimal example: entities, typed fields and defaults", "[model]") {
  const Model m = load_valid(read_source_file("graphs/minimal.json"));
  CHECK(m.name == "Minimal: a churn score from the billing mainframe into production");
  CHECK(m.calendar.start == "2027-03-01");
  CHECK(m.calendar.holidays == std::vector<std::string>{"2027-05-31"});
  REQUIRE(m.people().size() == 4);
  REQUIRE(m.departments().size() == 2);
  REQUIRE(m.systems().size() == 2);
  REQUIRE(m.initiatives().size() == 1);
  REQUIRE(m.approvals().size() == 2);
  REQUIRE(m.steps().size() == 3);
  CHECK(m.entity_count() == 14);

  const Person& dana = m.person(*m.find("dana"));
  CHECK(dana.name == "Dana Levi");
  CHECK(dana.capacity == 0.5);
  CHECK(m.id(dana.department) == "it");
  CHECK(m.id(dana.reports_to) == "ben");
  CHECK(dana.available);  // default
  const Person& ana = m.person(*m.find("ana"));
  CHECK(ana.capacity == 1.0);  // default
  CHECK(ana.reports_to == kNoRef);

  const Department& it = m.department(*m.find("it"));
  CHECK(it.side == "it");
  CHECK(m.id(it.head) == "ben");
  CHECK_FALSE(it.capacity.has_value());

  const Approval& funding = m.approval(*m.find("funding"));
  CHECK(funding.lead_time == 10);
  CHECK(funding.status == ApprovalStatus::pending);  // default
  CHECK(funding.rule.min_approvers == 2);
  REQUIRE(funding.rule.slots.size() == 2);
  CHECK(funding.rule.slots[1].side == "business");
  CHECK(funding.rule.slots[1].role == "executive");
  CHECK(funding.rule.slots[1].department == kNoRef);
  CHECK_FALSE(funding.rule.independent);

  const Step& extract = m.step(*m.find("extract"));
  CHECK(extract.duration.three_point);
  CHECK(extract.duration.expected() == Approx((5 + 4 * 8 + 17) / 6.0));  // 9
  CHECK(extract.status == StepStatus::not_started);
  CHECK(m.kind(extract.system) == EntityKind::system);
  CHECK(m.system(extract.system).legacy);
  const Step& train = m.step(*m.find("train"));
  CHECK_FALSE(train.duration.three_point);
  CHECK(train.duration.expected() == 5);
}

TEST_CASE("ids map to refs and back, unknown ids are not found", "[model]") {
  const Model m = load_valid(read_source_file("graphs/minimal.json"));
  for (Ref r = 0; r < m.entity_count(); ++r) {
    CHECK(m.find(m.id(r)) == r);
    CHECK(m.entity(r).id == m.id(r));
    CHECK(m.ref_of(m.kind(r), m.index(r)) == r);
  }
  CHECK_FALSE(m.find("nobody").has_value());
  CHECK(m.display_name(*m.find("billing")) == "Billing mainframe");
  CHECK_THROWS(m.person(*m.find("it")));  // a department is not a person
}

TEST_CASE("relations: counts by kind, worked out by hand for minimal.json", "[model]") {
  const Model m = load_valid(read_source_file("graphs/minimal.json"));
  const ModelStats s = compute_stats(m);
  auto rel = [&](Relation r) { return s.relations[static_cast<int>(r)]; };
  CHECK(rel(Relation::member_of) == 4);
  CHECK(rel(Relation::reports_to) == 2);
  CHECK(rel(Relation::dotted_line_to) == 0);
  CHECK(rel(Relation::head_of) == 2);
  CHECK(rel(Relation::prioritizes) == 2);
  CHECK(rel(Relation::owned_by) == 5);  // 2 systems + 3 steps
  CHECK(rel(Relation::sponsored_by) == 1);
  CHECK(rel(Relation::part_of) == 5);  // 2 approvals + 3 steps
  CHECK(rel(Relation::approved_by) == 3);
  CHECK(rel(Relation::depends_on) == 4);
  CHECK(rel(Relation::runs_on) == 3);
  CHECK(s.relation_total == 31);
  CHECK(s.legacy_systems == 1);
  CHECK(s.three_point_steps == 1);
  CHECK(s.open_steps == 3);
  CHECK(s.pending_approvals == 2);
}

TEST_CASE("related_from and related_to follow the typed edges, sorted", "[model]") {
  const Model m = load_valid(read_source_file("graphs/minimal.json"));
  const Ref train = *m.find("train");
  std::vector<std::pair<Relation, std::string>> out;
  for (const RelatedEntity& e : m.related_from(train)) out.emplace_back(e.relation, m.id(e.entity));
  CHECK(out == std::vector<std::pair<Relation, std::string>>{{Relation::owned_by, "dana"},
                                                             {Relation::part_of, "churn-score"},
                                                             {Relation::depends_on, "extract"},
                                                             {Relation::runs_on, "ml-platform"}});
  std::vector<std::pair<Relation, std::string>> in;
  for (const RelatedEntity& e : m.related_to(train)) in.emplace_back(e.relation, m.id(e.entity));
  CHECK(in == std::vector<std::pair<Relation, std::string>>{{Relation::depends_on, "go-live"}});

  // The graph behind it has one vertex per entity and one edge per relation, each edge in
  // both directions' rows.
  const ModelGraph& g = m.graph();
  CHECK(g.vertex_count() == m.entity_count());
  CHECK(g.edge_count() == 31);
  CHECK(m.relation_count() == 31);
  std::size_t into = 0;
  for (Ref r = 0; r < m.entity_count(); ++r) into += g.into(r).size();
  CHECK(into == 31);
  CHECK(g.out_of(train).size() == 4);
}

TEST_CASE("churn model: the size the issue asks for", "[model]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  CHECK(m.people().size() >= 30);
  CHECK(m.people().size() <= 60);
  CHECK(m.departments().size() >= 6);
  CHECK(m.approvals().size() >= 4);
  CHECK(m.approvals().size() <= 5);
  CHECK(m.steps().size() >= 15);
  CHECK(m.steps().size() <= 30);
  std::size_t legacy = 0;
  for (const System& s : m.systems()) legacy += s.legacy;
  CHECK(legacy >= 3);
  // Planted findings are listed for later analyses' tests.
  REQUIRE(json_of(m.attributes).contains("expected_findings"));
  std::vector<std::string> kinds;
  const nlohmann::ordered_json attributes = json_of(m.attributes);  // outlives the loop
  for (const auto& f : attributes["expected_findings"]) kinds.push_back(f["kind"]);
  std::sort(kinds.begin(), kinds.end());
  CHECK(kinds == std::vector<std::string>{"legacy-chain-exceeds-momentum", "missing-copilot", "missing-copilot",
                                          "over-allocation", "people-conflict-delay", "priority-conflict",
                                          "priority-conflict", "single-point-of-failure", "skills-gap"});
}

TEST_CASE("defaults worked out by the model: demands and department capacity", "[model]") {
  const Model m = load_valid(R"({
    "people": [{"id": "a", "department": "d", "capacity": 0.5},
               {"id": "b", "department": "d"},
               {"id": "c", "department": "d", "available": false}],
    "departments": [{"id": "d"}, {"id": "e", "capacity": 4}, {"id": "half", "capacity": 0.5}, {"id": "none"}],
    "steps": [{"id": "s1", "owner": "a", "duration": 1},
              {"id": "s2", "owner": "d", "duration": 1},
              {"id": "s5", "owner": "half", "duration": 1},
              {"id": "s6", "owner": "none", "duration": 1, "status": "done"},
              {"id": "s3", "owner": "a", "duration": 1, "demands": {"b": 0.25, "e": 2}},
              {"id": "s4", "duration": 1}]})");
  auto demands = [&](const char* id) {
    std::vector<std::pair<std::string, double>> out;
    for (const Demand& d : m.effective_demands(m.step(*m.find(id)))) out.emplace_back(m.id(d.resource), d.amount);
    return out;
  };
  using D = std::vector<std::pair<std::string, double>>;
  CHECK(demands("s1") == D{{"a", 0.5}});               // a person at their capacity
  CHECK(demands("s2") == D{{"d", 1.0}});               // a department at 1 FTE
  CHECK(demands("s3") == D{{"b", 0.25}, {"e", 2.0}});  // as given
  CHECK(demands("s4").empty());                        // no owner, no demand
  CHECK(demands("s5") == D{{"half", 0.5}});            // a department with less than 1 FTE: all it has
  CHECK(demands("s6") == D{{"none", 1.0}});            // no members: still 1 (the loader rejects it unless done)
  CHECK(m.department_capacity(*m.find("d")) == 1.5);   // a (0.5) + b (1); c is unavailable
  CHECK(m.department_capacity(*m.find("e")) == 4);
  // default_demand: the owner's, whether or not the step gives its own; none without an owner.
  auto fallback = [&](const char* id) {
    const std::optional<Demand> d = m.default_demand(m.step(*m.find(id)));
    return d ? D{{m.id(d->resource), d->amount}} : D{};
  };
  CHECK(fallback("s1") == D{{"a", 0.5}});
  CHECK(fallback("s2") == D{{"d", 1.0}});
  CHECK(fallback("s3") == D{{"a", 0.5}});  // s3 gives demands of its own, so effective_demands has those
  CHECK(fallback("s4").empty());
  CHECK(fallback("s5") == D{{"half", 0.5}});
}
