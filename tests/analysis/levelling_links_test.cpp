// Resource levelling with link types and lags (LevellingProblem::predecessor_timing): hand-made
// cases for each link type and for a lead (negative lag), worked out in the comments; a
// property test on random instances with random types and lags against the CPM of the same
// network (compute_schedule); malformed timings; check_levelled's words for a broken link; and
// `clearpath level` on a model with typed links. (Plain finish-to-start levelling is
// levelling_test.cpp's.)
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include "analysis/levelling_fixture.hpp"
#include "clearpath/levelling.hpp"
#include "clearpath/schedule.hpp"
#include "model/random.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::plain_serial;
using clearpath::test::require_feasible;

namespace {

using Demands = std::vector<std::pair<std::uint32_t, double>>;

struct Link {
  std::uint32_t from;
  LinkType type;
  double lag;
};

struct Activity {
  double duration;
  std::vector<Link> links;
  Demands demand;
};

LevellingProblem make(const std::vector<Activity>& activities, std::vector<double> capacity) {
  LevellingProblem p;
  for (const Activity& a : activities) {
    p.duration.push_back(a.duration);
    p.demand.push_back(a.demand);
    p.predecessors.emplace_back();
    p.predecessor_timing.emplace_back();
    for (const Link& l : a.links) {
      p.predecessors.back().push_back(l.from);
      p.predecessor_timing.back().push_back({l.type, l.lag});
    }
  }
  p.capacity = std::move(capacity);
  return p;
}

constexpr LinkType FS = LinkType::finish_to_start, SS = LinkType::start_to_start, FF = LinkType::finish_to_finish,
                   SF = LinkType::start_to_finish;

// The same activities and links as a schedule Network, for the CPM (compute_schedule). Every
// predecessor has a smaller index here, so index order is topological.
Network network_of(const LevellingProblem& p) {
  const auto n = static_cast<std::uint32_t>(p.duration.size());
  Network net;
  net.duration = p.duration;
  net.pred_begin.assign(1, 0);
  std::vector<std::vector<std::pair<std::uint32_t, LinkTiming>>> succ(n);
  for (std::uint32_t a = 0; a < n; ++a) {
    net.activity.push_back(a);
    net.order.push_back(a);
    for (std::size_t k = 0; k < p.predecessors[a].size(); ++k) {
      const LinkTiming t = p.predecessor_timing.empty() ? LinkTiming{} : p.predecessor_timing[a][k];
      net.preds.push_back(p.predecessors[a][k]);
      net.pred_timing.push_back(t);
      succ[p.predecessors[a][k]].emplace_back(a, t);
    }
    net.pred_begin.push_back(static_cast<std::uint32_t>(net.preds.size()));
  }
  net.succ_begin.assign(1, 0);
  for (std::uint32_t a = 0; a < n; ++a) {
    for (const auto& [b, t] : succ[a]) {
      net.succs.push_back(b);
      net.succ_timing.push_back(t);
    }
    net.succ_begin.push_back(static_cast<std::uint32_t>(net.succs.size()));
  }
  return net;
}

Schedule cpm(const LevellingProblem& p) { return compute_schedule(Model(), network_of(p)); }

// A random instance as in levelling_test.cpp (a DAG in index order, 1-4 resources, demands that
// fit), each link of a random type with a random lag: a third plain, the others between -4 and
// +6, in tenths with fractional durations.
LevellingProblem random_linked_instance(Xoshiro256& rng, std::size_t n, bool fractional) {
  LevellingProblem p;
  const std::size_t resources = 1 + rng.next() % 4;
  for (std::size_t r = 0; r < resources; ++r) p.capacity.push_back(static_cast<double>(1 + rng.next() % 6));
  const double link = std::min(1.0, 3.0 / static_cast<double>(n));
  for (std::size_t a = 0; a < n; ++a) {
    const double d = fractional ? static_cast<double>(rng.next() % 51) / 10.0 : static_cast<double>(rng.next() % 9);
    p.duration.push_back(d);
    p.predecessors.emplace_back();
    p.predecessor_timing.emplace_back();
    for (std::size_t q = 0; q < a; ++q) {
      if (!(rng.uniform() < link)) continue;
      LinkTiming t;
      if (rng.uniform() >= 1.0 / 3) {
        t.type = static_cast<LinkType>(rng.next() % kLinkTypeCount);
        t.lag = static_cast<double>(rng.next() % 11) - 4;
        if (fractional) t.lag += static_cast<double>(rng.next() % 10) / 10.0;
      }
      p.predecessors.back().push_back(static_cast<std::uint32_t>(q));
      p.predecessor_timing.back().push_back(t);
    }
    Demands demand;
    for (std::size_t r = 0; r < resources; ++r)
      if (rng.uniform() < 0.6)
        demand.emplace_back(static_cast<std::uint32_t>(r),
                            static_cast<double>(1 + rng.next() % static_cast<std::uint64_t>(p.capacity[r])));
    p.demand.push_back(demand);
  }
  return p;
}

}  // namespace

