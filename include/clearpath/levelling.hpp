#pragma once
// Resource levelling: a schedule in which no resource is ever loaded beyond its capacity and
// every finish-to-start dependency holds (the resource-constrained project scheduling problem).
// A serial schedule-generation scheme with a latest-finish priority rule, improved by
// forward-backward improvement (justification) and a bounded number of seeded randomised passes.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace clearpath {

struct LevellingProblem {
  std::vector<double> duration;                          // by activity, >= 0
  std::vector<std::vector<std::uint32_t>> predecessors;  // by activity: finish-to-start
  std::vector<double> capacity;                          // by resource, > 0
  // by activity: (resource, amount per unit of time) pairs, amount > 0
  std::vector<std::vector<std::pair<std::uint32_t, double>>> demand;
};

struct LevellingOptions {
  std::size_t effort = 100;  // randomised passes after the deterministic ones (0 = none)
  std::uint64_t seed = 1;    // same seed, same schedule
};

struct LevelledSchedule {
  std::vector<double> start;  // by activity
  double makespan = 0;
};

// An activity demands more of a resource than its capacity: it can never be scheduled.
struct LevellingError : std::runtime_error {
  std::uint32_t activity = 0, resource = 0;
  LevellingError(const std::string& what, std::uint32_t a, std::uint32_t r) : std::runtime_error(what), activity(a), resource(r) {}
};

// The predecessors must form no cycle.
LevelledSchedule level_resources(const LevellingProblem& problem, const LevellingOptions& options = {});

// Why a schedule breaks a dependency or overloads a resource, or nothing when it is feasible.
std::optional<std::string> check_levelled(const LevellingProblem& problem, const LevelledSchedule& schedule);

}  // namespace clearpath
