// `clearpath analyze`: the three analyses with options that agree, and the executive summary.
#include <algorithm>
#include <utility>

#include "clearpath/analyze.hpp"

#include "analysis/shared_network.hpp"
#include "clearpath/calendar.hpp"
#include "util/both.hpp"

namespace clearpath {
namespace {

ExecutiveSummary summarise(const Model& m, const Analysis& a) {
  ExecutiveSummary s;
  const WorkCalendar cal(m.calendar);
  s.initiative = a.path.focus;
  s.production_day = a.path.schedule.duration;
  s.legacy_steps = a.path.legacy_by_count.count;
  s.legacy_days = a.path.legacy_by_count.duration;
  s.legacy_chain_days = a.path.legacy_by_count.path_duration;
  for (const MergedFinding& f : a.findings)
    ++(f.finding.severity == Severity::error     ? s.errors
       : f.finding.severity == Severity::warning ? s.warnings
                                                 : s.infos);
  if (const auto& sim = a.path.simulation) s.p80_day = s.initiative ? sim->focus_p80 : sim->p80;
  if (s.initiative) {
    const Initiative& i = m.initiative(*s.initiative);
    s.momentum_days = i.momentum_days;
    const auto o = std::find_if(a.path.initiatives.begin(), a.path.initiatives.end(),
                                [&](const InitiativeOutlook& x) { return x.initiative == *s.initiative; });
    if (o != a.path.initiatives.end()) {
      s.production_day = o->finish;
      s.p_within_momentum = o->p_within_momentum;
      s.payback_month = o->payback_month;
      s.cost_per_day = o->cost_per_day;
    }
    if (a.path.simulation && a.path.simulation->p_within_momentum)
      s.p_within_momentum = a.path.simulation->p_within_momentum;
    if (const auto& l = a.conflicts.levelled)
      for (const auto& f : l->initiatives)
        if (f.initiative == *s.initiative) s.levelled_day = f.levelled_finish;
  } else if (a.conflicts.levelled) {
    s.levelled_day = a.conflicts.levelled->duration;
  }
  s.production_date = cal.finish_date(s.production_day);
  if (s.p80_day) s.p80_date = cal.finish_date(*s.p80_day);
  if (s.levelled_day) s.levelled_date = cal.finish_date(*s.levelled_day);
  return s;
}

}  // namespace

Analysis analyze_model(const Model& model, const AnalyzeOptions& options) {
  Analysis a;
  a.path_options.network.initiative = options.initiative;
  a.path_options.near_days = options.near_days;
  a.path_options.simulate = options.simulate;
  a.path_options.seed = options.seed;
  a.path_options.threads = options.threads;
  a.copilot_options.initiative = options.initiative;
  a.conflict_options.initiative = options.initiative;
  a.conflict_options.near_days = options.near_days;
  a.conflict_options.top = options.top;
  a.conflict_options.threads = options.threads;
  // With no Monte Carlo (which has both cores already), the critical path and co-pilot analyses
  // run on a thread of their own beside the conflicts (all of them only read the model).
  const bool parallel = options.threads != 1 && options.simulate == 0 &&
                        model.steps().size() + model.approvals().size() >= kSecondThreadFrom;
  // The critical path and the conflicts schedule the same network (the initiative's, or the
  // whole model's), and co-pilots the whole model's: it is built once.
  SharedNetwork shared;
  auto build_shared = [&] { shared = scheduled_network(model, a.path_options.network); };
  const Network* whole = options.initiative.empty() ? &shared.network : nullptr;
  if (parallel) {
    const ProgressPhase phase(options.observer, "critical path, co-pilots and conflicts");
    build_shared();
    run_both(
        true,
        [&] {
          PathOptions one = a.path_options;
          one.threads = 1;
          a.path = analyze_path(model, one, &shared);
          a.copilots = analyze_copilots(model, a.copilot_options, whole);
        },
        [&] { a.conflicts = analyze_conflicts(model, a.conflict_options, &shared); });
    a.path_options.progress = options.progress;  // as the options read in turn say
  } else {
    {
      ProgressPhase phase(options.observer, "critical path",
                          options.simulate ? ProgressUnit::runs : ProgressUnit::none);
      a.path_options.progress = [&](std::size_t done, std::size_t total) {
        if (options.progress) options.progress(done, total);
        phase.advance(done, total);
      };
      build_shared();
      a.path = analyze_path(model, a.path_options, &shared);
      a.path_options.progress = options.progress;  // the options the report shows, without the phase
    }
    {
      const ProgressPhase phase(options.observer, "co-pilots");
      a.copilots = analyze_copilots(model, a.copilot_options, whole);
    }
    {
      const ProgressPhase phase(options.observer, "conflicts");
      a.conflicts = analyze_conflicts(model, a.conflict_options, std::move(shared));  // its last user
    }
  }

  a.findings = merge_findings(a.path.findings, a.copilots.findings, a.conflicts.findings);
  a.summary = summarise(model, a);
  return a;
}

}  // namespace clearpath
