// The loader's feasibility checks (src/model/check_feasibility.cpp): what the analyses used to
// find only when levelling or scheduling, reported by validate with its location.
#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>
#include <vector>

#include "clearpath/conflicts.hpp"
#include "clearpath/model_builder.hpp"
#include "clearpath/schedule.hpp"
#include "model/model_builder_access.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::load;
using clearpath::test::run;

namespace {

// "line:col code pointer entity: message", one per diagnostic.
std::vector<std::string> described(const LoadResult& r) {
  std::vector<std::string> out;
  for (const Diagnostic& d : r.diagnostics.items())
    out.push_back(std::to_string(d.line) + ":" + std::to_string(d.column) + " " + d.code + " " + d.pointer + " " +
                  d.entity + ": " + d.message);
  return out;
}

}  // namespace

TEST_CASE("feasibility: a step demanding more than a person or department has", "[model][feasibility]") {
  const LoadResult r = load(R"({
  "people": [{"id": "ana", "capacity": 0.5}, {"id": "bo", "department": "ops", "capacity": 0.75}],
  "departments": [{"id": "ops"}, {"id": "fixed", "capacity": 2}],
  "steps": [
    {"id": "s1", "duration": 3, "demands": {"ana": 0.8}},
    {"id": "s2", "duration": 3, "demands": {"ops": 1, "fixed": 2.5}},
    {"id": "s3", "duration": 3, "demands": {"ana": 0.5, "fixed": 2}},
    {"id": "s4", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 3}, "demands": {"ana": 1}}
  ]
})");
  CHECK_FALSE(r.model);
  CHECK(described(r) == std::vector<std::string>{
                            "5:52 over-capacity /steps/0/demands/ana s1: step 's1' demands 0.8 of 'ana', whose "
                            "capacity is 0.5: it can never be scheduled",
                            "6:52 over-capacity /steps/1/demands/ops s2: step 's2' demands 1 of 'ops', whose capacity "
                            "is 0.75: it can never be scheduled",
                            "6:64 over-capacity /steps/1/demands/fixed s2: step 's2' demands 2.5 of 'fixed', whose "
                            "capacity is 2: it can never be scheduled",
                            "8:99 over-capacity /steps/3/demands/ana s4: step 's4' demands 1 of 'ana', whose capacity "
                            "is 0.5: it can never be scheduled"});
}

TEST_CASE("feasibility: a department with nothing to give, demanded or owning a step", "[model][feasibility]") {
  // No capacity of its own and no available member: the default demand (1) and any explicit
  // one, however small, can never be met.
  const LoadResult r = load(R"({
  "people": [{"id": "cy", "department": "empty", "available": false}],
  "departments": [{"id": "empty"}],
  "steps": [
    {"id": "owned", "duration": 2, "owner": "empty"},
    {"id": "tiny", "duration": 2, "demands": {"empty": 1e-12}}
  ]
})");
  CHECK(described(r) == std::vector<std::string>{
                            "5:45 over-capacity /steps/0/owner owned: step 'owned' demands 1 of 'empty' (its owner, "
                            "by default), whose capacity is 0: it can never be scheduled",
                            "6:56 over-capacity /steps/1/demands/empty tiny: step 'tiny' demands 1e-12 of 'empty', "
                            "whose capacity is 0: it can never be scheduled"});
}

TEST_CASE("feasibility: steps with no work left load nobody, so they are not checked", "[model][feasibility]") {
  // As in the levelling: a done step and a step of zero duration occupy no one. A demand that
  // is just within the tolerance (1e-9) fits.
  const LoadResult r = load(R"({"people": [{"id": "ana", "capacity": 0.5}], "departments": [{"id": "none"}],
    "steps": [{"id": "done", "duration": 4, "status": "done", "demands": {"ana": 2}},
              {"id": "zero", "duration": 0, "demands": {"ana": 2}, "owner": "none"},
              {"id": "owned-done", "duration": 4, "status": "done", "owner": "none"},
              {"id": "edge", "duration": 1, "demands": {"ana": 0.5000000001}}]})");
  CHECK(described(r).empty());
  CHECK(r.model);
}

TEST_CASE("feasibility: demands on what is not a resource are left to the reference check", "[model][feasibility]") {
  const LoadResult r = load(R"({"systems": [{"id": "sys"}],
    "steps": [{"id": "s", "duration": 1, "demands": {"sys": 5, "ghost": 5}, "owner": "ghost2"}]})");
  std::vector<std::string> codes;
  for (const Diagnostic& d : r.diagnostics.items()) codes.push_back(d.code);
  CHECK(codes == std::vector<std::string>{"wrong-kind", "unknown-reference", "unknown-reference"});
}

