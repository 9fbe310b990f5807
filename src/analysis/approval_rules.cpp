// Gate checks for people: the exact search (gate_solver) plus the reasons, in words a sponsor
// understands, why a gate cannot be met and which of its slots stay open.
#include "clearpath/approval_rules.hpp"

#include <algorithm>
#include <set>

#include "analysis/gate_solver.hpp"

namespace clearpath {
namespace {

std::string list(const Model& m, const std::vector<Ref>& people) {
  std::string out;
  for (Ref p : people) out += (out.empty() ? "" : ", ") + person_label(m, p);
  return out.empty() ? "nobody" : out;
}

// Why two people may not approve together: "cto reports to cio", "cio and cto are both in it".
std::string conflict_reason(const OrgIndex& org, Ref a, Ref b, GateSolver::Constraints c) {
  const Model& m = org.model();
  if (m.id(b) < m.id(a)) std::swap(a, b);
  const Person &x = m.person(a), &y = m.person(b);
  if (c.departments && x.department != kNoRef && x.department == y.department)
    return m.id(a) + " and " + m.id(b) + " are both in " + m.id(x.department);
  if (org.depth(a) > org.depth(b)) std::swap(a, b);  // a is the higher one
  const std::uint32_t levels = org.depth(b) - org.depth(a);
  if (levels == 1) return m.id(b) + " reports to " + m.id(a) + ", so they are not independent";
  return m.id(b) + " is in " + m.id(a) + "'s reporting chain (" + std::to_string(levels) +
         " levels down), so they are not independent";
}

std::string join(const std::vector<std::string>& parts, std::size_t shown = 3, const std::string& separator = "; ");

// Distinct reasons, three of them shown. Only the first kKept are kept, and the loops that
// look for clashes stop there, so a gate with thousands of clashing approvers costs little.
class Reasons {
 public:
  static constexpr std::size_t kKept = 50;
  bool full() const { return kept_.size() >= kKept; }
  bool empty() const { return kept_.empty(); }
  void add(std::string s) {
    if (!full() && std::find(kept_.begin(), kept_.end(), s) == kept_.end()) kept_.push_back(std::move(s));
  }
  std::string text() const {
    if (!full()) return join(kept_);
    return join({kept_.begin(), kept_.begin() + 3}) + "; and many more";
  }

