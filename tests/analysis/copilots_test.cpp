// The co-pilot analysis: suggestions, initiative single points of failure and sole owners, the
// approval path, sign-off load, --without, and the churn example's planted problems.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "clearpath/copilots.hpp"
#include "io/json/attributes_json.hpp"
#include "support/test_support.hpp"
#include "synthetic/synthetic.hpp"

using namespace clearpath;
using clearpath::test::load_valid;
using clearpath::test::read_source_file;

namespace {

const GateResult& gate(const Model& m, const CopilotAnalysis& a, const char* id) {
  const auto it = std::find_if(a.gates.begin(), a.gates.end(), [&](const GateResult& g) { return m.id(g.gate) == id; });
  REQUIRE(it != a.gates.end());
  return *it;
}

const InitiativeResult& initiative(const Model& m, const CopilotAnalysis& a, const char* id) {
  const auto it = std::find_if(a.initiatives.begin(), a.initiatives.end(),
                               [&](const InitiativeResult& i) { return m.id(i.initiative) == id; });
  REQUIRE(it != a.initiatives.end());
  return *it;
}

std::vector<std::string> ids(const Model& m, const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  for (Ref r : refs) out.push_back(m.id(r));
  return out;
}

std::vector<std::string> candidates(const Model& m, const SlotSuggestion& s) {
  std::vector<std::string> out;
  for (const Candidate& c : s.candidates) out.push_back(m.id(c.person));
  return out;
}

}  // namespace

TEST_CASE("copilots: the churn example's planted co-pilot problems are found, and nothing else", "[copilots]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  const CopilotAnalysis a = analyze_copilots(m, {});
  std::set<std::pair<std::string, std::vector<std::string>>> expected, found;
  const nlohmann::ordered_json attributes = json_of(m.attributes);  // outlives the loop
  for (const auto& f : attributes["expected_findings"]) {
    const std::string kind = f["kind"];
    if (kind == "missing-copilot" || kind == "single-point-of-failure")
      expected.insert({kind, f["subjects"].get<std::vector<std::string>>()});
  }
  for (const Finding& f : a.findings) {
    INFO(f.message);
    CHECK(f.severity >= Severity::warning);
    found.insert({f.kind, f.subjects});
  }
  CHECK(expected.size() == 3);
  CHECK(found == expected);
  CHECK(a.findings.size() == 3);
  // Missing co-pilots are errors; the single point of failure is a warning.
  for (const Finding& f : a.findings)
    CHECK(f.severity == (f.kind == "missing-copilot" ? Severity::error : Severity::warning));
}

TEST_CASE("copilots: suggested business co-pilots for the churn funding gate", "[copilots]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  const CopilotAnalysis a = analyze_copilots(m, {});
  const GateResult& g = gate(m, a, "production-funding");
  CHECK_FALSE(g.check.satisfiable);
  REQUIRE(g.suggestions.size() == 1);
  CHECK(g.suggestions[0].label == "business-side executive");
  // cmo is the sponsor (0 steps); ceo is 1 step away but in cio's reporting chain, so the
  // independence rule excludes it; cfo and coo are 2 steps away (cmo -> ceo -> them), equally
  // senior, so by id.
  CHECK(candidates(m, g.suggestions[0]) == std::vector<std::string>{"cmo", "cfo", "coo"});
  CHECK(g.suggestions[0].candidates[0].reason == "Chief Marketing Officer, Marketing, business side, the sponsor");
  CHECK(g.suggestions[0].candidates[1].reason ==
        "Chief Financial Officer, Finance, business side, 2 steps from the sponsor cmo");
  CHECK(*g.suggestions[0].candidates[1].distance == 2);
  // The slot that can be filled is reported as filled.
  REQUIRE(g.check.assignment.size() == 1);
  CHECK(m.id(g.check.assignment[0].person) == "cio");
  CHECK(g.slot_labels == std::vector<std::string>{"it-side executive", "business-side executive"});
}