TEST_CASE("feasibility: durations and lead times beyond 1,000,000 working days", "[model][feasibility][hostile]") {
  // Two chained steps of 1e308 days used to load, and the schedule printed inf and -nan.
  const LoadResult r = load(R"({
  "approvals": [{"id": "g", "lead_time": 1e308}],
  "steps": [{"id": "a", "duration": 1e308}, {"id": "b", "duration": 1e15, "depends_on": ["a"]}]
})");
  CHECK_FALSE(r.model);
  CHECK(described(r) ==
        std::vector<std::string>{
            "2:42 out-of-range /approvals/0/lead_time g: lead_time of approval 'g' must be at most 1,000,000 working "
            "days, not 1e+308",
            "3:37 out-of-range /steps/0/duration a: duration of step 'a' must be at most 1,000,000 working days, not "
            "1e+308",
            "3:69 out-of-range /steps/1/duration b: duration of step 'b' must be at most 1,000,000 working days, not "
            "1e+15"});
  // A three-point estimate: its largest point over the bound.
  const LoadResult pert =
      load(R"({"steps": [{"id": "p", "duration": {"optimistic": 0, "likely": 2e6, "pessimistic": 3e6}}]})");
  CHECK(described(pert) == std::vector<std::string>{"1:84 out-of-range /steps/0/duration/pessimistic p: pessimistic "
                                                    "of step 'p' must be at most 1,000,000 working days, not 3e+06"});
  // The bound itself is fine, also many times over in parallel (no calendar: no date to fit).
  CHECK(load(R"({"steps": [{"id": "a", "duration": 1e6}, {"id": "b", "duration": 1e6, "depends_on": ["a"]},
    {"id": "c", "duration": 1e6, "depends_on": ["b"]}], "approvals": [{"id": "g", "lead_time": 1e6}]})")
            .model);
}

TEST_CASE("feasibility: money beyond 1e15 and momentum beyond 1,000,000 days", "[model][feasibility][hostile]") {
  const LoadResult r = load(R"({"initiatives": [
  {"id": "i", "value_per_month": 1e300, "build_cost": 1e15, "run_cost_per_month": 2e15, "momentum_days": 1e7}]})");
  CHECK(described(r) == std::vector<std::string>{
                            "2:34 out-of-range /initiatives/0/value_per_month i: value_per_month of initiative 'i' "
                            "must be at most 1e15, not 1e+300",
                            "2:83 out-of-range /initiatives/0/run_cost_per_month i: run_cost_per_month of initiative "
                            "'i' must be at most 1e15, not 2e+15",
                            "2:106 out-of-range /initiatives/0/momentum_days i: momentum_days of initiative 'i' must "
                            "be at most 1,000,000 working days, not 1e+07"});
}

TEST_CASE("feasibility: a chain of dependencies that ends after 9999-12-31", "[model][feasibility][hostile]") {
  // 9999-12-31 is a Friday: a calendar starting then has one working day.
  const LoadResult late = load(R"({"calendar": {"start": "9999-12-31"},
  "steps": [{"id": "one", "duration": 1}, {"id": "two", "duration": 1, "depends_on": ["one"]}]})");
  CHECK(described(late) ==
        std::vector<std::string>{"2:69 date-overflow /steps/1/duration two: step 'two' would end after 9999-12-31, the "
                                 "last date a schedule can have: with what it depends on, it ends 2 working days after "
                                 "the calendar start '9999-12-31', which leaves 1"});
  CHECK(load(R"({"calendar": {"start": "9999-12-31"}, "steps": [{"id": "one", "duration": 1}]})").model);
  // From 2027, 2,000,000 working days fit (until 9693) and 3,000,000 do not.
  const std::string chain =
      R"("steps": [{"id": "a", "duration": 1e6}, {"id": "b", "duration": 1e6, "depends_on": ["a"]},
    {"id": "c", "duration": 1e6, "depends_on": ["b"]}], "approvals": [{"id": "g", "lead_time": 1e6}]})";
  const LoadResult far = load(R"({"calendar": {"start": "2027-03-01"}, )" + chain);
  REQUIRE(far.diagnostics.items().size() == 1);
  CHECK(far.diagnostics.items()[0].pointer == "/steps/2/duration");
  CHECK_THAT(far.diagnostics.items()[0].message, Catch::Matchers::Contains("ends 3000000 working days after"));
  CHECK(load(R"({"calendar": {"start": "2027-03-01"}, "steps": [{"id": "a", "duration": 1e6},
    {"id": "b", "duration": 1e6, "depends_on": ["a"]}], "approvals": [{"id": "g", "lead_time": 1e6}]})")
            .model);
  // A gate ending the chain is placed at its lead time.
  const LoadResult gate = load(R"({"calendar": {"start": "9999-12-30"}, "steps": [{"id": "s", "duration": 2}],
    "approvals": [{"id": "g", "lead_time": 0.5, "depends_on": ["s"]}]})");
  REQUIRE(gate.diagnostics.items().size() == 1);
  CHECK(gate.diagnostics.items()[0].pointer == "/approvals/0/lead_time");
}