 private:
  std::vector<std::string> kept_;
};

std::string join(const std::vector<std::string>& parts, std::size_t shown, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < parts.size() && i < shown; ++i) out += (i ? separator : "") + parts[i];
  if (parts.size() > shown) out += separator + "and " + std::to_string(parts.size() - shown) + " more";
  return out;
}

// "an executive", "a business-side executive"
std::string article(const std::string& noun) {
  return !noun.empty() && std::string("aeiou").find(noun[0]) != std::string::npos ? "an" : "a";
}

// Fewer available approvers than the rule needs.
UnfilledSlot too_few_approvers(const Model& m, const GateSolver& solver) {
  const std::vector<Ref>& candidates = solver.candidates();
  return {-1,
          "only " + std::to_string(candidates.size()) + " available approver" + (candidates.size() == 1 ? "" : "s") +
              " (" + list(m, candidates) + "), the rule needs " + std::to_string(solver.need()),
          false};
}

// Nobody named fits slot k: does anyone in the organisation, and are they all away? (The scan
// stops at the first who fits and is here.)
UnfilledSlot nobody_named_fits(const OrgIndex& org, const GateSolver& solver, const Slot& slot, std::size_t k,
                               const std::vector<bool>& absent) {
  const Model& m = org.model();
  const std::string label = slot_label(m, slot);
  std::vector<Ref> away;
  bool here = false;
  const OrgIndex::SlotKey key = org.key(slot);
  for (Ref p : org.slot_pool(slot))
    if (org.matches(p, key)) {
      if (m.person(p).available && (absent.empty() || !absent[p])) {
        here = true;
        break;
      }
      away.push_back(p);
    }
  if (!here && away.empty())
    return {static_cast<long>(k),
            "nobody in the organisation is " + article(label) + " " + label + ", so the rule can never be met", true};
  std::string why = "no " + label + " among the available approvers: " + list(m, solver.candidates());
  if (!here) {
    std::sort(away.begin(), away.end(), [&](Ref a, Ref b) { return m.id(a) < m.id(b); });
    std::vector<std::string> names;
    for (Ref p : away) names.push_back(m.id(p));
    why += away.size() == 1 ? "; the organisation's only " + label + ", " + names[0] + ", is unavailable"
                            : "; every " + label + " in the organisation is unavailable: " + join(names, 5, ", ");
  }
  return {static_cast<long>(k), why, false};
}

// Someone fits slot k, but each who does is taken by another slot or cannot approve with those
// chosen (`partial`: slot -> candidate or kNone).
UnfilledSlot fits_are_taken(const OrgIndex& org, const GateSolver& solver, const std::vector<std::size_t>& partial,
                            std::size_t k) {
  const std::vector<Ref>& candidates = solver.candidates();
  const std::size_t slots = partial.size();
  Reasons reasons;
  const GateSolver::Constraints rule = solver.rule_constraints();
  const bool clashes = rule.departments || rule.independence;  // else only the same person clashes
  for (std::size_t c : solver.fits()[k])
    for (std::size_t other = 0; clashes && other < slots && !reasons.full(); ++other) {
      const std::size_t chosen = partial[other];
      if (chosen == GateSolver::kNone || chosen == c) continue;
      if (solver.conflict(c, chosen, rule)) reasons.add(conflict_reason(org, candidates[c], candidates[chosen], rule));
    }
  if (reasons.empty()) {
    const std::size_t matched = solver.matchable();
    reasons.add("the " + std::to_string(slots) + " slots need different people, but only " + std::to_string(matched) +
                " can be filled at once by " + list(org.model(), candidates));
  }
  return {static_cast<long>(k), reasons.text(), false};
}

// Every slot is filled, but not enough further approvers go with those chosen.
UnfilledSlot extras_do_not_go_together(const OrgIndex& org, const GateSolver& solver,
                                       const std::vector<std::size_t>& partial) {
  const std::vector<Ref>& candidates = solver.candidates();
  std::vector<std::size_t> chosen;
  for (std::size_t k = 0; k < partial.size(); ++k) chosen.push_back(partial[k]);
  Reasons reasons;
  for (std::size_t c = 0; c < candidates.size() && !reasons.full(); ++c)
    for (std::size_t other : chosen)
      if (c != other && solver.conflict(c, other, solver.rule_constraints()))
        reasons.add(conflict_reason(org, candidates[c], candidates[other], solver.rule_constraints()));
  if (chosen.empty())  // no slots: min_approvers among the approvers, pairwise
    for (std::size_t a = 0; a < candidates.size() && !reasons.full(); ++a)
      for (std::size_t b = a + 1; b < candidates.size() && !reasons.full(); ++b)
        if (solver.conflict(a, b, solver.rule_constraints()))
          reasons.add(conflict_reason(org, candidates[a], candidates[b], solver.rule_constraints()));
  const std::string need = "the rule needs " + std::to_string(solver.need()) + " approvers who go together";
  return {-1, reasons.empty() ? need : need + ": " + reasons.text(), false};
}

GateCheck explain(const OrgIndex& org, const GateSolver& solver, Ref gate, const std::vector<bool>& absent) {
  const Rule& rule = org.model().approval(gate).rule;
  GateCheck out;
  out.gate = gate;
  if (solver.candidates().size() < solver.need()) out.unfilled.push_back(too_few_approvers(org.model(), solver));
  const std::vector<std::size_t> partial = solver.best_partial();
  for (std::size_t k = 0; k < rule.slots.size(); ++k) {
    if (partial[k] != GateSolver::kNone) out.assignment.push_back({k, solver.candidates()[partial[k]]});
    else if (solver.fits()[k].empty()) out.unfilled.push_back(nobody_named_fits(org, solver, rule.slots[k], k, absent));
    else out.unfilled.push_back(fits_are_taken(org, solver, partial, k));
  }
  if (out.unfilled.empty()) out.unfilled.push_back(extras_do_not_go_together(org, solver, partial));
  return out;
}

}  // namespace

