#pragma once
// The pieces of analyze_conflicts, one per file. Private to the library.
#include <map>
#include <set>

#include "clearpath/conflicts.hpp"

namespace clearpath {

// One initiative's own network and CPM schedule, and which of its activities are critical or
// near-critical (remaining work only: done steps and granted gates are left out).
struct InitiativeWork {
  Ref initiative = kNoRef;
  Network network;
  Schedule schedule;
  std::vector<std::uint32_t> pressing;  // critical or near-critical, not done (activity indexes)
  bool critical(std::uint32_t a) const { return schedule.times[a].total_float <= kFloatEpsilon; }
};
// `focus`: the network and schedule already built for --initiative, used for that initiative
// rather than built again.
std::vector<InitiativeWork> initiative_work(const Model& model, const std::vector<Ref>& initiatives, double near_days,
                                            const Network* focus_network = nullptr,
                                            const Schedule* focus_schedule = nullptr);

// Who holds each initiative's pressing work: department -> initiative -> the items.
struct Holding {
  std::vector<Ref> items;  // in schedule order (earliest start, then id)
  std::vector<double> starts;
  bool critical = false;
  double days = 0;
};
using Holdings = std::map<Ref, std::map<Ref, Holding>>;
Holdings pressing_work_by_department(const Model& model, const std::vector<InitiativeWork>& work);

std::vector<RankingConflict> ranking_conflicts(const Model& model, const Holdings& holdings, std::size_t top);
std::vector<PriorityInversion> priority_inversions(const Model& model, const Holdings& holdings);
Disagreement ranking_disagreement(const Model& model);

// The demands of a network's activities that load a resource (steps of non-zero duration), read
// from the model once for the over-allocation and the levelling. Resources are numbered in the
// order they are first demanded (activities in network order).
struct NetworkLoads {
  std::vector<Ref> resources;           // by number
  std::vector<std::uint32_t> first;     // by activity: its demands are [first[a], first[a + 1])
  std::vector<std::uint32_t> resource;  // by demand: its resource's number
  std::vector<double> amount;           // by demand
};
NetworkLoads network_loads(const Model& model, const Network& net);

// Each resource's load over the early-start schedule, where it exceeds capacity.
// The steps in a period are listed critical first (least total float), then by id.
std::vector<Overallocation> overallocations(const Model& model, const Network& net, const Schedule& schedule,
                                            const NetworkLoads& loads);
// A resource's capacity for load and levelling: a person's `capacity` (whether or not they are
// available: unavailability is a blocker of its own), a department's department_capacity.
double resource_capacity(const Model& model, Ref resource);

LevelledOutcome level_model(const Model& model, const Network& net, const Schedule& schedule, const NetworkLoads& loads,
                            const std::vector<Overallocation>& over, const LevellingOptions& options);

std::vector<SkillGap> skill_gaps(const Model& model, const Network& net, const std::set<Ref>& critical_steps);
std::vector<SkillConcentration> skill_concentrations(const Model& model, const std::set<Ref>& critical_steps);

}  // namespace clearpath
