// Resource levelling (level_resources, check_levelled): hand-made cases with optima worked out
// in the comments, a published PSPLIB instance, input errors, determinism, a property test on
// random instances, and the serial schedule checked against a naive re-implementation on an
// instance large enough to exercise the blocked resource profile.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/levelling_fixture.hpp"
#include "clearpath/levelling.hpp"
#include "model/random.hpp"

using namespace clearpath;
using clearpath::test::plain_serial;
using clearpath::test::require_feasible;

namespace {

using Demands = std::vector<std::pair<std::uint32_t, double>>;

struct Activity {
  double duration;
  std::vector<std::uint32_t> predecessors;
  Demands demand;
};

LevellingProblem make(const std::vector<Activity>& activities, std::vector<double> capacity) {
  LevellingProblem p;
  for (const Activity& a : activities) {
    p.duration.push_back(a.duration);
    p.predecessors.push_back(a.predecessors);
    p.demand.push_back(a.demand);
  }
  p.capacity = std::move(capacity);
  return p;
}

// A long instance on two resources, drawn from `rng` activity by activity: its duration, then
// its predecessors (the activity before it, except at every `chain`-th, and with probability
// `jump` one of the `window` before that, once past the first `window`), then its demands (of
// resource r with probability share[r], 1 to most[r] units).
struct ChainShape {
  std::size_t n = 0, chain = 0, window = 0;
  double jump = 0;
  double share[2] = {0, 0};
  unsigned most[2] = {1, 1};
};
template <class Duration>
LevellingProblem chain_instance(Xoshiro256& rng, const ChainShape& shape, std::vector<double> capacity,
                                Duration duration) {
  LevellingProblem p;
  p.capacity = std::move(capacity);
  for (std::size_t a = 0; a < shape.n; ++a) {
    p.duration.push_back(duration(a));
    std::vector<std::uint32_t> preds;
    if (a % shape.chain != 0) preds.push_back(static_cast<std::uint32_t>(a - 1));
    if (a > shape.window && rng.uniform() < shape.jump)
      preds.push_back(static_cast<std::uint32_t>(a - 1 - rng.next() % shape.window));
    p.predecessors.push_back(preds);
    Demands d;
    for (std::uint32_t r = 0; r < 2; ++r)
      if (rng.uniform() < shape.share[r]) d.emplace_back(r, static_cast<double>(1 + rng.next() % shape.most[r]));
    p.demand.push_back(d);
  }
  return p;
}

// The precedence-only critical path, naively (every predecessor has a smaller index in the
// instances built here, so index order is topological).
double critical_path(const LevellingProblem& p) {
  std::vector<double> ef(p.duration.size(), 0.0);
  double end = 0;
  for (std::size_t a = 0; a < p.duration.size(); ++a) {
    double es = 0;
    for (const auto q : p.predecessors[a]) es = std::max(es, ef[q]);
    ef[a] = es + p.duration[a];
    end = std::max(end, ef[a]);
  }
  return end;
}

// Random instance: a DAG over activities in index order, integer (or tenths) durations with
// some zeros, 1-4 resources, demands that always fit the capacity.
LevellingProblem random_instance(Xoshiro256& rng, std::size_t n, bool fractional) {
  LevellingProblem p;
  const std::size_t resources = 1 + rng.next() % 4;
  for (std::size_t r = 0; r < resources; ++r) p.capacity.push_back(static_cast<double>(1 + rng.next() % 10));
  const double link = std::min(1.0, 2.5 / static_cast<double>(n));
  for (std::size_t a = 0; a < n; ++a) {
    double d = static_cast<double>(rng.next() % 11);
    if (fractional) d = static_cast<double>(rng.next() % 51) / 10.0;  // 0, 0.1, ..., 5
    p.duration.push_back(d);
    std::vector<std::uint32_t> preds;
    for (std::size_t q = 0; q < a; ++q)
      if (rng.uniform() < link) preds.push_back(static_cast<std::uint32_t>(q));
    p.predecessors.push_back(preds);
    Demands demand;
    for (std::size_t r = 0; r < resources; ++r)
      if (rng.uniform() < 0.6) {
        const double cap = p.capacity[r];
        double q = static_cast<double>(1 + rng.next() % static_cast<std::uint64_t>(cap));
        if (fractional && rng.uniform() < 0.5) q = std::max(0.5, q - 0.5);
        demand.emplace_back(static_cast<std::uint32_t>(r), q);
      }
    p.demand.push_back(demand);
  }
  return p;
}

// --- a naive serial SGS (flat change-point list, linear scans), for comparison ---------------

struct NaiveProfile {
  std::vector<std::pair<double, double>> points;  // (time, load from then on), sorted
  std::size_t first_after(double t) const {
    return static_cast<std::size_t>(
        std::upper_bound(points.begin(), points.end(), t, [](double v, const auto& pt) { return v < pt.first; }) -
        points.begin());
  }
  double load_at(double t) const {
    const std::size_t i = first_after(t);
    return i == 0 ? 0.0 : points[i - 1].second;
  }
  bool fits(double t, double d, double room) const {
    if (load_at(t) > room) return false;
    for (std::size_t i = first_after(t); i < points.size() && points[i].first < t + d; ++i)
      if (points[i].second > room) return false;
    return true;
  }
  void add(double s, double f, double q) {
    for (const double t : {s, f}) {
      const std::size_t i = first_after(t);
      if (i == 0 || points[i - 1].first != t)
        points.insert(points.begin() + static_cast<std::ptrdiff_t>(i), {t, i == 0 ? 0.0 : points[i - 1].second});
    }
    for (std::size_t i = first_after(s) - 1; i < points.size() && points[i].first < f; ++i) points[i].second += q;
  }
};

// The latest-finish serial schedule, exactly as documented: eligible activity with the smallest
// (LFT, LST, index), started at the earliest fitting time (candidates: the earliest start and
// every finish after it). Integer data only, so no rounding question arises.
std::vector<double> naive_serial(const LevellingProblem& p) {
  const std::size_t n = p.duration.size();
  const double cp = critical_path(p);
  std::vector<double> lft(n, cp);
  for (std::size_t a = n; a-- > 0;)
    for (const auto q : p.predecessors[a]) lft[q] = std::min(lft[q], lft[a] - p.duration[a]);
  std::vector<NaiveProfile> prof(p.capacity.size());
  std::vector<double> start(n, -1), finish(n, 0);
  std::vector<bool> done(n, false);
  std::vector<double> finishes;
  for (std::size_t placed = 0; placed < n; ++placed) {
    std::size_t pick = n;
    for (std::size_t a = 0; a < n; ++a) {
      if (done[a]) continue;
      bool eligible = true;
      for (const auto q : p.predecessors[a]) eligible = eligible && done[q];
      if (!eligible) continue;
      if (pick == n || lft[a] < lft[pick] ||
          (lft[a] == lft[pick] && lft[a] - p.duration[a] < lft[pick] - p.duration[pick]))
        pick = a;
    }
    const std::size_t a = pick;
    double es = 0;
    for (const auto q : p.predecessors[a]) es = std::max(es, finish[q]);
    std::vector<double> candidates{es};
    for (const double f : finishes)
      if (f > es) candidates.push_back(f);
    std::sort(candidates.begin(), candidates.end());
    double t = es;
    if (p.duration[a] > 0)
      for (const double c : candidates) {
        bool ok = true;
        for (const auto& [r, q] : p.demand[a]) ok = ok && prof[r].fits(c, p.duration[a], p.capacity[r] - q);
        if (ok) {
          t = c;
          break;
        }
      }
    start[a] = t;
    finish[a] = t + p.duration[a];
    if (p.duration[a] > 0)
      for (const auto& [r, q] : p.demand[a]) prof[r].add(t, finish[a], q);
    finishes.push_back(finish[a]);
    done[a] = true;
  }
  return start;
}

}  // namespace

