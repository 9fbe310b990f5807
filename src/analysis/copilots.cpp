// The co-pilot analysis: every checked gate (satisfiable? assignment, open slots with reasons
// and suggestions, single points of failure, bus factor), every initiative (co-pilot side,
// single points of failure, sole owners of critical steps, approval path), the sign-off load,
// what --without breaks, and the findings (copilot_findings.cpp).
#include "clearpath/copilots.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "analysis/copilot_parts.hpp"
#include "analysis/copilot_suggestions.hpp"
#include "analysis/gate_solver.hpp"
#include "analysis/id_order.hpp"
#include "analysis/members.hpp"
#include "analysis/shared_network.hpp"

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

bool contains(const std::vector<Ref>& list, Ref r) { return std::find(list.begin(), list.end(), r) != list.end(); }

// What the options name, checked before any work: the people of --without, the --initiative.
struct Asked {
  std::vector<bool> absent;  // by Ref; empty without --without
  std::optional<WithoutImpact> without;
  std::optional<Ref> focus;
};

Asked read_options(const Model& m, const CopilotOptions& options) {
  Asked a;
  if (!options.without.empty()) {
    a.absent.assign(m.entity_count(), false);
    WithoutImpact w;
    for (const std::string& id : options.without) {
      const std::optional<Ref> p = m.find(id);
      if (!p || m.kind(*p) != EntityKind::person) throw CopilotError("--without: there is no person '" + id + "'");
      a.absent[*p] = true;
      w.people.push_back(*p);
    }
    sort_unique_by_id(m, w.people);
    a.without = std::move(w);
  }
  if (!options.initiative.empty()) {
    a.focus = m.find(options.initiative);
    if (!a.focus || m.kind(*a.focus) != EntityKind::initiative)
      throw CopilotError("--initiative: there is no initiative '" + options.initiative + "'");
  }
  return a;
}

// One analysis: the organisation and schedule facts it asks again and again, the initiatives
// and gates in scope, and the result as it is filled in, step by step.
class CopilotRun {
 public:
  CopilotRun(const Model& m, const CopilotOptions& options, Asked asked, const Network* whole)
      : m_(m), options_(options), absent_(std::move(asked.absent)), focus_(asked.focus), org_(m),
        t_(timeline(m, whole)) {
    out_.without = std::move(asked.without);
  }

  CopilotAnalysis run() {
    choose_initiatives();
    choose_gates();
    for (Ref g : gates_) check_gate_of_scope(g);
    const Members members = available_members(m_);
    for (std::size_t k = 0; k < initiatives_.size(); ++k) out_.initiatives.push_back(check_initiative(k, members));
    count_signoff_load();
    if (out_.without) compare_with_everyone();
    out_.findings = copilot_findings(m_, out_, absent_, options_);
    sort_findings(out_.findings);
    return std::move(out_);
  }

 private:
  void choose_initiatives();
  void choose_gates();
  void check_gate_of_scope(Ref g);
  InitiativeResult check_initiative(std::size_t k, const Members& members);
  void add_approval_path(const Reach& r, InitiativeResult& result) const;
  void add_sole_owners(const Reach& r, const Members& members, InitiativeResult& result);
  void count_signoff_load();
  std::map<Ref, SignoffLoad> pending_signoffs() const;
  const std::vector<Ref>& single_points_of_failure(Ref gate);
  void compare_with_everyone();

  const Model& m_;
  const CopilotOptions& options_;
  const std::vector<bool> absent_;
  const std::optional<Ref> focus_;
  const OrgIndex org_;
  const Timeline t_;
  std::vector<Ref> initiatives_;                // by id
  std::vector<Reach> reaches_;                  // by position in initiatives_
  std::vector<Ref> gates_;                      // checked gates in scope, by id
  std::map<Ref, std::size_t> gate_at_;          // gate -> position in out_.gates
  std::map<Ref, std::vector<Ref>> spof_cache_;  // gates outside the analysis (--initiative)
  CopilotAnalysis out_;
};

// The focus, or every initiative, each with its reach.
void CopilotRun::choose_initiatives() {
  if (focus_) initiatives_.push_back(*focus_);
  else
    for (std::size_t i = 0; i < m_.initiatives().size(); ++i)
      initiatives_.push_back(m_.ref_of(EntityKind::initiative, i));
  sort_unique_by_id(m_, initiatives_);
  std::vector<std::vector<std::uint32_t>> items(m_.initiatives().size());  // by initiative index
  for (std::uint32_t a = 0; a < t_.net.size(); ++a)
    if (const Ref i = m_.initiative_of(t_.net.activity[a]); i != kNoRef) items[m_.index(i)].push_back(a);
  std::vector<std::uint32_t> mark(t_.net.size(), 0);
  std::uint32_t stamp = 1;
  for (Ref i : initiatives_) {
    reaches_.push_back(reach(t_, items[m_.index(i)], mark, stamp));
    stamp += 2;
  }
}

