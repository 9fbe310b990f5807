// A PSPLIB instance as a levelling problem (see psplib_levelling.hpp).
#include "clearpath/psplib_levelling.hpp"

namespace clearpath {

LevellingProblem psplib_levelling_problem(const PsplibInstance& inst) {
  LevellingProblem p;
  const std::size_t n = inst.jobs.size();
  p.duration.resize(n);
  p.predecessors.resize(n);
  p.demand.resize(n);
  for (const int c : inst.capacities) p.capacity.push_back(c);
  for (std::size_t j = 0; j < n; ++j) {
    const PsplibJob& job = inst.jobs[j];
    p.duration[j] = job.duration;
    for (std::size_t r = 0; r < job.demands.size(); ++r)
      if (job.demands[r] > 0) p.demand[j].emplace_back(static_cast<std::uint32_t>(r), job.demands[r]);
    for (const int s : job.successors)
      p.predecessors[static_cast<std::size_t>(s - 1)].push_back(static_cast<std::uint32_t>(j));
  }
  return p;
}

}  // namespace clearpath
