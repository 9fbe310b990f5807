#pragma once
// The schedule network of a model and its critical-path analysis (CPM): steps and approval
// gates are the activities, depends_on links are finish-to-start unless they give another type
// (SS, FF, SF) or a lag. Durations and lags are working days.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "clearpath/error.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

// Which duration a three-point estimate contributes.
enum class Estimate : std::uint8_t { expected, likely, optimistic, pessimistic };
const char* estimate_name(Estimate e) noexcept;
std::optional<Estimate> parse_estimate(std::string_view s) noexcept;

struct NetworkOptions {
  std::string initiative;  // "": every activity; else its items and all they depend on
  std::string to;          // "": the whole network; else this milestone and its predecessors
  Estimate estimate = Estimate::expected;
  bool from_scratch = false;  // full durations even for done steps and granted approvals
};

// The activities and links a schedule is computed over, frozen as arrays (CSR).
struct Network {
  std::vector<Ref> activity;                     // activity index -> model entity (step or approval)
  std::vector<double> duration;                  // remaining (or full) working days
  std::vector<std::uint32_t> pred_begin, preds;  // predecessors of a: preds[pred_begin[a] ..]
  std::vector<std::uint32_t> succ_begin, succs;  // successors, likewise
  std::vector<std::uint32_t> order;              // a topological order (predecessors first)
  // The type and lag of each link, beside preds and succs; both empty when every link is
  // finish-to-start with no lag (most plans), so that case costs nothing.
  std::vector<LinkTiming> pred_timing, succ_timing;
  // Date constraints in working days from the calendar start, by activity: the earliest start
  // (0 where none) and the latest finish (+infinity where none). Both empty when no activity
  // of the network has one (done steps and granted gates keep none unless from scratch).
  std::vector<double> not_before, deadline;

  std::size_t size() const noexcept { return activity.size(); }
  std::size_t link_count() const noexcept { return preds.size(); }
  bool plain_links() const noexcept { return pred_timing.empty(); }
  bool constrained() const noexcept { return !not_before.empty(); }
  LinkTiming pred_link(std::uint32_t k) const noexcept { return plain_links() ? LinkTiming{} : pred_timing[k]; }
  LinkTiming succ_link(std::uint32_t k) const noexcept { return plain_links() ? LinkTiming{} : succ_timing[k]; }
};

// Thrown for options that name no such entity (an input error, exit status 2).
struct ScheduleError : Error {
  using Error::Error;
};

// The duration of one activity under the options: for a step still to do, its remaining work
// (`remaining` as given, or the share percent_complete leaves); 0 for done/granted; the full
// duration from scratch.
double activity_duration(const Model& model, Ref activity, Estimate estimate, bool from_scratch);
// A duration's value under an estimate, and the part of `full` a step's progress leaves.
double step_duration(const Duration& duration, Estimate estimate);
double remaining_work(const StepProgress& progress, double full);

// Builds the network. Activities are ordered by id, so results do not depend on file order.
// A valid model has no dependency cycles (the loader rejects them).
Network build_network(const Model& model, const NetworkOptions& options);

struct ActivityTimes {
  double es = 0, ef = 0, ls = 0, lf = 0;
  double total_float = 0, free_float = 0;
  bool critical = false;
};

struct Schedule {
  double duration = 0;                                 // project duration: the largest earliest finish
  std::vector<ActivityTimes> times;                    // by activity index
  std::vector<std::uint32_t> critical_path;            // "the" critical path, in order
  std::vector<std::vector<std::uint32_t>> tied_paths;  // every critical chain, capped
  double tied_path_count = 0;  // how many in all (may exceed the cap; at most kTiedPathCountLimit)
};

inline constexpr std::size_t kTiedPathCap = 20;
// Counting tied chains saturates here (their number can grow exponentially).
inline constexpr double kTiedPathCountLimit = 1e18;
// Floats within this of zero count as zero (durations are sums of fractional estimates).
inline constexpr double kFloatEpsilon = 1e-6;

// Forward and backward pass over a network (durations as given in network.duration).
Schedule compute_schedule(const Model& model, const Network& network);

// Whether the link pred -> a (of that timing) is what sets a's earliest start: a driving link,
// as MS Project calls it. binds_late: whether the link a -> succ sets a's latest finish.
bool drives(const Network& network, const std::vector<ActivityTimes>& times, std::uint32_t pred, std::uint32_t a,
            LinkTiming timing);
bool binds_late(const Network& network, const std::vector<ActivityTimes>& times, std::uint32_t a, std::uint32_t succ,
                LinkTiming timing);

// The link u -> v that drives v (the first of two that both do); FS with no lag when none does.
LinkTiming driving_link(const Network& network, const Schedule& schedule, std::uint32_t u, std::uint32_t v);

// Earliest finish of every activity for other durations (Monte Carlo); `ef` is resized.
// Returns the project duration.
double forward_pass(const Network& network, const std::vector<double>& duration, std::vector<double>& ef);

}  // namespace clearpath
