// analyze_path: the schedule, then what holds it back and what that costs.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "analysis/path_parts.hpp"
#include "analysis/shared_network.hpp"
#include "clearpath/calendar.hpp"
#include "util/both.hpp"

namespace clearpath {
namespace {

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

std::string fixed(double v, int decimals = 1) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::optional<int> payback_month(const Initiative& i) {
  const double net = i.value_per_month - i.run_cost_per_month;
  if (net <= 0) return std::nullopt;
  const double months = std::ceil(i.build_cost / net - 1e-9);
  if (months > 1e6) return std::nullopt;  // not within any horizon worth a number
  return std::max(1, static_cast<int>(months));
}

// An activity that cannot finish by its deadline: how late, and the chain of driving links that
// makes it so (each of them has the same negative float).
void add_deadline_findings(const Model& m, PathAnalysis& a) {
  const Network& net = a.network;
  if (!net.constrained()) return;
  const WorkCalendar cal(m.calendar);
  for (std::uint32_t i = 0; i < net.size(); ++i) {
    const ActivityTimes& t = a.schedule.times[i];
    const double late = t.ef - net.deadline[i];
    if (!(late > kFloatEpsilon)) continue;
    const Ref r = net.activity[i];
    const Ref initiative = m.initiative_of(r);
    std::vector<std::string> subjects{m.id(r)};
    if (initiative != kNoRef) subjects.push_back(m.id(initiative));
    const Date deadline = m.kind(r) == EntityKind::step ? m.step(r).dates.deadline : m.approval(r).dates.deadline;
    std::string chain;
    for (std::uint32_t c : driving_predecessors(a, i)) chain += (chain.empty() ? "" : " -> ") + m.id(net.activity[c]);
    a.findings.push_back({"deadline-missed", Severity::error, subjects,
                          m.id(r) + " finishes on working day " + fixed(t.ef) + " (" +
                              cal.finish_date(t.ef).value_or("beyond 9999-12-31") + "), " + fixed(late) +
                              " working days after its deadline " + deadline.iso() + " (float " + fixed(t.total_float) +
                              "); driven by " + chain,
                          late, initiative != kNoRef ? late * cost_per_day(m.initiative(initiative)) : 0.0});
  }
}

// The forecast ends later than the plan: by how much, and the items that slipped most.
void add_progress_finding(const Model& m, PathAnalysis& a) {
  if (!a.progress) return;
  const ProgressOutlook& p = *a.progress;
  const double late = p.forecast_duration - p.planned_duration;
  if (!(late > kFloatEpsilon)) return;
  const WorkCalendar cal(m.calendar);
  auto day = [&](double d) {
    const std::optional<std::string> date = cal.finish_date(d);
    return "working day " + fixed(d) + (date ? " (" + *date + ")" : std::string());
  };
  std::string slipped;
  std::vector<std::string> subjects;
  if (a.focus) subjects.push_back(m.id(*a.focus));
  for (std::size_t k = 0; k < p.late.size() && k < 3; ++k) {
    const LateItem& item = p.late[k];
    const std::string& id = m.id(a.network.activity[item.activity]);
    slipped += (k ? ", " : "") + id + " +" + fixed(item.forecast_finish - item.planned_finish);
    subjects.push_back(id);
  }
  const double per_day = a.focus ? cost_per_day(m.initiative(*a.focus)) : 0.0;
  a.findings.push_back({"behind-plan", Severity::warning, subjects,
                        "the plan ends on " + day(p.planned_duration) + ", the forecast from the status date on " +
                            day(p.forecast_duration) + ": " + fixed(late) +
                            " working days late; slipped most: " + slipped,
                        late, late * per_day});
}

void add_findings(const Model& m, PathAnalysis& a) {
  for (const Blocker& b : a.blockers) {
    const Ref r = a.network.activity[b.activity];
    std::vector<std::string> subjects{m.id(r)};
    if (Ref i = m.initiative_of(r); i != kNoRef) subjects.push_back(m.id(i));
    a.findings.push_back({b.critical ? "critical-path-blocker" : "near-critical-blocker",
                          b.critical ? Severity::error : Severity::warning, subjects, m.id(r) + ": " + b.reason,
                          b.delay_days, b.cost_of_delay});
  }
  for (const InitiativeOutlook& o : a.initiatives) {
    const Initiative& i = m.initiative(o.initiative);
    if (!o.p_within_momentum || *o.p_within_momentum >= 0.5) continue;
    const double late = std::max(0.0, o.finish - *i.momentum_days);
    a.findings.push_back({"momentum-risk",
                          Severity::warning,
                          {m.id(o.initiative)},
                          "production of " + m.id(o.initiative) + " is expected on working day " + fixed(o.finish) +
                              " (PERT sd " + fixed(o.sd) + "): " +
                              (*o.p_within_momentum < 0.005 ? std::string("almost no")
                                                            : "a " + fixed(100 * *o.p_within_momentum, 0) + "%") +
                              " chance within its momentum window of " + fixed(*i.momentum_days, 0) + " days",
                          late,
                          late * o.cost_per_day});
  }
  if (a.focus && a.legacy_by_duration.count > 0) {
    const Initiative& i = m.initiative(*a.focus);
    const double chain = a.legacy_by_duration.path_duration;
    if (i.momentum_days && chain > *i.momentum_days) {
      std::vector<std::string> subjects{m.id(*a.focus)};
      for (std::uint32_t s : a.legacy_by_duration.steps) subjects.push_back(m.id(a.network.activity[s]));
      const double over = chain - *i.momentum_days;
      a.findings.push_back({"legacy-chain-exceeds-momentum", Severity::warning, subjects,
                            "the longest legacy-system chain takes " + fixed(chain) + " working days (" +
                                std::to_string(a.legacy_by_duration.count) + " legacy steps, " +
                                fixed(a.legacy_by_duration.duration) + " days on legacy systems), longer than the " +
                                fixed(*i.momentum_days, 0) + "-day momentum window of " + m.id(*a.focus),
                            over, over * cost_per_day(i)});
    }
  }
  add_deadline_findings(m, a);
  add_progress_finding(m, a);
  sort_findings(a.findings);
}

// Each initiative with work in the network: when it reaches production, and with what spread
// (a.initiatives, by id). Returns each initiative's activities, by initiative index.
std::vector<std::vector<std::uint32_t>> add_initiative_outlooks(const Model& m, PathAnalysis& a) {
  const Network& net = a.network;
  const std::size_t n = net.size();
  std::vector<std::vector<std::uint32_t>> by_initiative(m.initiatives().size());
  for (std::uint32_t i = 0; i < n; ++i)
    if (Ref init = m.initiative_of(net.activity[i]); init != kNoRef) by_initiative[m.index(init)].push_back(i);
  for (std::size_t k = 0; k < by_initiative.size(); ++k) {
    if (by_initiative[k].empty()) continue;
    InitiativeOutlook o;
    o.initiative = m.ref_of(EntityKind::initiative, k);
    const Initiative& init = m.initiative(o.initiative);
    o.last_activity = by_initiative[k].front();
    for (std::uint32_t i : by_initiative[k])
      if (a.schedule.times[i].ef > a.schedule.times[o.last_activity].ef + kFloatEpsilon) o.last_activity = i;
    o.finish = o.mean = a.schedule.times[o.last_activity].ef;
    double var = 0;
    for (std::uint32_t i : driving_predecessors(a, o.last_activity)) var += a.sd[i] * a.sd[i];
    o.sd = std::sqrt(var);
    if (init.momentum_days)
      o.p_within_momentum = o.sd > 0 ? normal_cdf((*init.momentum_days - o.mean) / o.sd)
                                     : (o.mean <= *init.momentum_days + kFloatEpsilon ? 1.0 : 0.0);
    o.cost_per_day = cost_per_day(init);
    o.payback_month = payback_month(init);
    a.initiatives.push_back(o);
  }
  std::sort(a.initiatives.begin(), a.initiatives.end(), [&](const InitiativeOutlook& x, const InitiativeOutlook& y) {
    return m.id(x.initiative) < m.id(y.initiative);
  });
  return by_initiative;
}

// The initiative the summary speaks of: the one asked for, else the one the critical path
// finishes, else the first.
std::optional<Ref> focus_of(const Model& m, const PathAnalysis& a, const PathOptions& options) {
  const Network& net = a.network;
  std::optional<Ref> focus;
  if (!options.network.initiative.empty()) {
    focus = m.find(options.network.initiative);
  } else if (!a.schedule.critical_path.empty()) {
    if (Ref i = m.initiative_of(net.activity[a.schedule.critical_path.back()]); i != kNoRef) focus = i;
  }
  if (!focus && !a.initiatives.empty()) focus = a.initiatives.front().initiative;
  return focus;
}

// PERT's variance of a chain: the sum of the variances of the durations that make up its
// length. With finish-to-start links that is every activity's; an activity that the chain
// enters and leaves by the same end (SS in, SS out) adds no time and no variance, and one it
// enters at the finish and leaves at the start adds its duration negatively (its variance all
// the same).
double chain_variance(const Network& net, const Schedule& s, const std::vector<double>& sd,
                      const std::vector<std::uint32_t>& chain) {
  double variance = 0;
  for (std::size_t j = 0; j < chain.size(); ++j) {
    const std::uint32_t i = chain[j];
    bool enters_at_start = true, leaves_at_finish = true;
    if (!net.plain_links()) {
      if (j > 0) {
        const LinkType in = driving_link(net, s, chain[j - 1], i).type;
        enters_at_start = in == LinkType::finish_to_start || in == LinkType::start_to_start;
      }
      if (j + 1 < chain.size()) {
        const LinkType out = driving_link(net, s, i, chain[j + 1]).type;
        leaves_at_finish = out == LinkType::finish_to_start || out == LinkType::finish_to_finish;
      }
    }
    if (enters_at_start == leaves_at_finish) variance += sd[i] * sd[i];
  }
  return variance;
}

}  // namespace

std::vector<std::uint32_t> driving_predecessors(const PathAnalysis& a, std::uint32_t v) {
  const Network& net = a.network;
  const auto& t = a.schedule.times;
  std::vector<std::uint32_t> chain{v};
  for (std::uint32_t cur = v;;) {
    std::uint32_t next = UINT32_MAX;
    for (std::uint32_t k = net.pred_begin[cur]; k < net.pred_begin[cur + 1] && next == UINT32_MAX; ++k)
      if (drives(net, t, net.preds[k], cur, net.pred_link(k))) next = net.preds[k];
    if (next == UINT32_MAX) break;
    chain.push_back(next);
    cur = next;
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<std::uint32_t> limiting_successors(const PathAnalysis& a, std::uint32_t v) {
  const Network& net = a.network;
  const auto& t = a.schedule.times;
  std::vector<std::uint32_t> chain;
  for (std::uint32_t cur = v;;) {
    std::uint32_t next = UINT32_MAX;
    for (std::uint32_t k = net.succ_begin[cur]; k < net.succ_begin[cur + 1] && next == UINT32_MAX; ++k)
      if (binds_late(net, t, cur, net.succs[k], net.succ_link(k))) next = net.succs[k];
    if (next == UINT32_MAX) break;
    chain.push_back(next);
    cur = next;
  }
  return chain;
}

PathAnalysis analyze_path(const Model& m, const PathOptions& options) { return analyze_path(m, options, nullptr); }

PathAnalysis analyze_path(const Model& m, const PathOptions& options, const SharedNetwork* shared) {
  PathAnalysis a;
  SharedNetwork scheduled = scheduled_network(m, options.network, shared);
  a.network = std::move(scheduled.network);
  a.schedule = std::move(scheduled.schedule);
  const Network& net = a.network;
  const std::size_t n = net.size();

  a.sd.assign(n, 0.0);
  for (std::uint32_t i = 0; i < n; ++i) {
    const Ref r = net.activity[i];
    if (m.kind(r) == EntityKind::step && m.step(r).duration.three_point &&
        (m.step(r).status != StepStatus::done || options.network.from_scratch)) {
      // Work in progress: the spread of what is left (none when the remaining days are given).
      const double left = options.network.from_scratch ? 1.0 : remaining_work(m.step(r).progress, 1.0);
      const bool certain = m.step(r).progress.has_remaining() && !options.network.from_scratch;
      a.sd[i] = certain ? 0.0 : (m.step(r).duration.pessimistic - m.step(r).duration.optimistic) / 6 * left;
    }
  }
  a.project_sd = std::sqrt(chain_variance(net, a.schedule, a.sd, a.schedule.critical_path));

  // The legacy chains need nothing the rest does: for a large network they run on a second thread.
  const bool full = options.network.from_scratch;
  auto legacy = [&] {
    a.legacy_by_count = longest_legacy_chain(m, net, false, full);
    a.legacy_by_duration = longest_legacy_chain(m, net, true, full);
  };
  std::vector<std::vector<std::uint32_t>> by_initiative;  // each initiative's activities
  run_both(options.threads != 1 && n >= kSecondThreadFrom, legacy, [&] {
    by_initiative = add_initiative_outlooks(m, a);
    a.focus = focus_of(m, a, options);
    a.blockers = find_blockers(m, net, a.schedule, options, a.focus);
  });

  if (options.simulate > 0) {
    std::vector<std::uint32_t> focus_activities;
    std::optional<double> momentum;
    if (a.focus) {
      focus_activities = by_initiative[m.index(*a.focus)];
      momentum = m.initiative(*a.focus).momentum_days;
    }
    if (focus_activities.empty())
      for (std::uint32_t i = 0; i < n; ++i) focus_activities.push_back(i);
    a.simulation = simulate(m, net, options, focus_activities, momentum);
  }
  if (!options.network.from_scratch && tracks_progress(m)) a.progress = progress_outlook(m, a, options.network);
  add_findings(m, a);
  return a;
}

}  // namespace clearpath