TEST_CASE("copilots: suggested IT-side co-sponsors for the churn model, which has none", "[copilots]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  const CopilotAnalysis a = analyze_copilots(m, {});
  const InitiativeResult& churn = initiative(m, a, "churn-model");
  REQUIRE(churn.copilot.missing_sides == std::vector<std::string>{"it"});
  REQUIRE(churn.cosponsor_suggestions.size() == 1);
  const SlotSuggestion& s = churn.cosponsor_suggestions[0];
  CHECK(s.label == "IT-side co-sponsor");
  CHECK(s.slot == -1);
  // The IT-side executives closest to the sponsor cmo: cio and cto 2 steps away in the org
  // graph, cio the more senior; then ciso.
  CHECK(candidates(m, s) == std::vector<std::string>{"cio", "cto", "ciso"});
  CHECK(*s.candidates[0].distance == 2);
  CHECK(m.id(s.candidates[0].nearest_sponsor) == "cmo");
  CHECK(s.candidates[0].reason ==
        "Chief Information Officer, Information Technology, it side, 2 steps from the sponsor cmo");
  // Initiatives with both sides have none.
  CHECK(initiative(m, a, "erp-upgrade").cosponsor_suggestions.empty());
}

TEST_CASE("copilots: co-sponsors suggested are on the missing side, available and not sponsors already",
          "[copilots][property]") {
  for (std::uint64_t seed = 1; seed <= 8; ++seed) {
    clearpath::SyntheticOptions so;
    so.steps = 60;
    so.people = 80;
    so.seed = seed;
    so.gates = 8;
    const Model m = load_valid(clearpath::synthetic_model(so));
    const CopilotAnalysis a = analyze_copilots(m, {});
    for (const InitiativeResult& r : a.initiatives) {
      INFO("seed " << seed << " " << m.id(r.initiative));
      CHECK(r.cosponsor_suggestions.size() == r.copilot.missing_sides.size());
      for (std::size_t k = 0; k < r.cosponsor_suggestions.size(); ++k) {
        const std::string& side = r.copilot.missing_sides[k];
        CHECK(r.cosponsor_suggestions[k].candidates.size() <= 3);
        for (const Candidate& c : r.cosponsor_suggestions[k].candidates) {
          const Person& p = m.person(c.person);
          REQUIRE(p.department != kNoRef);
          CHECK(m.department(p.department).side == side);
          CHECK(p.available);
          const auto& sponsors = m.initiative(r.initiative).sponsors;
          CHECK(std::find(sponsors.begin(), sponsors.end(), c.person) == sponsors.end());
        }
      }
    }
  }
}

TEST_CASE("copilots: initiatives' co-pilot side, single points of failure, sole owners and approval path",
          "[copilots]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  const CopilotAnalysis a = analyze_copilots(m, {});
  REQUIRE(a.initiatives.size() == 3);
  const InitiativeResult& churn = initiative(m, a, "churn-model");
  CHECK(churn.copilot.missing_side == "it");
  CHECK(churn.copilot.single_sponsor);
  CHECK(ids(m, churn.single_points_of_failure) == std::vector<std::string>{"ciso"});
  CHECK_FALSE(initiative(m, a, "erp-upgrade").copilot.missing_side.has_value());
  // The approval path, by hand from the file: poc-signoff is granted (0 days left); privacy-review
  // (10) and production-funding (20) follow the done business case; security-review (15) waits
  // for billing-extract-spec, which waits for production-funding: 20 + 15 = 35; the change
  // advisory board (5) comes last: 35 + 5 = 40.
  std::vector<std::pair<std::string, double>> path;
  for (const ApprovalPathEntry& e : churn.approval_path) path.push_back({m.id(e.gate), e.cumulative_lead_time});
  CHECK(path == std::vector<std::pair<std::string, double>>{{"poc-signoff", 0},
                                                            {"privacy-review", 10},
                                                            {"production-funding", 20},
                                                            {"security-review", 35},
                                                            {"change-advisory-board", 40}});
  CHECK(churn.approval_path[2].earliest_finish == 20);
  // The critical path (expected_schedule) runs through these person-owned steps.
  std::set<std::string> owners;
  for (const SoleOwner& o : churn.sole_owners) owners.insert(m.id(o.person));
  CHECK(owners.count("tomasz-nowak"));
  CHECK(owners.count("patricia-nolan"));
  const auto sched = json_of(m.attributes)["expected_schedule"]["critical_path"];
  for (const SoleOwner& o : churn.sole_owners)
    for (Ref s : o.steps) {
      INFO(m.id(s));
      CHECK(std::find(sched.begin(), sched.end(), m.id(s)) != sched.end());
    }
}

