// clearpath diff as a library: pairs of models made from the churn example, each with one change
// whose effect is worked out by hand.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "clearpath/diff.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using json = nlohmann::ordered_json;

namespace {

json churn() { return json::parse(test::read_source_file("graphs/churn-model.json")); }

json& entity(json& m, const char* array, const std::string& id) {
  for (json& e : m[array])
    if (e["id"] == id) return e;
  FAIL("no " << id);
  return m;
}

PlanDiff diff(const json& before, const json& after, DiffOptions o = {}) {
  o.threads = 1;
  return diff_plans(test::load_valid(before.dump()), test::load_valid(after.dump()), o);
}

}  // namespace

TEST_CASE("diff: ten more days on a critical step slip production by ten days, at the initiative's cost", "[diff]") {
  const json a = churn();
  json b = a;
  json& d = entity(b, "steps", "billing-extract-build")["duration"];  // 20 / 30 / 52 -> 30 / 40 / 62
  for (const char* k : {"optimistic", "likely", "pessimistic"}) d[k] = d[k].get<double>() + 10;
  const PlanDiff p = diff(a, b);
  REQUIRE(p.initiatives.size() == 3);
  const InitiativeSlip& churn_model = p.initiatives[0];
  CHECK(churn_model.id == "churn-model");
  CHECK(churn_model.before == Approx(187));
  CHECK(churn_model.after == Approx(197));
  CHECK(churn_model.after_date == "2027-12-07");
  CHECK(churn_model.slip == Approx(10));
  CHECK(churn_model.cost_of_slip == Approx(10 * 180000.0 * 12 / 260));  // value 180,000 a month
  CHECK(p.initiatives[1].slip == 0);
  CHECK(p.worst_slip == Approx(10));
  CHECK(p.critical.before_duration == Approx(187));
  CHECK(p.critical.after_duration == Approx(197));
  CHECK(p.critical.entered.empty());
  CHECK(p.critical.left.empty());
  // Off the critical path, every float of work that ends with churn-model's grows by 10.
  REQUIRE_FALSE(p.critical.floats.empty());
  for (const FloatChange& f : p.critical.floats) CHECK(f.after - f.before == Approx(10));
  REQUIRE(p.structure.entities.size() == 1);
  const EntityChange& e = p.structure.entities[0];
  CHECK(e.change == ChangeKind::changed);
  CHECK(e.id == "billing-extract-build");
  CHECK(e.pointer == "/steps/5");
  REQUIRE(e.fields.size() == 3);
  CHECK(e.fields[1].pointer == "/steps/5/duration/likely");
  CHECK(e.fields[1].before == "30");
  CHECK(e.fields[1].after == "40");
  CHECK(p.findings.added.empty());
  CHECK(p.findings.resolved.empty());
}

TEST_CASE("diff: an approver removed turns a bus-factor warning into a gate that cannot be granted", "[diff]") {
  const json a = churn();
  json b = a;
  json& approvers = entity(b, "approvals", "security-review")["approvers"];
  approvers.erase(approvers.begin());  // ciso, the only executive of information-security
  const PlanDiff p = diff(a, b);
  CHECK(p.worst_slip == 0);
  REQUIRE(p.findings.added.size() == 1);
  CHECK(p.findings.added[0].kind == "critical-path-blocker");
  CHECK(p.findings.added[0].severity == Severity::error);
  CHECK(p.findings.added[0].subjects == std::vector<std::string>{"security-review", "churn-model"});
  REQUIRE(p.findings.resolved.size() == 1);
  CHECK(p.findings.resolved[0].kind == "single-point-of-failure");
  REQUIRE(p.structure.entities.size() == 1);
  CHECK(p.structure.entities[0].fields[0].pointer == "/approvals/2/approvers");
  // The gate: bus factor 1 (only ciso fills the executive slot) -> cannot be granted, because
  // its approvers changed.
  REQUIRE(p.approvals.size() == 1);
  const GateChange& g = p.approvals[0];
  CHECK(g.id == "security-review");
  CHECK(g.before_satisfiable == true);
  CHECK(g.before_bus_factor == 1);
  CHECK(g.before_single_points == std::vector<std::string>{"ciso"});
  CHECK(g.after_satisfiable == false);
  CHECK(g.after_bus_factor == 0);
  CHECK(g.why == std::vector<std::string>{"approval security-review: approvers"});
  // ciso away instead (available: false): the same gate, because of the person.
  json away = a;
  entity(away, "people", "ciso")["available"] = false;
  const PlanDiff q = diff(a, away);
  REQUIRE(q.approvals.size() == 1);
  CHECK(q.approvals[0].after_satisfiable == false);
  CHECK(q.approvals[0].why == std::vector<std::string>{"person ciso: available"});
}

