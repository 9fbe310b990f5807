// The `clearpath analyze` report: title, the executive summary a sponsor reads in a minute, one
// section per analysis, the model's checks and the ranked findings.
#include <algorithm>
#include <utility>

#include "clearpath/calendar.hpp"
#include "report/analyze_report.hpp"
#include "report/report_text.hpp"
#include "util/dot_text.hpp"

namespace clearpath {

std::string day_text(const Model& m, double day) {
  std::string s = "working day " + fixed(day, 1);
  if (const auto d = finish_date(m.calendar, day)) s += " (" + *d + ")";
  return s;
}

namespace {

std::string as_of(const Model& m) {
  if (!m.status_date.empty()) return "as of " + m.status_date.iso() + " (status date)";
  if (const std::optional<std::string> as_of = m.attributes.string_member("as_of")) return "as of " + *as_of;
  if (!m.calendar.start.empty()) return "working days counted from " + m.calendar.start;
  return "working days counted from day 0 (no calendar start)";
}

std::string count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// The focus initiative (or the plan), its production date, P80 and momentum window.
void add_dates(std::vector<Fact>& facts, const Model& m, const Analysis& a) {
  const ExecutiveSummary& s = a.summary;
  if (s.initiative) facts.push_back({"initiative", {entity_label(m, *s.initiative), Look::strong}});
  else if (m.initiatives().empty()) facts.push_back({"initiatives", {"none in the model", Look::muted}});
  else
    facts.push_back(
        {"initiatives", {"all " + std::to_string(m.initiatives().size()) + " (the plan as a whole)", Look::plain}});

  const bool late = s.momentum_days && s.production_day > *s.momentum_days;
  std::string production = day_text(m, s.production_day);
  if (s.momentum_days) {
    production += late ? ", " + fixed(s.production_day - *s.momentum_days, 1) + " days past the momentum window"
                       : ", within the momentum window";
  }
  facts.push_back({"production expected", {production, late ? Look::bad : Look::plain}});
  if (s.p80_day)
    facts.push_back({"P80 (" + std::to_string(a.path.simulation->runs) + " simulated runs)",
                     {day_text(m, *s.p80_day), Look::plain}});
  else facts.push_back({"P80", {"not simulated (add --simulate 10000)", Look::muted}});
  if (s.momentum_days) {
    std::string w = fixed(*s.momentum_days, 0) + " working days";
    if (s.p_within_momentum) w += ": " + percent(*s.p_within_momentum) + " chance of production within it";
    const bool poor = s.p_within_momentum && *s.p_within_momentum < 0.5;
    facts.push_back({"momentum window", {w, poor ? Look::bad : Look::plain}});
  }
}

// "g lacks a business-side executive (suggested: a, b)"
std::string gate_lacks(const Model& m, const GateResult& g) {
  std::string text = m.id(g.gate) + " lacks";
  if (g.suggestions.empty()) text += " an approver its rule needs";
  for (std::size_t k = 0; k < g.suggestions.size(); ++k) {
    const SlotSuggestion& sl = g.suggestions[k];
    text += k ? " and " : " ";
    text += std::string(sl.label.find_first_of("aeiouAEIOU") == 0 ? "an " : "a ") + sl.label;
    std::string cands;
    for (const Candidate& c : sl.candidates) cands += (cands.empty() ? "" : ", ") + m.id(c.person);
    if (!cands.empty()) text += " (suggested: " + cands + ")";
  }
  return text;
}

// Who is missing: initiatives sponsored from one side only, and gates short of an approver
// (with the candidates the co-pilot analysis suggests). The focus initiative's first, at most
// three, so the summary stays a summary.
Fact missing_copilots(const Model& m, const Analysis& a) {
  const ExecutiveSummary& s = a.summary;
  std::vector<std::pair<bool, std::string>> missing;  // (not about the focus, text)
  auto about_focus = [&](Ref initiative) { return s.initiative && initiative == *s.initiative; };
  for (const InitiativeResult& i : a.copilots.initiatives)
    if (i.copilot.missing_side)
      missing.emplace_back(!about_focus(i.initiative),
                           m.id(i.initiative) + " has no " + missing_sides_text(i.copilot) + " sponsor");
  for (const GateResult& g : a.copilots.gates)
    if (!g.check.satisfiable) missing.emplace_back(!about_focus(m.approval(g.gate).initiative), gate_lacks(m, g));
  std::stable_sort(missing.begin(), missing.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
  std::string missing_text = missing.empty() ? "none" : "";
  for (std::size_t i = 0; i < missing.size() && i < 3; ++i) missing_text += (i ? "; " : "") + missing[i].second;
  if (missing.size() > 3)
    missing_text += "; and " + std::to_string(missing.size() - 3) + " more (see Approvals and co-pilots)";
  return {"missing co-pilots", {missing_text, missing.empty() ? Look::good : Look::bad}};
}

Fact top_blockers(const Model& m, const Analysis& a) {
  std::string blockers;
  const std::size_t shown = std::min<std::size_t>(3, a.path.blockers.size());
  for (std::size_t i = 0; i < shown; ++i) {
    const Blocker& b = a.path.blockers[i];
    blockers += (i ? "; " : "") + m.id(a.path.network.activity[b.activity]) + " (" + b.code + ", " +
                fixed(b.delay_days, 1) + " days, cost " + money(b.cost_of_delay) + ")";
  }
  if (a.path.blockers.size() > shown) blockers += "; and " + std::to_string(a.path.blockers.size() - shown) + " more";
  return {"top blockers", {blockers.empty() ? "none" : blockers, blockers.empty() ? Look::good : Look::bad}};
}

void add_summary(Document& d, const Model& m, const Analysis& a) {
  const ExecutiveSummary& s = a.summary;
  Section& sec = d.section("summary", "Summary");
  std::vector<Fact> facts;
  add_dates(facts, m, a);
  facts.push_back(missing_copilots(m, a));
  facts.push_back(top_blockers(m, a));
  facts.push_back(
      {"longest legacy chain",
       {s.legacy_steps ? count(s.legacy_steps, "legacy step", "legacy steps") + ", " + fixed(s.legacy_days, 1) +
                             " days on legacy systems, " + fixed(s.legacy_chain_days, 1) + " days end to end"
                       : "no legacy-system work",
        s.momentum_days && s.legacy_chain_days > *s.momentum_days ? Look::warn : Look::plain}});
  if (s.levelled_day) {
    const double delay = *s.levelled_day - s.production_day;
    std::string l = day_text(m, *s.levelled_day);
    if (delay > 1e-6) l += ", " + fixed(delay, 1) + " days later: people and departments over capacity";
    else l += ", no later: nobody over capacity holds it back";
    facts.push_back({"levelled date", {l, delay > 1e-6 ? Look::warn : Look::plain}});
  }
  if (s.initiative) {
    if (s.cost_per_day > 0) facts.push_back({"cost of a day's delay", {money(s.cost_per_day), Look::plain}});
    facts.push_back({"payback",
                     {s.payback_month ? "month " + std::to_string(*s.payback_month) + " after production"
                                      : "not computed (no value, or it never pays back)",
                      s.payback_month ? Look::plain : Look::muted}});
  }
  facts.push_back({"findings",
                   {count(s.errors, "error", "errors") + ", " + count(s.warnings, "warning", "warnings") + ", " +
                        std::to_string(s.infos) + " info",
                    s.errors     ? Look::bad
                    : s.warnings ? Look::warn
                                 : Look::good}});
  sec.facts(std::move(facts));
}

void add_model_checks(Document& d, const AnalyzeReportOptions& report) {
  Section& sec = d.section("model-checks", "Model checks");
  const Diagnostics* diag = report.diagnostics;
  if (!diag || diag->items().empty()) {
    sec.paragraph("The model is valid, with no warnings.", Look::good);
    return;
  }
  sec.paragraph("The model is valid, with " + count(diag->warning_count(), "warning", "warnings") + ".", Look::warn);
  Table& t = sec.table({"line", "where", "warning"}, {true, false, false});
  for (const Diagnostic& x : diag->items()) {
    if (t.rows.size() == kReportRows) {
      ++t.more;
      continue;
    }
    t.rows.push_back(
        {{x.line ? std::to_string(x.line) : "", Look::plain}, {x.pointer, Look::plain}, {x.message, Look::warn}});
  }
}

void add_findings(Document& d, const Analysis& a) {
  Section& sec = d.section("findings", "Findings");
  if (a.findings.empty()) {
    sec.paragraph("No findings.", Look::good);
    return;
  }
  sec.paragraph(
      "Ranked by severity, then cost of delay, then the ids concerned. A problem two analyses see from two "
      "sides is listed once, with both.");
  Table& t = sec.table({"#", "severity", "kind", "about", "cost of delay", "finding"},
                       {true, false, false, false, true, false});
  t.last_below = true;
  for (std::size_t i = 0; i < a.findings.size(); ++i) {
    if (t.rows.size() == kReportRows * 2) {
      t.more = a.findings.size() - i;
      break;
    }
    const MergedFinding& f = a.findings[i];
    const Look look = f.finding.severity == Severity::error     ? Look::bad
                      : f.finding.severity == Severity::warning ? Look::warn
                                                                : Look::muted;
    std::string message = f.finding.message;
    for (const Finding& x : f.also) {
      if (!message.empty() && message.back() != '.') message += '.';
      message += " Also (" + x.kind + "): " + x.message;
    }
    std::vector<std::string> subjects = f.finding.subjects;
    for (const Finding& x : f.also) subjects.insert(subjects.end(), x.subjects.begin(), x.subjects.end());
    t.subjects.resize(t.rows.size());
    t.subjects.push_back(std::move(subjects));
    t.rows.push_back({{std::to_string(i + 1), Look::plain},
                      {severity_name(f.finding.severity), look},
                      {f.finding.kind, Look::plain},
                      {f.finding.subjects.empty() ? "" : f.finding.subjects.front(), Look::plain},
                      {f.finding.cost_of_delay > 0 ? money(f.finding.cost_of_delay) : "", Look::plain},
                      {message, Look::plain}});
  }
}

// The entities the HTML page's search and initiative filter know: all of them up to a limit
// (the page stays a few megabytes), the organisation, systems, initiatives and gates first.
constexpr std::size_t kIndexLimit = 20000;

void add_index(Document& d, const Model& m) {
  d.index_of = m.entity_count();
  for (EntityKind kind : {EntityKind::initiative, EntityKind::approval, EntityKind::department, EntityKind::person,
                          EntityKind::system, EntityKind::step})
    for (std::size_t r = 0; r < m.entity_count() && d.index.size() < kIndexLimit; ++r) {
      const Ref ref = static_cast<Ref>(r);
      if (m.kind(ref) != kind) continue;
      std::string initiative;
      if (kind == EntityKind::initiative) initiative = m.id(ref);
      else if (kind == EntityKind::step || kind == EntityKind::approval)
        if (const Ref i = m.initiative_of(ref); i != kNoRef) initiative = m.id(i);
      d.index.push_back({m.id(ref), dot_name(m.id(ref)), m.display_name(ref), kind_name(kind), initiative});
    }
}

}  // namespace

Document analyze_document(const Model& m, const Analysis& a, const AnalyzeReportOptions& report) {
  Document d;
  d.title = m.name.empty() ? "clearpath analyze: " + report.file : m.name;
  d.subtitle.push_back("clearpath analyze " + report.file + " - " + as_of(m));
  if (a.path_options.network.initiative.empty())
    d.subtitle.push_back(std::to_string(a.path.network.size()) + " activities of " +
                         count(m.initiatives().size(), "initiative", "initiatives") +
                         "; durations: expected, remaining work");
  else
    d.subtitle.push_back("initiative " + a.path_options.network.initiative + " and what it depends on: " +
                         std::to_string(a.path.network.size()) + " activities; durations: expected, remaining work");
  add_summary(d, m, a);
  add_path_sections(d, m, a, report);
  add_copilot_sections(d, m, a, report);
  add_conflict_sections(d, m, a, report);
  add_model_checks(d, report);
  add_findings(d, a);
  add_index(d, m);
  return d;
}

}  // namespace clearpath
