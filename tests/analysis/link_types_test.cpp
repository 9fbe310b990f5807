// Links of every type, with lags and leads, through the CPM, the critical chains, PERT, the
// legacy chain and Monte Carlo. Every figure was worked out by hand (in the comments). Notation:
// "x(d)" has duration d; "a -SS+2-> b" means b depends on a start-to-start with a lag of 2.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "analysis/schedule_fixture.hpp"
#include "clearpath/path_analysis.hpp"

using namespace clearpath;
using namespace clearpath::test;

namespace {

// a(5); a -SS+2-> b(3); b -FF+1-> c(4); c -FS-1-> d(2) and a -FS-> d; a -SF+4-> e(3).
const std::string kMixed = R"(
    {"id": "a", "duration": 5},
    {"id": "b", "duration": 3, "depends_on": [{"on": "a", "type": "SS", "lag": 2}]},
    {"id": "c", "duration": 4, "depends_on": [{"on": "b", "type": "FF", "lag": 1}]},
    {"id": "d", "duration": 2, "depends_on": [{"on": "c", "lag": -1}, "a"]},
    {"id": "e", "duration": 3, "depends_on": [{"on": "a", "type": "SF", "lag": 4}]})";

}  // namespace

TEST_CASE("links: every type and a lead, figured by hand", "[cpm][links]") {
  // Forward: a 0..5. b: ES >= ES(a) + 2 = 2, so 2..5. c: EF >= EF(b) + 1 = 6, so ES = 6 - 4 = 2,
  // 2..6. d: ES >= max(EF(c) - 1, EF(a)) = max(5, 5) = 5, so 5..7. e: EF >= ES(a) + 4 = 4, so
  // ES = 1, 1..4. Duration 7.
  // Backward: d LF 7 LS 5. c: LF <= LS(d) + 1 = 6, LS 2. b: LF <= LF(c) - 1 = 5, LS 2.
  // e: LF 7 (no successor), LS 4. a: LF <= min(LS(b) - 2 + 5 = 5, LS(d) = 5, LF(e) - 4 + 5 = 8,
  // 7) = 5, LS 0.
  // Free float: a: min(ES(b) - (ES(a) + 2), ES(d) - EF(a), ES(e) - (ES(a) + 4 - 3)) = 0; b:
  // ES(c) - (EF(b) + 1 - 4) = 0; c: ES(d) - (EF(c) - 1) = 0; d: 7 - 7 = 0; e: 7 - 4 = 3.
  const Result r = schedule(doc(kMixed));
  CHECK(r.s.duration == 7);
  check(r, "a", 0, 5, 0, 5, 0, 0, true);
  check(r, "b", 2, 5, 2, 5, 0, 0, true);
  check(r, "c", 2, 6, 2, 6, 0, 0, true);
  check(r, "d", 5, 7, 5, 7, 0, 0, true);
  check(r, "e", 1, 4, 4, 7, 3, 3, false);
  // Driving links: a -> b (SS), b -> c (FF), c -> d (FS-1), a -> d (FS). Two chains.
  CHECK(r.s.tied_path_count == 2);
  CHECK(r.tied() == std::vector<Ids>{{"a", "b", "c", "d"}, {"a", "d"}});
  CHECK(r.ids(r.s.critical_path) == Ids{"a", "b", "c", "d"});
  CHECK_FALSE(r.net.plain_links());
  CHECK(r.net.link_count() == 5);
}

TEST_CASE("links: a plain file builds a network without link timings", "[cpm][links]") {
  // FS with lag 0 written as an object is the plain form: nothing typed is stored.
  const Result r = schedule(doc(R"(
    {"id": "a", "duration": 2},
    {"id": "b", "duration": 1, "depends_on": [{"on": "a", "type": "FS", "lag": 0}]})"));
  CHECK(r.net.plain_links());
  CHECK(r.model.steps()[1].link_timing.empty());
  check(r, "b", 2, 3, 2, 3, 0, 0, true);
}

TEST_CASE("links: no activity starts before the project, whatever its links allow", "[cpm][links]") {
  // a(2) -FF-> b(5): EF(b) >= 2 would let b start at -3; it starts at 0, 0..5. The project takes
  // 5; a: LF <= LF(b) - 0 = 5, LS 3, float 3. b is critical alone.
  const Result r = schedule(doc(R"(
    {"id": "a", "duration": 2},
    {"id": "b", "duration": 5, "depends_on": [{"on": "a", "type": "FF"}]})"));
  CHECK(r.s.duration == 5);
  check(r, "a", 0, 2, 3, 5, 3, 3, false);
  check(r, "b", 0, 5, 0, 5, 0, 0, true);
  CHECK(r.ids(r.s.critical_path) == Ids{"b"});
}

TEST_CASE("links: two links between the same pair both count", "[cpm][links]") {
  // a(4); b(1) depends on a SS+1 and FF+2. SS: ES(b) >= 1. FF: EF(b) >= 6, ES >= 5. b 5..6.
  // Listed the other way round and with a repeat, the same.
  for (const std::string deps : {R"([{"on": "a", "type": "SS", "lag": 1}, {"on": "a", "type": "FF", "lag": 2}])",
                                 R"([{"on": "a", "type": "FF", "lag": 2}, {"on": "a", "type": "SS", "lag": 1},
                                     {"on": "a", "type": "FF", "lag": 2}])"}) {
    const Result r =
        schedule(doc(R"({"id": "a", "duration": 4}, {"id": "b", "duration": 1, "depends_on": )" + deps + "}"));
    CHECK(r.net.link_count() == 2);
    check(r, "b", 5, 6, 5, 6, 0, 0, true);
    CHECK(r.ids(r.s.critical_path) == Ids{"a", "b"});
  }
}

TEST_CASE("links: PERT counts the durations a chain's length is made of", "[pert][links]") {
  // a(o1 m2 p9: sd 4/3) -SS+1-> b(1 2 3: sd 1/3) -FS-> c(2 2 8: sd 1). Expected durations:
  // a 3, b 2, c 3. Forward: b 1..3, c 3..6; a 0..3; duration 6, all critical, chain a-b-c.
  // The chain's length is lag 1 + b + c: a's duration is not in it (entered and left at its
  // start). Variance (1/3)^2 + 1 = 10/9.
  const Model m = load_valid(doc(R"(
    {"id": "a", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 9}},
    {"id": "b", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 3},
     "depends_on": [{"on": "a", "type": "SS", "lag": 1}]},
    {"id": "c", "duration": {"optimistic": 2, "likely": 2, "pessimistic": 8}, "depends_on": ["b"]})"));
  const PathAnalysis a = analyze_path(m, PathOptions{});
  CHECK(a.schedule.duration == Approx(6));
  REQUIRE(a.schedule.critical_path.size() == 3);
  CHECK(a.project_sd == Approx(std::sqrt(10.0 / 9.0)));
}