TEST_CASE("levelling: two activities competing for one unit resource run one after the other") {
  // A (3 days) and B (2 days) both need the whole of a capacity-1 resource, no dependency.
  // CPM: both latest finish 3, latest starts 0 and 1, so A goes first: A [0,3), B [3,5).
  // Optimum 5 = total work 3 + 2 over capacity 1.
  const auto p = make({{3, {}, {{0, 1}}}, {2, {}, {{0, 1}}}}, {1});
  const auto s = level_resources(p);
  require_feasible(p, s);
  CHECK(s.start == std::vector<double>{0, 3});
  CHECK(s.makespan == 5);
  CHECK(s.lower_bound == 5);
}

TEST_CASE("levelling: activities run in parallel when the capacity allows") {
  const auto p = make({{3, {}, {{0, 1}}}, {2, {}, {{0, 1}}}}, {2});
  const auto s = level_resources(p);
  require_feasible(p, s);
  CHECK(s.start == std::vector<double>{0, 0});
  CHECK(s.makespan == 3);
}

TEST_CASE("levelling: an activity fills a gap before or between work already placed") {
  // One resource of capacity 1. A0 (3 days, no resource) -> A1 (3, resource); A2 (2, resource)
  // and A3 (1, resource) are free. CPM 6; latest finishes A0 3, A1 A2 A3 6, latest starts A1 3,
  // A2 4, A3 5: order A0 A1 A2 A3. A1 [3,6); A2 fits before it, [0,2); A3 between, [2,3).
  // Makespan 6, the critical path.
  const auto p = make({{3, {}, {}}, {3, {0}, {{0, 1}}}, {2, {}, {{0, 1}}}, {1, {}, {{0, 1}}}}, {1});
  const auto s = level_resources(p, plain_serial());
  require_feasible(p, s);
  CHECK(s.start == std::vector<double>{0, 3, 0, 2});
  CHECK(s.makespan == 6);
}

