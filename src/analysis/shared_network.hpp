#pragma once
// One network and its CPM schedule for analyses that would each build the same one:
// analyze_model builds it once and hands it to the critical path, conflict and co-pilot analyses.
// Private to the library.
#include "clearpath/conflicts.hpp"
#include "clearpath/copilots.hpp"
#include "clearpath/path_analysis.hpp"
#include "clearpath/schedule.hpp"

namespace clearpath {

struct SharedNetwork {
  Network network;  // build_network(model, options), for the options every user of it has
  Schedule schedule;
};

// A copy of `*shared`, or, when it is null, the network for `options` built and scheduled.
inline SharedNetwork scheduled_network(const Model& model, const NetworkOptions& options,
                                       const SharedNetwork* shared = nullptr) {
  if (shared) return *shared;
  SharedNetwork s;
  s.network = build_network(model, options);
  s.schedule = compute_schedule(model, s.network);
  return s;
}

// As the public functions of the same names, from `shared` when it is not null: path and
// conflicts need it built with their own network options, co-pilots the whole model's network.
PathAnalysis analyze_path(const Model& model, const PathOptions& options, const SharedNetwork* shared);
ConflictAnalysis analyze_conflicts(const Model& model, const ConflictOptions& options, const SharedNetwork* shared);
// Takes the network and schedule over, for its last user.
ConflictAnalysis analyze_conflicts(const Model& model, const ConflictOptions& options, SharedNetwork&& shared);
CopilotAnalysis analyze_copilots(const Model& model, const CopilotOptions& options, const Network* whole);

}  // namespace clearpath
