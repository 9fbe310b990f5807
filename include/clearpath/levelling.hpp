#pragma once
// Resource levelling: a schedule in which no resource is ever loaded beyond its capacity and
// every dependency holds, of any link type and lag (the resource-constrained project scheduling
// problem, with minimum time lags when the links are not all finish-to-start without lag).
// A serial schedule-generation scheme with a latest-finish priority rule, improved by
// forward-backward improvement (justification) and a seeded genetic search over activity lists
// of a bounded number of passes.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "clearpath/entities.hpp"
#include "clearpath/error.hpp"

namespace clearpath {

struct LevellingProblem {
  std::vector<double> duration;                          // by activity, >= 0
  std::vector<std::vector<std::uint32_t>> predecessors;  // by activity
  std::vector<double> capacity;                          // by resource, > 0
  // by activity: (resource, amount per unit of time) pairs, amount > 0
  std::vector<std::vector<std::pair<std::uint32_t, double>>> demand;
  // The type and lag of each link: empty (every link finish-to-start with no lag), or by activity
  // one per predecessor, parallel to `predecessors`. Lags are in the durations' unit, finite, and
  // may be negative (leads). With fixed durations each link is a minimum distance between starts:
  // S_j >= S_i + earliest_start_after(timing, 0, duration_i, duration_j) (entities.hpp).
  std::vector<std::vector<LinkTiming>> predecessor_timing;
  // Deadlines: empty (none), or by activity the time it should finish by (+infinity: none).
  // They are priorities, not constraints: work due earlier is placed first (its latest finish,
  // which the priority rule and the search's first lists sort by, is at most its deadline), and
  // the makespan stays what is minimised; a deadline the levelled schedule misses is reported
  // by whoever levels (conflicts: levelled-deadline-missed).
  std::vector<double> deadline;
};

struct LevellingOptions {
  // Passes of the search after the deterministic schedule (0 = none): a genetic search over
  // activity lists, each pass one child schedule and its justification (the first 20-40 passes
  // sample the population). 500 gives PSPLIB j30 about 0.15 % above the optimum on average, in
  // about 2 ms per instance; 20,000 gives PSPLIB j120 about 1.4 % above the best known makespans
  // in about 0.45 s (bench/levelling_psplib.sh, BENCHMARKS.md). More effort also allows more
  // work (levelling_work_budget), so it is the one knob: the default keeps large networks fast.
  std::size_t effort = 500;
  std::uint64_t seed = 1;  // same seed, same schedule
  // Forward-backward improvement (justification) after each schedule. Off, with effort 0: the
  // plain serial schedule with the latest-finish priority rule (one pass).
  bool justify = true;
};

// Work bound, so large instances stay fast: the search counts work units (one per activity
// placed or listed and per resource-profile point or grid cell examined, 8 per search of a
// profile, 16 per interval added to one) and starts no further justification round or pass once
// levelling_work_budget(effort) units are spent: kLevellingWorkBudget (about 0.3-1 s) up to
// effort 500 (the default), kLevellingWorkPerPass per pass above it. The first serial schedule
// always completes. A 120-activity instance never reaches the bound (a pass takes a few 1e4
// units); a 100,000-activity one with every activity on one shared resource gets its first
// schedule only, at the default effort. At most kLevellingMaxRounds forward-backward rounds
// follow each sampled schedule, one each child of the genetic search.
// Deterministic: it counts work, never time.
inline constexpr std::size_t kLevellingWorkBudget = 100'000'000;
inline constexpr std::size_t kLevellingWorkPerPass = 200'000;
inline constexpr std::size_t levelling_work_budget(std::size_t effort) {
  if (effort <= kLevellingWorkBudget / kLevellingWorkPerPass) return kLevellingWorkBudget;
  if (effort > static_cast<std::size_t>(-1) / kLevellingWorkPerPass) return static_cast<std::size_t>(-1);
  return effort * kLevellingWorkPerPass;
}
inline constexpr std::size_t kLevellingMaxRounds = 8;

struct LevelledSchedule {
  std::vector<double> start;  // by activity
  double makespan = 0;
  // A lower bound on every feasible makespan: the precedence-only critical path (with the links'
  // types and lags) and, for each resource, total work / capacity (rounded up when every duration
  // is an integer). The search stops early once it reaches this.
  double lower_bound = 0;
  std::size_t schedules = 0;  // schedules generated (serial passes, justification included)
};

// An activity of non-zero duration demands more of a resource than its capacity: it can never
// be scheduled. (A zero-duration activity loads nothing, so its demands are never an error.)
struct LevellingError : Error {
  std::uint32_t activity = 0, resource = 0;
  LevellingError(const std::string& what, std::uint32_t a, std::uint32_t r) : Error(what), activity(a), resource(r) {}
};

// The predecessors must form no cycle. Throws LevellingError as above, std::invalid_argument for
// malformed input (sizes that disagree, predecessor_timing included; a negative or non-finite
// duration or demand, a non-finite lag or unknown link type, a predecessor or resource index out
// of range, a demand on a resource whose capacity is not positive, a cycle).
LevelledSchedule level_resources(const LevellingProblem& problem, const LevellingOptions& options = {});

// Why a schedule breaks a dependency (of its type and lag) or overloads a resource, or nothing
// when it is feasible.
// Independent of level_resources: a sweep over all start and finish events per resource, with a
// tolerance of 1e-9 (relative, at least absolute) on times and loads. A negative start, or a
// makespan other than the latest finish, is reported too.
std::optional<std::string> check_levelled(const LevellingProblem& problem, const LevelledSchedule& schedule);

}  // namespace clearpath