TEST_CASE("levelling: no resources at all gives the CPM schedule") {
  // 0 (2) -> 2 (3), 1 (4) -> 2: CPM starts 0, 0, 4, project 7.
  const auto p = make({{2, {}, {}}, {4, {}, {}}, {3, {0, 1}, {}}}, {});
  const auto s = level_resources(p);
  require_feasible(p, s);
  CHECK(s.start == std::vector<double>{0, 0, 4});
  CHECK(s.makespan == 7);
}

TEST_CASE("levelling: improvement beats the latest-finish rule on a small instance") {
  // One resource of capacity 2. Activity: duration, demand, predecessors.
  //   A0: 2, 1, -        A1: 1, 2, -        A2: 1, 2, A0 A1
  //   A3: 1, 2, A0 A2    A4: 3, 1, -
  // CPM: A0 [0,2), A1 [0,1), A2 [2,3), A3 [3,4), A4 [0,3): 4 days. Latest finishes: A0 2, A1 2,
  // A2 3, A3 4, A4 4; latest starts A0 0, A1 1, A2 2, A3 3, A4 1.
  // Serial latest-finish rule, order A0 A1 A2 A4 A3:
  //   A0 [0,2) (load 1); A1 needs 2, so not before 2: [2,3); A2 after A1: [3,4);
  //   A4 (3 days, 1): [0,3) hits A1 at 2 (load 3), [3,6) hits A2 at 3, so [4,7);
  //   A3 after A2 at 4, needs 2 beside A4's 1 until 7: [7,8). Makespan 8.
  // Optimum 6: total work 2 + 2 + 2 + 2 + 3 = 11 over capacity 2 is 5.5, so at least 6, and
  //   A1 [0,1), A0 [1,3), A4 [1,4), A2 [4,5), A3 [5,6) takes 6.
  const auto p = make(
      {{2, {}, {{0, 1}}}, {1, {}, {{0, 2}}}, {1, {0, 1}, {{0, 2}}}, {1, {0, 2}, {{0, 2}}}, {3, {}, {{0, 1}}}}, {2});
  const auto serial = level_resources(p, plain_serial());
  require_feasible(p, serial);
  CHECK(serial.start == std::vector<double>{0, 2, 3, 7, 4});
  CHECK(serial.makespan == 8);
  CHECK(serial.schedules == 1);

  const auto best = level_resources(p);
  require_feasible(p, best);
  CHECK(best.makespan == 6);
  CHECK(best.lower_bound == 6);
}

