// Priority conflicts: each kind planted in a small graph with hand-computed figures, and the
// churn example's planted conflicts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "clearpath/conflicts.hpp"
#include "io/json/attributes_json.hpp"
#include "report/conflicts_report.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::load_valid;
using clearpath::test::read_source_file;

namespace {

ConflictOptions without_levelling() {
  ConflictOptions o;
  o.level = false;
  return o;
}

std::vector<std::string> ids(const Model& m, const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  for (Ref r : refs) out.push_back(m.id(r));
  return out;
}

// Two initiatives x (value 26,000 a month: 1,200 a working day) and y. Department d1 owns
// x's critical chain a (4 days) -> b (6 days) and ranks x 4th of 5; d2 owns y's step c through
// its member p2 and ranks y first; d3 holds x's near-critical step e (float 2) and does not rank x.
const char* kRanking = R"({
  "people": [{"id": "p1", "department": "d1"}, {"id": "p2", "department": "d2"}, {"id": "p3", "department": "d3"}],
  "departments": [
    {"id": "d1", "priorities": ["y", "w1", "w2", "x", "w3"]},
    {"id": "d2", "priorities": ["y", "x"]},
    {"id": "d3", "priorities": ["y"]}],
  "initiatives": [{"id": "x", "value_per_month": 26000}, {"id": "y"}, {"id": "w1"}, {"id": "w2"}, {"id": "w3"}],
  "steps": [
    {"id": "a", "initiative": "x", "owner": "d1", "duration": 4},
    {"id": "b", "initiative": "x", "owner": "p1", "duration": 6, "depends_on": ["a"]},
    {"id": "e", "initiative": "x", "owner": "p3", "duration": 8},
    {"id": "c", "initiative": "y", "owner": "p2", "duration": 3}]})";

}  // namespace

TEST_CASE("ranking conflicts: critical work on an initiative ranked outside the top N", "[conflicts]") {
  const Model m = load_valid(kRanking);
  const ConflictAnalysis a = analyze_conflicts(m, without_levelling());
  REQUIRE(a.ranking_conflicts.size() == 2);
  const RankingConflict& d1 = a.ranking_conflicts[0];
  CHECK(m.id(d1.department) == "d1");
  CHECK(m.id(d1.initiative) == "x");
  CHECK(d1.rank == 4u);
  CHECK(d1.ranked == 5);
  CHECK(ids(m, d1.items) == std::vector<std::string>{"a", "b"});  // b through its owner p1
  CHECK(d1.critical);
  CHECK(d1.days_at_stake == 10);
  CHECK(d1.cost_of_delay == Approx(10 * 1200));
  // d3 holds only near-critical work (e has 10 - 8 = 2 days of float) and does not rank x.
  const RankingConflict& d3 = a.ranking_conflicts[1];
  CHECK(m.id(d3.department) == "d3");
  CHECK_FALSE(d3.rank.has_value());
  CHECK_FALSE(d3.critical);
  std::size_t errors = 0, warnings = 0;
  for (const Finding& f : a.findings)
    if (f.kind == "priority-conflict") (f.severity == Severity::error ? errors : warnings) += 1;
  CHECK(errors == 1);
  CHECK(warnings == 1);
  // With the top 4, d1's ranking is fine; d2 ranks y first and is never in conflict.
  ConflictOptions o = without_levelling();
  o.top = 4;
  const ConflictAnalysis wide = analyze_conflicts(m, o);
  REQUIRE(wide.ranking_conflicts.size() == 1);
  CHECK(m.id(wide.ranking_conflicts[0].department) == "d3");
  // Near-critical below 1 day: e is no longer pressing, so d3 has no conflict either.
  o.near_days = 1;
  CHECK(analyze_conflicts(m, o).ranking_conflicts.empty());
}

TEST_CASE("ranking conflicts: ranking an initiative last is never its top", "[conflicts]") {
  // d ranks x 2nd of 2: within the top 3 by count, but last.
  // (A department that owns work needs something to give: here a capacity of its own.)
  const Model m = load_valid(R"({"departments": [{"id": "d", "priorities": ["y", "x"], "capacity": 1}],
    "initiatives": [{"id": "x"}, {"id": "y"}], "steps": [{"id": "s", "initiative": "x", "owner": "d", "duration": 1}]})");
  const ConflictAnalysis a = analyze_conflicts(m, without_levelling());
  REQUIRE(a.ranking_conflicts.size() == 1);
  CHECK(a.ranking_conflicts[0].rank == 2u);
}

