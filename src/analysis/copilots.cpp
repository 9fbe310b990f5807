// The co-pilot analysis: every checked gate (satisfiable? assignment, open slots with reasons
// and suggestions, single points of failure, bus factor), every initiative (co-pilot side,
// single points of failure, sole owners of critical steps, approval path), the sign-off load,
// what --without breaks, and the findings.
#include "clearpath/copilots.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "analysis/id_order.hpp"
#include "analysis/copilot_suggestions.hpp"
#include "analysis/gate_solver.hpp"
#include "analysis/members.hpp"
#include "clearpath/schedule.hpp"

namespace clearpath {
namespace {

bool checked(const Approval& g, bool all) { return all || g.status == ApprovalStatus::pending; }

// Slot labels made unique within a gate: a second "it-side approver" becomes "it-side approver (2)".
std::vector<std::string> unique_labels(const Model& m, const Rule& rule) {
  std::vector<std::string> out;
  std::map<std::string, int> seen;
  for (const Slot& s : rule.slots) {
    std::string label = slot_label(m, s);
    const int n = ++seen[label];
    out.push_back(n == 1 ? label : label + " (" + std::to_string(n) + ")");
  }
  return out;
}

// The whole schedule once: earliest finishes and the longest chain of approval lead times up to
// each activity. Neither depends on which initiative is looked at, since an initiative's network
// holds everything its items depend on.
struct Timeline {
  Network net;
  std::vector<double> ef, cumulative;
  std::vector<std::uint32_t> position;  // by Ref: activity index, or UINT32_MAX
  std::vector<std::uint32_t> topo;      // by activity: place in the topological order
};

Timeline timeline(const Model& m) {
  Timeline t;
  t.net = build_network(m, {});
  forward_pass(t.net, t.net.duration, t.ef);
  const std::size_t n = t.net.size();
  t.cumulative.assign(n, 0);
  t.topo.assign(n, 0);
  t.position.assign(m.entity_count(), UINT32_MAX);
  for (std::uint32_t a = 0; a < n; ++a) t.position[t.net.activity[a]] = a;
  for (std::uint32_t k = 0; k < n; ++k) {
    const std::uint32_t a = t.net.order[k];
    t.topo[a] = k;
    double before = 0;
    for (std::uint32_t i = t.net.pred_begin[a]; i < t.net.pred_begin[a + 1]; ++i) before = std::max(before, t.cumulative[t.net.preds[i]]);
    t.cumulative[a] = before + (m.kind(t.net.activity[a]) == EntityKind::approval ? t.net.duration[a] : 0);
  }
  return t;
}

// An initiative's items and everything they depend on (activity indexes), and which of them are
// critical: on a chain of back-to-back activities that ends at its latest finish.
struct Reach {
  std::vector<std::uint32_t> members;
  std::vector<std::uint32_t> critical;
};

Reach reach(const Timeline& t, const std::vector<std::uint32_t>& items, std::vector<std::uint32_t>& mark, std::uint32_t stamp) {
  Reach r;
  std::vector<std::uint32_t> stack;
  auto push = [&](std::uint32_t a) {
    if (mark[a] == stamp) return;
    mark[a] = stamp;
    stack.push_back(a);
    r.members.push_back(a);
  };
  for (std::uint32_t a : items) push(a);
  while (!stack.empty()) {
    const std::uint32_t a = stack.back();
    stack.pop_back();
    for (std::uint32_t i = t.net.pred_begin[a]; i < t.net.pred_begin[a + 1]; ++i) push(t.net.preds[i]);
  }
  double finish = 0;
  for (std::uint32_t a : r.members) finish = std::max(finish, t.ef[a]);
  const std::uint32_t critical_stamp = stamp + 1;
  for (std::uint32_t a : r.members)
    if (t.ef[a] >= finish - kFloatEpsilon) {
      mark[a] = critical_stamp;
      stack.push_back(a);
    }
  while (!stack.empty()) {
    const std::uint32_t a = stack.back();
    stack.pop_back();
    r.critical.push_back(a);
    const double es = t.ef[a] - t.net.duration[a];
    for (std::uint32_t i = t.net.pred_begin[a]; i < t.net.pred_begin[a + 1]; ++i) {
      const std::uint32_t p = t.net.preds[i];
      if (mark[p] != critical_stamp && t.ef[p] >= es - kFloatEpsilon) {
        mark[p] = critical_stamp;
        stack.push_back(p);
      }
    }
  }
  return r;
}

// Who alone can do a step: its owner if a person, or the one available member of its owning department.
Ref sole_owner(const Model& m, const Step& s, const Members& members, const std::vector<bool>& absent) {
  if (s.owner == kNoRef) return kNoRef;
  if (m.kind(s.owner) == EntityKind::person) return s.owner;
  Ref only = kNoRef;
  for (Ref p : members[m.index(s.owner)]) {
    if (!absent.empty() && absent[p]) continue;
    if (only != kNoRef) return kNoRef;
    only = p;
  }
  return only;
}

}  // namespace

CopilotAnalysis analyze_copilots(const Model& m, const CopilotOptions& options) {
  CopilotAnalysis out;
  std::vector<bool> absent;
  if (!options.without.empty()) {
    absent.assign(m.entity_count(), false);
    WithoutImpact w;
    for (const std::string& id : options.without) {
      const std::optional<Ref> p = m.find(id);
      if (!p || m.kind(*p) != EntityKind::person) throw CopilotError("--without: there is no person '" + id + "'");
      absent[*p] = true;
      w.people.push_back(*p);
    }
    sort_unique_by_id(m, w.people);
    out.without = std::move(w);
  }
  std::optional<Ref> focus;
  if (!options.initiative.empty()) {
    focus = m.find(options.initiative);
    if (!focus || m.kind(*focus) != EntityKind::initiative)
      throw CopilotError("--initiative: there is no initiative '" + options.initiative + "'");
  }

  const OrgIndex org(m);
  const Timeline t = timeline(m);
  std::vector<std::uint32_t> mark(t.net.size(), 0);
  std::uint32_t stamp = 1;

  // Which initiatives, and which gates: the focus's network, or everything.
  std::vector<Ref> initiatives;
  if (focus) initiatives.push_back(*focus);
  else
    for (std::size_t i = 0; i < m.initiatives().size(); ++i) initiatives.push_back(m.ref_of(EntityKind::initiative, i));
  sort_unique_by_id(m, initiatives);
  std::vector<std::vector<std::uint32_t>> items(m.initiatives().size());  // by initiative index
  for (std::uint32_t a = 0; a < t.net.size(); ++a)
    if (const Ref i = m.initiative_of(t.net.activity[a]); i != kNoRef) items[m.index(i)].push_back(a);
  std::vector<Reach> reaches;
  for (Ref i : initiatives) {
    reaches.push_back(reach(t, items[m.index(i)], mark, stamp));
    stamp += 2;
  }
  std::vector<Ref> gates;
  if (focus) {
    for (std::uint32_t a : reaches.front().members)
      if (m.kind(t.net.activity[a]) == EntityKind::approval) gates.push_back(t.net.activity[a]);
  } else {
    for (std::size_t i = 0; i < m.approvals().size(); ++i) gates.push_back(m.ref_of(EntityKind::approval, i));
  }
  gates.erase(std::remove_if(gates.begin(), gates.end(), [&](Ref g) { return !checked(m.approval(g), options.all); }),
              gates.end());
  sort_unique_by_id(m, gates);

  // 1, 2, 4, 5: each gate.
  std::map<Ref, std::size_t> gate_at;
  for (Ref g : gates) {
    GateResult r;
    r.gate = g;
    r.slot_labels = unique_labels(m, m.approval(g).rule);
    const GateSolver solver(org, g, absent);
    r.check = check_gate(org, solver, g, absent);
    if (r.check.satisfiable) {
      r.resilience = gate_resilience(solver);
    } else {
      const Ref i = m.approval(g).initiative;
      std::vector<Ref> sources;
      if (i != kNoRef)
        for (Ref s : m.initiative(i).sponsors)
          if (absent.empty() || !absent[s]) sources.push_back(s);
      if (sources.empty()) sources = m.approval(g).approvers;  // no sponsor: closeness to the approvers
      sort_unique_by_id(m, sources);
      r.suggestions = suggest_copilots(org, r.check, r.slot_labels, sources, absent, options.suggestions);
    }
    gate_at[g] = out.gates.size();
    out.gates.push_back(std::move(r));
  }

  // 3, 5, 6: each initiative.
  const Members members = available_members(m);
  for (std::size_t k = 0; k < initiatives.size(); ++k) {
    InitiativeResult r;
    r.initiative = initiatives[k];
    r.copilot = check_initiative_copilot(m, r.initiative, absent);
    const Reach& reach_k = reaches[k];
    for (std::uint32_t a : reach_k.members) {
      const Ref g = t.net.activity[a];
      if (m.kind(g) != EntityKind::approval) continue;
      r.approval_path.push_back({g, t.net.duration[a], t.cumulative[a], t.ef[a]});
      if (auto it = gate_at.find(g); it != gate_at.end())
        for (Ref p : out.gates[it->second].resilience.single_points_of_failure) r.single_points_of_failure.push_back(p);
    }
    std::sort(r.approval_path.begin(), r.approval_path.end(), [&](const ApprovalPathEntry& a, const ApprovalPathEntry& b) {
      const std::uint32_t x = t.position[a.gate], y = t.position[b.gate];
      return std::tie(a.earliest_finish, a.cumulative_lead_time, t.topo[x]) < std::tie(b.earliest_finish, b.cumulative_lead_time, t.topo[y]);
    });
    sort_unique_by_id(m, r.single_points_of_failure);
    std::map<Ref, std::vector<Ref>> owned;
    for (std::uint32_t a : reach_k.critical) {
      const Ref s = t.net.activity[a];
      if (m.kind(s) != EntityKind::step || m.step(s).status == StepStatus::done) continue;
      const Ref owner = sole_owner(m, m.step(s), members, absent);
      if (owner == kNoRef) continue;
      if (!absent.empty() && absent[owner]) out.without->critical_steps_without_owner.push_back({s, owner});
      else owned[owner].push_back(s);
    }
    for (auto& [p, steps] : owned) {
      sort_unique_by_id(m, steps);
      r.sole_owners.push_back({p, std::move(steps)});
    }
    std::sort(r.sole_owners.begin(), r.sole_owners.end(), [&](const SoleOwner& a, const SoleOwner& b) { return id_less(m, a.person, b.person); });
    out.initiatives.push_back(std::move(r));
  }

  // 6: sign-off load over every pending gate; with --initiative, for the people on its gates.
  std::map<Ref, SignoffLoad> load;
  std::set<Ref> listed;
  for (const GateResult& g : out.gates)
    for (Ref p : m.approval(g.gate).approvers) listed.insert(p);
  for (std::size_t i = 0; i < m.approvals().size(); ++i) {
    const Approval& g = m.approvals()[i];
    if (g.status != ApprovalStatus::pending) continue;
    const Ref gate = m.ref_of(EntityKind::approval, i);
    for (Ref p : std::set<Ref>(g.approvers.begin(), g.approvers.end())) {
      if (!m.person(p).available || (!absent.empty() && absent[p]) || (focus && !listed.count(p))) continue;
      SignoffLoad& l = load[p];
      l.person = p;
      l.gates.push_back(gate);
    }
  }
  std::map<Ref, std::vector<Ref>> spof_cache;  // gates outside the analysis (--initiative)
  auto spofs = [&](Ref g) -> const std::vector<Ref>& {
    if (auto it = gate_at.find(g); it != gate_at.end()) return out.gates[it->second].resilience.single_points_of_failure;
    auto [it, fresh] = spof_cache.try_emplace(g);
    if (fresh) {
      const GateSolver solver(org, g, absent);
      for (std::size_t c : solver.single_points_of_failure()) it->second.push_back(solver.candidates()[c]);
    }
    return it->second;
  };
  for (auto& [p, l] : load) {
    sort_unique_by_id(m, l.gates);
    for (Ref g : l.gates) {
      const std::vector<Ref>& s = spofs(g);
      if (std::find(s.begin(), s.end(), p) != s.end()) l.essential.push_back(g);
    }
    l.bottleneck = l.gates.size() > options.signoff_threshold;
    out.signoff_load.push_back(std::move(l));
  }
  std::sort(out.signoff_load.begin(), out.signoff_load.end(), [&](const SignoffLoad& a, const SignoffLoad& b) {
    if (a.gates.size() != b.gates.size()) return a.gates.size() > b.gates.size();
    return id_less(m, a.person, b.person);
  });

  // --without: the same gates and initiatives with everyone present.
  if (out.without) {
    WithoutImpact& w = *out.without;
    for (const GateResult& g : out.gates) {
      const GateSolver everyone(org, g.gate, {});
      if (!everyone.solve()) continue;
      if (!g.check.satisfiable) {
        w.broken_gates.push_back(g.gate);
        continue;
      }
      const GateResilience was = gate_resilience(everyone);
      for (Ref p : g.resilience.single_points_of_failure)
        if (std::find(was.single_points_of_failure.begin(), was.single_points_of_failure.end(), p) == was.single_points_of_failure.end())
          w.new_single_points_of_failure.push_back({g.gate, p});
      if (g.resilience.bus_factor < was.bus_factor) w.weakened.push_back({g.gate, {was.bus_factor, g.resilience.bus_factor}});
    }
    for (const InitiativeResult& i : out.initiatives) {
      const InitiativeCopilot before = check_initiative_copilot(m, i.initiative);
      for (const std::string& side : i.copilot.missing_sides)
        if (std::find(before.missing_sides.begin(), before.missing_sides.end(), side) == before.missing_sides.end()) {
          w.initiatives_losing_copilot.push_back(i.initiative);
          break;
        }
    }
    std::sort(w.critical_steps_without_owner.begin(), w.critical_steps_without_owner.end(),
              [&](auto& a, auto& b) { return id_less(m, a.first, b.first); });
    w.critical_steps_without_owner.erase(std::unique(w.critical_steps_without_owner.begin(), w.critical_steps_without_owner.end()),
                                         w.critical_steps_without_owner.end());
  }

  // Findings.
  for (const GateResult& g : out.gates) {
    const Approval& a = m.approval(g.gate);
    const std::string name = m.display_name(g.gate) == m.id(g.gate) ? m.id(g.gate) : m.display_name(g.gate) + " (" + m.id(g.gate) + ")";
    if (!g.check.satisfiable) {
      bool never = false;
      std::string reasons;
      for (const UnfilledSlot& u : g.check.unfilled) {
        never = never || u.never_in_organisation;
        reasons += (reasons.empty() ? "" : "; ") + u.reason;
      }
      std::string suggested;
      for (const SlotSuggestion& s : g.suggestions) {
        if (s.candidates.empty()) continue;
        std::string ids;
        for (const Candidate& c : s.candidates) ids += (ids.empty() ? "" : ", ") + m.id(c.person);
        suggested += (suggested.empty() ? " Suggested " : "; ") + s.label + ": " + ids;
      }
      Finding f{never ? "impossible-rule" : "missing-copilot", Severity::error, {m.id(g.gate)}, {}, 0, 0};
      std::vector<Ref> approvers(a.approvers.begin(), a.approvers.end());
      sort_unique_by_id(m, approvers);
      for (Ref p : approvers) f.subjects.push_back(m.id(p));
      f.message = name + " cannot be granted: " + reasons + "." + (suggested.empty() ? "" : suggested + ".");
      if (g.check.search_exhausted) f.message += " (The search budget ran out: the gate may be satisfiable.)";
      out.findings.push_back(std::move(f));
      continue;
    }
    for (Ref p : g.resilience.single_points_of_failure)
      out.findings.push_back({"single-point-of-failure", Severity::warning, {m.id(g.gate), m.id(p)},
                              name + " cannot be granted without " + person_label(m, p) + " (bus factor 1)", 0, 0});
    if (!g.resilience.exact)
      out.findings.push_back({"analysis-incomplete", Severity::info, {m.id(g.gate)},
                              "the bus factor of " + name + " is at least " + std::to_string(g.resilience.bus_factor) +
                                  " (the search budget ran out before it was exact)",
                              0, 0});
  }
  for (const InitiativeResult& i : out.initiatives) {
    if (i.copilot.missing_sides.empty()) continue;
    std::vector<Ref> sponsors;
    for (Ref s : m.initiative(i.initiative).sponsors)
      if (absent.empty() || !absent[s]) sponsors.push_back(s);
    sort_unique_by_id(m, sponsors);
    Finding f{"missing-copilot", Severity::error, {m.id(i.initiative)}, {}, 0, 0};
    std::string who;
    for (Ref s : sponsors) {
      f.subjects.push_back(m.id(s));
      who += (who.empty() ? "" : ", ") + person_label(m, s);
    }
    const std::string missing = missing_sides_text(i.copilot);
    const std::string title = m.display_name(i.initiative);
    if (sponsors.empty()) f.message = title + " has no sponsor: no " + missing + " co-pilot";
    else if (i.copilot.single_sponsor) f.message = title + " has a single sponsor, " + who + ": no " + missing + " co-pilot";
    else f.message = title + "'s sponsors " + who + " are all on one side: no " + missing + " co-pilot";
    out.findings.push_back(std::move(f));
  }
  for (const SignoffLoad& l : out.signoff_load) {
    if (!l.bottleneck) continue;
    Finding f{"approval-bottleneck", Severity::warning, {m.id(l.person)}, {}, 0, 0};
    for (Ref g : l.gates) f.subjects.push_back(m.id(g));
    f.message = person_label(m, l.person) + " must sign " + std::to_string(l.gates.size()) + " pending gates (threshold " +
                std::to_string(options.signoff_threshold) + "), " + std::to_string(l.essential.size()) +
                " of which cannot be granted without them";
    out.findings.push_back(std::move(f));
  }
  sort_findings(out.findings);
  return out;
}

}  // namespace clearpath
