// Resource levelling on every PSPLIB instance bundled in tests/data/psplib (third-party data,
// see SOURCE.md there): each levelled schedule keeps every precedence and never overloads a
// resource, is no shorter than the precedence-only MPM-Time, and the model path (import, load,
// `clearpath level`) agrees with levelling the instance directly.
#include <catch2/catch.hpp>

#include "clearpath/conflicts.hpp"
#include "clearpath/psplib.hpp"
#include "clearpath/psplib_levelling.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

TEST_CASE("levelling every bundled PSPLIB instance gives a feasible schedule", "[levelling][psplib]") {
  const std::vector<std::string> files = clearpath::test::psplib_test_files();
  REQUIRE(files.size() == 40);
  LevellingOptions options;
  options.effort = 20;  // feasibility is the point here; quality is bench/levelling_psplib.sh's
  for (const auto& f : files) {
    INFO(f);
    const PsplibInstance inst = clearpath::test::read_psplib_test_instance(f);
    const LevellingProblem problem = psplib_levelling_problem(inst);
    const LevelledSchedule s = level_resources(problem, options);
    CHECK_FALSE(check_levelled(problem, s).has_value());
    CHECK(s.makespan >= inst.mpm_time);
    // The same instance as a model: every resource a department with that capacity.
    const Model m = psplib_model(inst, "test");
    ConflictOptions o;
    o.levelling = options;
    const ConflictAnalysis a = analyze_conflicts(m, o);
    REQUIRE(a.levelled);
    CHECK(a.levelled->cpm_duration == inst.mpm_time);
    CHECK(a.levelled->duration >= inst.mpm_time);
  }
}
