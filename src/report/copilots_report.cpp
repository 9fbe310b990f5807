// The `clearpath copilots` JSON (docs/copilots.md).
#include "report/copilots_report.hpp"

#include <algorithm>
#include <ostream>

#include "report/report_text.hpp"

namespace clearpath {
namespace {

using J = nlohmann::ordered_json;

J id_array(const Model& m, const std::vector<Ref>& refs) {
  J out = J::array();
  for (Ref r : refs) out.push_back(m.id(r));
  return out;
}

// Suggested people, each slot with its candidates and, for each, the distance and reason.
J suggestions_json(const Model& m, const std::vector<SlotSuggestion>& list) {
  J suggestions = J::array();
  for (const SlotSuggestion& s : list) {
    J candidates = J::array(), details = J::array();
    for (const Candidate& c : s.candidates) {
      candidates.push_back(m.id(c.person));
      details.push_back({{"person", m.id(c.person)},
                         {"distance", c.distance ? J(*c.distance) : J()},
                         {"nearest_sponsor", c.nearest_sponsor == kNoRef ? J() : J(m.id(c.nearest_sponsor))},
                         {"reason", c.reason}});
    }
    suggestions.push_back({{"slot", s.label}, {"candidates", std::move(candidates)}, {"details", std::move(details)}});
  }
  return suggestions;
}

J gate_json(const Model& m, const GateResult& g) {
  const Approval& ap = m.approval(g.gate);
  J x;
  x["id"] = m.id(g.gate);
  x["initiative"] = ap.initiative == kNoRef ? J() : J(m.id(ap.initiative));
  x["status"] = status_name(ap.status);
  x["satisfiable"] = g.check.satisfiable;
  J assignment = J::object();
  for (const SlotFill& f : g.check.assignment) assignment[g.slot_labels[f.slot]] = m.id(f.person);
  x["assignment"] = std::move(assignment);
  x["approvers_chosen"] = id_array(m, g.check.approvers);
  J unfilled = J::array();
  for (const UnfilledSlot& u : g.check.unfilled)
    unfilled.push_back({{"slot", u.slot < 0 ? J() : J(g.slot_labels[static_cast<std::size_t>(u.slot)])},
                        {"reason", u.reason},
                        {"never_in_organisation", u.never_in_organisation}});
  x["unfilled"] = std::move(unfilled);
  x["suggestions"] = suggestions_json(m, g.suggestions);
  x["single_points_of_failure"] = id_array(m, g.resilience.single_points_of_failure);
  x["bus_factor"] = g.resilience.bus_factor;
  x["bus_factor_exact"] = g.resilience.exact;
  x["search_exhausted"] = g.check.search_exhausted;
  return x;
}

J initiative_json(const Model& m, const InitiativeResult& r) {
  J x;
  x["id"] = m.id(r.initiative);
  x["sponsors"] = id_array(m, m.initiative(r.initiative).sponsors);
  x["copilot_missing_side"] = r.copilot.missing_side ? J(*r.copilot.missing_side) : J();
  x["copilot_missing_sides"] = r.copilot.missing_sides;
  x["single_sponsor"] = r.copilot.single_sponsor;
  x["cosponsor_suggestions"] = suggestions_json(m, r.cosponsor_suggestions);
  x["single_points_of_failure"] = id_array(m, r.single_points_of_failure);
  J owners = J::array();
  for (const SoleOwner& o : r.sole_owners)
    owners.push_back({{"person", m.id(o.person)}, {"steps", id_array(m, o.steps)}});
  x["sole_owners_of_critical_steps"] = std::move(owners);
  J path = J::array();
  for (const ApprovalPathEntry& e : r.approval_path)
    path.push_back({{"gate", m.id(e.gate)},
                    {"status", status_name(m.approval(e.gate).status)},
                    {"lead_time", num(e.lead_time)},
                    {"cumulative_lead_time", num(e.cumulative_lead_time)},
                    {"earliest_finish", num(e.earliest_finish)}});
  x["approval_path"] = std::move(path);
  return x;
}

J without_json(const Model& m, const WithoutImpact& w) {
  J spof = J::array(), weak = J::array(), steps = J::array();
  for (const auto& [g, p] : w.new_single_points_of_failure) spof.push_back({{"gate", m.id(g)}, {"person", m.id(p)}});
  for (const auto& [g, b] : w.weakened)
    weak.push_back({{"gate", m.id(g)}, {"bus_factor_before", b.first}, {"bus_factor_after", b.second}});
  for (const auto& [s, p] : w.critical_steps_without_owner) steps.push_back({{"step", m.id(s)}, {"owner", m.id(p)}});
  return {{"broken_gates", id_array(m, w.broken_gates)},
          {"new_single_points_of_failure", std::move(spof)},
          {"weakened_gates", std::move(weak)},
          {"initiatives_losing_copilot", id_array(m, w.initiatives_losing_copilot)},
          {"critical_steps_without_owner", std::move(steps)}};
}

}  // namespace

J copilots_json(const Model& m, const CopilotAnalysis& a, const CopilotOptions& options,
                const CopilotReportOptions& report) {
  J j;
  j["file"] = report.file;
  j["name"] = m.name;
  j["initiative"] = options.initiative.empty() ? J() : J(options.initiative);
  j["all"] = options.all;
  j["signoff_threshold"] = options.signoff_threshold;
  j["without"] = a.without ? id_array(m, a.without->people) : J::array();
  J gates = J::array();
  for (const GateResult& g : a.gates) gates.push_back(gate_json(m, g));
  j["gates"] = std::move(gates);
  J initiatives = J::array();
  for (const InitiativeResult& r : a.initiatives) initiatives.push_back(initiative_json(m, r));
  j["initiatives"] = std::move(initiatives);
  J load = J::array();
  for (const SignoffLoad& l : a.signoff_load)
    load.push_back({{"person", m.id(l.person)},
                    {"gates", id_array(m, l.gates)},
                    {"essential", id_array(m, l.essential)},
                    {"bottleneck", l.bottleneck}});
  j["signoff_load"] = std::move(load);
  if (a.without) j["without_impact"] = without_json(m, *a.without);
  j["findings"] = findings_json(a.findings);
  return j;
}

}  // namespace clearpath
