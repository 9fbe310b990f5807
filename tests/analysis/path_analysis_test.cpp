// Legacy chains, blockers, PERT outlook, business case and findings on small hand-made models.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "clearpath/conflicts.hpp"
#include "clearpath/path_analysis.hpp"
#include "report/path_report.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

namespace {

std::vector<std::string> ids(const Model& m, const PathAnalysis& a, const std::vector<std::uint32_t>& v) {
  std::vector<std::string> out;
  for (std::uint32_t i : v) out.push_back(m.id(a.network.activity[i]));
  return out;
}

// Two legacy systems; a chain l1 -> gate -> l2 -> x -> l3 (three legacy steps, 4 + 5 + 3 + 2 + 6
// = 20 days end to end, 13 on legacy systems) beside one long legacy step big (12 days) that
// runs alone: by count the chain wins (3 steps), by duration too (13 > 12).
const char* kLegacy = R"({
  "people": [{"id": "ana", "department": "it", "skills": ["cobol"]},
             {"id": "bo", "department": "it", "available": false}],
  "departments": [{"id": "it", "side": "it"}],
  "systems": [{"id": "mainframe", "legacy": true, "owner": "it"}, {"id": "erp", "legacy": true},
              {"id": "cloud"}],
  "initiatives": [{"id": "churn", "value_per_month": 26000, "build_cost": 100000,
                   "run_cost_per_month": 6000, "momentum_days": 15}],
  "approvals": [{"id": "gate", "initiative": "churn", "lead_time": 5, "approvers": ["ana"],
                 "rule": {"min_approvers": 2}, "depends_on": ["l1"]}],
  "steps": [
    {"id": "l1", "initiative": "churn", "system": "mainframe", "owner": "ana", "duration": 4},
    {"id": "l2", "initiative": "churn", "system": "erp", "owner": "ana", "duration": 3, "depends_on": ["gate"]},
    {"id": "x", "initiative": "churn", "system": "cloud", "owner": "ana", "duration": 2, "depends_on": ["l2"],
     "skills": ["mlops"]},
    {"id": "l3", "initiative": "churn", "system": "mainframe", "owner": "bo", "duration": 6, "depends_on": ["x"]},
    {"id": "big", "initiative": "churn", "system": "erp", "owner": "ana", "duration": 12, "status": "blocked"}]})";

}  // namespace

TEST_CASE("longest legacy chain by count and by duration", "[path]") {
  const Model m = clearpath::test::load_valid(kLegacy);
  const PathAnalysis a = analyze_path(m, {});
  CHECK(a.schedule.duration == 20);
  CHECK(ids(m, a, a.legacy_by_count.steps) == std::vector<std::string>{"l1", "l2", "l3"});
  CHECK(ids(m, a, a.legacy_by_count.path) == std::vector<std::string>{"l1", "gate", "l2", "x", "l3"});
  CHECK(a.legacy_by_count.count == 3);
  CHECK(a.legacy_by_count.duration == 13);
  CHECK(a.legacy_by_count.path_duration == 20);
  CHECK(ids(m, a, a.legacy_by_duration.steps) == std::vector<std::string>{"l1", "l2", "l3"});
}

TEST_CASE("by duration, one long legacy step can beat a chain of short ones", "[path]") {
  std::string text = kLegacy;
  text.replace(text.find("\"duration\": 12"), 14, "\"duration\": 30");
  const Model m = clearpath::test::load_valid(text);
  const PathAnalysis a = analyze_path(m, {});
  CHECK(a.legacy_by_count.count == 3);
  CHECK(ids(m, a, a.legacy_by_duration.steps) == std::vector<std::string>{"big"});
  CHECK(a.legacy_by_duration.duration == 30);
}

