// analyze_conflicts: the parts (ranking_conflicts.cpp, resource_load.cpp, skill_gaps.cpp) put
// together, and their findings.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <utility>

#include "analysis/conflict_parts.hpp"
#include "analysis/shared_network.hpp"
#include "clearpath/path_analysis.hpp"
#include "util/both.hpp"

namespace clearpath {
namespace {

std::string days(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", d);
  return buf;
}

std::string ordinal(std::size_t n) {
  const char* suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                       : n % 10 == 1                    ? "st"
                       : n % 10 == 2                    ? "nd"
                       : n % 10 == 3                    ? "rd"
                                                        : "th";
  return std::to_string(n) + suffix;
}

std::string list(const Model& m, const std::vector<Ref>& refs, std::size_t shown = 5) {
  std::string out;
  for (std::size_t i = 0; i < refs.size() && i < shown; ++i) out += (i ? ", " : "") + m.id(refs[i]);
  if (refs.size() > shown) out += " and " + std::to_string(refs.size() - shown) + " more";
  return out;
}

void add_findings(const Model& m, ConflictAnalysis& a) {
  for (const RankingConflict& c : a.ranking_conflicts) {
    Finding f{"priority-conflict",
              c.critical ? Severity::error : Severity::warning,
              {m.id(c.department), m.id(c.initiative)},
              {},
              c.days_at_stake,
              c.cost_of_delay};
    for (Ref r : c.items) f.subjects.push_back(m.id(r));
    const std::string ranking =
        c.rank ? "ranks " + m.id(c.initiative) + " " + ordinal(*c.rank) + " of " + std::to_string(c.ranked)
               : "does not rank " + m.id(c.initiative);
    f.message = m.id(c.department) + " " + ranking + " yet holds " + days(c.days_at_stake) + " days of " +
                (c.critical ? "critical" : "near-critical") + " work on it: " + list(m, c.items);
    a.findings.push_back(std::move(f));
  }
  for (const PriorityInversion& v : a.inversions)
    a.findings.push_back(
        {"priority-inversion",
         Severity::warning,
         {m.id(v.departments[0]), m.id(v.departments[1]), m.id(v.initiatives[0]), m.id(v.initiatives[1])},
         m.id(v.departments[0]) + " puts " + m.id(v.initiatives[0]) + " before " + m.id(v.initiatives[1]) + " and " +
             m.id(v.departments[1]) +
             " the reverse, while both hold critical work on both: each will wait for the other",
         0,
         0});
  for (const Overallocation& o : a.overallocations) {
    Finding f{"over-allocation", Severity::warning, {m.id(o.resource)}, {}, 0, 0};
    for (Ref r : o.items) f.subjects.push_back(m.id(r));
    char load[64];
    std::snprintf(load, sizeof load, "%.2g FTE against a capacity of %.2g", o.load, o.capacity);
    f.message = m.id(o.resource) + " is loaded at " + load + " from day " + days(o.from) + " to " + days(o.to) + " (" +
                days(o.to - o.from) + " working days): " + list(m, o.items);
    a.findings.push_back(std::move(f));
  }
  if (a.levelled)
    for (const LevelledOutcome::InitiativeFinish& i : a.levelled->initiatives) {
      const double delay = i.levelled_finish - i.cpm_finish;
      if (delay <= 1e-6) continue;
      Finding f{"people-conflict-delay",
                Severity::warning,
                {m.id(i.initiative)},
                {},
                delay,
                delay * cost_per_day(m.initiative(i.initiative))};
      for (Ref r : a.levelled->drivers) f.subjects.push_back(m.id(r));
      f.message = "people conflicts push production of " + m.id(i.initiative) + " back by " + days(delay) +
                  " working days (day " + days(i.cpm_finish) + " -> " + days(i.levelled_finish) + ")" +
                  (a.levelled->drivers.empty() ? "" : "; driven by " + list(m, a.levelled->drivers));
      a.findings.push_back(std::move(f));
    }
  // Deadlines the plan meets but the levelled schedule misses (the levelling places work due
  // earlier first, yet one person cannot do two things at once).
  if (a.levelled && a.network.constrained())
    for (std::uint32_t k = 0; k < a.network.size(); ++k) {
      const double due = a.network.deadline[k];
      if (!std::isfinite(due) || k >= a.levelled->start.size()) continue;
      const double levelled = a.levelled->start[k] + a.network.duration[k];
      if (a.schedule.times[k].ef > due + kFloatEpsilon || levelled <= due + kFloatEpsilon) continue;
      const Ref activity = a.network.activity[k];
      Finding f{"levelled-deadline-missed", Severity::warning, {m.id(activity)}, {}, levelled - due, 0};
      f.message = m.id(activity) + " meets its deadline (working day " + days(due) + ") as planned, but once nobody " +
                  "is over capacity it finishes on working day " + days(levelled) + ", " + days(levelled - due) +
                  " working days late";
      a.findings.push_back(std::move(f));
    }
  for (const SkillGap& g : a.skill_gaps) {
    Finding f{"skills-gap", g.critical ? Severity::error : Severity::warning, {m.id(g.step), m.id(g.owner)}, {}, 0, 0};
    if (g.department != kNoRef && g.department != g.owner) f.subjects.push_back(m.id(g.department));
    f.message =
        m.id(g.step) + " needs " + g.skill + ": " +
        (m.kind(g.owner) == EntityKind::person ? "its owner " + m.id(g.owner) + " lacks it and " : std::string()) +
        (g.department != kNoRef ? "nobody available in " + m.id(g.department) + " has it"
                                : "its owner has no department");
    a.findings.push_back(std::move(f));
  }
  for (const SkillConcentration& c : a.concentrations) {
    Finding f{"skill-concentration", Severity::warning, {m.id(c.person)}, {}, 0, 0};
    for (Ref s : c.steps) f.subjects.push_back(m.id(s));
    f.message = "only " + m.id(c.person) + " has " + c.skill + ", which " + std::to_string(c.steps.size()) +
                " critical steps need: " + list(m, c.steps);
    a.findings.push_back(std::move(f));
  }
  sort_findings(a.findings);
}

// What rests on the initiatives' own networks: ranking conflicts, inversions, skills. Fills
// those fields of `a` only, so it can run beside the levelling.
void initiative_conflicts(const Model& m, const ConflictOptions& options, ConflictAnalysis& a) {
  std::vector<Ref> initiatives;
  if (!options.initiative.empty()) initiatives.push_back(*m.find(options.initiative));
  else
    for (std::size_t i = 0; i < m.initiatives().size(); ++i) initiatives.push_back(m.ref_of(EntityKind::initiative, i));
  std::sort(initiatives.begin(), initiatives.end(), [&](Ref x, Ref y) { return m.id(x) < m.id(y); });
  const bool focus = !options.initiative.empty();  // then the network is that initiative's already
  const std::vector<InitiativeWork> work =
      initiative_work(m, initiatives, options.near_days, focus ? &a.network : nullptr, focus ? &a.schedule : nullptr);
  std::set<Ref> critical_steps;
  for (const InitiativeWork& w : work)
    for (std::uint32_t i : w.pressing)
      if (w.critical(i) && m.kind(w.network.activity[i]) == EntityKind::step)
        critical_steps.insert(w.network.activity[i]);
  // Steps of no initiative: critical in the whole schedule.
  for (std::uint32_t i = 0; i < a.network.size(); ++i) {
    const Ref r = a.network.activity[i];
    if (m.kind(r) == EntityKind::step && m.step(r).initiative == kNoRef && m.step(r).status != StepStatus::done &&
        a.schedule.times[i].critical)
      critical_steps.insert(r);
  }

  const Holdings holdings = pressing_work_by_department(m, work);
  a.ranking_conflicts = ranking_conflicts(m, holdings, options.top);
  a.inversions = priority_inversions(m, holdings);
  a.disagreement = ranking_disagreement(m);
  a.skill_gaps = skill_gaps(m, a.network, critical_steps);
  a.concentrations = skill_concentrations(m, critical_steps);
}

// Everything on the network and its schedule. For a large network the initiatives' analyses run
// on a second thread beside the over-allocation and the levelling (each reads the model and the
// network only).
ConflictAnalysis conflicts_on(const Model& m, const ConflictOptions& options, SharedNetwork scheduled) {
  ConflictAnalysis a;
  a.network = std::move(scheduled.network);
  a.schedule = std::move(scheduled.schedule);
  auto resources = [&] {
    const NetworkLoads loads = network_loads(m, a.network);
    a.overallocations = overallocations(m, a.network, a.schedule, loads);
    if (options.level) a.levelled = level_model(m, a.network, a.schedule, loads, a.overallocations, options.levelling);
  };
  run_both(
      options.threads != 1 && options.initiative_analyses && a.network.size() >= kSecondThreadFrom,
      [&] {
        if (options.initiative_analyses) initiative_conflicts(m, options, a);
      },
      resources);
  add_findings(m, a);
  return a;
}

}  // namespace

ConflictAnalysis analyze_conflicts(const Model& m, const ConflictOptions& options) {
  return analyze_conflicts(m, options, nullptr);
}

ConflictAnalysis analyze_conflicts(const Model& m, const ConflictOptions& options, const SharedNetwork* shared) {
  NetworkOptions net_options;
  net_options.initiative = options.initiative;  // throws ScheduleError for an unknown id
  return conflicts_on(m, options, scheduled_network(m, net_options, shared));
}

ConflictAnalysis analyze_conflicts(const Model& m, const ConflictOptions& options, SharedNetwork&& shared) {
  return conflicts_on(m, options, std::move(shared));
}

}  // namespace clearpath