TEST_CASE("copilots: --without reports what breaks compared with everyone present", "[copilots]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  CopilotOptions o;
  o.without = {"ciso"};
  const CopilotAnalysis a = analyze_copilots(m, o);
  REQUIRE(a.without);
  CHECK(ids(m, a.without->broken_gates) == std::vector<std::string>{"security-review"});
  CHECK_FALSE(gate(m, a, "security-review").check.satisfiable);
  CHECK(gate(m, a, "security-review")
            .check.unfilled.at(0)
            .reason.rfind("no executive in information-security among", 0) == 0);

  o.without = {"daniel-fischer"};
  const CopilotAnalysis b = analyze_copilots(m, o);
  REQUIRE(b.without->new_single_points_of_failure.size() == 1);
  CHECK(m.id(b.without->new_single_points_of_failure[0].second) == "yusuf-karim");
  CHECK(b.without->broken_gates.empty());

  o.without = {"cmo", "tomasz-nowak"};
  const CopilotAnalysis c = analyze_copilots(m, o);
  CHECK(ids(m, c.without->initiatives_losing_copilot) == std::vector<std::string>{"churn-model"});
  CHECK(initiative(m, c, "churn-model").copilot.missing_sides == std::vector<std::string>{"business", "it"});
  bool dwh = false;
  for (const auto& [step, owner] : c.without->critical_steps_without_owner)
    dwh = dwh || (m.id(step) == "dwh-history-load" && m.id(owner) == "tomasz-nowak");
  CHECK(dwh);

  o.without = {"nobody-here"};
  CHECK_THROWS_AS(analyze_copilots(m, o), CopilotError);
  o.without = {"finance"};  // a department, not a person
  CHECK_THROWS_AS(analyze_copilots(m, o), CopilotError);
}

TEST_CASE("copilots: --initiative and --all choose the gates", "[copilots]") {
  const Model m = load_valid(read_source_file("graphs/churn-model.json"));
  CHECK(analyze_copilots(m, {}).gates.size() == 4);  // pending only
  CopilotOptions o;
  o.all = true;
  CHECK(analyze_copilots(m, o).gates.size() == 5);
  o.initiative = "erp-upgrade";
  const CopilotAnalysis erp = analyze_copilots(m, o);
  CHECK(erp.gates.empty());
  CHECK(erp.initiatives.size() == 1);
  o.initiative = "no-such";
  CHECK_THROWS_AS(analyze_copilots(m, o), CopilotError);
}

namespace {

// One sponsor, candidates at equal distance and seniority, one far away, one unconnected.
// `it_manager`: whom the named IT executive reports to, if anyone.
std::string ties_model(const std::string& it_manager = "") {
  return R"({
  "people": [
    {"id": "boss", "department": "biz", "roles": ["executive"]},
    {"id": "sponsor", "department": "it", "reports_to": "boss", "roles": ["executive"]},
    {"id": "it-exec", "department": "it", "roles": ["executive"])" +
         (it_manager.empty() ? "" : ", \"reports_to\": \"" + it_manager + "\"") + R"(},
    {"id": "zed", "department": "fin", "reports_to": "boss", "roles": ["executive"], "title": "CFO"},
    {"id": "amy", "department": "ops", "reports_to": "boss", "roles": ["executive"]},
    {"id": "bob", "department": "hr", "reports_to": "boss", "roles": ["executive"]},
    {"id": "far", "department": "remote", "reports_to": "zed", "roles": ["executive"]},
    {"id": "island", "department": "isle", "roles": ["executive"]}],
  "departments": [{"id": "biz", "side": "business"}, {"id": "it", "side": "it"}, {"id": "fin", "side": "business"},
                  {"id": "ops", "side": "business"}, {"id": "hr", "side": "business"}, {"id": "remote", "side": "business"},
                  {"id": "isle", "side": "business"}],
  "initiatives": [{"id": "i", "sponsors": ["sponsor"]}],
  "approvals": [{"id": "g", "initiative": "i", "approvers": ["it-exec"],
                 "rule": {"slots": [{"side": "it", "role": "executive"}, {"side": "business", "role": "executive"}],
                          "independent": true}}]})";
}

}  // namespace