TEST_CASE("links: the legacy chain's elapsed time follows its links", "[legacy][links]") {
  // Two legacy steps, x(4) -SS+1-> y(2): y runs 1..3 beside x, so the chain takes 4 days, not 6.
  // By count: 2 steps, 6 legacy days, 4 days end to end.
  const Model m = load_valid(R"({"systems": [{"id": "mainframe", "legacy": true}], "steps": [
    {"id": "x", "system": "mainframe", "duration": 4},
    {"id": "y", "system": "mainframe", "duration": 2, "depends_on": [{"on": "x", "type": "SS", "lag": 1}]}]})");
  const PathAnalysis a = analyze_path(m, PathOptions{});
  CHECK(a.legacy_by_count.count == 2);
  CHECK(a.legacy_by_count.duration == 6);
  CHECK(a.legacy_by_count.path_duration == 4);
}

TEST_CASE("links: Monte Carlo with fixed durations gives the CPM duration", "[simulation][links]") {
  // No three-point estimate: every run is the CPM schedule of kMixed, 7 days, and a, b, c, d are
  // critical in every run, e in none.
  const Model m = load_valid(doc(kMixed));
  PathOptions o;
  o.simulate = 50;
  o.threads = 1;
  const PathAnalysis a = analyze_path(m, o);
  REQUIRE(a.simulation);
  CHECK(a.simulation->p50 == 7);
  CHECK(a.simulation->p95 == 7);
}

TEST_CASE("links: random networks, CPM invariants hold with any link type and lag", "[cpm][links][property]") {
  // For every link u -> v: ES(v) >= the bound the link sets, and LF(u) <= the bound it sets;
  // starts are >= 0, floats >= 0, and some activity finishes at the project's duration.
  for (unsigned seed = 1; seed <= 40; ++seed) {
    std::mt19937 rng(seed);
    const int n = 2 + static_cast<int>(rng() % 12);
    static const char* kTypes[] = {"FS", "SS", "FF", "SF"};
    std::string steps;
    for (int i = 0; i < n; ++i) {
      std::string deps;
      for (int j = 0; j < i; ++j)
        if (rng() % 3 == 0) {
          const int lag = static_cast<int>(rng() % 7) - 3;
          deps += std::string(deps.empty() ? "" : ", ") + R"({"on": "s)" + std::to_string(j) + R"(", "type": ")" +
                  kTypes[rng() % 4] + R"(", "lag": )" + std::to_string(lag) + "}";
        }
      steps += std::string(i ? ", " : "") + R"({"id": "s)" + std::to_string(i) + R"(", "duration": )" +
               std::to_string(rng() % 6) + R"(, "depends_on": [)" + deps + "]}";
    }
    INFO("seed " << seed << ": " << steps);
    const Result r = schedule(doc(steps));
    const Network& net = r.net;
    double latest = 0;
    for (std::uint32_t v = 0; v < net.size(); ++v) {
      const ActivityTimes& t = r.s.times[v];
      CHECK(t.es >= 0);
      CHECK(t.total_float >= 0);
      CHECK(t.free_float >= 0);
      CHECK(t.free_float <= t.total_float + kFloatEpsilon);
      latest = std::max(latest, t.ef);
      for (std::uint32_t k = net.pred_begin[v]; k < net.pred_begin[v + 1]; ++k) {
        const ActivityTimes& u = r.s.times[net.preds[k]];
        CHECK(t.es + kFloatEpsilon >= earliest_start_after(net.pred_link(k), u.es, u.ef, net.duration[v]));
        CHECK(u.lf - kFloatEpsilon <= latest_finish_before(net.pred_link(k), t.ls, t.lf, net.duration[net.preds[k]]));
      }
    }
    CHECK(latest == r.s.duration);
    REQUIRE_FALSE(r.s.critical_path.empty());
    CHECK(r.s.times[r.s.critical_path.back()].ef == Approx(r.s.duration));
  }
}