TEST_CASE("ranking conflicts: the department of a gate's only possible approver", "[conflicts]") {
  const Model m = load_valid(R"({"people": [{"id": "boss", "department": "fin", "roles": ["executive"]}],
    "departments": [{"id": "fin", "side": "business", "priorities": ["y", "w", "v", "x"]}],
    "initiatives": [{"id": "x"}, {"id": "y"}, {"id": "w"}, {"id": "v"}],
    "approvals": [{"id": "g", "initiative": "x", "approvers": ["boss"], "lead_time": 5,
                   "rule": {"slots": [{"side": "business", "role": "executive"}]}}]})");
  const ConflictAnalysis a = analyze_conflicts(m, without_levelling());
  REQUIRE(a.ranking_conflicts.size() == 1);
  CHECK(m.id(a.ranking_conflicts[0].department) == "fin");
  CHECK(ids(m, a.ranking_conflicts[0].items) == std::vector<std::string>{"g"});
}

TEST_CASE("priority inversions and the disagreement matrix", "[conflicts]") {
  // a and b both own critical work on x and y (one step each, in parallel, both critical as
  // each initiative is its own network) and rank them in opposite order.
  const Model m = load_valid(R"({
    "departments": [{"id": "a", "priorities": ["x", "y", "z"], "capacity": 2}, {"id": "b", "priorities": ["z", "y", "x"], "capacity": 2},
                    {"id": "c", "priorities": ["x", "z"]}, {"id": "d", "priorities": ["y"]}],
    "initiatives": [{"id": "x"}, {"id": "y"}, {"id": "z"}],
    "steps": [{"id": "ax", "initiative": "x", "owner": "a", "duration": 2}, {"id": "bx", "initiative": "x", "owner": "b", "duration": 2},
              {"id": "ay", "initiative": "y", "owner": "a", "duration": 2}, {"id": "by", "initiative": "y", "owner": "b", "duration": 2}]})");
  ConflictOptions o = without_levelling();
  o.top = 10;
  const ConflictAnalysis a = analyze_conflicts(m, o);
  REQUIRE(a.inversions.size() == 1);
  CHECK(m.id(a.inversions[0].departments[0]) == "a");
  CHECK(m.id(a.inversions[0].departments[1]) == "b");
  CHECK(m.id(a.inversions[0].initiatives[0]) == "x");  // a puts x before y
  CHECK(m.id(a.inversions[0].initiatives[1]) == "y");
  // Kendall tau: a and b reverse all 3 pairs (1); a and c agree on x > z (0); d shares one
  // initiative with each (none).
  const Disagreement& d = a.disagreement;
  REQUIRE(ids(m, d.departments) == std::vector<std::string>{"a", "b", "c", "d"});
  CHECK(*d.between(0, 1) == 1.0);
  CHECK(*d.between(1, 0) == 1.0);
  CHECK(*d.between(0, 2) == 0.0);
  CHECK(*d.between(1, 2) == 1.0);
  CHECK_FALSE(d.between(0, 3).has_value());
  CHECK(*d.between(0, 0) == 0.0);
}

TEST_CASE("over-allocation: a step that has finished is not among a later period's steps", "[conflicts]") {
  // d (capacity 2): a [0, 1), b and c [0, 10) and, after x (on another resource) [0, 5), e
  // [5, 10), all at 1 FTE. Over capacity on [0, 1) with a, b and c, and on [5, 10) with b, c
  // and e: a ended at 1 (removed while b and c run on), so it is not in the second period.
  const Model m = load_valid(R"({"people": [{"id": "p"}],
    "departments": [{"id": "d", "capacity": 2}],
    "steps": [{"id": "a", "duration": 1, "owner": "d"}, {"id": "b", "duration": 10, "owner": "d"},
              {"id": "c", "duration": 10, "owner": "d"}, {"id": "x", "duration": 5, "owner": "p"},
              {"id": "e", "duration": 5, "owner": "d", "depends_on": ["x"]}]})");
  const ConflictAnalysis a = analyze_conflicts(m, without_levelling());
  REQUIRE(a.overallocations.size() == 2);
  CHECK(a.overallocations[0].from == 0);
  CHECK(a.overallocations[0].to == 1);
  CHECK(ids(m, a.overallocations[0].items) == std::vector<std::string>{"b", "c", "a"});  // least float first
  CHECK(a.overallocations[1].from == 5);
  CHECK(a.overallocations[1].to == 10);
  CHECK(a.overallocations[1].load == Approx(3));
  CHECK(ids(m, a.overallocations[1].items) == std::vector<std::string>{"b", "c", "e"});
}

