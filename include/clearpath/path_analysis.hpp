#pragma once
// `clearpath path`: the critical path of a model with what holds it back — the longest
// legacy-system chain, blockers on critical work, PERT and Monte Carlo risk, and the business
// case (production date, payback, cost of delay).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "clearpath/finding.hpp"
#include "clearpath/schedule.hpp"

namespace clearpath {

enum class Distribution : std::uint8_t { pert_beta, triangular };

// A check that says why an approval cannot be granted as planned, or nothing. When none is
// given, the gate's rule is checked exactly against its available approvers (check_gate, the
// co-pilot analysis), the reasons joined by "; ".
using ApprovalCheck = std::function<std::optional<std::string>(const Model&, Ref approval)>;

struct PathOptions {
  NetworkOptions network;
  double near_days = 5;      // near-critical: total float below this
  std::size_t simulate = 0;  // Monte Carlo runs; 0 = none
  std::uint64_t seed = 1;
  Distribution distribution = Distribution::pert_beta;
  // Simulation threads, 0 = all cores; 1 also keeps the legacy chains of a large network (50,000
  // activities or more) on the calling thread. The results never depend on it.
  unsigned threads = 0;
  ApprovalCheck approval_check;                                       // empty: check_gate
  std::function<void(std::size_t done, std::size_t total)> progress;  // simulation progress
};

// One working day of delay costs value_per_month x 12 / 260 (260 working days a year).
inline constexpr double kWorkingDaysPerYear = 260;
double cost_per_day(const Initiative& initiative) noexcept;

struct LegacyChain {
  std::vector<std::uint32_t> steps;  // the legacy steps on the chain, in order (activity indexes)
  std::vector<std::uint32_t> path;   // every activity of the chain, first to last legacy step
  std::size_t count = 0;             // legacy steps on it
  double duration = 0;               // their total duration
  double path_duration = 0;          // the whole chain's, approvals and other steps included
};

struct Blocker {
  std::uint32_t activity = 0;
  std::string code;       // "blocked", "denied", "no-owner", "owner-unavailable", "skills-gap",
                          // "approvers", "cross-initiative"
  std::string reason;     // for people
  double delay_days = 0;  // the part of the schedule that waits on it: duration - latest start
  double cost_of_delay = 0;
  bool critical = false;  // critical (else near-critical)
};

struct Simulation {
  std::size_t runs = 0;
  double p50 = 0, p80 = 0, p95 = 0;         // project duration percentiles (nearest rank)
  std::optional<double> p_within_momentum;  // the focus initiative's finish within its window
  double focus_p80 = 0;                     // the focus initiative's P80 finish
  std::vector<double> criticality;          // by activity: share of runs it was critical
};

// Per initiative with activities in the network.
struct InitiativeOutlook {
  Ref initiative = kNoRef;
  std::uint32_t last_activity = 0;          // the activity that finishes it (largest earliest finish)
  double finish = 0;                        // expected production day
  double mean = 0, sd = 0;                  // PERT along its driving chain
  std::optional<double> p_within_momentum;  // normal approximation
  double cost_per_day = 0;
  std::optional<int> payback_month;  // months after production until cumulative net value covers build cost
};

// An item the forecast finishes later than the plan: the plan is the schedule from scratch
// (every item at its full duration from the calendar start, as if nothing had happened), the
// forecast the schedule of the remaining work from the status date.
struct LateItem {
  std::uint32_t activity = 0;
  double planned_finish = 0, forecast_finish = 0;  // working days from the calendar start
  bool overdue = false;                            // the plan had it finished by the status date, and it is not done
};

// Progress against the plan, when the model tracks any (a status date, or a step's progress).
struct ProgressOutlook {
  double status_day = 0;  // working days from the calendar start to the status date (0: none)
  std::size_t done = 0, in_progress = 0, not_started = 0;  // steps of the network
  double planned_duration = 0, forecast_duration = 0;
  std::vector<LateItem> late;  // by slip (largest first), then activity (id)
};

struct PathAnalysis {
  Network network;
  Schedule schedule;
  std::vector<double> sd;  // by activity: PERT standard deviation (p - o) / 6
  double project_sd = 0;   // along "the" critical path
  LegacyChain legacy_by_count, legacy_by_duration;
  std::vector<Blocker> blockers;               // ranked by cost of delay, then days, then id
  std::vector<InitiativeOutlook> initiatives;  // by id
  std::optional<Ref> focus;                    // the initiative the summary speaks of
  std::optional<Simulation> simulation;
  std::optional<ProgressOutlook> progress;  // none when the model tracks no progress, or from scratch
  std::vector<Finding> findings;            // blockers and risks, sorted
};

PathAnalysis analyze_path(const Model& model, const PathOptions& options);

// The chain of predecessors that sets an activity's earliest start, and the successors that
// set its latest finish (for --explain).
std::vector<std::uint32_t> driving_predecessors(const PathAnalysis& a, std::uint32_t activity);
std::vector<std::uint32_t> limiting_successors(const PathAnalysis& a, std::uint32_t activity);

}  // namespace clearpath
