// The critical path method on small networks whose every figure was worked out by hand (in
// the comments next to each case), plus one published textbook example. Notation: an activity
// "x(d)" has duration d working days; "a -> b" means b depends_on a (finish-to-start).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/schedule_fixture.hpp"

using namespace clearpath;
using namespace clearpath::test;

TEST_CASE("cpm: a simple chain is critical end to end", "[cpm]") {
  // a(3) -> b(5) -> c(2), listed in the file as c, a, b.
  // Forward:  a 0..3, b 3..8, c 8..10; duration 10.
  // Backward: c lf 10 ls 8, b lf 8 ls 3, a lf 3 ls 0. Every float 0, all critical.
  const Result r = schedule(doc(R"(
    {"id": "c", "duration": 2, "depends_on": ["b"]},
    {"id": "a", "duration": 3},
    {"id": "b", "duration": 5, "depends_on": ["a"]})"));
  CHECK(r.s.duration == 10);
  check(r, "a", 0, 3, 0, 3, 0, 0, true);
  check(r, "b", 3, 8, 3, 8, 0, 0, true);
  check(r, "c", 8, 10, 8, 10, 0, 0, true);
  CHECK(r.ids(r.s.critical_path) == Ids{"a", "b", "c"});
  CHECK(r.s.tied_path_count == 1);
  CHECK(r.tied() == std::vector<Ids>{{"a", "b", "c"}});
}

TEST_CASE("cpm: a diamond with two tied critical paths", "[cpm]") {
  // start(2) -> b-right(4) -> finish(1) and start(2) -> a-left(4) -> finish(1).
  // Forward:  start 0..2, a-left 2..6, b-right 2..6, finish max(6,6)=6..7; duration 7.
  // Backward: finish 6..7; a-left and b-right lf 6 ls 2; start lf min(2,2)=2 ls 0.
  // All four critical with zero floats. Two chains; "the" path goes through a-left, the smaller
  // id, although b-right comes first in the file and in finish's depends_on.
  const Result r = schedule(doc(R"(
    {"id": "finish", "duration": 1, "depends_on": ["b-right", "a-left"]},
    {"id": "b-right", "duration": 4, "depends_on": ["start"]},
    {"id": "start", "duration": 2},
    {"id": "a-left", "duration": 4, "depends_on": ["start"]})"));
  CHECK(r.s.duration == 7);
  check(r, "start", 0, 2, 0, 2, 0, 0, true);
  check(r, "a-left", 2, 6, 2, 6, 0, 0, true);
  check(r, "b-right", 2, 6, 2, 6, 0, 0, true);
  check(r, "finish", 6, 7, 6, 7, 0, 0, true);
  CHECK(r.s.tied_path_count == 2);
  CHECK(r.tied() == std::vector<Ids>{{"start", "a-left", "finish"}, {"start", "b-right", "finish"}});
  CHECK(r.ids(r.s.critical_path) == Ids{"start", "a-left", "finish"});
}

TEST_CASE("cpm: two disjoint chains tie and the path starts at the smaller id", "[cpm]") {
  // m1(3) -> m2(2) and k1(1) -> k2(4): both 5 days, both critical. Starts in id order: k1, m1.
  const Result r = schedule(doc(R"(
    {"id": "m1", "duration": 3}, {"id": "m2", "duration": 2, "depends_on": ["m1"]},
    {"id": "k2", "duration": 4, "depends_on": ["k1"]}, {"id": "k1", "duration": 1})"));
  CHECK(r.s.duration == 5);
  check(r, "k1", 0, 1, 0, 1, 0, 0, true);
  check(r, "k2", 1, 5, 1, 5, 0, 0, true);
  check(r, "m1", 0, 3, 0, 3, 0, 0, true);
  check(r, "m2", 3, 5, 3, 5, 0, 0, true);
  CHECK(r.s.tied_path_count == 2);
  CHECK(r.ids(r.s.critical_path) == Ids{"k1", "k2"});
  CHECK(r.tied() == std::vector<Ids>{{"k1", "k2"}, {"m1", "m2"}});
}

TEST_CASE("cpm: zero-duration milestones (approvals with lead_time 0)", "[cpm]") {
  // kickoff[0] -> build(5) -> signoff[0] -> deploy(3); docs(2) -> ready[0] with no successor.
  // Forward:  kickoff 0..0, build 0..5, signoff 5..5, deploy 5..8, docs 0..2, ready 2..2.
  //           Duration 8.
  // Backward: deploy 5..8, signoff lf 5 ls 5, build 0..5, kickoff lf 0 ls 0 (all float 0);
  //           ready lf 8 ls 8: total float 6, free float 8 - 2 = 6 (ends the project early);
  //           docs lf 8 ls 6: total float 6, free float es(ready) - ef(docs) = 2 - 2 = 0.
  const Result r = schedule(doc(R"(
    {"id": "build", "duration": 5, "depends_on": ["kickoff"]},
    {"id": "deploy", "duration": 3, "depends_on": ["signoff"]},
    {"id": "docs", "duration": 2})",
                                R"(
    {"id": "signoff", "lead_time": 0, "depends_on": ["build"]},
    {"id": "kickoff", "lead_time": 0},
    {"id": "ready", "depends_on": ["docs"]})"));  // lead_time defaults to 0
  CHECK(r.s.duration == 8);
  check(r, "kickoff", 0, 0, 0, 0, 0, 0, true);
  check(r, "build", 0, 5, 0, 5, 0, 0, true);
  check(r, "signoff", 5, 5, 5, 5, 0, 0, true);
  check(r, "deploy", 5, 8, 5, 8, 0, 0, true);
  check(r, "docs", 0, 2, 6, 8, 6, 0, false);
  check(r, "ready", 2, 2, 8, 8, 6, 6, false);
  CHECK(r.ids(r.s.critical_path) == Ids{"kickoff", "build", "signoff", "deploy"});
  CHECK(r.s.tied_path_count == 1);
}

TEST_CASE("cpm: a network of milestones only has duration 0 and everything critical", "[cpm]") {
  // g1[0] -> g2[0]; g3[0] alone. Every es = ef = ls = lf = 0. Chains: g1 -> g2 and g3.
  const Result r = schedule(doc("", R"(
    {"id": "g2", "depends_on": ["g1"]}, {"id": "g1"}, {"id": "g3"})"));
  CHECK(r.s.duration == 0);
  for (const char* id : {"g1", "g2", "g3"}) check(r, id, 0, 0, 0, 0, 0, 0, true);
  CHECK(r.ids(r.s.critical_path) == Ids{"g1", "g2"});
  CHECK(r.s.tied_path_count == 2);
  CHECK(r.tied() == std::vector<Ids>{{"g1", "g2"}, {"g3"}});
}

TEST_CASE("cpm: done steps and granted approvals take no time unless from scratch", "[cpm]") {
  // funding[10, granted] -> extract(8, done) -> train(5) -> go-live[2, pending];
  // prep(4, in-progress) -> go-live.
  // Remaining work: funding 0..0, extract 0..0, train 0..5, prep 0..4, go-live 5..7; duration 7.
  //   prep: lf 5, ls 1, total float 1, free float es(go-live) - 4 = 1.
  // From scratch:   funding 0..10, extract 10..18, train 18..23, go-live 23..25; duration 25.
  //   prep: 0..4, lf 23, ls 19, total float 19, free float 23 - 4 = 19.
  const std::string json = doc(R"(
    {"id": "extract", "duration": 8, "status": "done", "depends_on": ["funding"]},
    {"id": "train", "duration": 5, "depends_on": ["extract"]},
    {"id": "prep", "duration": 4, "status": "in-progress"})",
                               R"(
    {"id": "funding", "lead_time": 10, "status": "granted"},
    {"id": "go-live", "lead_time": 2, "depends_on": ["train", "prep"]})");
  SECTION("remaining work") {
    const Result r = schedule(json);
    CHECK(r.s.duration == 7);
    check(r, "funding", 0, 0, 0, 0, 0, 0, true);
    check(r, "extract", 0, 0, 0, 0, 0, 0, true);
    check(r, "train", 0, 5, 0, 5, 0, 0, true);
    check(r, "prep", 0, 4, 1, 5, 1, 1, false);
    check(r, "go-live", 5, 7, 5, 7, 0, 0, true);
    CHECK(r.ids(r.s.critical_path) == Ids{"funding", "extract", "train", "go-live"});
    CHECK(activity_duration(r.model, *r.model.find("funding"), Estimate::expected, false) == 0);
    CHECK(activity_duration(r.model, *r.model.find("extract"), Estimate::expected, false) == 0);
    CHECK(activity_duration(r.model, *r.model.find("prep"), Estimate::expected, false) == 4);
  }
  SECTION("from scratch") {
    NetworkOptions o;
    o.from_scratch = true;
    const Result r = schedule(json, o);
    CHECK(r.s.duration == 25);
    check(r, "funding", 0, 10, 0, 10, 0, 0, true);
    check(r, "extract", 10, 18, 10, 18, 0, 0, true);
    check(r, "train", 18, 23, 18, 23, 0, 0, true);
    check(r, "prep", 0, 4, 19, 23, 19, 19, false);
    check(r, "go-live", 23, 25, 23, 25, 0, 0, true);
    CHECK(r.ids(r.s.critical_path) == Ids{"funding", "extract", "train", "go-live"});
    CHECK(activity_duration(r.model, *r.model.find("funding"), Estimate::expected, true) == 10);
    CHECK(activity_duration(r.model, *r.model.find("extract"), Estimate::expected, true) == 8);
  }
}

TEST_CASE("cpm: --to restricts to a milestone and its predecessors", "[cpm]") {
  // a(2) -> b(3) -> m[1] -> d(4); c(7) alone; e(1) -> m.
  // Whole network: a 0..2, b 2..5, e 0..1, m 5..6, d 6..10, c 0..7; duration 10.
  // --to m: only a, b, e, m. a 0..2, b 2..5, e 0..1 (lf 5, ls 4, float 4, free 5 - 1 = 4),
  //         m 5..6; duration 6; path a, b, m.
  // --to c: c alone, 0..7.
  const std::string json = doc(R"(
    {"id": "a", "duration": 2}, {"id": "b", "duration": 3, "depends_on": ["a"]},
    {"id": "c", "duration": 7}, {"id": "d", "duration": 4, "depends_on": ["m"]},
    {"id": "e", "duration": 1})",
                               R"({"id": "m", "lead_time": 1, "depends_on": ["b", "e"]})");
  SECTION("whole network") {
    const Result r = schedule(json);
    CHECK(r.s.duration == 10);
    check(r, "c", 0, 7, 3, 10, 3, 3, false);
    CHECK(r.ids(r.s.critical_path) == Ids{"a", "b", "m", "d"});
  }
  SECTION("to the milestone m") {
    NetworkOptions o;
    o.to = "m";
    const Result r = schedule(json, o);
    CHECK(r.net.size() == 4);
    CHECK(r.s.duration == 6);
    check(r, "a", 0, 2, 0, 2, 0, 0, true);
    check(r, "b", 2, 5, 2, 5, 0, 0, true);
    check(r, "e", 0, 1, 4, 5, 4, 4, false);
    check(r, "m", 5, 6, 5, 6, 0, 0, true);
    CHECK(r.ids(r.s.critical_path) == Ids{"a", "b", "m"});
    CHECK(r.s.tied_path_count == 1);
  }
  SECTION("to a step with no predecessors") {
    NetworkOptions o;
    o.to = "c";
    const Result r = schedule(json, o);
    CHECK(r.activities() == Ids{"c"});
    CHECK(r.s.duration == 7);
    check(r, "c", 0, 7, 0, 7, 0, 0, true);
    CHECK(r.ids(r.s.critical_path) == Ids{"c"});
  }
}

TEST_CASE("cpm: --initiative keeps its items and everything they depend on", "[cpm]") {
  // shared(1, no initiative) -> infra(6, beta) -> model(4, alpha) -> review[2, alpha];
  // other(20, beta) alone; extra(3, beta) depends on model (a successor, not a dependency).
  // Whole: shared 0..1, infra 1..7, model 7..11, review 11..13, extra 11..14, other 0..20.
  // --initiative alpha: {shared, infra, model, review}; 0..1, 1..7, 7..11, 11..13; duration 13.
  const std::string json = doc(R"(
    {"id": "shared", "duration": 1},
    {"id": "infra", "initiative": "beta", "duration": 6, "depends_on": ["shared"]},
    {"id": "model", "initiative": "alpha", "duration": 4, "depends_on": ["infra"]},
    {"id": "other", "initiative": "beta", "duration": 20},
    {"id": "extra", "initiative": "beta", "duration": 3, "depends_on": ["model"]})",
                               R"({"id": "review", "initiative": "alpha", "lead_time": 2, "depends_on": ["model"]})",
                               R"({"id": "alpha"}, {"id": "beta"})");
  CHECK(schedule(json).s.duration == 20);
  NetworkOptions o;
  o.initiative = "alpha";
  const Result r = schedule(json, o);
  CHECK(r.activities() == Ids{"shared", "infra", "model", "review"});
  CHECK(r.s.duration == 13);
  check(r, "shared", 0, 1, 0, 1, 0, 0, true);
  check(r, "infra", 1, 7, 1, 7, 0, 0, true);
  check(r, "model", 7, 11, 7, 11, 0, 0, true);
  check(r, "review", 11, 13, 11, 13, 0, 0, true);
  CHECK(r.ids(r.s.critical_path) == Ids{"shared", "infra", "model", "review"});
  o.initiative = "beta";  // infra, other, extra and what they depend on: shared, model
  CHECK(schedule(json, o).activities() == Ids{"other", "shared", "infra", "model", "extra"});
}

TEST_CASE("cpm: three-point estimates", "[cpm]") {
  // gate[3] -> t{1,4,13} -> f(2). Expected t = (1 + 16 + 13) / 6 = 5; likely 4; optimistic 1;
  // pessimistic 13. Durations 3 + t + 2: 10, 9, 6, 18. Gates and one-number steps do not vary.
  const std::string json = doc(R"(
    {"id": "t", "duration": {"optimistic": 1, "likely": 4, "pessimistic": 13}, "depends_on": ["gate"]},
    {"id": "f", "duration": 2, "depends_on": ["t"]})",
                               R"({"id": "gate", "lead_time": 3})");
  const std::vector<std::pair<Estimate, double>> cases{
      {Estimate::expected, 10}, {Estimate::likely, 9}, {Estimate::optimistic, 6}, {Estimate::pessimistic, 18}};
  for (const auto& [estimate, duration] : cases) {
    INFO(estimate_name(estimate));
    NetworkOptions o;
    o.estimate = estimate;
    const Result r = schedule(json, o);
    CHECK(r.s.duration == duration);
    check(r, "t", 3, duration - 2, 3, duration - 2, 0, 0, true);
    CHECK(activity_duration(r.model, *r.model.find("f"), estimate, false) == 2);
    CHECK(activity_duration(r.model, *r.model.find("gate"), estimate, false) == 3);
  }
  CHECK(parse_estimate("likely") == Estimate::likely);
  CHECK_FALSE(parse_estimate("mean").has_value());
}