// The checked gates of the focus's network, or of the whole model.
void CopilotRun::choose_gates() {
  if (focus_) {
    for (std::uint32_t a : reaches_.front().members)
      if (m_.kind(t_.net.activity[a]) == EntityKind::approval) gates_.push_back(t_.net.activity[a]);
  } else {
    for (std::size_t i = 0; i < m_.approvals().size(); ++i) gates_.push_back(m_.ref_of(EntityKind::approval, i));
  }
  gates_.erase(
      std::remove_if(gates_.begin(), gates_.end(), [&](Ref g) { return !checked(m_.approval(g), options_.all); }),
      gates_.end());
  sort_unique_by_id(m_, gates_);
}

// 1, 2, 4, 5: whether the gate can be granted; if so how robustly, if not whom to ask.
void CopilotRun::check_gate_of_scope(Ref g) {
  GateResult r;
  r.gate = g;
  r.slot_labels = unique_labels(m_, m_.approval(g).rule);
  const GateSolver solver(org_, g, absent_);
  r.check = check_gate(org_, solver, g, absent_);
  if (r.check.satisfiable) {
    r.resilience = gate_resilience(solver);
  } else {
    const Ref i = m_.approval(g).initiative;
    std::vector<Ref> sources;
    if (i != kNoRef) sources = present_sponsors(m_, i, absent_);
    if (sources.empty()) sources = m_.approval(g).approvers;  // no sponsor: closeness to the approvers
    sort_unique_by_id(m_, sources);
    r.suggestions = suggest_copilots(org_, r.check, r.slot_labels, sources, absent_, options_.suggestions);
  }
  gate_at_[g] = out_.gates.size();
  out_.gates.push_back(std::move(r));
}

// 3, 5, 6: the initiative's co-pilot, approval path and the people it cannot do without.
InitiativeResult CopilotRun::check_initiative(std::size_t k, const Members& members) {
  InitiativeResult r;
  r.initiative = initiatives_[k];
  r.copilot = check_initiative_copilot(m_, r.initiative, absent_);
  if (!r.copilot.missing_sides.empty()) {
    std::vector<Ref> sponsors = present_sponsors(m_, r.initiative, absent_);
    sort_unique_by_id(m_, sponsors);
    r.cosponsor_suggestions =
        suggest_cosponsors(org_, r.copilot.missing_sides, sponsors, absent_, options_.suggestions);
  }
  add_approval_path(reaches_[k], r);
  add_sole_owners(reaches_[k], members, r);
  return r;
}

// Its gates in schedule order, and the single points of failure of those checked.
void CopilotRun::add_approval_path(const Reach& r, InitiativeResult& result) const {
  for (std::uint32_t a : r.members) {
    const Ref g = t_.net.activity[a];
    if (m_.kind(g) != EntityKind::approval) continue;
    result.approval_path.push_back({g, t_.net.duration[a], t_.cumulative[a], t_.ef[a]});
    if (auto it = gate_at_.find(g); it != gate_at_.end())
      for (Ref p : out_.gates[it->second].resilience.single_points_of_failure)
        result.single_points_of_failure.push_back(p);
  }
  std::sort(result.approval_path.begin(), result.approval_path.end(),
            [&](const ApprovalPathEntry& a, const ApprovalPathEntry& b) {
              const std::uint32_t x = t_.position[a.gate], y = t_.position[b.gate];
              return std::tie(a.earliest_finish, a.cumulative_lead_time, t_.topo[x]) <
                     std::tie(b.earliest_finish, b.cumulative_lead_time, t_.topo[y]);
            });
  sort_unique_by_id(m_, result.single_points_of_failure);
}

// Who alone can do its open critical steps; with --without, the steps whose sole owner is away.
void CopilotRun::add_sole_owners(const Reach& r, const Members& members, InitiativeResult& result) {
  std::map<Ref, std::vector<Ref>> owned;
  for (std::uint32_t a : r.critical) {
    const Ref s = t_.net.activity[a];
    if (m_.kind(s) != EntityKind::step || m_.step(s).status == StepStatus::done) continue;
    const Ref owner = sole_owner(m_, m_.step(s), members, absent_);
    if (owner == kNoRef) continue;
    if (!absent_.empty() && absent_[owner]) out_.without->critical_steps_without_owner.push_back({s, owner});
    else owned[owner].push_back(s);
  }
  for (auto& [p, steps] : owned) {
    sort_unique_by_id(m_, steps);
    result.sole_owners.push_back({p, std::move(steps)});
  }
  std::sort(result.sole_owners.begin(), result.sole_owners.end(),
            [&](const SoleOwner& a, const SoleOwner& b) { return id_less(m_, a.person, b.person); });
}