TEST_CASE("levelling: each link type bounds the successor's start as its type says") {
  // One resource R of capacity 1. A0 (4 days, R) -> A1 (3 days, no resource) by the link under
  // test; A2 (2 days, R) -> A3 (6 days, no resource), finish-to-start. The CPM is 8 whatever the
  // link (A2 then A3; A1 ends by 8 in every case below), so A2's latest finish is 2 and A2 is
  // listed first. The link is a distance between starts, S1 >= S0 + delta, and sets A0's latest
  // finish, min(8, 8 - (delta + 3 - 4)); A0 and A3 (latest start 2) follow in an order that
  // places them the same: A2 [0,2) on R, A0 [2,6) on R, A3 [2,8). A1 comes last, at 2 + delta:
  //   FS lag 0: delta 4,              A0's LF 5: A1 [6,9),  makespan 9 (optimal: A0 first is 12)
  //   FS lag 1: delta 4 + 1 = 5,      A0's LF 4: A1 [7,10), makespan 10 (optimal likewise)
  //   SS lag 1: delta 1,              A0's LF 8: A1 [3,6),  makespan 8, the CPM
  //   FF lag 1: delta 4 + 1 - 3 = 2,  A0's LF 7: A1 [4,7) (finishing 1 after A0), makespan 8
  //   SF lag 2: delta 2 - 3 = -1,     A0's LF 8: A1 [1,4) (starting before A0 and finishing 2
  //             after A0 starts), makespan 8
  struct Case {
    LinkType type;
    double lag;
    double a1_start, makespan;
  };
  for (const Case& c :
       {Case{FS, 0, 6, 9}, Case{FS, 1, 7, 10}, Case{SS, 1, 3, 8}, Case{FF, 1, 4, 8}, Case{SF, 2, 1, 8}}) {
    INFO(link_type_name(c.type) << " lag " << c.lag);
    const auto p =
        make({{4, {}, {{0, 1}}}, {3, {{0, c.type, c.lag}}, {}}, {2, {}, {{0, 1}}}, {6, {{2, FS, 0}}, {}}}, {1});
    const auto serial = level_resources(p, plain_serial());
    require_feasible(p, serial);
    CHECK(serial.start == std::vector<double>{2, c.a1_start, 0, 2});
    CHECK(serial.makespan == c.makespan);
    CHECK(serial.lower_bound == 8);
    const auto best = level_resources(p);
    require_feasible(p, best);
    CHECK(best.makespan == c.makespan);
  }
}

TEST_CASE("levelling: finish-to-start links without lag given explicitly are the plain case") {
  Xoshiro256 rng(31);
  LevellingProblem p = random_linked_instance(rng, 40, false);
  for (auto& row : p.predecessor_timing)
    for (LinkTiming& t : row) t = LinkTiming{};
  LevellingProblem plain = p;
  plain.predecessor_timing.clear();
  LevellingOptions o;
  o.effort = 50;
  const auto a = level_resources(p, o), b = level_resources(plain, o);
  CHECK(a.start == b.start);
  CHECK(a.schedules == b.schedules);
}

