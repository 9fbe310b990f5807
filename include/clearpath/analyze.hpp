#pragma once
// `clearpath analyze`: every analysis of a model at once (critical path, co-pilots, conflicts),
// their findings merged into one ranked list, and the executive summary a sponsor reads first.
// See docs/analyze.md.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "clearpath/conflicts.hpp"
#include "clearpath/copilots.hpp"
#include "clearpath/diagnostic.hpp"
#include "clearpath/finding.hpp"
#include "clearpath/path_analysis.hpp"
#include "clearpath/progress.hpp"

namespace clearpath {

struct AnalyzeOptions {
  std::string initiative;    // "": every initiative (the summary speaks of the path's focus)
  std::size_t simulate = 0;  // Monte Carlo runs for the P80; 0 = none
  std::uint64_t seed = 1;
  double near_days = 5;  // near-critical: total float below this
  std::size_t top = 3;   // conflicts: departments should rank critical initiatives in their top N
  // Simulation threads; 0 = all cores. 1 also keeps every analysis on this thread; otherwise,
  // when the model has 50,000 steps and approvals or more and nothing is simulated, the critical
  // path and co-pilots run on a thread of their own beside the conflicts (which may use a second
  // one for the initiatives' analyses). The results never depend on it.
  unsigned threads = 0;
  std::function<void(std::size_t done, std::size_t total)> progress;  // simulation progress
  // Each analysis as a phase ("critical path", "co-pilots", "conflicts"), the simulation's
  // runs counted in the first; one phase, "critical path, co-pilots and conflicts", when they
  // run side by side; none when null.
  ProgressObserver* observer = nullptr;
};

// One problem of the merged list. Two analyses sometimes see one problem from two sides: the
// path sees a gate or step that holds back the critical path ("critical-path-blocker"), the
// co-pilot analysis the executive missing from that gate ("missing-copilot"), the conflicts
// analysis the skill nobody available has ("skills-gap"). Findings whose first subject is the
// same gate or step and whose kinds are such a pair become one: the worst severity and largest
// cost lead, and the others are kept with it.
struct MergedFinding {
  Finding finding;                   // the worst severity, then largest cost, then path first
  std::vector<std::string> sources;  // the analyses that reported it: "path", "copilots", "conflicts"
  std::vector<Finding> also;         // the other findings merged into it, in source order
};

// Ranked: severity (worst first), cost of delay (largest first), then the subjects' ids.
std::vector<MergedFinding> merge_findings(const std::vector<Finding>& path, const std::vector<Finding>& copilots,
                                          const std::vector<Finding>& conflicts);

// What the executive summary says, about the focus initiative.
struct ExecutiveSummary {
  std::optional<Ref> initiative;  // the focus: --initiative, else the path's choice
  double production_day = 0;      // expected working day of production (CPM, expected durations)
  std::optional<std::string> production_date;
  std::optional<double> p80_day;  // with --simulate
  std::optional<std::string> p80_date;
  std::optional<double> momentum_days;      // the initiative's momentum window
  std::optional<double> p_within_momentum;  // simulation, else the PERT normal approximation
  std::optional<double> levelled_day;       // once nobody is over capacity
  std::optional<std::string> levelled_date;
  std::optional<int> payback_month;
  double cost_per_day = 0;
  std::size_t legacy_steps = 0;  // the longest legacy-system chain (by count)
  double legacy_days = 0, legacy_chain_days = 0;
  std::size_t errors = 0, warnings = 0, infos = 0;
};

struct Analysis {
  PathAnalysis path;
  CopilotAnalysis copilots;
  ConflictAnalysis conflicts;
  PathOptions path_options;
  CopilotOptions copilot_options;
  ConflictOptions conflict_options;
  std::vector<MergedFinding> findings;
  ExecutiveSummary summary;
};

// Throws ScheduleError or CopilotError for bad options (unknown initiative, person); the loader
// has rejected files the analyses could not compute.
Analysis analyze_model(const Model& model, const AnalyzeOptions& options);

// The findings of a merged list as plain findings (for exit codes).
std::vector<Finding> plain_findings(const std::vector<MergedFinding>& merged);

}  // namespace clearpath