TEST_CASE("levelling: PSPLIB j301_1 reaches its published optimum of 43") {
  // PSPLIB (Kolisch & Sprecher 1996), single-mode set j30, instance j301_1.sm (tests/data/psplib);
  // optimum 43 per the PSPLIB table j30opt.sm (Demeulemeester & Herroelen), critical path 38.
  // Jobs 1..32 (1 and 32 are the dummy source and sink); renewable capacities 12 13 4 12.
  struct Job {
    double duration;
    std::vector<double> demand;
    std::vector<std::uint32_t> successors;  // job numbers
  };
  const std::vector<Job> jobs{
      {0, {0, 0, 0, 0}, {2, 3, 4}},  {8, {4, 0, 0, 0}, {6, 11, 15}},  {4, {10, 0, 0, 0}, {7, 8, 13}},
      {6, {0, 0, 0, 3}, {5, 9, 10}}, {3, {3, 0, 0, 0}, {20}},         {8, {0, 0, 0, 8}, {30}},
      {5, {4, 0, 0, 0}, {27}},       {9, {0, 1, 0, 0}, {12, 19, 27}}, {2, {6, 0, 0, 0}, {14}},
      {7, {0, 0, 0, 1}, {16, 25}},   {9, {0, 5, 0, 0}, {20, 26}},     {2, {0, 7, 0, 0}, {14}},
      {6, {4, 0, 0, 0}, {17, 18}},   {3, {0, 8, 0, 0}, {17}},         {9, {3, 0, 0, 0}, {25}},
      {10, {0, 0, 0, 5}, {21, 22}},  {6, {0, 0, 0, 8}, {22}},         {5, {0, 0, 0, 7}, {20, 22}},
      {3, {0, 1, 0, 0}, {24, 29}},   {7, {0, 10, 0, 0}, {23, 25}},    {2, {0, 0, 0, 6}, {28}},
      {7, {2, 0, 0, 0}, {23}},       {2, {3, 0, 0, 0}, {24}},         {3, {0, 9, 0, 0}, {30}},
      {3, {4, 0, 0, 0}, {30}},       {7, {0, 0, 4, 0}, {31}},         {8, {0, 0, 0, 7}, {28}},
      {3, {0, 8, 0, 0}, {31}},       {7, {0, 7, 0, 0}, {32}},         {2, {0, 7, 0, 0}, {32}},
      {2, {0, 0, 2, 0}, {32}},       {0, {0, 0, 0, 0}, {}},
  };
  LevellingProblem p;
  p.capacity = {12, 13, 4, 12};
  p.predecessors.resize(jobs.size());
  for (std::uint32_t j = 0; j < jobs.size(); ++j) {
    p.duration.push_back(jobs[j].duration);
    Demands d;
    for (std::uint32_t r = 0; r < 4; ++r)
      if (jobs[j].demand[r] > 0) d.emplace_back(r, jobs[j].demand[r]);
    p.demand.push_back(d);
    for (const auto s : jobs[j].successors) p.predecessors[s - 1].push_back(j);
  }
  REQUIRE(critical_path(p) == 38);

  const auto serial = level_resources(p, plain_serial());
  require_feasible(p, serial);
  CHECK(serial.makespan >= 43);

  const auto s = level_resources(p);  // default effort and seed
  require_feasible(p, s);
  CHECK(s.makespan == 43);
  CHECK(s.makespan <= serial.makespan);
  CHECK(s.lower_bound >= 38);
  CHECK(s.lower_bound <= 43);
}

TEST_CASE("levelling: zero-duration activities load nothing and take no time") {
  // M0 (0 days, demands 5 of a capacity-1 resource: loads nothing, no error) -> A1 (2) -> M2 (0)
  // -> A3 (1); A4 (2) competes with A1 and A3 for the resource.
  // CPM: M0 0, A1 [0,2), M2 2, A3 [2,3), A4 [0,2): 3 days; latest finishes A1 2, A4 3, A3 3.
  // Latest finishes M0 0, A1 2, M2 2, A3 3, A4 3 (latest starts A3 2, A4 1, so A4 first).
  // Serial: M0 0, A1 [0,2), M2 2, A4 [2,4), A3 [4,5). Makespan 5 = work 5 / capacity 1.
  const auto p =
      make({{0, {}, {{0, 5}}}, {2, {0}, {{0, 1}}}, {0, {1}, {{0, 1}}}, {1, {2}, {{0, 1}}}, {2, {}, {{0, 1}}}}, {1});
  const auto s = level_resources(p);
  require_feasible(p, s);
  CHECK(s.makespan == 5);
  CHECK(s.start[0] == 0);
  CHECK(s.start[2] >= s.start[1] + 2);
  CHECK(s.start[3] >= s.start[2]);

  // Only zero durations: everything at 0.
  const auto z = make({{0, {}, {{0, 1}}}, {0, {0}, {{0, 1}}}, {0, {1}, {}}}, {1});
  const auto sz = level_resources(z);
  require_feasible(z, sz);
  CHECK(sz.start == std::vector<double>{0, 0, 0});
  CHECK(sz.makespan == 0);

  const auto empty = level_resources(LevellingProblem{});
  CHECK(empty.start.empty());
  CHECK(empty.makespan == 0);
}

