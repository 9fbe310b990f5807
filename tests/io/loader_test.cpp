// What the loader accepts and how it reads it. Errors are in errors_test.cpp.
#include <catch2/catch.hpp>

#include "io/json/attributes_json.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::load;
using clearpath::test::load_valid;

TEST_CASE("an empty model is valid", "[loader]") {
  const Model m = load_valid(R"({"clearpath": 1})");
  CHECK(m.entity_count() == 0);
  CHECK(load_valid("{}").entity_count() == 0);
}

TEST_CASE("every field of every kind is read", "[loader]") {
  const Model m = load_valid(R"({
    "clearpath": 1, "name": "n", "description": "d",
    "calendar": {"start": "2028-02-29", "holidays": ["2028-12-25"]},
    "attributes": {"owner": "pmo"},
    "people": [
      {"id": "p", "name": "P", "department": "d1", "title": "CIO", "roles": ["executive"],
       "capacity": 0.25, "skills": ["mlops"], "available": false, "dotted_line_to": ["q"],
       "attributes": {"hr": {"grade": 7}}},
      {"id": "q", "reports_to": "p", "department": "d1"}
    ],
    "departments": [{"id": "d1", "side": "it", "head": "p", "priorities": ["i"], "capacity": 3.5}],
    "systems": [{"id": "s", "legacy": true, "owner": "d1"}],
    "initiatives": [{"id": "i", "sponsors": ["p", "q"], "value_per_month": 1000.5, "build_cost": 2,
                     "run_cost_per_month": 3, "momentum_days": 90}],
    "approvals": [{"id": "a", "initiative": "i", "approvers": ["p", "q"], "lead_time": 4,
                   "status": "granted", "depends_on": ["t"],
                   "rule": {"min_approvers": 2, "slots": [{"department": "d1"}, {"role": "executive"}],
                            "distinct_departments": true, "independent": true}}],
    "steps": [{"id": "t", "initiative": "i", "system": "s", "owner": "d1", "duration": 2.5,
               "skills": ["cobol"], "demands": {"q": 0.5, "d1": 2}, "status": "in-progress"},
              {"id": "u", "owner": "q", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 9},
               "status": "blocked", "depends_on": ["a", "t"]}]
  })");
  CHECK(m.description == "d");
  CHECK(m.attributes.json() == R"({"owner":"pmo"})");
  CHECK(m.attributes.string_member("owner") == "pmo");
  const Person& p = m.person(*m.find("p"));
  CHECK(p.title == "CIO");
  CHECK(p.capacity == 0.25);
  CHECK_FALSE(p.available);
  CHECK(p.skills == std::vector<std::string>{"mlops"});
  CHECK(p.attributes.json() == R"({"hr":{"grade":7}})");
  CHECK_FALSE(p.attributes.string_member("hr"));
  REQUIRE(p.dotted_line_to.size() == 1);
  CHECK(m.id(p.dotted_line_to[0]) == "q");
  const Department& d = m.department(*m.find("d1"));
  CHECK(d.capacity == 3.5);
  CHECK(m.id(d.priorities.at(0)) == "i");
  const Initiative& i = m.initiative(*m.find("i"));
  CHECK(i.value_per_month == 1000.5);
  CHECK(i.momentum_days == 90);
  const Approval& a = m.approval(*m.find("a"));
  CHECK(a.status == ApprovalStatus::granted);
  CHECK(a.rule.distinct_departments);
  CHECK(a.rule.independent);
  CHECK(m.id(a.rule.slots.at(0).department) == "d1");
  const Step& t = m.step(*m.find("t"));
  CHECK(t.duration.expected() == 2.5);
  CHECK(t.status == StepStatus::in_progress);
  REQUIRE(t.demands.size() == 2);
  CHECK(m.id(t.demands[0].resource) == "q");  // demands keep the file's order
  CHECK(t.demands[0].amount == 0.5);
  CHECK(m.id(t.demands[1].resource) == "d1");
  const Step& u = m.step(*m.find("u"));
  CHECK(u.status == StepStatus::blocked);
  CHECK(u.duration.expected() == Approx((1 + 8 + 9) / 6.0));
  CHECK(m.kind(u.owner) == EntityKind::person);
}

TEST_CASE("references may point forward, to entities defined later in the file", "[loader]") {
  const Model m = load_valid(R"({"steps": [{"id": "b", "duration": 1, "depends_on": ["a"]}],
                                 "approvals": [{"id": "a"}]})");
  CHECK(m.kind(m.step(*m.find("b")).depends_on.at(0)) == EntityKind::approval);
}

TEST_CASE("depends_on objects give each link its type and lag, the first one too", "[loader]") {
  const Model m = load_valid(R"({"clearpath": 2, "steps": [
    {"id": "a", "duration": 4},
    {"id": "b", "duration": 3, "depends_on": [{"on": "a", "type": "SS", "lag": 1}]},
    {"id": "c", "duration": 1, "depends_on": ["a", {"on": "b", "type": "FF", "lag": -2}, "b"]},
    {"id": "d", "duration": 1, "depends_on": [{"on": "a"}, "c"]}]})");
  const auto timing = [&](const char* id) { return m.step(*m.find(id)).link_timing; };
  CHECK(timing("b") == std::vector<LinkTiming>{{LinkType::start_to_start, 1}});
  CHECK(timing("c") == std::vector<LinkTiming>{{}, {LinkType::finish_to_finish, -2}, {LinkType::finish_to_start, 0}});
  CHECK(timing("d").empty());  // an object with no type or lag is a plain link
}

TEST_CASE("unknown keys are warnings with a suggestion, not errors", "[loader]") {
  LoadResult r = load(R"({"steps": [{"id": "s", "duration": 1, "onwer": "x"}], "extra": 1})");
  REQUIRE(r.model.has_value());
  CHECK(r.diagnostics.error_count() == 0);
  REQUIRE(r.diagnostics.warning_count() == 2);
  const Diagnostic& w = r.diagnostics.items()[0];
  CHECK(w.severity == DiagnosticSeverity::warning);
  CHECK(w.code == "unknown-key");
  CHECK(w.pointer == "/steps/0/onwer");
  CHECK(w.line == 1);
  CHECK(w.message.find("did you mean 'owner'?") != std::string::npos);
  CHECK(r.diagnostics.items()[1].pointer == "/extra");
}

TEST_CASE("a UTF-8 byte order mark and non-Latin text are accepted", "[loader]") {
  const Model m = load_valid("\xEF\xBB\xBF{\"people\": [{\"id\": \"kenji\", \"name\": \"\xE4\xBD\x90\xE8\x97\xA4\"}]}");
  CHECK(m.person(*m.find("kenji")).name == "\xE4\xBD\x90\xE8\x97\xA4");
}

TEST_CASE("the example graphs load without errors or warnings", "[loader]") {
  for (const char* f : {"graphs/minimal.json", "graphs/churn-model.json", "graphs/fraud-rollout.json"}) {
    INFO(f);
    LoadResult r = load(clearpath::test::read_source_file(f));
    CHECK(r.model.has_value());
    CHECK(r.diagnostics.items().empty());
  }
}

TEST_CASE("entity order in the file does not change the model's content", "[loader]") {
  const Model a = load_valid(R"({"people": [{"id": "x"}, {"id": "y", "reports_to": "x"}]})");
  const Model b = load_valid(R"({"people": [{"id": "y", "reports_to": "x"}, {"id": "x"}]})");
  CHECK(a.id(a.person(*a.find("y")).reports_to) == "x");
  CHECK(b.id(b.person(*b.find("y")).reports_to) == "x");
}