TEST_CASE("levelling: links that say finish-to-start in another type's words level exactly as plain ones") {
  // S_j >= F_i written four ways: FS lag 0, SS lag d_i, FF lag d_j, SF lag d_i + d_j. With integer
  // durations every distance is the same double either way, forward (d_i) and in mirrored time
  // (d_j), so the typed path (distances, keyed justification lists) must give the plain path's
  // schedules bit for bit, through the serial scheme, justification and the randomised passes.
  Xoshiro256 rng(43);
  for (int instance = 0; instance < 40; ++instance) {
    LevellingProblem plain = random_linked_instance(rng, 10 + rng.next() % 40, false);
    plain.predecessor_timing.clear();
    LevellingProblem typed = plain;
    typed.predecessor_timing.resize(plain.duration.size());
    for (std::size_t j = 0; j < plain.duration.size(); ++j)
      for (const std::uint32_t i : plain.predecessors[j]) {
        const double di = plain.duration[i], dj = plain.duration[j];
        const LinkTiming same[] = {{FS, 0}, {SS, di}, {FF, dj}, {SF, di + dj}};
        typed.predecessor_timing[j].push_back(same[rng.next() % 4]);
      }
    INFO("instance " << instance);
    for (const LevellingOptions& o : {plain_serial(), LevellingOptions{0, 1, true}, LevellingOptions{60, 5, true}}) {
      const auto a = level_resources(plain, o), b = level_resources(typed, o);
      CHECK(a.start == b.start);
      CHECK(a.makespan == b.makespan);
      CHECK(a.lower_bound == b.lower_bound);
      CHECK(a.schedules == b.schedules);
    }
  }
}

TEST_CASE("levelling: a lead lets a successor overlap its predecessor, and the search uses it") {
  // Resources R and Q of capacity 1. A0 (4 days, R) -> A1 (3 days, Q) finish-to-start with lag
  // -2 (A1 may start 2 days before A0 finishes: S1 >= S0 + 2); A2 (3 days, Q) is free.
  // CPM: A0 [0,4), A1 [2,5), A2 [0,3): 5 days; Q carries 6 days of work, so 6 is a lower bound.
  // Latest finishes A1 5, A2 5, A0 5 - (2 + 3 - 4) = 4; latest starts A0 0, A1 2, A2 2.
  // Serial, order A0 A1 A2 (A1 before A2 by index): A0 [0,4), A1 [2,5), A2 finds Q busy from 2
  // and goes after A1: [5,8). Makespan 8.
  // Optimum 6: A2 first on Q, [0,3); A1 [3,6) (3 >= 0 + 2); A0 [0,4).
  const auto p = make({{4, {}, {{0, 1}}}, {3, {{0, FS, -2}}, {{1, 1}}}, {3, {}, {{1, 1}}}}, {1, 1});
  const auto serial = level_resources(p, plain_serial());
  require_feasible(p, serial);
  CHECK(serial.start == std::vector<double>{0, 2, 5});
  CHECK(serial.makespan == 8);
  const auto best = level_resources(p);
  require_feasible(p, best);
  CHECK(best.start == std::vector<double>{0, 3, 0});
  CHECK(best.makespan == 6);
  CHECK(best.lower_bound == 6);
  // Without Q's conflict (capacity 2) the CPM schedule itself.
  const auto roomy = make({{4, {}, {{0, 1}}}, {3, {{0, FS, -2}}, {{1, 1}}}, {3, {}, {{1, 1}}}}, {1, 2});
  CHECK(level_resources(roomy).start == std::vector<double>{0, 2, 0});
}

TEST_CASE("levelling: large leads never start an activity before time 0") {
  // A0 (2 days) -> A1 (5 days) start-to-finish with lag -1e6 (delta -1e6 - 5): A1 may end long
  // before A0 starts, but nothing starts before 0. Both need all of R (capacity 1); A1 is
  // listed after A0, its predecessor: A0 [0,2), A1 at max(0, 0 + delta) = 0 finds R busy, so
  // [2,7).
  const auto p = make({{2, {}, {{0, 1}}}, {5, {{0, SF, -1e6}}, {{0, 1}}}}, {1});
  const auto s = level_resources(p, plain_serial());
  require_feasible(p, s);
  CHECK(s.start == std::vector<double>{0, 2});
  CHECK(s.lower_bound == 7);  // the work on R; the CPM alone is 5
}