TEST_CASE("feasibility: validate rejects what levelling would, whatever --initiative selects",
          "[model][feasibility][cli]") {
  // s belongs to no initiative: conflicts --initiative x never levels it, but the file is wrong.
  const std::string model = R"({"people": [{"id": "p", "capacity": 0.5}], "initiatives": [{"id": "x"}],
"steps": [{"id": "s", "duration": 2, "demands": {"p": 1}}, {"id": "t", "initiative": "x", "duration": 1}]})";
  const std::string error =
      "<stdin>:2:55: error: /steps/0/demands/p: step 's' demands 1 of 'p', whose capacity is 0.5: it can never be "
      "scheduled\n";
  for (const std::vector<std::string>& args : {std::vector<std::string>{"validate", "-"},
                                               {"conflicts", "-", "--initiative", "x"},
                                               {"conflicts", "-", "--no-level"},
                                               {"path", "-"},
                                               {"analyze", "-"}}) {
    INFO(args[0]);
    const auto r = run(args, model);
    CHECK(r.status == 2);
    CHECK(r.err.substr(0, r.err.find('\n') + 1) == error);
    CHECK(r.out == (args[0] == "validate" ? "<stdin>: invalid: 1 error(s), 0 warning(s)\n" : ""));
  }
}

namespace {

Step step(std::string id, double days, std::vector<Demand> demands, std::vector<Ref> depends_on) {
  Step s;
  s.id = std::move(id);
  s.duration = Duration::fixed(days);
  s.demands = std::move(demands);
  s.depends_on = std::move(depends_on);
  return s;
}

Person half_time(std::string id) {
  Person p;
  p.id = std::move(id);
  p.capacity = 0.5;
  return p;
}

}  // namespace

TEST_CASE("feasibility: past the loader, the analyses' guards are logic errors", "[model][feasibility]") {
  // Models built without the loader's checks: what the loader rejects is a bug if it gets here.
  ModelBuilder cyclic;
  cyclic.add(step("s", 2, {}, {cyclic.intern("t")}));
  cyclic.add(step("t", 1, {}, {cyclic.intern("s")}));
  const Model m = ModelBuilderAccess::finish(std::move(cyclic));
  CHECK_THROWS_AS(build_network(m, NetworkOptions{}), std::logic_error);
  ModelBuilder over;
  over.add(half_time("p"));
  over.add(step("s", 2, {Demand{over.intern("p"), 1}}, {}));
  const Model m2 = ModelBuilderAccess::finish(std::move(over));
  CHECK_THROWS_WITH(analyze_conflicts(m2, ConflictOptions{}),
                    "step 's' demands 1 of 'p', whose capacity is 0.5: the loader should have rejected it");
}

TEST_CASE("feasibility: ModelBuilder::build() bounds numbers as the loader does", "[model][feasibility][hostile]") {
  ModelBuilder b;
  b.add(step("s", 1e308, {}, {}));
  const LoadResult r = std::move(b).build();
  CHECK_FALSE(r.model);
  REQUIRE(r.diagnostics.items().size() == 1);
  CHECK(r.diagnostics.items()[0].code == "out-of-range");
  CHECK(r.diagnostics.items()[0].pointer == "/steps/0/duration");
}

TEST_CASE("feasibility: two chained 1e308-day steps never reach a report", "[model][feasibility][hostile][cli]") {
  const std::string model = R"({"steps": [{"id": "a", "duration": 1e308},
    {"id": "b", "duration": 1e308, "depends_on": ["a"]}]})";
  for (const std::vector<std::string>& args : {std::vector<std::string>{"path", "-", "--format", "json"},
                                               {"analyze", "-", "--format", "json"},
                                               {"path", "-"}}) {
    INFO(args[0]);
    const auto r = run(args, model);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::Matchers::StartsWith("<stdin>:1:36: error: /steps/0/duration: duration of step 'a' must "
                                                  "be at most 1,000,000 working days, not 1e+308"));
  }
}