TEST_CASE("over-allocation: periods over capacity, merged, with the steps in them", "[conflicts]") {
  // p (capacity 1) is demanded at 0.7 by s1 [0, 5) and 0.6 by s2 [0, 3), then 0.5 by s3 [5, 9)
  // with s4 [5, 7) at 0.6: over capacity on [0, 3) at 1.3 and on [5, 7) at 1.1. The department
  // states a capacity of 2 and s5 demands 3 of it... no: s5 demands 1.5 of it while s6 takes 1:
  // 2.5 on [0, 4).
  const Model m = load_valid(R"({"people": [{"id": "p", "department": "d"}, {"id": "q", "department": "d"}],
    "departments": [{"id": "d", "capacity": 2}],
    "steps": [{"id": "s1", "duration": 5, "demands": {"p": 0.7}}, {"id": "s2", "duration": 3, "demands": {"p": 0.6}},
              {"id": "s3", "duration": 4, "demands": {"p": 0.5}, "depends_on": ["s1"]},
              {"id": "s4", "duration": 2, "demands": {"p": 0.6}, "depends_on": ["s1"]},
              {"id": "s5", "duration": 4, "demands": {"d": 1.5}}, {"id": "s6", "duration": 4, "owner": "d"}]})");
  const ConflictAnalysis a = analyze_conflicts(m, without_levelling());
  REQUIRE(a.overallocations.size() == 3);
  CHECK(m.id(a.overallocations[0].resource) == "d");
  CHECK(a.overallocations[0].from == 0);
  CHECK(a.overallocations[0].to == 4);
  CHECK(a.overallocations[0].load == Approx(2.5));
  CHECK(a.overallocations[0].capacity == 2);
  CHECK(ids(m, a.overallocations[0].items) == std::vector<std::string>{"s5", "s6"});
  CHECK(m.id(a.overallocations[1].resource) == "p");
  CHECK(a.overallocations[1].to == 3);
  CHECK(a.overallocations[1].load == Approx(1.3));
  CHECK(ids(m, a.overallocations[1].items) == std::vector<std::string>{"s1", "s2"});
  CHECK(a.overallocations[2].from == 5);
  CHECK(a.overallocations[2].to == 7);
  CHECK(a.overallocations[2].load == Approx(1.1));
}

TEST_CASE("skills gaps and skills held by one person", "[conflicts]") {
  const Model m = load_valid(R"({
    "people": [{"id": "ops1", "department": "ops", "skills": ["k8s"]}, {"id": "ds", "department": "sci", "skills": ["mlops"]},
               {"id": "away", "department": "ops", "skills": ["mlops"], "available": false}],
    "departments": [{"id": "ops"}, {"id": "sci"}],
    "steps": [{"id": "deploy", "owner": "ops1", "duration": 3, "skills": ["mlops", "k8s"]},
              {"id": "train", "owner": "ds", "duration": 2, "skills": ["mlops"], "depends_on": ["deploy"]},
              {"id": "tune", "owner": "ds", "duration": 1, "skills": ["mlops"], "depends_on": ["train"]}]})");
  const ConflictAnalysis a = analyze_conflicts(m, without_levelling());
  REQUIRE(a.skill_gaps.size() == 1);  // away has mlops but is not available
  CHECK(m.id(a.skill_gaps[0].step) == "deploy");
  CHECK(a.skill_gaps[0].skill == "mlops");
  CHECK(m.id(a.skill_gaps[0].department) == "ops");
  CHECK(a.skill_gaps[0].critical);
  REQUIRE(a.concentrations.size() == 1);  // only ds has mlops; deploy, train and tune need it
  CHECK(m.id(a.concentrations[0].person) == "ds");
  CHECK(ids(m, a.concentrations[0].steps) == std::vector<std::string>{"deploy", "train", "tune"});
}

TEST_CASE("conflicts: the churn example's planted priority conflict, over-allocation and skills gap", "[conflicts]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  const ConflictAnalysis a = analyze_conflicts(m, without_levelling());
  std::set<std::pair<std::string, std::vector<std::string>>> found;
  for (const Finding& f : a.findings) found.insert({f.kind, f.subjects});
  const nlohmann::ordered_json attributes = json_of(m.attributes);  // outlives the loop
  for (const auto& f : attributes["expected_findings"]) {
    const std::string kind = f["kind"];
    if (kind != "priority-conflict" && kind != "over-allocation" && kind != "skills-gap") continue;
    INFO(kind);
    CHECK(found.count({kind, f["subjects"].get<std::vector<std::string>>()}) == 1);
  }
  // billing-systems holds 56 of the critical path's days (11 + 32 + 13).
  REQUIRE(!a.ranking_conflicts.empty());
  CHECK(m.id(a.ranking_conflicts[0].department) == "billing-systems");
  CHECK(a.ranking_conflicts[0].days_at_stake == Approx(56));
  // tomasz-nowak: 0.7 + 0.6 = 1.3 FTE on days 106 to 123 of the remaining-work schedule.
  REQUIRE(a.overallocations.size() == 1);
  CHECK(a.overallocations[0].from == Approx(106));
  CHECK(a.overallocations[0].to == Approx(123));
  CHECK(a.overallocations[0].load == Approx(1.3));
}