// 6: sign-off load over every pending gate; with --initiative, for the people on its gates.
void CopilotRun::count_signoff_load() {
  for (auto& [p, l] : pending_signoffs()) {
    sort_unique_by_id(m_, l.gates);
    for (Ref g : l.gates)
      if (contains(single_points_of_failure(g), p)) l.essential.push_back(g);
    l.bottleneck = l.gates.size() > options_.signoff_threshold;
    out_.signoff_load.push_back(std::move(l));
  }
  std::sort(out_.signoff_load.begin(), out_.signoff_load.end(), [&](const SignoffLoad& a, const SignoffLoad& b) {
    if (a.gates.size() != b.gates.size()) return a.gates.size() > b.gates.size();
    return id_less(m_, a.person, b.person);
  });
}

// The pending gates each available person is named on.
std::map<Ref, SignoffLoad> CopilotRun::pending_signoffs() const {
  std::map<Ref, SignoffLoad> load;
  std::set<Ref> listed;
  for (const GateResult& g : out_.gates)
    for (Ref p : m_.approval(g.gate).approvers) listed.insert(p);
  for (std::size_t i = 0; i < m_.approvals().size(); ++i) {
    const Approval& g = m_.approvals()[i];
    if (g.status != ApprovalStatus::pending) continue;
    const Ref gate = m_.ref_of(EntityKind::approval, i);
    for (Ref p : std::set<Ref>(g.approvers.begin(), g.approvers.end())) {
      if (!m_.person(p).available || (!absent_.empty() && absent_[p]) || (focus_ && !listed.count(p))) continue;
      SignoffLoad& l = load[p];
      l.person = p;
      l.gates.push_back(gate);
    }
  }
  return load;
}

// A gate's single points of failure: from its result when checked, else worked out once.
const std::vector<Ref>& CopilotRun::single_points_of_failure(Ref g) {
  if (auto it = gate_at_.find(g); it != gate_at_.end())
    return out_.gates[it->second].resilience.single_points_of_failure;
  auto [it, fresh] = spof_cache_.try_emplace(g);
  if (fresh) {
    const GateSolver solver(org_, g, absent_);
    for (std::size_t c : solver.single_points_of_failure()) it->second.push_back(solver.candidates()[c]);
  }
  return it->second;
}

// --without: the same gates and initiatives with everyone present.
void CopilotRun::compare_with_everyone() {
  WithoutImpact& w = *out_.without;
  for (const GateResult& g : out_.gates) {
    const GateSolver everyone(org_, g.gate, {});
    if (!everyone.solve()) continue;
    if (!g.check.satisfiable) {
      w.broken_gates.push_back(g.gate);
      continue;
    }
    const GateResilience was = gate_resilience(everyone);
    for (Ref p : g.resilience.single_points_of_failure)
      if (!contains(was.single_points_of_failure, p)) w.new_single_points_of_failure.push_back({g.gate, p});
    if (g.resilience.bus_factor < was.bus_factor)
      w.weakened.push_back({g.gate, {was.bus_factor, g.resilience.bus_factor}});
  }
  for (const InitiativeResult& i : out_.initiatives) {
    const InitiativeCopilot before = check_initiative_copilot(m_, i.initiative);
    for (const std::string& side : i.copilot.missing_sides)
      if (std::find(before.missing_sides.begin(), before.missing_sides.end(), side) == before.missing_sides.end()) {
        w.initiatives_losing_copilot.push_back(i.initiative);
        break;
      }
  }
  std::sort(w.critical_steps_without_owner.begin(), w.critical_steps_without_owner.end(),
            [&](auto& a, auto& b) { return id_less(m_, a.first, b.first); });
  w.critical_steps_without_owner.erase(
      std::unique(w.critical_steps_without_owner.begin(), w.critical_steps_without_owner.end()),
      w.critical_steps_without_owner.end());
}

}  // namespace

std::vector<Ref> present_sponsors(const Model& m, Ref initiative, const std::vector<bool>& absent) {
  std::vector<Ref> out;
  for (Ref s : m.initiative(initiative).sponsors)
    if (absent.empty() || !absent[s]) out.push_back(s);
  return out;
}

CopilotAnalysis analyze_copilots(const Model& m, const CopilotOptions& options) {
  return analyze_copilots(m, options, nullptr);
}

CopilotAnalysis analyze_copilots(const Model& m, const CopilotOptions& options, const Network* whole) {
  return CopilotRun(m, options, read_options(m, options), whole).run();
}

}  // namespace clearpath
