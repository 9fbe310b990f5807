#include "report/copilots_report.hpp"

#include <algorithm>
#include <ostream>

#include "report/report_text.hpp"

namespace clearpath {
namespace {

using J = nlohmann::ordered_json;

constexpr std::size_t kLoadShown = 20;  // sign-off load rows in the text report

// "a, b, c", at most `shown` of them, then "and N more".
std::string ids(const Model& m, const std::vector<Ref>& refs, std::size_t shown = SIZE_MAX) {
  std::string out;
  for (std::size_t i = 0; i < refs.size() && i < shown; ++i) out += (out.empty() ? "" : ", ") + m.id(refs[i]);
  if (refs.size() > shown) out += ", and " + std::to_string(refs.size() - shown) + " more";
  return out.empty() ? "none" : out;
}

J id_array(const Model& m, const std::vector<Ref>& refs) {
  J out = J::array();
  for (Ref r : refs) out.push_back(m.id(r));
  return out;
}

std::string rule_text(const Rule& r, const std::vector<std::string>& labels) {
  const std::size_t need = std::max<std::size_t>(static_cast<std::size_t>(std::max(r.min_approvers, 0)), r.slots.size());
  std::string out = std::to_string(need) + " approver" + (need == 1 ? "" : "s");
  if (!labels.empty()) {
    out += ":";
    for (std::size_t k = 0; k < labels.size(); ++k) out += (k ? ", " : " ") + labels[k];
  }
  if (r.distinct_departments) out += "; distinct departments";
  if (r.independent) out += "; independent";
  return out;
}

void print_gate(std::ostream& out, Text& t, const Model& m, const GateResult& g) {
  const Approval& a = m.approval(g.gate);
  std::string state = g.check.satisfiable ? "can be granted, bus factor " + std::to_string(g.resilience.bus_factor) +
                                                (g.resilience.exact ? "" : " or more")
                                          : "CANNOT BE GRANTED";
  t.line() << entity_label(m, g.gate) << ": " << state << "\n";
  out << wrap(std::string(status_name(a.status)) + " gate of " + (a.initiative == kNoRef ? "no initiative" : m.id(a.initiative)) +
                  "; rule: " + rule_text(a.rule, g.slot_labels) + "; approvers: " + ids(m, a.approvers),
              "    ");
  for (std::size_t k = 0; k < g.slot_labels.size(); ++k) {
    const auto fill = std::find_if(g.check.assignment.begin(), g.check.assignment.end(), [&](const SlotFill& f) { return f.slot == k; });
    t.line() << "  " << pad(g.slot_labels[k], 34) << (fill != g.check.assignment.end() ? m.id(fill->person) : "OPEN") << "\n";
    for (const UnfilledSlot& u : g.check.unfilled)
      if (u.slot == static_cast<long>(k)) out << wrap(u.reason, "      ");
  }
  for (const UnfilledSlot& u : g.check.unfilled)
    if (u.slot < 0) {
      t.line() << "  " << pad("the rule as a whole", 34) << "NOT MET\n";
      out << wrap(u.reason, "      ");
    }
  if (g.check.satisfiable && g.slot_labels.size() < g.check.approvers.size()) {
    std::vector<Ref> extra(g.check.approvers.begin() + static_cast<long>(g.slot_labels.size()), g.check.approvers.end());
    t.line() << "  " << pad("further approvers", 34) << ids(m, extra) << "\n";
  }
  for (const SlotSuggestion& s : g.suggestions) {
    t.line() << "  suggested " << s.label << (s.candidates.empty() ? ": nobody available in the organisation fits" : ":") << "\n";
    for (const Candidate& c : s.candidates) out << hang("      " + pad(m.id(c.person), 18), c.reason);
  }
  if (!g.resilience.single_points_of_failure.empty())
    t.line() << "  single point" << (g.resilience.single_points_of_failure.size() == 1 ? "" : "s") << " of failure: "
             << ids(m, g.resilience.single_points_of_failure) << "\n";
}

void print_initiative(std::ostream& out, Text& t, const Model& m, const InitiativeResult& r) {
  const Initiative& i = m.initiative(r.initiative);
  t.line() << entity_label(m, r.initiative) << "\n";
  std::string sponsors;
  for (Ref s : i.sponsors) sponsors += (sponsors.empty() ? "" : ", ") + person_label(m, s);
  std::string copilot;
  if (!r.copilot.missing_sides.empty()) copilot = " - no " + missing_sides_text(r.copilot) + " co-pilot";
  if (r.copilot.single_sponsor) copilot += copilot.empty() ? " - single sponsor" : ", single sponsor";
  out << wrap("sponsors: " + (sponsors.empty() ? std::string("none") : sponsors) + copilot, "    ");
  t.line() << "  single points of failure: " << ids(m, r.single_points_of_failure) << "\n";
  t.line() << "  sole owners of critical steps:" << (r.sole_owners.empty() ? " none" : "") << "\n";
  for (const SoleOwner& o : r.sole_owners) t.line() << "    " << pad(m.id(o.person), 24) << ids(m, o.steps) << "\n";
  if (r.approval_path.empty()) {
    t.line() << "  approval path: no gates\n";
    return;
  }
  t.line() << "  approval path:\n";
  t.line() << "    " << rpad("#", 3) << "  " << pad("gate", 28) << pad("status", 9) << rpad("lead", 6) << rpad("cumulative", 12)
           << rpad("done by day", 13) << "\n";
  std::size_t n = 0;
  for (const ApprovalPathEntry& e : r.approval_path)
    t.line() << "    " << rpad(std::to_string(++n), 3) << "  " << pad(m.id(e.gate), 28) << pad(status_name(m.approval(e.gate).status), 9)
             << rpad(fixed(e.lead_time, 0), 6) << rpad(fixed(e.cumulative_lead_time, 0), 12) << rpad(fixed(e.earliest_finish), 13) << "\n";
}

}  // namespace

void print_copilots_report(std::ostream& out, const Model& m, const CopilotAnalysis& a, const CopilotOptions& options,
                           const CopilotReportOptions& report) {
  Text t(out, report.color);
  out << "clearpath copilots: " << report.file << (m.name.empty() ? "" : " - " + m.name) << "\n";
  out << "  " << a.gates.size() << " gate" << (a.gates.size() == 1 ? "" : "s") << " checked ("
      << (options.all ? "all statuses" : "pending; --all adds granted and denied") << "), " << a.initiatives.size()
      << " initiative" << (a.initiatives.size() == 1 ? "" : "s");
  if (a.without) out << "; without " << ids(m, a.without->people);
  out << "\n";

  std::vector<Ref> broken, spofs;
  for (const GateResult& g : a.gates) {
    if (!g.check.satisfiable) broken.push_back(g.gate);
    if (!g.resilience.single_points_of_failure.empty()) spofs.push_back(g.gate);
  }
  std::vector<Ref> lacking;
  for (const InitiativeResult& i : a.initiatives)
    if (!i.copilot.missing_sides.empty()) lacking.push_back(i.initiative);
  std::size_t bottlenecks = 0;
  for (const SignoffLoad& l : a.signoff_load) bottlenecks += l.bottleneck;
  t.heading("SUMMARY");
  t.line() << "gates that cannot be granted: " << broken.size() << (broken.empty() ? "" : " (" + ids(m, broken) + ")") << "\n";
  t.line() << "gates with a single point of failure: " << spofs.size() << (spofs.empty() ? "" : " (" + ids(m, spofs) + ")") << "\n";
  t.line() << "initiatives without a co-pilot: " << lacking.size() << (lacking.empty() ? "" : " (" + ids(m, lacking) + ")") << "\n";
  t.line() << "approval bottlenecks (more than " << options.signoff_threshold << " pending gates): " << bottlenecks << "\n";
  std::size_t errors = 0, warnings = 0;
  for (const Finding& f : a.findings) (f.severity == Severity::error ? errors : warnings) += f.severity >= Severity::warning;
  t.line() << "findings: " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
           << (warnings == 1 ? "" : "s") << " (listed at the end)\n";

  if (a.without) {
    const WithoutImpact& w = *a.without;
    t.heading("WITHOUT " + ids(m, w.people) + " (compared with everyone present)");
    t.line() << "gates that can no longer be granted: " << ids(m, w.broken_gates) << "\n";
    std::string s;
    for (const auto& [g, p] : w.new_single_points_of_failure) s += (s.empty() ? "" : ", ") + m.id(p) + " on " + m.id(g);
    t.line() << "new single points of failure: " << (s.empty() ? "none" : s) << "\n";
    s.clear();
    for (const auto& [g, b] : w.weakened)
      s += (s.empty() ? "" : ", ") + m.id(g) + " " + std::to_string(b.first) + " -> " + std::to_string(b.second);
    t.line() << "bus factors that drop: " << (s.empty() ? "none" : s) << "\n";
    t.line() << "initiatives that lose a co-pilot: " << ids(m, w.initiatives_losing_copilot) << "\n";
    s.clear();
    for (const auto& [step, p] : w.critical_steps_without_owner) s += (s.empty() ? "" : ", ") + m.id(step) + " (" + m.id(p) + ")";
    t.line() << "critical steps whose sole owner is away: " << (s.empty() ? "none" : s) << "\n";
  }

  t.heading("GATES");
  if (a.gates.empty()) t.line() << "no gates to check\n";
  for (const GateResult& g : a.gates) print_gate(out, t, m, g);

  t.heading("INITIATIVES");
  for (const InitiativeResult& r : a.initiatives) print_initiative(out, t, m, r);

  t.heading("SIGN-OFF LOAD (pending gates per person; a bottleneck above " + std::to_string(options.signoff_threshold) + ")");
  if (a.signoff_load.empty()) t.line() << "nobody has a pending gate to sign\n";
  else t.line() << pad("person", 24) << rpad("gates", 6) << rpad("essential", 11) << "  gates\n";
  for (std::size_t k = 0; k < a.signoff_load.size() && k < kLoadShown; ++k) {
    const SignoffLoad& l = a.signoff_load[k];
    t.line() << pad(m.id(l.person), 24) << rpad(std::to_string(l.gates.size()), 6) << rpad(std::to_string(l.essential.size()), 11)
             << "  " << (l.bottleneck ? "BOTTLENECK: " : "") << ids(m, l.gates, 3) << "\n";
  }
  if (a.signoff_load.size() > kLoadShown) t.line() << "... and " << a.signoff_load.size() - kLoadShown << " more (see --format json)\n";

  t.heading("FINDINGS");
  if (a.findings.empty()) t.line() << "none\n";
  for (const Finding& f : a.findings) {
    t.line() << severity_name(f.severity) << " " << f.kind << "\n";
    out << wrap(f.message, "    ");
  }
}

J copilots_json(const Model& m, const CopilotAnalysis& a, const CopilotOptions& options, const CopilotReportOptions& report) {
  J j;
  j["file"] = report.file;
  j["name"] = m.name;
  j["initiative"] = options.initiative.empty() ? J() : J(options.initiative);
  j["all"] = options.all;
  j["signoff_threshold"] = options.signoff_threshold;
  j["without"] = a.without ? id_array(m, a.without->people) : J::array();
  J gates = J::array();
  for (const GateResult& g : a.gates) {
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
    J suggestions = J::array();
    for (const SlotSuggestion& s : g.suggestions) {
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
    x["suggestions"] = std::move(suggestions);
    x["single_points_of_failure"] = id_array(m, g.resilience.single_points_of_failure);
    x["bus_factor"] = g.resilience.bus_factor;
    x["bus_factor_exact"] = g.resilience.exact;
    x["search_exhausted"] = g.check.search_exhausted;
    gates.push_back(std::move(x));
  }
  j["gates"] = std::move(gates);
  J initiatives = J::array();
  for (const InitiativeResult& r : a.initiatives) {
    J x;
    x["id"] = m.id(r.initiative);
    x["sponsors"] = id_array(m, m.initiative(r.initiative).sponsors);
    x["copilot_missing_side"] = r.copilot.missing_side ? J(*r.copilot.missing_side) : J();
    x["copilot_missing_sides"] = r.copilot.missing_sides;
    x["single_sponsor"] = r.copilot.single_sponsor;
    x["single_points_of_failure"] = id_array(m, r.single_points_of_failure);
    J owners = J::array();
    for (const SoleOwner& o : r.sole_owners) owners.push_back({{"person", m.id(o.person)}, {"steps", id_array(m, o.steps)}});
    x["sole_owners_of_critical_steps"] = std::move(owners);
    J path = J::array();
    for (const ApprovalPathEntry& e : r.approval_path)
      path.push_back({{"gate", m.id(e.gate)},
                      {"status", status_name(m.approval(e.gate).status)},
                      {"lead_time", num(e.lead_time)},
                      {"cumulative_lead_time", num(e.cumulative_lead_time)},
                      {"earliest_finish", num(e.earliest_finish)}});
    x["approval_path"] = std::move(path);
    initiatives.push_back(std::move(x));
  }
  j["initiatives"] = std::move(initiatives);
  J load = J::array();
  for (const SignoffLoad& l : a.signoff_load)
    load.push_back({{"person", m.id(l.person)}, {"gates", id_array(m, l.gates)}, {"essential", id_array(m, l.essential)},
                    {"bottleneck", l.bottleneck}});
  j["signoff_load"] = std::move(load);
  if (a.without) {
    const WithoutImpact& w = *a.without;
    J spof = J::array(), weak = J::array(), steps = J::array();
    for (const auto& [g, p] : w.new_single_points_of_failure) spof.push_back({{"gate", m.id(g)}, {"person", m.id(p)}});
    for (const auto& [g, b] : w.weakened) weak.push_back({{"gate", m.id(g)}, {"bus_factor_before", b.first}, {"bus_factor_after", b.second}});
    for (const auto& [s, p] : w.critical_steps_without_owner) steps.push_back({{"step", m.id(s)}, {"owner", m.id(p)}});
    j["without_impact"] = {{"broken_gates", id_array(m, w.broken_gates)},
                           {"new_single_points_of_failure", std::move(spof)},
                           {"weakened_gates", std::move(weak)},
                           {"initiatives_losing_copilot", id_array(m, w.initiatives_losing_copilot)},
                           {"critical_steps_without_owner", std::move(steps)}};
  }
  j["findings"] = findings_json(a.findings);
  return j;
}

}  // namespace clearpath