TEST_CASE("levelling: fractional durations") {
  // Ten activities of 0.1 day on a capacity-1 resource, no dependencies: one after another,
  // finishing at (about) 1.0 = total work; the floating-point sums must not break feasibility.
  std::vector<Activity> tenths(10, Activity{0.1, {}, {{0, 1}}});
  const auto p = make(tenths, {1});
  const auto s = level_resources(p);
  require_feasible(p, s);
  CHECK(s.makespan == Approx(1.0));

  // PERT-like: A 2.5 and B 1.25 share a capacity-1 resource, C (0.75) follows both, D (3.3) is
  // free. CPM 3.3; latest finishes A and B 2.55, latest starts 0.05 and 1.3, so A first:
  // A [0,2.5), B [2.5,3.75), C [3.75,4.5); D [0,3.3). Makespan 4.5 = A + B + C, all on the
  // resource, so optimal.
  const auto q = make({{2.5, {}, {{0, 1}}}, {1.25, {}, {{0, 1}}}, {0.75, {0, 1}, {{0, 1}}}, {3.3, {}, {}}}, {1});
  const auto sq = level_resources(q);
  require_feasible(q, sq);
  CHECK(sq.makespan == Approx(4.5));
  CHECK(sq.start[2] == Approx(3.75));

  // Fractional demands: 0.4 + 0.6 fit a capacity of 1 together, 0.4 + 0.7 do not.
  const auto f = make({{2, {}, {{0, 0.4}}}, {2, {}, {{0, 0.6}}}, {2, {}, {{0, 0.7}}}}, {1});
  const auto sf = level_resources(f);
  require_feasible(f, sf);
  CHECK(sf.makespan == 4);
}

TEST_CASE("levelling: a demand above the capacity throws LevellingError") {
  const auto p = make({{1, {}, {{0, 1}}}, {2, {0}, {{1, 1}, {0, 3}}}}, {2, 1});
  try {
    level_resources(p);
    FAIL("no LevellingError");
  } catch (const LevellingError& e) {
    CHECK(e.activity == 1);
    CHECK(e.resource == 0);
    CHECK(std::string(e.what()).find("activity 1") != std::string::npos);
    CHECK(std::string(e.what()).find("resource 0") != std::string::npos);
  }
  // Two demands on the same resource add up.
  CHECK_THROWS_AS(level_resources(make({{1, {}, {{0, 1}, {0, 1.5}}}}, {2})), LevellingError);
  // Exactly the capacity is fine.
  CHECK(level_resources(make({{1, {}, {{0, 2}}}}, {2})).makespan == 1);
}