TEST_CASE("blockers on critical work, with reasons, days and cost", "[path]") {
  const Model m = clearpath::test::load_valid(kLegacy);
  PathOptions o;
  o.near_days = 5;
  const PathAnalysis a = analyze_path(m, o);
  // Critical: l1 (0-4), gate (4-9), l2 (9-12), x (12-14), l3 (14-20). big: 0-12, float 8.
  std::vector<std::string> found;
  for (const Blocker& b : a.blockers) found.push_back(m.id(a.network.activity[b.activity]) + ":" + b.code);
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<std::string>{"gate:approvers", "l3:owner-unavailable", "x:skills-gap"});
  // One day costs 26000 x 12 / 260 = 1200. The gate holds back 20 - 4 = 16 days.
  const auto gate =
      std::find_if(a.blockers.begin(), a.blockers.end(), [&](const Blocker& b) { return b.code == "approvers"; });
  REQUIRE(gate != a.blockers.end());
  CHECK(gate->delay_days == 16);
  CHECK(gate->cost_of_delay == Approx(16 * 1200));
  CHECK(gate->reason == "only 1 available approver (ana (it, it side)), the rule needs 2");
  CHECK(a.blockers.front().cost_of_delay >= a.blockers.back().cost_of_delay);  // ranked by cost
  // big is blocked but has 8 days of float: not near-critical at 5, near-critical at 10.
  o.near_days = 10;
  const PathAnalysis wide = analyze_path(m, o);
  const bool big = std::any_of(wide.blockers.begin(), wide.blockers.end(), [&](const Blocker& b) {
    return m.id(wide.network.activity[b.activity]) == "big" && b.code == "blocked" && !b.critical;
  });
  CHECK(big);
}

TEST_CASE("the skills gap names who lacks what", "[path]") {
  const Model m = clearpath::test::load_valid(kLegacy);
  const PathAnalysis a = analyze_path(m, {});
  const auto x = std::find_if(a.blockers.begin(), a.blockers.end(),
                              [&](const Blocker& b) { return m.id(a.network.activity[b.activity]) == "x"; });
  REQUIRE(x != a.blockers.end());
  CHECK(x->reason == "needs mlops: its owner ana lacks it and nobody in it has it");
}

TEST_CASE("an absent owner's skill does not count, as in clearpath conflicts", "[path]") {
  // owner has mlops but is away; nobody else in ops has it. The path blocker and the conflicts
  // skills gap follow the same rule (only available people's skills count).
  const Model m = clearpath::test::load_valid(R"({"format_version": 1, "name": "absent owner",
    "departments": [{"id": "ops", "side": "it"}],
    "people": [{"id": "owner", "department": "ops", "skills": ["mlops"], "available": false},
               {"id": "colleague", "department": "ops"}],
    "initiatives": [{"id": "i"}],
    "steps": [{"id": "deploy", "initiative": "i", "owner": "owner", "duration": 3, "skills": ["mlops"]}]})");
  const PathAnalysis a = analyze_path(m, {});
  std::vector<std::string> found;
  for (const Blocker& b : a.blockers) found.push_back(b.code + ": " + b.reason);
  std::sort(found.begin(), found.end());
  CHECK(found ==
        std::vector<std::string>{
            "owner-unavailable: its owner owner is not available",
            "skills-gap: needs mlops: its owner owner has it but is not available, and nobody else in ops has it"});
  const ConflictAnalysis c = analyze_conflicts(m, {});
  REQUIRE(c.skill_gaps.size() == 1);
  CHECK(m.id(c.skill_gaps[0].step) == "deploy");
}

TEST_CASE("a pluggable approval check replaces the approver count", "[path]") {
  const Model m = clearpath::test::load_valid(kLegacy);
  PathOptions o;
  o.approval_check = [](const Model&, Ref) -> std::optional<std::string> { return "no business co-pilot"; };
  const PathAnalysis a = analyze_path(m, o);
  const auto gate =
      std::find_if(a.blockers.begin(), a.blockers.end(), [&](const Blocker& b) { return b.code == "approvers"; });
  REQUIRE(gate != a.blockers.end());
  CHECK(gate->reason == "no business co-pilot");
}

TEST_CASE("business case: cost of a day, payback month, momentum findings", "[path]") {
  const Model m = clearpath::test::load_valid(kLegacy);
  const PathAnalysis a = analyze_path(m, {});
  REQUIRE(a.initiatives.size() == 1);
  const InitiativeOutlook& o = a.initiatives[0];
  CHECK(o.finish == 20);
  CHECK(o.cost_per_day == Approx(1200));
  // Net 20000 a month against a build cost of 100000: covered after month 5.
  CHECK(o.payback_month == 5);
  CHECK(o.sd == 0);                   // single-point durations
  CHECK(o.p_within_momentum == 0.0);  // 20 > 15 for certain
  REQUIRE(a.focus.has_value());
  CHECK(m.id(*a.focus) == "churn");
  std::vector<std::string> kinds;
  for (const Finding& f : a.findings) kinds.push_back(f.kind);
  CHECK(std::count(kinds.begin(), kinds.end(), "momentum-risk") == 1);
  CHECK(std::count(kinds.begin(), kinds.end(), "legacy-chain-exceeds-momentum") == 1);
  CHECK(std::count(kinds.begin(), kinds.end(), "critical-path-blocker") == 3);
  CHECK(a.findings.front().severity == Severity::error);  // sorted worst first
}

