// Resource levelling, the genetic search after the first schedule (levelling_search.cpp): it
// finds a proven optimum the shorter search misses, gives the same schedule for the same seed,
// stays feasible on degenerate instances and at any effort, and its work budget grows with the
// effort only above the default.
#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

#include "analysis/levelling_fixture.hpp"
#include "clearpath/levelling.hpp"
#include "clearpath/psplib.hpp"
#include "clearpath/psplib_levelling.hpp"
#include "model/random.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::plain_serial;
using clearpath::test::require_feasible;

namespace {

// A DAG in index order (each earlier activity a predecessor with probability 3 / n), integer
// durations 0-9, `resources` resources of capacity 4, each activity demanding 1-4 of each with
// probability 0.5.
LevellingProblem random_problem(Xoshiro256& rng, std::size_t n, std::size_t resources) {
  LevellingProblem p;
  p.capacity.assign(resources, 4);
  for (std::size_t a = 0; a < n; ++a) {
    p.duration.push_back(static_cast<double>(rng.next() % 10));
    p.predecessors.emplace_back();
    for (std::size_t q = 0; q < a; ++q)
      if (rng.uniform() < 3.0 / static_cast<double>(n)) p.predecessors.back().push_back(static_cast<std::uint32_t>(q));
    p.demand.emplace_back();
    for (std::size_t r = 0; r < resources; ++r)
      if (rng.uniform() < 0.5)
        p.demand.back().emplace_back(static_cast<std::uint32_t>(r), static_cast<double>(1 + rng.next() % 4));
  }
  return p;
}

LevellingOptions with_effort(std::size_t effort, std::uint64_t seed = 1) {
  LevellingOptions o;
  o.effort = effort;
  o.seed = seed;
  return o;
}

}  // namespace

TEST_CASE("levelling: the genetic search finds the proven optimum of PSPLIB j6021_6") {
  // PSPLIB j60, instance j6021_6.sm (tests/data/psplib): optimum 84 (PSPLIB's j60 table),
  // critical path 63. The default effort (500) ends at 86; 5,000 passes reach 84.
  const PsplibInstance inst = clearpath::test::read_psplib_test_instance("j6021_6.sm");
  const LevellingProblem p = psplib_levelling_problem(inst);
  const LevelledSchedule s = level_resources(p, with_effort(5000));
  require_feasible(p, s);
  CHECK(s.makespan == 84);
  CHECK(s.lower_bound <= 84);
}

TEST_CASE("levelling: the genetic search gives the same schedule for the same seed") {
  Xoshiro256 rng(41);
  const LevellingProblem p = random_problem(rng, 80, 3);
  const double first = level_resources(p, with_effort(0)).makespan;
  for (const std::uint64_t seed : {1, 2, 3}) {
    INFO("seed " << seed);
    const LevelledSchedule a = level_resources(p, with_effort(3000, seed));
    const LevelledSchedule b = level_resources(p, with_effort(3000, seed));
    require_feasible(p, a);
    CHECK(a.start == b.start);
    CHECK(a.makespan == b.makespan);
    CHECK(a.schedules == b.schedules);
    CHECK(a.makespan <= first);
    CHECK(a.makespan >= a.lower_bound);
  }
}

TEST_CASE("levelling: the genetic search on degenerate instances") {
  // One activity; two competing for a resource; a chain (no list but one, so every insertion
  // move and crossover gives it back); only zero durations; no resources at all. At efforts
  // below, at and above the population sizes (20 and 40).
  LevellingProblem one;
  one.duration = {3};
  one.predecessors = {{}};
  one.capacity = {1};
  one.demand = {{{0, 1}}};
  LevellingProblem two = one;
  two.duration = {3, 2};
  two.predecessors = {{}, {}};
  two.demand = {{{0, 1}}, {{0, 1}}};
  LevellingProblem chain;
  chain.capacity = {2};
  for (std::uint32_t a = 0; a < 10; ++a) {
    chain.duration.push_back(1 + a % 3);
    chain.predecessors.push_back(a == 0 ? std::vector<std::uint32_t>{} : std::vector<std::uint32_t>{a - 1});
    chain.demand.push_back({{0, 2}});
  }
  LevellingProblem zero = two;
  zero.duration = {0, 0};
  LevellingProblem free = two;
  free.capacity.clear();
  free.demand = {{}, {}};
  const struct {
    const char* name;
    const LevellingProblem& problem;
    double makespan;
  } cases[] = {{"one", one, 3}, {"two", two, 5}, {"chain", chain, 19}, {"zero", zero, 0}, {"free", free, 3}};
  for (const auto& c : cases)
    for (const std::size_t effort : {1, 2, 3, 19, 20, 21, 41, 500, 2000}) {
      INFO(c.name << ", effort " << effort);
      const LevelledSchedule s = level_resources(c.problem, with_effort(effort, effort));
      require_feasible(c.problem, s);
      CHECK(s.makespan == c.makespan);
    }
}

TEST_CASE("levelling: the genetic search keeps random instances feasible at any effort") {
  Xoshiro256 rng(43);
  for (int instance = 0; instance < 40; ++instance) {
    const std::size_t n = 2 + rng.next() % 60;
    const LevellingProblem p = random_problem(rng, n, 1 + rng.next() % 4);
    const double serial = level_resources(p, plain_serial()).makespan;
    for (const std::size_t effort : {25, 400, 1500}) {
      INFO("instance " << instance << ", " << n << " activities, effort " << effort);
      const LevelledSchedule s = level_resources(p, with_effort(effort, static_cast<std::uint64_t>(instance)));
      require_feasible(p, s);
      CHECK(s.makespan <= serial);
      CHECK(s.makespan >= s.lower_bound);
    }
  }
}

TEST_CASE("levelling: the work budget grows with the effort only above the default") {
  CHECK(levelling_work_budget(0) == kLevellingWorkBudget);
  CHECK(levelling_work_budget(LevellingOptions{}.effort) == kLevellingWorkBudget);
  CHECK(levelling_work_budget(kLevellingWorkBudget / kLevellingWorkPerPass) == kLevellingWorkBudget);
  CHECK(levelling_work_budget(20'000) == 20'000 * kLevellingWorkPerPass);
  const std::size_t most = std::numeric_limits<std::size_t>::max();
  CHECK(levelling_work_budget(most) == most);
  CHECK(levelling_work_budget(most / kLevellingWorkPerPass + 1) == most);
}