TEST_CASE("diff: a new display name is a change of one field, not new findings, and a new id is removed + added",
          "[diff]") {
  const json a = churn();
  json b = a;
  entity(b, "people", "cio")["name"] = "Chief Information Officer (acting)";
  const PlanDiff renamed = diff(a, b);
  CHECK(renamed.findings.added.empty());
  CHECK(renamed.findings.resolved.empty());
  REQUIRE(renamed.structure.entities.size() == 1);
  CHECK(renamed.structure.entities[0].fields[0].pointer == "/people/2/name");
  CHECK(renamed.structure.entities[0].fields[0].after == "\"Chief Information Officer (acting)\"");
  // retention-playbook becomes retention-plan: removed and added, and so are the links to it.
  json c = a;
  std::string dumped = c.dump();
  for (std::size_t at; (at = dumped.find("\"retention-playbook\"")) != std::string::npos;)
    dumped.replace(at, 20, "\"retention-plan\"");
  const PlanDiff moved = diff(a, json::parse(dumped));
  std::vector<std::string> changes;
  for (const EntityChange& e : moved.structure.entities)
    changes.push_back(std::string(change_kind_name(e.change)) + " " + e.id);
  CHECK(std::find(changes.begin(), changes.end(), "removed retention-playbook") != changes.end());
  CHECK(std::find(changes.begin(), changes.end(), "added retention-plan") != changes.end());
  for (const LinkChange& l : moved.structure.links)
    CHECK((l.from == "retention-plan" || l.to == "retention-plan" || l.from == "retention-playbook" ||
           l.to == "retention-playbook"));
  CHECK_FALSE(moved.structure.links.empty());
}

TEST_CASE("diff: the same model twice has nothing to say", "[diff]") {
  const json a = churn();
  const PlanDiff p = diff(a, a);
  CHECK(p.structure.empty());
  CHECK(p.findings.added.empty());
  CHECK(p.findings.changed.empty());
  CHECK(p.critical.floats.empty());
  for (const InitiativeSlip& i : p.initiatives) CHECK(i.slip == 0);
}

TEST_CASE("diff: links of another type or lag are a link removed and one added", "[diff]") {
  const json a =
      json::parse(R"({"steps": [{"id": "a", "duration": 5}, {"id": "b", "duration": 2, "depends_on": ["a"]}]})");
  const json b = json::parse(
      R"({"clearpath": 2, "steps": [{"id": "a", "duration": 5}, {"id": "b", "duration": 2, "depends_on": [{"on": "a", "type": "SS", "lag": 1}]}]})");
  const PlanDiff p = diff(a, b);
  REQUIRE(p.structure.links.size() == 2);
  CHECK(p.structure.links[0].change == ChangeKind::removed);
  CHECK(p.structure.links[0].timing == LinkTiming{});
  CHECK(p.structure.links[1].change == ChangeKind::added);
  CHECK(p.structure.links[1].timing == LinkTiming{LinkType::start_to_start, 1});
  CHECK(p.structure.entities.empty());  // depends_on is reported as links, not as a field
  CHECK(p.critical.before_duration == 7);
  CHECK(p.critical.after_duration == 5);  // b: from day 1 to 3, inside a's 5 days
}

