// Resource levelling (the resource-constrained project scheduling problem, RCPSP), heuristically:
//
// 1. Serial schedule-generation scheme (SGS): activities in a precedence-feasible priority
//    order, each started at the earliest time >= its predecessors' finishes at which all its
//    demands fit for its whole duration. Priority: latest finish time (LFT, backward CPM pass),
//    ties by latest start, then index. Links of other types or with lags are, with fixed
//    durations, minimum distances between starts (S_j >= S_i + delta_ij, levelling_setup.cpp):
//    the earliest time is then the largest start + distance, and never before 0.
// 2. Forward-backward improvement, "justification" (Tormos & Lova 2001; Valls, Ballestin &
//    Quintanilla 2005): schedule the activities again in reverse time, in order of decreasing
//    finish (right-justification), then forward again in order of increasing start of that
//    schedule (left-justification). Neither step lengthens the schedule; repeat while it
//    shortens (at most kLevellingMaxRounds rounds). With links of other types or leads the
//    lists must follow the links instead (activity_lists.cpp), so a round may come out longer,
//    and improve keeps the shorter schedule.
// 3. A genetic search over activity lists of `effort` passes (levelling_search.cpp): a
//    population seeded with sampled schedules, each justified: half regret-based biased random
//    sampling on LFT (Kolisch & Drexl 1996), half random keys around the best schedule so far
//    (its start times plus noise); half of each run in reverse time (bidirectional sampling).
//    Then children by two-point crossover (Hartmann 1998) and insertion moves, each decoded by
//    the serial scheme and justified once; the shortest survive. Seeded with the project's own
//    Xoshiro256, never std:: distributions, so a seed gives the same schedule everywhere.
// The search stops early at the lower bound (critical path, resource work / capacity), and
// starts nothing new once levelling_work_budget(effort) work units are spent (see levelling.hpp).
//
// The pieces live in files of their own (levelling_parts.hpp lists them): the resource profiles
// (resource_profile.hpp: per resource, blocked change points; grid_profile.hpp: unit cells, for
// small problems with integer times), set-up, activity lists, the serial scheme with
// justification, and the genetic search. The returned schedule always comes from a forward pass,
// whose starts are exact sums of finishes, so finish-to-start links without lag hold exactly in
// floating point (others to within a rounding: a start plus a distance is not always the same
// double as the start plus the duration plus the lag); loads are compared with a tolerance of
// 1e-9 of the capacity.
#include "clearpath/levelling.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <sstream>
#include <utility>

#include "analysis/levelling_parts.hpp"