TEST_CASE("cpm: fractional expected durations that tie within the float epsilon", "[cpm]") {
  // x1{0,1,3} = 7/6 -> x2{0,1,2} = 1: 13/6 in floating point as 7/6 + 1;
  // y{1,2,4} = (1 + 8 + 4) / 6 = 13/6 computed directly. Both chains critical, two tied paths.
  const Result r = schedule(doc(R"(
    {"id": "x1", "duration": {"optimistic": 0, "likely": 1, "pessimistic": 3}},
    {"id": "x2", "duration": {"optimistic": 0, "likely": 1, "pessimistic": 2}, "depends_on": ["x1"]},
    {"id": "y", "duration": {"optimistic": 1, "likely": 2, "pessimistic": 4}})"));
  CHECK(r.s.duration == Approx(13.0 / 6));
  CHECK(r.t("x1").ef == Approx(7.0 / 6));
  for (const char* id : {"x1", "x2", "y"}) {
    INFO(id);
    CHECK(r.t(id).critical);
    CHECK(r.t(id).total_float == 0);
    CHECK(r.t(id).free_float == 0);
  }
  CHECK(r.s.tied_path_count == 2);
  CHECK(r.ids(r.s.critical_path) == Ids{"x1", "x2"});
}

TEST_CASE("cpm: unknown --to and --initiative ids are schedule errors", "[cpm]") {
  const Model m = load_valid(doc(R"({"id": "s", "duration": 1, "initiative": "i"})", "", R"({"id": "i"})"));
  const auto fails = [&](const std::string& to, const std::string& initiative) {
    NetworkOptions o;
    o.to = to;
    o.initiative = initiative;
    CHECK_THROWS_AS(build_network(m, o), ScheduleError);
  };
  fails("nope", "");
  fails("i", "");  // an initiative is not a milestone
  fails("", "nope");
  fails("", "s");  // a step is not an initiative
  CHECK_NOTHROW(build_network(m, NetworkOptions{"i", "s", Estimate::expected, false}));
}

TEST_CASE("cpm: textbook example (Hillier and Lieberman: Reliable Construction Co.)", "[cpm]") {
  // Source: F. S. Hillier and G. J. Lieberman, "Introduction to Operations Research" (McGraw-Hill,
  // 7th ed. 2001 onwards), chapter "Project Management with PERT/CPM": the Reliable Construction
  // Co. project, an activity-on-node network of 14 activities in weeks.
  //   A 2 excavate; B 4 foundation (A); C 10 rough wall (B); D 6 roof (C);
  //   E 4 exterior plumbing (C); F 5 interior plumbing (E); G 7 exterior siding (D);
  //   H 9 exterior painting (E, G); I 7 electrical work (C); J 8 wallboard (F, I);
  //   K 4 flooring (J); L 5 interior painting (J); M 2 exterior fixtures (H);
  //   N 6 interior fixtures (K, L).
  // The book's results relied on here: project duration 44 weeks; the critical path
  // START -> A -> B -> C -> E -> F -> J -> L -> N -> FINISH; and its slack table
  // (ES, LS, slack): D 16/20/4, G 22/26/4, H 29/33/4, I 16/18/2, K 33/34/1, M 38/42/4, and
  // slack 0 for A, B, C, E, F, J, L, N. (EF = ES + d, LF = LS + d.) The book gives no free
  // floats; those below are ours: ff = min ES of successors - EF (44 - EF at the end), so
  // I 25 - 23 = 2, K 38 - 37 = 1, M 44 - 40 = 4, and 0 for D (G starts at 22 = EF of D),
  // G (H at 29) and H (M at 38).
  const Result r = schedule(doc(R"(
    {"id": "N", "duration": 6, "depends_on": ["K", "L"]}, {"id": "M", "duration": 2, "depends_on": ["H"]},
    {"id": "L", "duration": 5, "depends_on": ["J"]}, {"id": "K", "duration": 4, "depends_on": ["J"]},
    {"id": "J", "duration": 8, "depends_on": ["F", "I"]}, {"id": "I", "duration": 7, "depends_on": ["C"]},
    {"id": "H", "duration": 9, "depends_on": ["E", "G"]}, {"id": "G", "duration": 7, "depends_on": ["D"]},
    {"id": "F", "duration": 5, "depends_on": ["E"]}, {"id": "E", "duration": 4, "depends_on": ["C"]},
    {"id": "D", "duration": 6, "depends_on": ["C"]}, {"id": "C", "duration": 10, "depends_on": ["B"]},
    {"id": "B", "duration": 4, "depends_on": ["A"]}, {"id": "A", "duration": 2})"));
  CHECK(r.s.duration == 44);
  check(r, "A", 0, 2, 0, 2, 0, 0, true);
  check(r, "B", 2, 6, 2, 6, 0, 0, true);
  check(r, "C", 6, 16, 6, 16, 0, 0, true);
  check(r, "D", 16, 22, 20, 26, 4, 0, false);
  check(r, "E", 16, 20, 16, 20, 0, 0, true);
  check(r, "F", 20, 25, 20, 25, 0, 0, true);
  check(r, "G", 22, 29, 26, 33, 4, 0, false);
  check(r, "H", 29, 38, 33, 42, 4, 0, false);
  check(r, "I", 16, 23, 18, 25, 2, 2, false);
  check(r, "J", 25, 33, 25, 33, 0, 0, true);
  check(r, "K", 33, 37, 34, 38, 1, 1, false);
  check(r, "L", 33, 38, 33, 38, 0, 0, true);
  check(r, "M", 38, 40, 42, 44, 4, 4, false);
  check(r, "N", 38, 44, 38, 44, 0, 0, true);
  CHECK(r.ids(r.s.critical_path) == Ids{"A", "B", "C", "E", "F", "J", "L", "N"});
  CHECK(r.s.tied_path_count == 1);
}

TEST_CASE("cpm: free float differs from total float", "[cpm]") {
  // a(2) -> b(3) -> e(1); a -> c(1) -> d(1) -> e.
  // Forward:  a 0..2, b 2..5, c 2..3, d 3..4, e max(5,4)=5..6; duration 6.
  // Backward: e 5..6; b lf 5 ls 2; d lf 5 ls 4; c lf 4 ls 3; a lf min(2,3)=2 ls 0.
  // c: total float 1 but free float es(d) - ef(c) = 3 - 3 = 0 (its slip delays d, not the end);
  // d: total float 1 and free float es(e) - ef(d) = 5 - 4 = 1.
  const Result r = schedule(doc(R"(
    {"id": "a", "duration": 2}, {"id": "b", "duration": 3, "depends_on": ["a"]},
    {"id": "c", "duration": 1, "depends_on": ["a"]}, {"id": "d", "duration": 1, "depends_on": ["c"]},
    {"id": "e", "duration": 1, "depends_on": ["b", "d"]})"));
  CHECK(r.s.duration == 6);
  check(r, "a", 0, 2, 0, 2, 0, 0, true);
  check(r, "b", 2, 5, 2, 5, 0, 0, true);
  check(r, "c", 2, 3, 3, 4, 1, 0, false);
  check(r, "d", 3, 4, 4, 5, 1, 1, false);
  check(r, "e", 5, 6, 5, 6, 0, 0, true);
  CHECK(r.ids(r.s.critical_path) == Ids{"a", "b", "e"});
}

TEST_CASE("cpm: a dependency listed twice counts once", "[cpm]") {
  // a(2) -> b(3), with b listing a twice (a warning, not an error). One link, one chain.
  const Result r = schedule(doc(R"(
    {"id": "a", "duration": 2}, {"id": "b", "duration": 3, "depends_on": ["a", "a"]})"));
  CHECK(r.net.link_count() == 1);
  CHECK(r.net.succ_begin[r.at("a") + 1] - r.net.succ_begin[r.at("a")] == 1);
  CHECK(r.s.duration == 5);
  check(r, "a", 0, 2, 0, 2, 0, 0, true);
  check(r, "b", 2, 5, 2, 5, 0, 0, true);
  CHECK(r.s.tied_path_count == 1);
  CHECK(r.tied() == std::vector<Ids>{{"a", "b"}});
}

TEST_CASE("cpm: tied chains are capped but all counted", "[cpm]") {
  // s(1) -> p0..p4(1) -> m(1) -> q0..q4(1) -> t(1): 5 x 5 = 25 chains of 5 days, cap 20.
  std::string steps =
      R"({"id": "s", "duration": 1}, {"id": "m", "duration": 1, "depends_on": ["p0","p1","p2","p3","p4"]},
    {"id": "t", "duration": 1, "depends_on": ["q0","q1","q2","q3","q4"]})";
  for (int i = 0; i < 5; ++i)
    steps += ", {\"id\": \"p" + std::to_string(i) + "\", \"duration\": 1, \"depends_on\": [\"s\"]}" + ", {\"id\": \"q" +
             std::to_string(i) + "\", \"duration\": 1, \"depends_on\": [\"m\"]}";
  const Result r = schedule(doc(steps));
  CHECK(r.s.duration == 5);
  CHECK(r.s.tied_path_count == 25);
  CHECK(r.s.tied_paths.size() == kTiedPathCap);
  CHECK(r.ids(r.s.critical_path) == Ids{"s", "p0", "m", "q0", "t"});
  CHECK(r.tied().front() == Ids{"s", "p0", "m", "q0", "t"});
  CHECK(r.tied().back() == Ids{"s", "p3", "m", "q4", "t"});  // the 20th in id order
}

TEST_CASE("cpm: an unknown --initiative is an error even with --to", "[cpm]") {
  // With --to the network is the milestone and its predecessors; --initiative is still checked.
  const Model m = load_valid(doc(R"({"id": "s", "duration": 1})"));
  NetworkOptions o;
  o.to = "s";
  o.initiative = "no-such-initiative";
  CHECK_THROWS_AS(build_network(m, o), ScheduleError);
}
