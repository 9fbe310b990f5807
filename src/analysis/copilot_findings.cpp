// The co-pilot findings in words: why a gate cannot be granted and whom to ask, who a gate
// cannot do without, which initiatives lack a co-pilot, who must sign too many gates.
#include "analysis/copilot_parts.hpp"
#include "analysis/id_order.hpp"

namespace clearpath {
namespace {

// "Production funding (production-funding)", or the id alone when the gate has no other name.
std::string gate_name(const Model& m, Ref gate) {
  return m.display_name(gate) == m.id(gate) ? m.id(gate) : m.display_name(gate) + " (" + m.id(gate) + ")";
}

// " Suggested business-side executive: cmo, cfo; approver: ...", or "" when nobody is suggested.
std::string suggested_text(const Model& m, const GateResult& g) {
  std::string suggested;
  for (const SlotSuggestion& s : g.suggestions) {
    if (s.candidates.empty()) continue;
    std::string ids;
    for (const Candidate& c : s.candidates) ids += (ids.empty() ? "" : ", ") + m.id(c.person);
    suggested += (suggested.empty() ? " Suggested " : "; ") + s.label + ": " + ids;
  }
  return suggested;
}

Finding unsatisfiable_gate(const Model& m, const GateResult& g) {
  bool never = false;
  std::string reasons;
  for (const UnfilledSlot& u : g.check.unfilled) {
    never = never || u.never_in_organisation;
    reasons += (reasons.empty() ? "" : "; ") + u.reason;
  }
  const std::string suggested = suggested_text(m, g);
  Finding f{never ? "impossible-rule" : "missing-copilot", Severity::error, {m.id(g.gate)}, {}, 0, 0};
  std::vector<Ref> approvers(m.approval(g.gate).approvers.begin(), m.approval(g.gate).approvers.end());
  sort_unique_by_id(m, approvers);
  for (Ref p : approvers) f.subjects.push_back(m.id(p));
  f.message =
      gate_name(m, g.gate) + " cannot be granted: " + reasons + "." + (suggested.empty() ? "" : suggested + ".");
  if (g.check.search_exhausted) f.message += " (The search budget ran out: the gate may be satisfiable.)";
  return f;
}

void add_gate_findings(const Model& m, const GateResult& g, std::vector<Finding>& out) {
  if (!g.check.satisfiable) {
    out.push_back(unsatisfiable_gate(m, g));
    return;
  }
  const std::string name = gate_name(m, g.gate);
  for (Ref p : g.resilience.single_points_of_failure)
    out.push_back({"single-point-of-failure",
                   Severity::warning,
                   {m.id(g.gate), m.id(p)},
                   name + " cannot be granted without " + person_label(m, p) + " (bus factor 1)",
                   0,
                   0});
  if (!g.resilience.exact)
    out.push_back({"analysis-incomplete",
                   Severity::info,
                   {m.id(g.gate)},
                   "the bus factor of " + name + " is at least " + std::to_string(g.resilience.bus_factor) +
                       " (the search budget ran out before it was exact)",
                   0,
                   0});
}

Finding missing_initiative_copilot(const Model& m, const InitiativeResult& i, const std::vector<bool>& absent) {
  std::vector<Ref> sponsors = present_sponsors(m, i.initiative, absent);
  sort_unique_by_id(m, sponsors);
  Finding f{"missing-copilot", Severity::error, {m.id(i.initiative)}, {}, 0, 0};
  std::string who;
  for (Ref s : sponsors) {
    f.subjects.push_back(m.id(s));
    who += (who.empty() ? "" : ", ") + person_label(m, s);
  }
  const std::string missing = missing_sides_text(i.copilot);
  const std::string& title = m.display_name(i.initiative);
  if (sponsors.empty()) f.message = title + " has no sponsor: no " + missing + " co-pilot";
  else if (i.copilot.single_sponsor)
    f.message = title + " has a single sponsor, " + who + ": no " + missing + " co-pilot";
  else f.message = title + "'s sponsors " + who + " are all on one side: no " + missing + " co-pilot";
  return f;
}

Finding bottleneck(const Model& m, const SignoffLoad& l, const CopilotOptions& options) {
  Finding f{"approval-bottleneck", Severity::warning, {m.id(l.person)}, {}, 0, 0};
  for (Ref g : l.gates) f.subjects.push_back(m.id(g));
  f.message = person_label(m, l.person) + " must sign " + std::to_string(l.gates.size()) +
              " pending gates (threshold " + std::to_string(options.signoff_threshold) + "), " +
              std::to_string(l.essential.size()) + " of which cannot be granted without them";
  return f;
}

}  // namespace

std::vector<Finding> copilot_findings(const Model& m, const CopilotAnalysis& a, const std::vector<bool>& absent,
                                      const CopilotOptions& options) {
  std::vector<Finding> out;
  for (const GateResult& g : a.gates) add_gate_findings(m, g, out);
  for (const InitiativeResult& i : a.initiatives)
    if (!i.copilot.missing_sides.empty()) out.push_back(missing_initiative_copilot(m, i, absent));
  for (const SignoffLoad& l : a.signoff_load)
    if (l.bottleneck) out.push_back(bottleneck(m, l, options));
  return out;
}

}  // namespace clearpath