TEST_CASE("levelling: random instances with typed links are feasible and, unlimited, take the CPM time") {
  Xoshiro256 rng(17);
  for (int instance = 0; instance < 150; ++instance) {
    const std::size_t n = 4 + rng.next() % 40;  // 4..43
    const bool fractional = instance % 3 == 2;
    const LevellingProblem p = random_linked_instance(rng, n, fractional);
    INFO("instance " << instance << ": " << n << " activities, " << p.capacity.size() << " resources");
    const Schedule times = cpm(p);

    LevellingOptions o;
    o.effort = 30;
    o.seed = static_cast<std::uint64_t>(instance);
    const auto s = level_resources(p, o);
    const auto serial = level_resources(p, plain_serial());
    require_feasible(p, s);
    require_feasible(p, serial);
    CHECK(s.lower_bound >= times.duration - 1e-9);
    CHECK(s.makespan >= s.lower_bound - 1e-9);
    CHECK(s.makespan <= serial.makespan);

    // Unlimited capacity: every activity at its CPM early start, the makespan the CPM's.
    LevellingProblem unlimited = p;
    for (double& c : unlimited.capacity) c = std::numeric_limits<double>::infinity();
    const auto u = level_resources(unlimited, o);
    require_feasible(unlimited, u);
    CHECK(u.makespan == Approx(times.duration).margin(1e-9));
    CHECK(u.lower_bound == Approx(times.duration).margin(1e-9));
    for (std::size_t a = 0; a < n; ++a) CHECK(u.start[a] == Approx(times.times[a].es).margin(1e-9));
  }
}

TEST_CASE("levelling: the genetic search keeps every link type and lag") {
  // Effort enough for many generations of children (crossover and insertion moves), on integer
  // instances (the grid profiles) and fractional ones (the change points).
  Xoshiro256 rng(19);
  for (int instance = 0; instance < 30; ++instance) {
    const std::size_t n = 4 + rng.next() % 40;
    const bool fractional = instance % 2 == 1;
    const LevellingProblem p = random_linked_instance(rng, n, fractional);
    INFO("instance " << instance << ": " << n << " activities");
    LevellingOptions o;
    o.effort = 1500;
    o.seed = static_cast<std::uint64_t>(instance);
    const auto s = level_resources(p, o);
    require_feasible(p, s);
    CHECK(s.makespan >= s.lower_bound - 1e-9);
    CHECK(s.makespan <= level_resources(p, plain_serial()).makespan + 1e-9);
  }
}

TEST_CASE("levelling: malformed link timings throw invalid_argument") {
  const auto message = [](const LevellingProblem& p) {
    try {
      level_resources(p);
    } catch (const std::invalid_argument& e) {
      return std::string(e.what());
    }
    return std::string("no exception");
  };
  const LevellingProblem good = make({{1, {}, {}}, {2, {{0, SS, 1}}, {}}}, {});
  LevellingProblem p = good;
  p.predecessor_timing.pop_back();
  CHECK_THAT(message(p), Catch::Contains("predecessor_timing has 1 entries for 2 activities"));
  CHECK_THAT(*check_levelled(p, level_resources(good)), Catch::Contains("predecessor_timing has 1 entries"));
  p = good;
  p.predecessor_timing[1].clear();
  CHECK_THAT(message(p), Catch::Contains("activity 1 has 0 link timings for 1 predecessors"));
  CHECK_THAT(*check_levelled(p, level_resources(good)), Catch::Contains("activity 1 has 0 link timings"));
  p = good;
  p.predecessor_timing[1][0].lag = std::nan("");
  CHECK_THAT(message(p), Catch::Contains("link from activity 0 to activity 1 has lag nan"));
  p.predecessor_timing[1][0].lag = std::numeric_limits<double>::infinity();
  CHECK_THAT(message(p), Catch::Contains("has lag inf"));
  p = good;
  p.predecessor_timing[1][0].type = static_cast<LinkType>(7);
  CHECK_THAT(message(p), Catch::Contains("unknown type (7)"));
  CHECK(message(good) == "no exception");
}

