#pragma once
// The pieces of analyze_copilots, one per file. Private to the library.
#include <cstdint>
#include <vector>

#include "clearpath/copilots.hpp"
#include "clearpath/schedule.hpp"

namespace clearpath {

// The whole schedule once: earliest finishes and the longest chain of approval lead times up to
// each activity. Neither depends on which initiative is looked at, since an initiative's network
// holds everything its items depend on.
struct Timeline {
  Network net;
  std::vector<double> ef, cumulative;
  std::vector<std::uint32_t> position;  // by Ref: activity index, or UINT32_MAX
  std::vector<std::uint32_t> topo;      // by activity: place in the topological order
};
// `whole`: the whole model's network (build_network(m, {})) when already built, else null.
Timeline timeline(const Model& m, const Network* whole = nullptr);

// An initiative's items and everything they depend on (activity indexes), and which of them are
// critical: on a chain of back-to-back activities that ends at its latest finish.
struct Reach {
  std::vector<std::uint32_t> members;
  std::vector<std::uint32_t> critical;
};
// `mark` (by activity) holds visit stamps; the search uses `stamp` and `stamp + 1`.
Reach reach(const Timeline& t, const std::vector<std::uint32_t>& items, std::vector<std::uint32_t>& mark,
            std::uint32_t stamp);

// An initiative's sponsors who are not `absent` (by Ref, may be empty), in file order.
std::vector<Ref> present_sponsors(const Model& m, Ref initiative, const std::vector<bool>& absent);

// The findings of a finished analysis, unsorted: gates that cannot be granted or hang on one
// person, initiatives without a co-pilot, approval bottlenecks.
std::vector<Finding> copilot_findings(const Model& m, const CopilotAnalysis& a, const std::vector<bool>& absent,
                                      const CopilotOptions& options);

}  // namespace clearpath
