// Levelling and deadlines: work due earlier is placed first (its latest finish is capped by its
// deadline), and a deadline the levelled schedule misses while the plan meets it is a finding.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "clearpath/conflicts.hpp"
#include "clearpath/levelling.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

namespace {

// One person, three steps: a (4 days), b (2, due 2027-03-02: working day 2) and c (3, due
// 2027-03-03: day 3). The CPM plan runs all three from day 0 and meets both deadlines.
std::string model(bool deadlines) {
  return std::string(R"({"clearpath": 2, "calendar": {"start": "2027-03-01"}, "people": [{"id": "ana"}],
    "steps": [{"id": "a", "owner": "ana", "duration": 4},
              {"id": "b", "owner": "ana", "duration": 2)") +
         (deadlines ? R"(, "deadline": "2027-03-02")" : "") + R"(},
              {"id": "c", "owner": "ana", "duration": 3)" +
         (deadlines ? R"(, "deadline": "2027-03-03")" : "") + "}]}";
}

double levelled_start(const ConflictAnalysis& c, const Model& m, const std::string& id) {
  for (std::size_t k = 0; k < c.network.size(); ++k)
    if (m.id(c.network.activity[k]) == id) return c.levelled->start[k];
  FAIL("no " << id);
  return -1;
}

}  // namespace

TEST_CASE("levelling: work due earlier goes first, and a deadline only levelling misses is a warning",
          "[levelling][dates]") {
  // Without deadlines every latest finish is the plan's 4 days: a goes first, and b, due on day
  // 2 in the other version, ends on day 9.
  const Model plain = test::load_valid(model(false));
  const ConflictAnalysis p = analyze_conflicts(plain, {});
  REQUIRE(p.levelled);
  CHECK(levelled_start(p, plain, "a") == 0);
  CHECK(levelled_start(p, plain, "c") == 4);
  CHECK(levelled_start(p, plain, "b") == 7);
  // With them: b (due day 2) first, 0-2; c (due day 3) next, 2-5, 2 days late; a last, 5-9. The
  // makespan is the same 9 days.
  const Model due = test::load_valid(model(true));
  const ConflictAnalysis d = analyze_conflicts(due, {});
  REQUIRE(d.levelled);
  CHECK(levelled_start(d, due, "b") == 0);
  CHECK(levelled_start(d, due, "c") == 2);
  CHECK(levelled_start(d, due, "a") == 5);
  CHECK(d.levelled->duration == 9);
  std::size_t missed = 0;
  for (const Finding& f : d.findings)
    if (f.kind == "levelled-deadline-missed") {
      ++missed;
      CHECK(f.subjects == std::vector<std::string>{"c"});
      CHECK(f.days_held_back == 2);
      CHECK(f.message ==
            "c meets its deadline (working day 3.0) as planned, but once nobody is over capacity it "
            "finishes on working day 5.0, 2.0 working days late");
    }
  CHECK(missed == 1);
}

TEST_CASE("levelling: deadlines of the wrong size or NaN are refused", "[levelling][dates]") {
  LevellingProblem p;
  p.duration = {1, 2};
  p.predecessors = {{}, {}};
  p.demand = {{}, {}};
  p.deadline = {1};
  CHECK_THROWS_AS(level_resources(p, {}), std::invalid_argument);
  p.deadline = {1, std::nan("")};
  CHECK_THROWS_AS(level_resources(p, {}), std::invalid_argument);
  p.deadline = {std::numeric_limits<double>::infinity(), 1};
  CHECK(level_resources(p, {}).makespan == 2);
}
