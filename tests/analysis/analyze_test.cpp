#include <catch2/catch.hpp>

#include <sstream>

#include "clearpath/analyze.hpp"
#include "report/analyze_report.hpp"
#include "report/conflicts_report.hpp"
#include "report/copilots_report.hpp"
#include "report/path_report.hpp"
#include "support/test_support.hpp"

using namespace clearpath;

namespace {

std::string analyze_json(const Model& m, const AnalyzeOptions& options) {
  std::ostringstream out;
  AnalyzeReportOptions report;
  report.file = "generated.json";
  write_analyze_json(out, m, analyze_model(m, options), options, report);
  return out.str();
}

}  // namespace

TEST_CASE("analyze of a large network: the analyses side by side give what one thread gives, to the byte",
          "[analyze][threads]") {
  // 60,000 steps: past the 50,000 activities from which the critical path and co-pilots run
  // on a second thread beside the conflicts.
  const Model m = clearpath::test::generated_model(60'000, 3'000, 5, 40);
  AnalyzeOptions one;
  one.threads = 1;
  AnalyzeOptions two = one;
  two.threads = 0;
  const std::string a = analyze_json(m, one), b = analyze_json(m, two);
  CHECK(a.find("\"missing-copilot\"") != std::string::npos);
  CHECK(a.find("\"priority-conflict\"") != std::string::npos);
  CHECK(a.find("\"critical-path-blocker\"") != std::string::npos);
  CHECK(a == b);
}

TEST_CASE("analyze reports one progress phase for the analyses side by side, three one after another",
          "[analyze][threads]") {
  struct Phases : ProgressObserver {
    std::vector<std::string> names;
    void begin(std::string_view phase, ProgressUnit) override { names.emplace_back(phase); }
    void advance(std::uint64_t, std::uint64_t) override {}
    void end(bool) override {}
  };
  const Model large = clearpath::test::generated_model(60'000, 3'000, 5, 40);
  const Model small = clearpath::test::generated_model(200, 40, 5, 4);
  Phases side_by_side, in_turn, one_thread;
  AnalyzeOptions options;
  options.observer = &side_by_side;
  (void)analyze_model(large, options);
  options.observer = &in_turn;
  (void)analyze_model(small, options);
  options.observer = &one_thread;
  options.threads = 1;
  (void)analyze_model(large, options);
  CHECK(side_by_side.names == std::vector<std::string>{"critical path, co-pilots and conflicts"});
  const std::vector<std::string> three{"critical path", "co-pilots", "conflicts"};
  CHECK(in_turn.names == three);
  CHECK(one_thread.names == three);
}

TEST_CASE("analyze's analyses, on the one network it builds, are the analyses run alone", "[analyze]") {
  const Model m = clearpath::test::generated_model(3'000, 300, 9, 12);
  for (const std::string initiative : {"", "init1"}) {
    INFO("initiative '" << initiative << "'");
    AnalyzeOptions options;
    options.initiative = initiative;
    const Analysis a = analyze_model(m, options);
    const PathAnalysis path = analyze_path(m, a.path_options);
    const CopilotAnalysis copilots = analyze_copilots(m, a.copilot_options);
    const ConflictAnalysis conflicts = analyze_conflicts(m, a.conflict_options);
    std::ostringstream together, alone;
    PathReportOptions report;
    report.file = "f";
    write_path_json(together, m, a.path, a.path_options, report);
    write_path_json(alone, m, path, a.path_options, report);
    CHECK(together.str() == alone.str());
    CHECK(copilots_json(m, a.copilots, a.copilot_options, {"f"}).dump() ==
          copilots_json(m, copilots, a.copilot_options, {"f"}).dump());
    CHECK(conflicts_json(m, a.conflicts, a.conflict_options, {"f"}).dump() ==
          conflicts_json(m, conflicts, a.conflict_options, {"f"}).dump());
    CHECK(a.path.network.size() ==
          (initiative.empty() ? m.steps().size() + m.approvals().size() : path.network.size()));
  }
}
