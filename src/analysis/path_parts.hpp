#pragma once
// The pieces of analyze_path, one per file. Private to the library.
#include "clearpath/path_analysis.hpp"

namespace clearpath {

bool is_legacy_step(const Model& model, Ref activity);

// The dependency chain through the most legacy steps (by_duration = false) or the largest
// total duration of legacy steps (true).
LegacyChain longest_legacy_chain(const Model& model, const Network& net, bool by_duration, bool from_scratch);

// Critical and near-critical activities that cannot proceed as planned.
std::vector<Blocker> find_blockers(const Model& model, const Network& net, const Schedule& schedule,
                                   const PathOptions& options, std::optional<Ref> focus);

// Monte Carlo over the three-point activities; deterministic for a seed whatever the threads.
Simulation simulate(const Model& model, const Network& net, const PathOptions& options,
                    const std::vector<std::uint32_t>& focus_activities, std::optional<double> momentum_days);

// Whether the model tracks progress: a status date, or some step's progress.
bool tracks_progress(const Model& model);
// The plan (from scratch) against the forecast of `a` (progress_outlook.cpp).
ProgressOutlook progress_outlook(const Model& model, const PathAnalysis& a, const NetworkOptions& options);

}  // namespace clearpath