TEST_CASE("levelling: check_levelled names a broken link's type and lag") {
  // A0 (3 days) -> A1 (2 days) start-to-start with lag 2: A1 may start at 2 at the earliest.
  const auto p = make({{3, {}, {}}, {2, {{0, SS, 2}}, {}}}, {});
  LevelledSchedule s;
  s.start = {0, 2};
  s.makespan = 4;
  CHECK_FALSE(check_levelled(p, s).has_value());
  s.start = {0, 1.5};
  s.makespan = 3.5;
  const auto why = check_levelled(p, s);
  REQUIRE(why.has_value());
  CHECK(*why ==
        "activity 1 starts at 1.5 (finishes at 3.5), but its start-to-start link from activity 0 with lag 2 "
        "(activity 0 starts at 0, finishes at 3) lets it start at 2 at the earliest");
  // Finish-to-finish with a lead of 1: A1 must finish no earlier than 3 - 1 = 2, so start >= 0.
  const auto ff = make({{3, {}, {}}, {2, {{0, FF, -1}}, {}}}, {});
  s.start = {0, 0};
  s.makespan = 3;
  CHECK_FALSE(check_levelled(ff, s).has_value());
  s.start = {1, 0};
  s.makespan = 4;
  CHECK_THAT(*check_levelled(ff, s), Catch::Contains("finish-to-finish link") && Catch::Contains("lag -1"));
}

TEST_CASE("clearpath level follows the model's link types and lags", "[cli]") {
  // The first case above as a model: person p (capacity 1) does a (4 days) and c (2 days); b (3)
  // follows a start-to-start with lag 1, d (6) follows c. Levelled: c [0,2), a [2,6), b [3,6),
  // d [2,8), 8 days, the CPM's (a finish-to-start b would take 9).
  const std::string model = R"({"clearpath": 2, "people": [{"id": "p", "capacity": 1}], "steps": [
    {"id": "a", "duration": 4, "demands": {"p": 1}},
    {"id": "b", "duration": 3, "depends_on": [{"on": "a", "type": "SS", "lag": 1}]},
    {"id": "c", "duration": 2, "demands": {"p": 1}},
    {"id": "d", "duration": 6, "depends_on": ["c"]}]})";
  const auto r = test::run({"level", "-", "--format", "json"}, model);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["duration"] == 8);
  CHECK(j["cpm_duration"] == 8);
  std::vector<double> start;
  for (const auto& a : j["schedule"]) start.push_back(a["start"].get<double>());
  CHECK(start == std::vector<double>{2, 3, 0, 2});
  CHECK(j["schedule"][1]["cpm_start"] == 1);
}

TEST_CASE("clearpath level follows a lead (negative lag) in the model", "[cli]") {
  // The lead case above as a model: a (4 days, p) -> b (3 days, q) finish-to-start with lag -2;
  // c (3 days, q). CPM 5 (b [2,5)); levelled 6: c [0,3), b [3,6), a [0,4).
  const std::string model = R"({"clearpath": 2,
    "people": [{"id": "p", "capacity": 1}, {"id": "q", "capacity": 1}], "steps": [
    {"id": "a", "duration": 4, "demands": {"p": 1}},
    {"id": "b", "duration": 3, "demands": {"q": 1}, "depends_on": [{"on": "a", "lag": -2}]},
    {"id": "c", "duration": 3, "demands": {"q": 1}}]})";
  const auto r = test::run({"level", "-", "--format", "json"}, model);
  REQUIRE(r.status == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["duration"] == 6);
  CHECK(j["cpm_duration"] == 5);
  std::vector<double> start;
  for (const auto& a : j["schedule"]) start.push_back(a["start"].get<double>());
  CHECK(start == std::vector<double>{0, 3, 0});
}