TEST_CASE("copilots: suggestions rank by distance, then seniority, then id, deterministically", "[copilots]") {
  const Model m = load_valid(ties_model());
  CopilotOptions o;
  o.suggestions = 3;
  const GateResult g = gate(m, analyze_copilots(m, o), "g");
  REQUIRE(g.suggestions.size() == 1);
  // boss is 1 step away but is in the sponsor's chain... the independence rule applies to the
  // chosen approver it-exec only (not to the sponsor), so boss is suggested first.
  CHECK(candidates(m, g.suggestions[0]) == std::vector<std::string>{"boss", "amy", "bob"});
  o.suggestions = 10;
  const GateResult all = gate(m, analyze_copilots(m, o), "g");
  CHECK(candidates(m, all.suggestions[0]) == std::vector<std::string>{"boss", "amy", "bob", "zed", "far", "island"});
  const Candidate& island = all.suggestions[0].candidates.back();
  CHECK_FALSE(island.distance.has_value());
  CHECK(island.reason == "isle, business side, not connected to the sponsors in the org graph");
  CHECK(all.suggestions[0].candidates[3].reason == "CFO, fin, business side, 2 steps from the sponsor sponsor");
  o.suggestions = 0;
  CHECK(gate(m, analyze_copilots(m, o), "g").suggestions.at(0).candidates.empty());
}

TEST_CASE("copilots: suggestions keep the gate's constraints with the approvers already chosen", "[copilots]") {
  // The chosen IT executive reports to boss: with independence, boss may not be suggested.
  const Model m = load_valid(ties_model("boss"));
  const GateResult g = gate(m, analyze_copilots(m, {}), "g");
  CHECK(candidates(m, g.suggestions.at(0)) == std::vector<std::string>{"amy", "bob", "zed"});
}

TEST_CASE("copilots: sign-off load and approval bottlenecks", "[copilots]") {
  std::string approvals;
  for (int i = 0; i < 6; ++i)
    approvals +=
        std::string(i ? "," : "") + R"({"id": "g)" + std::to_string(i) + R"(", "approvers": ["busy", "other"]})";
  approvals += R"(, {"id": "done", "approvers": ["busy"], "status": "granted"})";
  const Model m = load_valid(R"({"people": [{"id": "busy"}, {"id": "other"}], "approvals": [)" + approvals + "]}");
  const CopilotAnalysis a = analyze_copilots(m, {});
  REQUIRE(a.signoff_load.size() == 2);
  CHECK(m.id(a.signoff_load[0].person) == "busy");
  CHECK(a.signoff_load[0].gates.size() == 6);  // the granted gate does not count
  CHECK(a.signoff_load[0].essential.empty());  // either of the two can approve each gate
  CHECK(a.signoff_load[0].bottleneck);
  std::size_t bottlenecks = 0;
  for (const Finding& f : a.findings) bottlenecks += f.kind == "approval-bottleneck";
  CHECK(bottlenecks == 2);
  CopilotOptions o;
  o.signoff_threshold = 6;
  for (const Finding& f : analyze_copilots(m, o).findings) CHECK(f.kind != "approval-bottleneck");
}

TEST_CASE("copilots: a rule nobody in the organisation can meet is an impossible rule", "[copilots]") {
  const Model m = load_valid(R"({"people": [{"id": "a", "department": "d"}], "departments": [{"id": "d", "side": "it"}],
    "approvals": [{"id": "g", "approvers": ["a"], "rule": {"slots": [{"role": "general-counsel"}]}}]})");
  const CopilotAnalysis a = analyze_copilots(m, {});
  REQUIRE(a.findings.size() == 1);
  CHECK(a.findings[0].kind == "impossible-rule");
  CHECK(a.gates[0].suggestions.at(0).candidates.empty());
}

TEST_CASE("copilots: a reporting chain 1,000 deep: distances and independence without recursion", "[copilots]") {
  std::string people = R"({"id": "p0", "department": "biz", "roles": ["executive"]})";
  for (int i = 1; i <= 1000; ++i)
    people += ",{\"id\": \"p" + std::to_string(i) + "\", \"department\": \"it\", \"reports_to\": \"p" +
              std::to_string(i - 1) + "\"}";
  const Model m = load_valid("{\"people\": [" + people + R"(],
    "departments": [{"id": "biz", "side": "business"}, {"id": "it", "side": "it"}],
    "initiatives": [{"id": "i", "sponsors": ["p1000"]}],
    "approvals": [{"id": "g", "initiative": "i", "approvers": ["p1000"],
                   "rule": {"slots": [{"side": "it"}, {"side": "business"}]}}]})");
  const GateResult g = gate(m, analyze_copilots(m, {}), "g");
  REQUIRE(g.suggestions.at(0).candidates.size() == 1);
  CHECK(m.id(g.suggestions[0].candidates[0].person) == "p0");
  // p1000 -> it (department) -> p1 -> p0 is 3 steps; the reporting chain would be 1,000.
  CHECK(*g.suggestions[0].candidates[0].distance == 3);
}
