#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "clearpath/analyze.hpp"
#include "report/analyze_report.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

namespace {

Finding make(std::string kind, Severity s, std::vector<std::string> subjects, double cost = 0) {
  return {std::move(kind), s, std::move(subjects), "m", 0, cost};
}

}  // namespace

TEST_CASE("merge: one problem seen by two analyses becomes one finding", "[analyze]") {
  const std::vector<Finding> path{make("critical-path-blocker", Severity::error, {"gate", "init"}, 500),
                                  make("critical-path-blocker", Severity::error, {"deploy", "init"}, 100),
                                  make("momentum-risk", Severity::warning, {"init"}, 900)};
  const std::vector<Finding> copilots{make("missing-copilot", Severity::error, {"gate", "cio"}),
                                      make("missing-copilot", Severity::error, {"init", "cmo"})};
  const std::vector<Finding> conflicts{make("skills-gap", Severity::error, {"deploy", "ana", "ops"}),
                                       make("over-allocation", Severity::warning, {"ana"})};
  const auto merged = merge_findings(path, copilots, conflicts);
  REQUIRE(merged.size() == 5);
  // error 500 (gate), error 100 (deploy), error 0 (init), warning 900, warning 0.
  CHECK(merged[0].finding.subjects == std::vector<std::string>{"gate", "init"});
  CHECK(merged[0].sources == std::vector<std::string>{"path", "copilots"});
  REQUIRE(merged[0].also.size() == 1);
  CHECK(merged[0].also[0].kind == "missing-copilot");
  CHECK(merged[1].finding.kind == "critical-path-blocker");
  CHECK(merged[1].sources == std::vector<std::string>{"path", "conflicts"});
  CHECK(merged[1].also[0].kind == "skills-gap");
  // The initiative's missing co-pilot is about the initiative, not a gate: not merged with
  // the momentum risk, which is another problem.
  CHECK(merged[2].finding.kind == "missing-copilot");
  CHECK(merged[2].also.empty());
  CHECK(merged[3].finding.kind == "momentum-risk");
  CHECK(merged[4].finding.kind == "over-allocation");
  CHECK(plain_findings(merged).size() == 5);
}

TEST_CASE("merge: the worse or costlier finding leads, and same-source findings stay apart", "[analyze]") {
  // A near-critical blocker (warning) and a critical skills gap (error) on one step: the error leads.
  const auto merged = merge_findings({make("near-critical-blocker", Severity::warning, {"s"}, 40)}, {},
                                     {make("skills-gap", Severity::error, {"s", "p"})});
  REQUIRE(merged.size() == 1);
  CHECK(merged[0].finding.kind == "skills-gap");
  CHECK(merged[0].finding.severity == Severity::error);
  CHECK(merged[0].sources == std::vector<std::string>{"path", "conflicts"});
  // Two path findings about one step are two findings.
  const auto apart = merge_findings({make("critical-path-blocker", Severity::error, {"s"}, 1),
                                     make("critical-path-blocker", Severity::error, {"s"}, 2)},
                                    {}, {});
  CHECK(apart.size() == 2);
  CHECK(apart[0].finding.cost_of_delay == 2);
}