namespace clearpath {

namespace levelling_detail {

std::string num(double v) {
  std::ostringstream o;
  o.precision(12);
  o << v;
  return o.str();
}

// The deterministic schedule, then the genetic search; the best schedule found.
LevelledSchedule Leveller::run() {
  LevelledSchedule out;
  out.lower_bound = lower_bound_;
  if (n_ == 0) return out;

  // Deterministic: the LFT rule, then justification.
  SerialSchedule& best = best_;
  for (u32 a = 0; a < n_; ++a) {
    key1_[a] = lft_[a];
    key2_[a] = lft_[a] - dur_[a];
  }
  list_by_keys(false, best.list);
  sgs(false, best);
  if (options_.justify) improve(best);

  if (options_.effort > 0) evolve();

  out.start = best.start;
  out.makespan = best.makespan;
  out.schedules = schedules_;
  return out;
}

}  // namespace levelling_detail

using levelling_detail::num;
using levelling_detail::tolerance;

namespace {

// Why predecessor_timing does not match predecessors in size, if it does not.
std::optional<std::string> timing_mismatch(const LevellingProblem& problem) {
  const auto& timing = problem.predecessor_timing;
  if (timing.empty()) return std::nullopt;
  if (timing.size() != problem.predecessors.size())
    return "the problem's predecessor_timing has " + std::to_string(timing.size()) + " entries for " +
           std::to_string(problem.predecessors.size()) + " activities";
  for (std::size_t a = 0; a < timing.size(); ++a)
    if (timing[a].size() != problem.predecessors[a].size())
      return "activity " + std::to_string(a) + " has " + std::to_string(timing[a].size()) + " link timings for " +
             std::to_string(problem.predecessors[a].size()) + " predecessors";
  return std::nullopt;
}

const char* link_words(LinkType type) {
  switch (type) {
    case LinkType::finish_to_start: return "finish-to-start";
    case LinkType::start_to_start: return "start-to-start";
    case LinkType::finish_to_finish: return "finish-to-finish";
    case LinkType::start_to_finish: return "start-to-finish";
  }
  return "unknown";
}

// Why activity a breaks its k-th link (from predecessor q), if it does: a starts earlier than
// earliest_start_after allows, beyond the tolerance. A plain link is worded as it always was.
std::optional<std::string> broken_link(const LevellingProblem& problem, const LevelledSchedule& schedule, std::size_t a,
                                       std::size_t k) {
  const std::size_t n = problem.duration.size();
  const std::uint32_t q = problem.predecessors[a][k];
  if (q >= n) return "predecessor " + std::to_string(q) + " of activity " + std::to_string(a) + " is out of range";
  const LinkTiming link = problem.predecessor_timing.empty() ? LinkTiming{} : problem.predecessor_timing[a][k];
  if (!std::isfinite(link.lag))
    return "the link from activity " + std::to_string(q) + " to activity " + std::to_string(a) + " has lag " +
           num(link.lag);
  const double s = schedule.start[a], qs = schedule.start[q], qf = qs + problem.duration[q];
  const double bound = earliest_start_after(link, qs, qf, problem.duration[a]);
  if (!(s < bound - tolerance(bound))) return std::nullopt;
  if (link.plain())
    return "activity " + std::to_string(a) + " starts at " + num(s) + ", before its predecessor " + std::to_string(q) +
           " finishes at " + num(qf);
  return "activity " + std::to_string(a) + " starts at " + num(s) + " (finishes at " + num(s + problem.duration[a]) +
         "), but its " + link_words(link.type) + " link from activity " + std::to_string(q) + " with lag " +
         num(link.lag) + " (activity " + std::to_string(q) + " starts at " + num(qs) + ", finishes at " + num(qf) +
         ") lets it start at " + num(bound) + " at the earliest";
}

}  // namespace

LevelledSchedule level_resources(const LevellingProblem& problem, const LevellingOptions& options) {
  if (problem.duration.size() >= std::numeric_limits<levelling_detail::u32>::max())
    throw std::invalid_argument("levelling: too many activities");
  return levelling_detail::Leveller(problem, options).run();
}

std::optional<std::string> check_levelled(const LevellingProblem& problem, const LevelledSchedule& schedule) {
  const std::size_t n = problem.duration.size();
  if (schedule.start.size() != n)
    return "the schedule has " + std::to_string(schedule.start.size()) + " start times for " + std::to_string(n) +
           " activities";
  if (problem.predecessors.size() != n || problem.demand.size() != n)
    return "the problem's predecessors/demand lists do not match its " + std::to_string(n) + " activities";
  if (auto why = timing_mismatch(problem)) return why;
  double last = 0;
  for (std::size_t a = 0; a < n; ++a) {
    const double s = schedule.start[a], d = problem.duration[a];
    if (!std::isfinite(s)) return "activity " + std::to_string(a) + " has no finite start (" + num(s) + ")";
    if (s < -tolerance(0)) return "activity " + std::to_string(a) + " starts at " + num(s) + ", before time 0";
    if (!std::isfinite(d) || d < 0) return "activity " + std::to_string(a) + " has duration " + num(d);
    last = std::max(last, s + d);
  }
  if (std::fabs(schedule.makespan - last) > tolerance(last))
    return "the makespan is " + num(schedule.makespan) + " but the last activity finishes at " + num(last);

  for (std::size_t a = 0; a < n; ++a)
    for (std::size_t k = 0; k < problem.predecessors[a].size(); ++k)
      if (auto why = broken_link(problem, schedule, a, k)) return why;

  // Resources: per resource, starts add and finishes remove; at (nearly) equal times the
  // finishes come first, as an activity occupies [start, finish).
  struct Event {
    std::uint32_t resource;
    double time;
    int kind;  // 0 finish, 1 start
    double amount;
    std::uint32_t activity;
    std::uint32_t slot;  // the demand's place in its activity's list (one resource may be listed twice)
  };
  // Bucketed by resource first (a counting sort), then each resource's events sorted: the order
  // of one sort by (resource, time, kind, activity), in far less time at a million activities.
  std::vector<std::size_t> first(problem.capacity.size() + 1, 0);
  for (std::size_t a = 0; a < n; ++a)
    for (const auto& [r, q] : problem.demand[a]) {
      if (r >= problem.capacity.size())
        return "activity " + std::to_string(a) + " demands resource " + std::to_string(r) + ", which does not exist";
      if (q > 0 && problem.duration[a] > 0) first[r + 1] += 2;
    }
  for (std::size_t r = 0; r + 1 < first.size(); ++r) first[r + 1] += first[r];
  std::vector<Event> events(first.back());
  std::vector<std::size_t> fill(first.begin(), first.end() - 1);
  for (std::size_t a = 0; a < n; ++a) {
    const double d = problem.duration[a];
    for (std::uint32_t slot = 0; slot < problem.demand[a].size(); ++slot) {
      const auto& [r, q] = problem.demand[a][slot];
      if (!(q > 0) || !(d > 0)) continue;
      const double s = schedule.start[a], f = s + d;
      const auto act = static_cast<std::uint32_t>(a);
      events[fill[r]++] = {r, s, 1, q, act, slot};
      events[fill[r]++] = {r, f - tolerance(f), 0, q, act, slot};
    }
  }
  for (std::size_t r = 0; r + 1 < first.size(); ++r)
    std::sort(events.begin() + static_cast<std::ptrdiff_t>(first[r]),
              events.begin() + static_cast<std::ptrdiff_t>(first[r + 1]), [](const Event& x, const Event& y) {
                if (x.time != y.time) return x.time < y.time;
                if (x.kind != y.kind) return x.kind < y.kind;
                if (x.activity != y.activity) return x.activity < y.activity;
                return x.slot < y.slot;
              });
  double load = 0;
  for (std::size_t k = 0; k < events.size(); ++k) {
    const Event& e = events[k];
    if (k == 0 || events[k - 1].resource != e.resource) load = 0;
    if (e.kind == 0) {
      load -= e.amount;
      continue;
    }
    load += e.amount;
    const double cap = problem.capacity[e.resource];
    if (load > cap + tolerance(cap))
      return "resource " + std::to_string(e.resource) + " is loaded " + num(load) + ", over its capacity " + num(cap) +
             ", at time " + num(e.time) + " when activity " + std::to_string(e.activity) + " starts";
  }
  return std::nullopt;
}

}  // namespace clearpath
