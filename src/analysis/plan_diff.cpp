// `clearpath diff`: both versions analysed as `clearpath analyze` analyses one, then compared:
// production dates per initiative, the critical path, the findings (matched by kind and
// subjects), and the structure (structure_diff.cpp).
#include <algorithm>
#include <cmath>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "clearpath/analyze.hpp"
#include "clearpath/calendar.hpp"
#include "clearpath/diff.hpp"

namespace clearpath {

namespace {

Analysis analysis_of(const Model& m, const DiffOptions& o) {
  AnalyzeOptions a;
  a.simulate = o.simulate;
  a.seed = o.seed;
  a.threads = o.threads == 0 ? 0 : 1;
  return analyze_model(m, a);
}

struct Dates {
  std::map<std::string, double> cpm, levelled;
};

Dates dates_of(const Model& m, const Analysis& a) {
  Dates d;
  for (const InitiativeOutlook& o : a.path.initiatives) d.cpm[m.id(o.initiative)] = o.finish;
  if (a.conflicts.levelled)
    for (const auto& f : a.conflicts.levelled->initiatives) d.levelled[m.id(f.initiative)] = f.levelled_finish;
  return d;
}

std::optional<double> at(const std::map<std::string, double>& m, const std::string& id) {
  const auto it = m.find(id);
  if (it == m.end()) return std::nullopt;
  return it->second;
}

std::vector<InitiativeSlip> initiative_slips(const Model& before, const Analysis& a, const Model& after,
                                             const Analysis& b) {
  const Dates x = dates_of(before, a), y = dates_of(after, b);
  std::set<std::string> ids;
  for (const auto& [id, day] : x.cpm) ids.insert(id);
  for (const auto& [id, day] : y.cpm) ids.insert(id);
  const WorkCalendar old_calendar(before.calendar), new_calendar(after.calendar);
  std::vector<InitiativeSlip> out;
  for (const std::string& id : ids) {
    InitiativeSlip s;
    s.id = id;
    const std::optional<Ref> now = after.find(id), then = before.find(id);
    s.name = now ? after.entity(*now).name : before.entity(*then).name;
    s.before = at(x.cpm, id);
    s.after = at(y.cpm, id);
    if (s.before) s.before_date = old_calendar.finish_date(*s.before);
    if (s.after) s.after_date = new_calendar.finish_date(*s.after);
    s.before_levelled = at(x.levelled, id);
    s.after_levelled = at(y.levelled, id);
    if (now && after.kind(*now) == EntityKind::initiative) s.cost_per_day = cost_per_day(after.initiative(*now));
    if (s.before && s.after) s.slip = *s.after - *s.before;
    if (s.before_date && s.after_date)
      s.calendar_slip = Date::parse(*s.after_date)->days() - Date::parse(*s.before_date)->days();
    s.cost_of_slip = s.slip * s.cost_per_day;
    out.push_back(std::move(s));
  }
  return out;
}

struct Floats {
  std::map<std::string, double> total;
  std::set<std::string> critical;
};

Floats floats_of(const Model& m, const Analysis& a) {
  Floats f;
  const Network& n = a.path.network;
  for (std::size_t k = 0; k < n.size(); ++k) {
    const std::string& id = m.id(n.activity[k]);
    f.total[id] = a.path.schedule.times[k].total_float;
    if (a.path.schedule.times[k].critical) f.critical.insert(id);
  }
  return f;
}

CriticalPathDiff critical_diff(const Model& before, const Analysis& a, const Model& after, const Analysis& b,
                               double threshold) {
  CriticalPathDiff d;
  d.before_duration = a.path.schedule.duration;
  d.after_duration = b.path.schedule.duration;
  if (a.path.simulation) d.before_p80 = a.path.simulation->p80;
  if (b.path.simulation) d.after_p80 = b.path.simulation->p80;
  const Floats x = floats_of(before, a), y = floats_of(after, b);
  std::set_difference(y.critical.begin(), y.critical.end(), x.critical.begin(), x.critical.end(),
                      std::back_inserter(d.entered));
  std::set_difference(x.critical.begin(), x.critical.end(), y.critical.begin(), y.critical.end(),
                      std::back_inserter(d.left));
  for (const auto& [id, old_float] : x.total) {
    const auto it = y.total.find(id);
    if (it != y.total.end() && std::fabs(it->second - old_float) > threshold)
      d.floats.push_back(FloatChange{id, old_float, it->second});
  }
  return d;
}

std::string finding_key(const Finding& f) {
  std::string key = f.kind;
  for (const std::string& s : f.subjects) key.append("\x1f").append(s);
  return key;
}

FindingsDiff findings_diff(const Analysis& a, const Analysis& b) {
  const std::vector<Finding> x = plain_findings(a.findings), y = plain_findings(b.findings);
  // Findings of one key, in their ranked order, paired first with first.
  std::map<std::string, std::vector<const Finding*>> old_by_key, new_by_key;
  for (const Finding& f : x) old_by_key[finding_key(f)].push_back(&f);
  for (const Finding& f : y) new_by_key[finding_key(f)].push_back(&f);
  FindingsDiff d;
  for (const auto& [key, olds] : old_by_key) {
    const auto it = new_by_key.find(key);
    const std::size_t paired = it == new_by_key.end() ? 0 : std::min(olds.size(), it->second.size());
    for (std::size_t k = 0; k < olds.size(); ++k) {
      if (k >= paired) {
        d.resolved.push_back(*olds[k]);
        continue;
      }
      const Finding& o = *olds[k];
      const Finding& n = *it->second[k];
      if (o.severity != n.severity || o.message != n.message || o.cost_of_delay != n.cost_of_delay ||
          o.days_held_back != n.days_held_back)
        d.changed.push_back(FindingChange{o, n});
    }
  }
  for (const auto& [key, news] : new_by_key) {
    const auto it = old_by_key.find(key);
    const std::size_t paired = it == old_by_key.end() ? 0 : std::min(news.size(), it->second.size());
    for (std::size_t k = paired; k < news.size(); ++k) d.added.push_back(*news[k]);
  }
  sort_findings(d.added);
  sort_findings(d.resolved);
  std::stable_sort(d.changed.begin(), d.changed.end(),
                   [](const FindingChange& p, const FindingChange& q) { return finding_order(p.after, q.after); });
  return d;
}

struct GateState {
  bool satisfiable = false;
  std::size_t bus_factor = 0;
  std::vector<std::string> single_points;
  std::set<std::string> approvers;
};

std::map<std::string, GateState> gates_of(const Model& m, const Analysis& a) {
  std::map<std::string, GateState> out;
  for (const GateResult& g : a.copilots.gates) {
    GateState& s = out[m.id(g.gate)];
    s.satisfiable = g.check.satisfiable;
    s.bus_factor = g.resilience.bus_factor;
    for (Ref p : g.resilience.single_points_of_failure) s.single_points.push_back(m.id(p));
    for (Ref p : m.approval(g.gate).approvers) s.approvers.insert(m.id(p));
  }
  return out;
}

std::vector<GateChange> gate_changes(const Model& before, const Analysis& a, const Model& after, const Analysis& b,
                                     const StructureDiff& structure) {
  const std::map<std::string, GateState> x = gates_of(before, a), y = gates_of(after, b);
  std::set<std::string> ids;
  for (const auto& [id, s] : x) ids.insert(id);
  for (const auto& [id, s] : y) ids.insert(id);
  std::vector<GateChange> out;
  for (const std::string& id : ids) {
    const auto o = x.find(id), n = y.find(id);
    GateChange g;
    g.id = id;
    std::set<std::string> people;  // its approvers in either version, and their departments
    if (o != x.end()) {
      g.before_satisfiable = o->second.satisfiable;
      g.before_bus_factor = o->second.bus_factor;
      g.before_single_points = o->second.single_points;
      people.insert(o->second.approvers.begin(), o->second.approvers.end());
    }
    if (n != y.end()) {
      g.after_satisfiable = n->second.satisfiable;
      g.after_bus_factor = n->second.bus_factor;
      g.after_single_points = n->second.single_points;
      people.insert(n->second.approvers.begin(), n->second.approvers.end());
    }
    if (g.before_satisfiable == g.after_satisfiable && g.before_bus_factor == g.after_bus_factor &&
        g.before_single_points == g.after_single_points)
      continue;
    std::set<std::string> departments;
    for (const std::string& p : people)
      for (const Model* m : {&before, &after})
        if (const std::optional<Ref> r = m->find(p);
            r && m->kind(*r) == EntityKind::person && m->person(*r).department != kNoRef)
          departments.insert(m->id(m->person(*r).department));
    for (const EntityChange& e : structure.entities) {
      const bool gate = e.kind == EntityKind::approval && e.id == id;
      const bool person = e.kind == EntityKind::person && people.count(e.id);
      const bool department = e.kind == EntityKind::department && departments.count(e.id);
      if (gate || person || department) g.why.push_back(describe_change(e));
    }
    out.push_back(std::move(g));
  }
  return out;
}

}  // namespace

PlanDiff diff_plans(const Model& before, const Model& after, const DiffOptions& options) {
  // Both versions at once when there are two cores: the diff then takes about as long as
  // analysing one.
  Analysis a, b;
  PlanDiff d;
  const bool side_by_side = options.threads != 1 && std::thread::hardware_concurrency() > 1;
  if (side_by_side) {
    // The new version's analysis, and the structure, each on a thread of its own.
    std::exception_ptr failed[2];
    std::thread analysing([&] {
      try {
        b = analysis_of(after, options);
      } catch (...) {
        failed[0] = std::current_exception();
      }
    });
    std::thread comparing([&] {
      try {
        d.structure = diff_structure(before, after);
      } catch (...) {
        failed[1] = std::current_exception();
      }
    });
    try {
      a = analysis_of(before, options);
    } catch (...) {
      analysing.join();
      comparing.join();
      throw;
    }
    analysing.join();
    comparing.join();
    for (const std::exception_ptr& e : failed)
      if (e) std::rethrow_exception(e);
  } else {
    a = analysis_of(before, options);
    b = analysis_of(after, options);
    d.structure = diff_structure(before, after);
  }
  d.initiatives = initiative_slips(before, a, after, b);
  d.critical = critical_diff(before, a, after, b, options.float_threshold);
  d.findings = findings_diff(a, b);
  d.approvals = gate_changes(before, a, after, b, d.structure);
  for (const InitiativeSlip& s : d.initiatives) d.worst_slip = std::max(d.worst_slip, s.slip);
  attribute_slips(before, after, d, options.attribution_budget, options.threads);
  return d;
}

}  // namespace clearpath