TEST_CASE("merge: ranked by severity, cost, then subjects, on random findings", "[analyze][property]") {
  std::uint64_t x = 12345;
  auto next = [&](std::uint64_t n) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    return (x >> 33) % n;
  };
  const char* kinds[] = {"critical-path-blocker", "missing-copilot", "skills-gap", "over-allocation", "momentum-risk"};
  for (int round = 0; round < 200; ++round) {
    std::vector<Finding> lists[3];
    std::size_t total = 0;
    for (auto& l : lists)
      for (std::size_t k = next(6); k > 0; --k, ++total)
        l.push_back(make(kinds[next(5)], static_cast<Severity>(next(3)),
                         {std::string("e").append(std::to_string(next(4)))}, static_cast<double>(next(3) * 100)));
    const auto merged = merge_findings(lists[0], lists[1], lists[2]);
    std::size_t count = 0;
    for (const MergedFinding& m : merged) count += 1 + m.also.size();
    CHECK(count == total);  // nothing lost, nothing invented
    for (std::size_t i = 1; i < merged.size(); ++i) {
      const Finding &a = merged[i - 1].finding, &b = merged[i].finding;
      CHECK((a.severity > b.severity || (a.severity == b.severity && a.cost_of_delay >= b.cost_of_delay)));
    }
    for (const MergedFinding& m : merged)
      for (const Finding& o : m.also) {
        CHECK(o.subjects.front() == m.finding.subjects.front());
        CHECK(m.finding.severity >= o.severity);
      }
    // The same input, the same list.
    const auto again = merge_findings(lists[0], lists[1], lists[2]);
    REQUIRE(again.size() == merged.size());
    for (std::size_t i = 0; i < merged.size(); ++i) CHECK(again[i].finding.kind == merged[i].finding.kind);
  }
}

TEST_CASE("analyze the churn example: summary figures", "[analyze]") {
  const Model m = clearpath::test::load_valid(clearpath::test::read_source_file("graphs/churn-model.json"));
  const Analysis a = analyze_model(m, {});
  const ExecutiveSummary& s = a.summary;
  REQUIRE(s.initiative);
  CHECK(m.id(*s.initiative) == "churn-model");
  CHECK(s.production_day == Approx(187));
  CHECK(s.production_date == "2027-11-19");
  CHECK(s.momentum_days == 90);
  CHECK(s.levelled_day == Approx(204));
  CHECK(s.levelled_date == "2027-12-16");
  CHECK(s.payback_month == 4);
  CHECK(s.legacy_steps == 7);
  CHECK(s.legacy_days == Approx(108));
  CHECK(s.legacy_chain_days == Approx(150));
  CHECK(!s.p80_day);
  CHECK(s.errors == 5);
  CHECK(s.warnings == 5);
  // The gate that cannot be granted: the path's blocker and the co-pilot analysis's missing
  // executive, once.
  REQUIRE(!a.findings.empty());
  CHECK(a.findings[0].finding.kind == "critical-path-blocker");
  CHECK(a.findings[0].finding.subjects.front() == "production-funding");
  CHECK(a.findings[0].sources == std::vector<std::string>{"path", "copilots"});
  CHECK(a.findings[0].finding.cost_of_delay == Approx(187 * 180000.0 * 12 / 260));

  AnalyzeOptions sim;
  sim.simulate = 2000;
  const Analysis b = analyze_model(m, sim);
  REQUIRE(b.summary.p80_day);
  CHECK(*b.summary.p80_day >= b.summary.production_day - 10);
  CHECK(b.summary.p80_date);
}

TEST_CASE("analyze: an unknown initiative is an input error", "[analyze]") {
  const Model m = clearpath::test::load_valid(clearpath::test::read_source_file("graphs/minimal.json"));
  AnalyzeOptions o;
  o.initiative = "nope";
  CHECK_THROWS_AS(analyze_model(m, o), ScheduleError);
}

TEST_CASE("analyze report: a diagram that could not be drawn leaves a note", "[analyze][report]") {
  const Model m = clearpath::test::load_valid(clearpath::test::read_source_file("graphs/minimal.json"));
  const Analysis a = analyze_model(m, {});
  AnalyzeReportOptions report;
  report.file = "minimal.json";
  report.diagrams.push_back({"deps", "Dependencies", "", "", "Graphviz failed: trouble in init_rank"});
  report.diagrams.push_back({"org", "Organisation", "org.svg", "<svg/>", ""});
  std::ostringstream text;
  write_text(text, analyze_document(m, a, report), false);
  CHECK(text.str().find("The deps diagram could not be drawn: Graphviz failed: trouble in init_rank") !=
        std::string::npos);
  CHECK(text.str().find("Organisation: org.svg") != std::string::npos);
}
