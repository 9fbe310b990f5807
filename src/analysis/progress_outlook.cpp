// Progress against the plan: the schedule from scratch (the plan) beside the schedule of the
// remaining work from the status date (the forecast), item by item.
#include <algorithm>

#include "analysis/path_parts.hpp"
#include "clearpath/calendar.hpp"

namespace clearpath {

bool tracks_progress(const Model& m) { return m.features().progress || !m.status_date.empty(); }

ProgressOutlook progress_outlook(const Model& m, const PathAnalysis& a, const NetworkOptions& options) {
  NetworkOptions plan_options = options;
  plan_options.from_scratch = true;
  const Network plan_network = build_network(m, plan_options);
  const Schedule plan = compute_schedule(m, plan_network);
  const Network& net = a.network;
  ProgressOutlook out;
  if (!m.status_date.empty()) out.status_day = std::max(0.0, *WorkCalendar(m.calendar).start_day(m.status_date));
  out.planned_duration = plan.duration;
  out.forecast_duration = a.schedule.duration;
  // The same selection sorted by id: the two networks list the same activities in the same order.
  for (std::uint32_t i = 0; i < net.size(); ++i) {
    const Ref r = net.activity[i];
    bool done = false;
    if (m.kind(r) == EntityKind::step) {
      const StepStatus status = m.step(r).status;
      done = status == StepStatus::done;
      ++(done ? out.done : status == StepStatus::in_progress ? out.in_progress : out.not_started);
    } else {
      done = m.approval(r).status == ApprovalStatus::granted;
    }
    if (done || plan_network.activity[i] != r) continue;
    const double planned = plan.times[i].ef, forecast = a.schedule.times[i].ef;
    if (forecast > planned + kFloatEpsilon)
      out.late.push_back({i, planned, forecast, planned <= out.status_day && out.status_day > 0});
  }
  std::stable_sort(out.late.begin(), out.late.end(), [](const LateItem& x, const LateItem& y) {
    return x.forecast_finish - x.planned_finish > y.forecast_finish - y.planned_finish;
  });
  return out;
}

}  // namespace clearpath