TEST_CASE("diff: each slip is attributed to the changes that move it alone, and overlapping ones are combined",
          "[diff][attribution]") {
  // a (5) and b (5) in parallel before c (2): 7 days. a and b both to 8: each alone makes 10, so
  // +3 each, together +3: not the sum, so "combined". d (1, off the path) to 2 moves nothing.
  const json before = json::parse(R"({"initiatives": [{"id": "i", "value_per_month": 26000}],
    "steps": [{"id": "a", "initiative": "i", "duration": 5}, {"id": "b", "initiative": "i", "duration": 5},
              {"id": "c", "initiative": "i", "duration": 2, "depends_on": ["a", "b"]},
              {"id": "d", "initiative": "i", "duration": 1}]})");
  json after = before;
  after["steps"][0]["duration"] = 8;
  after["steps"][1]["duration"] = 8;
  after["steps"][3]["duration"] = 2;
  const PlanDiff p = diff(before, after);
  REQUIRE(p.initiatives.size() == 1);
  const InitiativeSlip& s = p.initiatives[0];
  CHECK(s.slip == 3);
  CHECK(s.cost_of_slip == Approx(3 * 26000.0 * 12 / 260));  // 3,600
  REQUIRE(s.causes.size() == 2);
  CHECK(s.causes[0].change == "step a: duration");
  CHECK(s.causes[0].days == 3);
  CHECK(s.causes[1].change == "step b: duration");
  CHECK(s.combined);
  // Only a: one cause, the whole slip.
  json only_a = before;
  only_a["steps"][0]["duration"] = 9;
  const PlanDiff q = diff(before, only_a);
  REQUIRE(q.initiatives[0].causes.size() == 1);
  CHECK(q.initiatives[0].causes[0].days == 4);
  CHECK_FALSE(q.initiatives[0].combined);
  // A new link c -> d: d (now 1 day after c) ends at day 8.
  json linked = before;
  linked["steps"][3]["depends_on"] = json::array({"c"});
  const PlanDiff r = diff(before, linked);
  REQUIRE(r.initiatives[0].causes.size() == 1);
  CHECK(r.initiatives[0].causes[0].change == "link d -> c (FS) added");
  CHECK(r.initiatives[0].causes[0].days == 1);
  // Over the budget: not tried, combined.
  DiffOptions none;
  none.attribution_budget = 0;
  const PlanDiff t = diff(before, after, none);
  CHECK(t.initiatives[0].causes.empty());
  CHECK(t.initiatives[0].combined);
}

TEST_CASE("diff: the attribution is the same on one thread and on several", "[diff][attribution]") {
  // Every step of the churn example one day longer: many trials, several causes each.
  const json a = churn();
  json b = a;
  for (json& s : b["steps"]) {
    json& d = s["duration"];
    if (d.is_number()) d = d.get<double>() + 1;
    else
      for (const char* k : {"optimistic", "likely", "pessimistic"}) d[k] = d[k].get<double>() + 1;
  }
  const Model before = test::load_valid(a.dump()), after = test::load_valid(b.dump());
  DiffOptions serial;
  serial.threads = 1;
  PlanDiff one = diff_plans(before, after, serial);
  REQUIRE(one.structure.entities.size() == b["steps"].size());
  std::size_t causes = 0;
  for (const InitiativeSlip& s : one.initiatives) causes += s.causes.size();
  CHECK(causes > 3);
  for (unsigned threads : {2u, 5u}) {
    PlanDiff many = one;
    for (InitiativeSlip& s : many.initiatives) {
      s.causes.clear();
      s.combined = false;
    }
    attribute_slips(before, after, many, 200, threads);
    for (std::size_t k = 0; k < one.initiatives.size(); ++k) {
      const InitiativeSlip &x = one.initiatives[k], &y = many.initiatives[k];
      CHECK(x.combined == y.combined);
      REQUIRE(x.causes.size() == y.causes.size());
      for (std::size_t c = 0; c < x.causes.size(); ++c) {
        CHECK(x.causes[c].change == y.causes[c].change);
        CHECK(x.causes[c].days == y.causes[c].days);
      }
    }
  }
}

TEST_CASE("diff: a new holiday moves the date and not the working day", "[diff]") {
  const json a = json::parse(test::read_source_file("graphs/fraud-rollout.json"));
  json b = a;
  b["calendar"]["holidays"] = json::array({"2027-04-05"});  // a Monday before the forecast's end
  const PlanDiff p = diff(a, b);
  REQUIRE(p.initiatives.size() == 1);
  CHECK(p.initiatives[0].slip == 0);
  CHECK(p.initiatives[0].before_date == "2027-05-04");
  CHECK(p.initiatives[0].after_date == "2027-05-05");
  CHECK(p.initiatives[0].calendar_slip == 1);
  REQUIRE(p.structure.model.size() == 1);
  CHECK(p.structure.model[0].pointer == "/calendar/holidays");
}
