// The `clearpath copilots` report as a listing document: summary, what a --without changes,
// every gate with who fills each slot (or why nobody can) and the suggested co-pilots, every
// initiative with its approval path, the sign-off load and the findings.
#include <algorithm>
#include <ostream>

#include "report/copilots_report.hpp"
#include "report/report_text.hpp"

namespace clearpath {
namespace {

constexpr std::size_t kLoadShown = 20;  // sign-off load rows in the text report
constexpr std::size_t kSlotWidth = 34;  // the column of a gate's slot names

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

// "a, b, c", at most `shown` of them, then "and N more".
std::string ids(const Model& m, const std::vector<Ref>& refs, std::size_t shown = SIZE_MAX) {
  std::string out;
  for (std::size_t i = 0; i < refs.size() && i < shown; ++i) out += (out.empty() ? "" : ", ") + m.id(refs[i]);
  if (refs.size() > shown) out += ", and " + std::to_string(refs.size() - shown) + " more";
  return out.empty() ? "none" : out;
}

std::string rule_text(const Rule& r, const std::vector<std::string>& labels) {
  const std::size_t need =
      std::max<std::size_t>(static_cast<std::size_t>(std::max(r.min_approvers, 0)), r.slots.size());
  std::string out = plural(need, "approver");
  if (!labels.empty()) {
    out += ":";
    for (std::size_t k = 0; k < labels.size(); ++k) out += (k ? ", " : " ") + labels[k];
  }
  if (r.distinct_departments) out += "; distinct departments";
  if (r.independent) out += "; independent";
  return out;
}

// " (a, b)" after a count, or nothing when there are none.
std::string listed(const Model& m, const std::vector<Ref>& refs) {
  return refs.empty() ? "" : " (" + ids(m, refs) + ")";
}

void add_summary(Document& d, const Model& m, const CopilotAnalysis& a, const CopilotOptions& options) {
  std::vector<Ref> broken, spofs, lacking;
  for (const GateResult& g : a.gates) {
    if (!g.check.satisfiable) broken.push_back(g.gate);
    if (!g.resilience.single_points_of_failure.empty()) spofs.push_back(g.gate);
  }
  for (const InitiativeResult& i : a.initiatives)
    if (!i.copilot.missing_sides.empty()) lacking.push_back(i.initiative);
  std::size_t bottlenecks = 0, errors = 0, warnings = 0;
  for (const SignoffLoad& l : a.signoff_load) bottlenecks += l.bottleneck;
  for (const Finding& f : a.findings)
    (f.severity == Severity::error ? errors : warnings) += f.severity >= Severity::warning;
  d.section("summary", "Summary")
      .facts({{"gates that cannot be granted",
               {std::to_string(broken.size()) + listed(m, broken), broken.empty() ? Look::plain : Look::bad}},
              {"gates with a single point of failure", {std::to_string(spofs.size()) + listed(m, spofs), Look::plain}},
              {"initiatives without a co-pilot", {std::to_string(lacking.size()) + listed(m, lacking), Look::plain}},
              {"approval bottlenecks (more than " + std::to_string(options.signoff_threshold) + " pending gates)",
               {std::to_string(bottlenecks), Look::plain}},
              {"findings",
               {plural(errors, "error") + ", " + plural(warnings, "warning") + " (listed at the end)", Look::plain}}});
}

void add_without(Document& d, const Model& m, const WithoutImpact& w) {
  Section& sec = d.section("without", "Without", ids(m, w.people) + " (compared with everyone present)");
  std::string spofs, weakened, away;
  for (const auto& [g, p] : w.new_single_points_of_failure)
    spofs += (spofs.empty() ? "" : ", ") + m.id(p) + " on " + m.id(g);
  for (const auto& [g, b] : w.weakened)
    weakened +=
        (weakened.empty() ? "" : ", ") + m.id(g) + " " + std::to_string(b.first) + " -> " + std::to_string(b.second);
  for (const auto& [step, p] : w.critical_steps_without_owner)
    away += (away.empty() ? "" : ", ") + m.id(step) + " (" + m.id(p) + ")";
  sec.facts({{"gates that can no longer be granted", {ids(m, w.broken_gates), Look::plain}},
             {"new single points of failure", {spofs.empty() ? "none" : spofs, Look::plain}},
             {"bus factors that drop", {weakened.empty() ? "none" : weakened, Look::plain}},
             {"initiatives that lose a co-pilot", {ids(m, w.initiatives_losing_copilot), Look::plain}},
             {"critical steps whose sole owner is away", {away.empty() ? "none" : away, Look::plain}}});
}

// Who fills each slot of the gate's rule, or why nobody can, and what else the rule needs.
void add_slots(Section& sec, const Model& m, const GateResult& g) {
  for (std::size_t k = 0; k < g.slot_labels.size(); ++k) {
    const auto fill = std::find_if(g.check.assignment.begin(), g.check.assignment.end(),
                                   [&](const SlotFill& f) { return f.slot == k; });
    const bool open = fill == g.check.assignment.end();
    sec.labelled(g.slot_labels[k], kSlotWidth, open ? std::string("OPEN") : m.id(fill->person), 1, false,
                 open ? Look::bad : Look::plain);
    for (const UnfilledSlot& u : g.check.unfilled)
      if (u.slot == static_cast<long>(k)) sec.wrapped(u.reason, 2);
  }
  for (const UnfilledSlot& u : g.check.unfilled)
    if (u.slot < 0) {
      sec.labelled("the rule as a whole", kSlotWidth, "NOT MET", 1, false, Look::bad);
      sec.wrapped(u.reason, 2);
    }
  if (g.check.satisfiable && g.slot_labels.size() < g.check.approvers.size()) {
    std::vector<Ref> extra(g.check.approvers.begin() + static_cast<long>(g.slot_labels.size()),
                           g.check.approvers.end());
    sec.labelled("further approvers", kSlotWidth, ids(m, extra), 1);
  }
}

void add_gate(Section& sec, const Model& m, const GateResult& g) {
  const Approval& a = m.approval(g.gate);
  const bool ok = g.check.satisfiable;
  sec.line(entity_label(m, g.gate) + ": " +
               (ok ? "can be granted, bus factor " + std::to_string(g.resilience.bus_factor) +
                         (g.resilience.exact ? "" : " or more")
                   : "CANNOT BE GRANTED"),
           0, ok ? Look::plain : Look::bad);
  sec.wrapped(std::string(status_name(a.status)) + " gate of " +
                  (a.initiative == kNoRef ? "no initiative" : m.id(a.initiative)) +
                  "; rule: " + rule_text(a.rule, g.slot_labels) + "; approvers: " + ids(m, a.approvers),
              1);
  add_slots(sec, m, g);
  for (const SlotSuggestion& s : g.suggestions) {
    sec.line("suggested " + s.label + (s.candidates.empty() ? ": nobody available in the organisation fits" : ":"), 1);
    for (const Candidate& c : s.candidates) sec.labelled(m.id(c.person), 18, c.reason, 2, true);
  }
  const std::vector<Ref>& spofs = g.resilience.single_points_of_failure;
  if (!spofs.empty())
    sec.line(std::string("single point") + (spofs.size() == 1 ? "" : "s") + " of failure: " + ids(m, spofs), 1,
             Look::warn);
}

void add_approval_path(Section& sec, const Model& m, const InitiativeResult& r) {
  if (r.approval_path.empty()) {
    sec.line("approval path: no gates", 1);
    return;
  }
  sec.line("approval path:", 1);
  Table& t = sec.listing_table({{"#", 3, true},
                                {"gate", 28, false, 2},
                                {"status", 9},
                                {"lead", 6, true},
                                {"cumulative", 12, true},
                                {"done by day", 13, true}},
                               2);
  std::size_t n = 0;
  for (const ApprovalPathEntry& e : r.approval_path)
    t.row({std::to_string(++n), m.id(e.gate), status_name(m.approval(e.gate).status), fixed(e.lead_time, 0),
           fixed(e.cumulative_lead_time, 0), fixed(e.earliest_finish)});
}

void add_initiative(Section& sec, const Model& m, const InitiativeResult& r) {
  const Initiative& i = m.initiative(r.initiative);
  sec.line(entity_label(m, r.initiative));
  std::string sponsors;
  for (Ref s : i.sponsors) sponsors += (sponsors.empty() ? "" : ", ") + person_label(m, s);
  std::string copilot;
  if (!r.copilot.missing_sides.empty()) copilot = " - no " + missing_sides_text(r.copilot) + " co-pilot";
  if (r.copilot.single_sponsor) copilot += copilot.empty() ? " - single sponsor" : ", single sponsor";
  sec.wrapped("sponsors: " + (sponsors.empty() ? std::string("none") : sponsors) + copilot, 1,
              r.copilot.missing_sides.empty() ? Look::plain : Look::bad);
  for (const SlotSuggestion& s : r.cosponsor_suggestions) {
    std::vector<Ref> people;
    for (const Candidate& c : s.candidates) people.push_back(c.person);
    sec.wrapped("suggested " + s.label + ": " + (people.empty() ? std::string("nobody on that side") : ids(m, people)),
                1);
  }
  sec.line("single points of failure: " + ids(m, r.single_points_of_failure), 1);
  sec.line(std::string("sole owners of critical steps:") + (r.sole_owners.empty() ? " none" : ""), 1);
  for (const SoleOwner& o : r.sole_owners) sec.labelled(m.id(o.person), 24, ids(m, o.steps), 2);
  add_approval_path(sec, m, r);
}

void add_signoff_load(Document& d, const Model& m, const CopilotAnalysis& a, const CopilotOptions& options) {
  Section& sec =
      d.section("signoff-load", "Sign-off load",
                "(pending gates per person; a bottleneck above " + std::to_string(options.signoff_threshold) + ")");
  if (a.signoff_load.empty()) {
    sec.line("nobody has a pending gate to sign");
    return;
  }
  Table& t = sec.listing_table({{"person", 24}, {"gates", 6, true}, {"essential", 11, true}, {"which", 0, false, 2}});
  for (std::size_t k = 0; k < a.signoff_load.size(); ++k) {
    const SignoffLoad& l = a.signoff_load[k];
    if (k == kLoadShown) {
      t.more = a.signoff_load.size() - kLoadShown;
      break;
    }
    t.rows.push_back(
        {{m.id(l.person), Look::plain},
         {std::to_string(l.gates.size()), Look::plain},
         {std::to_string(l.essential.size()), Look::plain},
         {(l.bottleneck ? "BOTTLENECK: " : "") + ids(m, l.gates, 3), l.bottleneck ? Look::warn : Look::plain}});
  }
}

void add_findings(Document& d, const std::vector<Finding>& findings) {
  Section& sec = d.section("findings", "Findings");
  if (findings.empty()) sec.line("none");
  for (const Finding& f : findings) {
    sec.line(std::string(severity_name(f.severity)) + " " + f.kind, 0,
             f.severity == Severity::error ? Look::bad : Look::warn);
    sec.wrapped(f.message, 1);
  }
}

}  // namespace

Document copilots_document(const Model& m, const CopilotAnalysis& a, const CopilotOptions& options,
                           const CopilotReportOptions& report) {
  Document d = listing_document("copilots", report.file, m.name);
  d.subtitle.push_back(plural(a.gates.size(), "gate") + " checked (" +
                       (options.all ? "all statuses" : "pending; --all adds granted and denied") + "), " +
                       plural(a.initiatives.size(), "initiative") +
                       (a.without ? "; without " + ids(m, a.without->people) : ""));
  add_summary(d, m, a, options);
  if (a.without) add_without(d, m, *a.without);
  Section& gates = d.section("gates", "Gates");
  if (a.gates.empty()) gates.line("no gates to check");
  for (const GateResult& g : a.gates) add_gate(gates, m, g);
  Section& initiatives = d.section("initiatives", "Initiatives");
  for (const InitiativeResult& r : a.initiatives) add_initiative(initiatives, m, r);
  add_signoff_load(d, m, a, options);
  add_findings(d, a.findings);
  return d;
}

void print_copilots_report(std::ostream& out, const Model& m, const CopilotAnalysis& a, const CopilotOptions& options,
                           const CopilotReportOptions& report) {
  write_text(out, copilots_document(m, a, options, report), report.color);
}

void write_copilots_markdown(std::ostream& out, const Model& m, const CopilotAnalysis& a, const CopilotOptions& options,
                             const CopilotReportOptions& report) {
  write_markdown(out, copilots_document(m, a, options, report));
}

}  // namespace clearpath