TEST_CASE("PERT probability within the momentum window, normal approximation", "[path]") {
  // One step o=10, m=20, p=40: mean (10 + 80 + 40) / 6 = 21.667, sd 30 / 6 = 5.
  const Model m = clearpath::test::load_valid(R"({"initiatives": [{"id": "i", "momentum_days": 26.667}],
      "steps": [{"id": "s", "initiative": "i", "duration": {"optimistic": 10, "likely": 20, "pessimistic": 40}}]})");
  const PathAnalysis a = analyze_path(m, {});
  REQUIRE(a.initiatives.size() == 1);
  CHECK(a.initiatives[0].mean == Approx(21.6667).margin(1e-3));
  CHECK(a.initiatives[0].sd == Approx(5));
  CHECK(*a.initiatives[0].p_within_momentum == Approx(0.8413).margin(1e-3));  // one sd above the mean
  CHECK(a.project_sd == Approx(5));
}

TEST_CASE("explain: the chains that set an activity's start and finish", "[path]") {
  const Model m = clearpath::test::load_valid(kLegacy);
  const PathAnalysis a = analyze_path(m, {});
  std::uint32_t l2 = 0, big = 0;
  for (std::uint32_t i = 0; i < a.network.size(); ++i) {
    if (m.id(a.network.activity[i]) == "l2") l2 = i;
    if (m.id(a.network.activity[i]) == "big") big = i;
  }
  CHECK(ids(m, a, driving_predecessors(a, l2)) == std::vector<std::string>{"l1", "gate", "l2"});
  CHECK(ids(m, a, limiting_successors(a, l2)) == std::vector<std::string>{"x", "l3"});
  CHECK(a.schedule.times[big].total_float == 8);
  CHECK(limiting_successors(a, big).empty());  // its latest finish is the project end
}

TEST_CASE("of equally long legacy chains, the one that takes longer from its first legacy step wins", "[path]") {
  // p (100 days, not legacy) -> l1 -> l2: 2 legacy steps, 2 days from l1 to l2.
  // l3 -> gate (50) -> l4: 2 legacy steps, 52 days from l3 to l4. Work before l1 does not count.
  const Model m = clearpath::test::load_valid(R"({
    "systems": [{"id": "mf", "legacy": true}],
    "approvals": [{"id": "gate", "lead_time": 50, "depends_on": ["l3"]}],
    "steps": [{"id": "p", "duration": 100},
              {"id": "l1", "system": "mf", "duration": 1, "depends_on": ["p"]},
              {"id": "l2", "system": "mf", "duration": 1, "depends_on": ["l1"]},
              {"id": "l3", "system": "mf", "duration": 1},
              {"id": "l4", "system": "mf", "duration": 1, "depends_on": ["gate"]}]})");
  const PathAnalysis a = analyze_path(m, {});
  CHECK(ids(m, a, a.legacy_by_count.path) == std::vector<std::string>{"l3", "gate", "l4"});
  CHECK(a.legacy_by_count.path_duration == 52);
  CHECK(ids(m, a, a.legacy_by_duration.path) == std::vector<std::string>{"l3", "gate", "l4"});
}

TEST_CASE("path of a large network: the legacy chains on a second thread give what one thread gives",
          "[path][threads]") {
  // 60,000 steps: past the 50,000 activities from which a second thread is used.
  const clearpath::Model m = clearpath::test::generated_model(60'000, 3'000, 9);
  clearpath::PathOptions one;
  one.threads = 1;
  clearpath::PathOptions two = one;
  two.threads = 0;
  const clearpath::PathAnalysis a = clearpath::analyze_path(m, one), b = clearpath::analyze_path(m, two);
  REQUIRE(a.network.size() >= 50'000);
  REQUIRE(a.legacy_by_count.count > 0);
  std::ostringstream x, y;
  const clearpath::PathReportOptions report{"generated.json", "", false};
  clearpath::write_path_json(x, m, a, one, report);
  clearpath::write_path_json(y, m, b, two, report);
  CHECK(x.str() == y.str());
}