TEST_CASE("conflicts: on the churn example exactly the planted conflicts are found, levelling included",
          "[conflicts]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  const ConflictAnalysis a = analyze_conflicts(m, {});
  std::set<std::pair<std::string, std::vector<std::string>>> expected, found;
  const std::set<std::string> kinds = {"priority-conflict",     "priority-inversion", "over-allocation",
                                       "people-conflict-delay", "skills-gap",         "skill-concentration"};
  const nlohmann::ordered_json attributes = json_of(m.attributes);  // outlives the loop
  for (const auto& f : attributes["expected_findings"])
    if (kinds.count(f["kind"])) expected.insert({f["kind"], f["subjects"].get<std::vector<std::string>>()});
  for (const Finding& f : a.findings) found.insert({f.kind, f.subjects});
  CHECK(found == expected);
  CHECK(a.findings.size() == 5);
  // Levelling: tomasz-nowak's two steps one after the other move production from day 187 to 204.
  REQUIRE(a.levelled);
  CHECK(a.levelled->cpm_duration == Approx(187));
  CHECK(a.levelled->duration == Approx(204));
  CHECK(a.levelled->drivers.size() == 1);
}

TEST_CASE("conflicts: unknown initiatives are input errors", "[conflicts]") {
  const Model m = load_valid(kRanking);
  ConflictOptions o = without_levelling();
  o.initiative = "nope";
  CHECK_THROWS_AS(analyze_conflicts(m, o), ScheduleError);
}

TEST_CASE("levelling: a person on two parallel steps pushes production back, and says who drove it", "[conflicts]") {
  // long (3 days) and short (2 days) both need p full time and can start at once: CPM 3, but p
  // must do one after the other: 5. The initiative is worth 1,200 a working day.
  const Model m = load_valid(R"({"people": [{"id": "p"}],
    "initiatives": [{"id": "x", "value_per_month": 26000}],
    "steps": [{"id": "long", "initiative": "x", "owner": "p", "duration": 3},
              {"id": "short", "initiative": "x", "owner": "p", "duration": 2}]})");
  const ConflictAnalysis a = analyze_conflicts(m, {});
  REQUIRE(a.levelled);
  CHECK(a.levelled->cpm_duration == 3);
  CHECK(a.levelled->duration == 5);
  CHECK(a.levelled->delay_days == 2);
  REQUIRE(a.levelled->drivers.size() == 1);
  CHECK(m.id(a.levelled->drivers[0]) == "p");
  REQUIRE(a.levelled->moved.size() == 1);
  CHECK(a.levelled->moved[0].days >= 2);
  const auto delay = std::find_if(a.findings.begin(), a.findings.end(),
                                  [](const Finding& f) { return f.kind == "people-conflict-delay"; });
  REQUIRE(delay != a.findings.end());
  CHECK(delay->days_held_back == 2);
  CHECK(delay->cost_of_delay == Approx(2 * 1200));
  CHECK(delay->subjects == std::vector<std::string>{"x", "p"});
}

TEST_CASE("conflicts of a large network: a second thread gives what one thread gives, to the byte",
          "[conflicts][threads]") {
  // 60,000 steps: past the 50,000 activities from which a second thread is used.
  const Model m = clearpath::test::generated_model(60'000, 3'000, 5, 40);
  ConflictOptions one;
  one.threads = 1;
  ConflictOptions two = one;
  two.threads = 0;
  const ConflictAnalysis a = analyze_conflicts(m, one), b = analyze_conflicts(m, two);
  REQUIRE(a.network.size() >= 50'000);
  REQUIRE_FALSE(a.ranking_conflicts.empty());
  REQUIRE_FALSE(a.overallocations.empty());
  const clearpath::ConflictReportOptions report{"generated.json", false};
  CHECK(clearpath::conflicts_json(m, a, one, report).dump() == clearpath::conflicts_json(m, b, two, report).dump());
}

TEST_CASE("conflicts without the initiatives' analyses: the same levelling, the rest left empty", "[conflicts]") {
  const Model m = clearpath::test::generated_model(2'000, 200, 7, 10);
  ConflictOptions all;
  ConflictOptions levelling_only = all;
  levelling_only.initiative_analyses = false;
  const ConflictAnalysis a = analyze_conflicts(m, all), b = analyze_conflicts(m, levelling_only);
  REQUIRE(a.levelled);
  REQUIRE(b.levelled);
  REQUIRE_FALSE(a.ranking_conflicts.empty());
  REQUIRE_FALSE(a.disagreement.pairs.empty());
  CHECK(b.levelled->start == a.levelled->start);
  CHECK(b.levelled->drivers == a.levelled->drivers);
  CHECK(b.overallocations.size() == a.overallocations.size());
  CHECK(b.ranking_conflicts.empty());
  CHECK(b.inversions.empty());
  CHECK(b.disagreement.pairs.empty());
  CHECK(b.skill_gaps.empty());
  CHECK(b.concentrations.empty());
}
