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

TEST_CASE("feasibility: durations and lead times that add up past any finite number", "[model][feasibility]") {
  const LoadResult r = load(R"({
  "approvals": [{"id": "g", "lead_time": 1e308}],
  "steps": [{"id": "a", "duration": 1e308}, {"id": "b", "duration": 1e308}, {"id": "c", "duration": 1e308}]
})");
  CHECK(described(r) == std::vector<std::string>{
                            "3:69 duration-overflow /steps/1/duration b: the duration of step 'b' makes the durations "
                            "and lead times add up to more than any finite number of working days"});
  // A three-point estimate whose PERT mean overflows (4 x likely) on its own.
  const LoadResult pert =
      load(R"({"steps": [{"id": "p", "duration": {"optimistic": 0, "likely": 1e308, "pessimistic": 1e308}}]})");
  REQUIRE(pert.diagnostics.items().size() == 1);
  CHECK(pert.diagnostics.items()[0].code == "duration-overflow");
  CHECK(pert.diagnostics.items()[0].pointer == "/steps/0/duration");
  // The lead time of a gate counts too; large but finite totals are fine.
  CHECK(load(R"({"approvals": [{"id": "g", "lead_time": 1e308}], "steps": [{"id": "a", "duration": 1e308}]})")
            .diagnostics.items()[0]
            .pointer == "/approvals/0/lead_time");
  CHECK(load(R"({"steps": [{"id": "a", "duration": 8e307}, {"id": "b", "duration": 8e307}]})").model);
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