TEST_CASE("levelling: malformed input throws invalid_argument") {
  const auto message = [](const LevellingProblem& p) {
    try {
      level_resources(p);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  CHECK_THAT(message(make({{-1, {}, {}}}, {})), Catch::Contains("activity 0 has duration -1"));
  CHECK_THAT(message(make({{std::nan(""), {}, {}}}, {})), Catch::Contains("activity 0 has duration"));
  CHECK_THAT(message(make({{1, {}, {{0, -2}}}}, {1})), Catch::Contains("demands -2 of resource 0"));
  CHECK_THAT(message(make({{1, {}, {{0, 1}}}}, {0})), Catch::Contains("capacity 0 is not positive"));
  CHECK_THAT(message(make({{1, {}, {{0, 1}}}}, {-1})), Catch::Contains("is not positive"));
  CHECK_THAT(message(make({{1, {}, {{3, 1}}}}, {1})), Catch::Contains("demands resource 3, out of range"));
  CHECK_THAT(message(make({{1, {5}, {}}}, {})), Catch::Contains("predecessor 5 of activity 0 is out of range"));
  CHECK_THAT(message(make({{1, {2}, {}}, {1, {0}, {}}, {1, {1}, {}}}, {})), Catch::Contains("cycle: 0 -> 1 -> 2 -> 0"));
  CHECK_THAT(message(make({{1, {0}, {}}}, {})), Catch::Contains("cycle: 0 -> 0"));
  LevellingProblem sizes = make({{1, {}, {}}, {1, {}, {}}}, {});
  sizes.demand.pop_back();
  CHECK_THAT(message(sizes), Catch::Contains("demand has 1 entries for 2 activities"));
  // A resource nobody uses may have any capacity; a zero demand is no demand.
  CHECK(level_resources(make({{1, {}, {{1, 0}}}}, {1, 0})).makespan == 1);
}

TEST_CASE("levelling: check_levelled names what is wrong") {
  const auto p = make({{2, {}, {{0, 1}}}, {2, {0}, {}}, {2, {}, {{0, 1}}}}, {1});
  LevelledSchedule s;
  s.start = {0, 2, 2};
  s.makespan = 4;
  CHECK_FALSE(check_levelled(p, s).has_value());  // [0,2) and [2,4) only touch

  s.start = {0, 2, 1};
  const auto overload = check_levelled(p, s);
  REQUIRE(overload.has_value());
  CHECK_THAT(*overload, Catch::Contains("resource 0") && Catch::Contains("activity 2") && Catch::Contains("time 1"));

  s.start = {0, 1, 2};
  const auto early = check_levelled(p, s);
  REQUIRE(early.has_value());
  CHECK_THAT(*early, Catch::Contains("activity 1") && Catch::Contains("predecessor 0"));

  s.start = {0, 2, 2};
  s.makespan = 5;
  CHECK_THAT(*check_levelled(p, s), Catch::Contains("makespan"));
  s.makespan = 4;
  s.start = {0, 2};
  CHECK_THAT(*check_levelled(p, s), Catch::Contains("2 start times for 3 activities"));
  s.start = {-1, 2, 2};
  CHECK_THAT(*check_levelled(p, s), Catch::Contains("before time 0"));

  // A chain 0.1 -> 0.2 -> C: C may start at 0.3 although 0.1 + 0.2 is 0.30000000000000004.
  const auto f = make({{0.1, {}, {{0, 1}}}, {0.2, {0}, {{0, 1}}}, {1, {1}, {{0, 1}}}}, {1});
  LevelledSchedule fs;
  fs.start = {0, 0.1, 0.3};
  fs.makespan = 1.3;
  CHECK_FALSE(check_levelled(f, fs).has_value());
}

TEST_CASE("levelling: the same seed gives the same schedule") {
  Xoshiro256 rng(2024);
  const auto p = random_instance(rng, 60, false);
  LevellingOptions o;
  o.seed = 7;
  o.effort = 200;
  const auto a = level_resources(p, o);
  const auto b = level_resources(p, o);
  require_feasible(p, a);
  CHECK(a.start == b.start);
  CHECK(a.makespan == b.makespan);
  CHECK(a.schedules == b.schedules);

  const double serial = level_resources(p, plain_serial()).makespan;
  for (const std::size_t effort : {0, 1, 10, 100, 1000}) {
    for (const std::uint64_t seed : {1, 2, 99}) {
      o.effort = effort;
      o.seed = seed;
      const auto s = level_resources(p, o);
      INFO("effort " << effort << " seed " << seed);
      require_feasible(p, s);
      CHECK(s.makespan <= serial);
      CHECK(s.makespan >= s.lower_bound);
    }
  }
}

TEST_CASE("levelling: random instances are always feasible and within the bounds") {
  Xoshiro256 rng(5);
  for (int instance = 0; instance < 200; ++instance) {
    const std::size_t n = 5 + rng.next() % 56;  // 5..60
    const bool fractional = instance % 4 == 3;
    const auto p = random_instance(rng, n, fractional);
    LevellingOptions o;
    o.effort = 30;
    o.seed = static_cast<std::uint64_t>(instance);
    const auto s = level_resources(p, o);
    const auto serial = level_resources(p, plain_serial());
    INFO("instance " << instance << ": " << n << " activities, " << p.capacity.size() << " resources");
    require_feasible(p, s);
    require_feasible(p, serial);

    // Lower bounds: the critical path, and per resource the total work over the capacity
    // (rounded up with integer durations, where some optimal schedule has integer times).
    const double cp = critical_path(p);
    CHECK(s.makespan >= cp - 1e-9);
    for (std::uint32_t r = 0; r < p.capacity.size(); ++r) {
      double work = 0;
      for (std::size_t a = 0; a < n; ++a)
        for (const auto& [res, q] : p.demand[a])
          if (res == r) work += q * p.duration[a];
      double bound = work / p.capacity[r];
      if (!fractional) bound = std::ceil(bound - 1e-9);
      CHECK(s.makespan >= bound - 1e-9);
    }
    CHECK(s.lower_bound >= cp - 1e-9);
    CHECK(s.makespan >= s.lower_bound - 1e-9);
    CHECK(s.makespan <= serial.makespan);
  }
}

TEST_CASE("levelling: the serial schedule matches a naive implementation on a large instance") {
  // 2,000 activities on two busy resources: thousands of change points per resource, so the
  // profile's blocks split, take lazy additions and are skipped. The plain serial schedule must
  // equal the naive one start for start (integer data: no rounding).
  Xoshiro256 rng(11);
  const std::size_t n = 2000;
  const LevellingProblem p = chain_instance(rng, {n, 25, 50, 0.3, {0.8, 0.5}, {4, 5}}, {7, 5}, [&](std::size_t) {
    return static_cast<double>(rng.next() % 4 == 0 ? 20 + rng.next() % 200 : rng.next() % 12);
  });
  const auto s = level_resources(p, plain_serial());
  require_feasible(p, s);
  const auto naive = naive_serial(p);
  std::size_t differ = 0;
  for (std::size_t a = 0; a < n; ++a) differ += s.start[a] != naive[a] ? 1 : 0;
  CHECK(differ == 0);

  // And the full search, within its work budget, stays feasible and no longer.
  LevellingOptions o;
  o.effort = 3;
  const auto improved = level_resources(p, o);
  require_feasible(p, improved);
  CHECK(improved.makespan <= s.makespan);
}

TEST_CASE("levelling: small integer instances (grid profiles) schedule as the naive scheme and the change points") {
  // Integer times and a short horizon take the grid profiles. The plain serial schedule must be
  // the naive one; and the same instance with one more activity, of duration 0.5 with no demand
  // and no links (which forces the change points and moves nothing else), must schedule the
  // others alike: the plain serial schedule start for start, justification to the same makespan.
  Xoshiro256 rng(31);
  for (int instance = 0; instance < 60; ++instance) {
    const std::size_t n = 5 + rng.next() % 150;
    const auto p = random_instance(rng, n, false);
    if (critical_path(p) < 1) continue;  // the extra activity would lengthen it
    INFO("instance " << instance << ": " << n << " activities");
    const auto grid = level_resources(p, plain_serial());
    require_feasible(p, grid);
    CHECK(grid.start == naive_serial(p));
    LevellingProblem q = p;
    q.duration.push_back(0.5);
    q.predecessors.emplace_back();
    q.demand.emplace_back();
    auto points = level_resources(q, plain_serial());
    require_feasible(q, points);
    points.start.resize(n);
    CHECK(points.start == grid.start);
    LevellingOptions justified;
    justified.effort = 0;
    CHECK(level_resources(q, justified).makespan == level_resources(p, justified).makespan);
  }
}

TEST_CASE("levelling: justification of a large instance with many equal finishes stays feasible") {
  // 6,000 activities (past the 4,096 from which justification sorts its lists by radix), a third
  // of them of zero duration in chains, so that many activities finish at the same time as
  // their predecessors: the list by decreasing finish is precedence-feasible only if such ties
  // put the later-listed activity first. A wrong tie order reads a finish not yet placed, and
  // the schedule breaks a dependency.
  Xoshiro256 rng(23);
  const LevellingProblem p = chain_instance(rng, {6000, 40, 100, 0.2, {0.7, 0.4}, {3, 2}}, {3, 2}, [&](std::size_t a) {
    return a % 3 == 1 ? 0.0 : static_cast<double>(1 + rng.next() % 6);
  });
  const auto serial = level_resources(p, plain_serial());
  LevellingOptions o;
  o.effort = 2;
  const auto improved = level_resources(p, o);
  require_feasible(p, serial);
  require_feasible(p, improved);
  CHECK(improved.makespan <= serial.makespan);
  CHECK(improved.schedules > 1);  // justification ran
}