std::shared_ptr<const OrgIndex> index_organisation(const Model& model) { return std::make_shared<OrgIndex>(model); }

std::string person_label(const Model& m, Ref p) {
  const Person& person = m.person(p);
  if (person.department == kNoRef) return m.id(p);
  const std::string& side = m.department(person.department).side;
  return m.id(p) + " (" + m.display_name(person.department) + (side.empty() ? "" : ", " + side + " side") + ")";
}

std::string slot_label(const Model& m, const Slot& s) {
  std::string out = s.side.empty() ? "" : s.side + "-side ";
  out += s.role.empty() ? "approver" : s.role;
  if (s.department != kNoRef) out += " in " + m.id(s.department);
  return out;
}

GateCheck check_gate(const Model& m, Ref gate, const std::vector<bool>& absent, const OrgIndex* index) {
  std::shared_ptr<const OrgIndex> own;
  if (!index) index = (own = index_organisation(m)).get();
  return check_gate(*index, GateSolver(*index, gate, absent), gate, absent);
}

GateCheck check_gate(const OrgIndex& org, const GateSolver& solver, Ref gate, const std::vector<bool>& absent) {
  const auto& solution = solver.solve();
  if (!solution) {
    GateCheck out = explain(org, solver, gate, absent);
    out.search_exhausted = solver.exhausted();
    return out;
  }
  GateCheck out;
  out.gate = gate;
  out.satisfiable = true;
  for (std::size_t k = 0; k < solution->slot_of.size(); ++k)
    out.assignment.push_back({k, solver.candidates()[solution->slot_of[k]]});
  for (std::size_t c : solution->chosen) out.approvers.push_back(solver.candidates()[c]);
  return out;
}

GateResilience gate_resilience(const Model& m, Ref gate, const std::vector<bool>& absent, const OrgIndex* index) {
  std::shared_ptr<const OrgIndex> own;
  if (!index) index = (own = index_organisation(m)).get();
  return gate_resilience(GateSolver(*index, gate, absent));
}

GateResilience gate_resilience(const GateSolver& solver) {
  const GateSolver::Resilience r = solver.resilience();
  GateResilience out;
  for (std::size_t c : r.single_points_of_failure) out.single_points_of_failure.push_back(solver.candidates()[c]);
  out.bus_factor = r.bus_factor;
  out.exact = r.exact;
  return out;
}

InitiativeCopilot check_initiative_copilot(const Model& m, Ref initiative, const std::vector<bool>& absent) {
  InitiativeCopilot out;
  out.initiative = initiative;
  const Initiative& i = m.initiative(initiative);
  std::set<Ref> sponsors;
  for (Ref p : i.sponsors)
    if (absent.empty() || !absent[p]) sponsors.insert(p);
  out.single_sponsor = sponsors.size() <= 1;
  bool it = false, business = false;
  for (Ref p : sponsors) {
    const Ref d = m.person(p).department;
    if (d == kNoRef) continue;
    it = it || m.department(d).side == "it";
    business = business || m.department(d).side == "business";
  }
  if (!business) out.missing_sides.push_back("business");
  if (!it) out.missing_sides.push_back("it");
  if (!out.missing_sides.empty()) out.missing_side = out.missing_sides.front();
  return out;
}

std::string missing_sides_text(const InitiativeCopilot& copilot) {
  std::string out;
  for (const std::string& side : copilot.missing_sides)
    out.append(out.empty() ? "" : " or ").append(side == "it" ? "IT" : side).append("-side");
  return out;
}

}  // namespace clearpath
