#pragma once
// A PSPLIB instance (psplib.hpp) as a resource-levelling problem (levelling.hpp).
#include "clearpath/levelling.hpp"
#include "clearpath/psplib.hpp"

namespace clearpath {

// The instance as a levelling problem, directly: every job (dummies included, by number - 1)
// with its duration and positive demands, the successor lists as predecessors, the renewable
// capacities. For benchmarks and tests that level PSPLIB instances without a model.
LevellingProblem psplib_levelling_problem(const PsplibInstance& instance);

}  // namespace clearpath
