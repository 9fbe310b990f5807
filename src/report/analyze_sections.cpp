// The sections of `clearpath analyze` that present each analysis: the critical path and its
// blockers, the legacy chain, risk and business case; approvals and co-pilots; priorities,
// people over capacity, the levelled date and skills. Each shows its diagram when there is one.
#include <algorithm>
#include <map>

#include "clearpath/calendar.hpp"
#include "report/analyze_report.hpp"
#include "report/path_report.hpp"
#include "report/report_text.hpp"

namespace clearpath {
namespace {

// The view's diagram; one that could not be drawn leaves a note saying why.
void add_figure(Section& sec, const AnalyzeReportOptions& report, const std::string& view) {
  for (const ReportDiagram& d : report.diagrams) {
    if (d.view != view) continue;
    if (!d.error.empty()) sec.paragraph("The " + d.view + " diagram could not be drawn: " + d.error, Look::warn);
    else if (!d.file.empty() || !d.svg.empty()) sec.figure({d.view, d.title, d.file, d.svg});
  }
}

// Adds a row unless the table is full, in which case it counts it in `more`.
void add_row(Table& t, std::vector<Cell> row) {
  if (t.rows.size() >= kReportRows) ++t.more;
  else t.rows.push_back(std::move(row));
}

std::string ids(const Model& m, const std::vector<Ref>& refs, std::size_t limit = 6) {
  std::string out;
  for (std::size_t i = 0; i < refs.size() && i < limit; ++i) out += (i ? ", " : "") + m.id(refs[i]);
  if (refs.size() > limit) out += ", and " + std::to_string(refs.size() - limit) + " more";
  return out;
}

// One calendar per table: it keeps the working days it has counted, so a long critical path
// costs one walk over the calendar, not one per row.
std::string date_or_blank(const WorkCalendar& cal, double day) { return cal.finish_date(day).value_or(""); }

void add_critical_path(Document& d, const Model& m, const PathAnalysis& p, const AnalyzeReportOptions& report) {
  Section& sec = d.section("critical-path", "Critical path");
  if (p.network.size() == 0) {
    sec.paragraph("The model has no steps or approvals to schedule.", Look::muted);
  } else {
    const auto end = finish_date(m.calendar, p.schedule.duration);
    sec.paragraph(std::to_string(p.schedule.critical_path.size()) + " of " + std::to_string(p.network.size()) +
                  " activities are critical; the plan takes " + fixed(p.schedule.duration, 1) + " working days" +
                  (end ? " (to " + *end + ")" : "") + ". Any day lost on them delays production by a day.");
    // With link types or lags, how each activity follows the one before it.
    const bool typed = !p.network.plain_links();
    std::vector<std::string> headers{"#", "id", "kind", "days", "start", "finish", "finish date"};
    std::vector<bool> right{true, false, false, true, true, true, false};
    if (typed) {
      headers.insert(headers.begin() + 3, "link");
      right.insert(right.begin() + 3, false);
    }
    Table& t = sec.table(headers, right);
    const WorkCalendar cal(m.calendar);
    const std::vector<std::uint32_t>& path = p.schedule.critical_path;
    for (std::size_t k = 0; k < path.size(); ++k) {
      const std::uint32_t i = path[k];
      const ActivityTimes& x = p.schedule.times[i];
      const Ref r = p.network.activity[i];
      std::vector<Cell> row{{std::to_string(k + 1), Look::plain},
                            {m.id(r), Look::plain},
                            {m.kind(r) == EntityKind::approval ? "gate" : "step", Look::plain},
                            {fixed(p.network.duration[i], 1), Look::plain},
                            {fixed(x.es, 1), Look::plain},
                            {fixed(x.ef, 1), Look::plain},
                            {date_or_blank(cal, x.ef), Look::plain}};
      if (typed)
        row.insert(
            row.begin() + 3,
            Cell{k == 0 ? "-" : link_timing_text(driving_link(p.network, p.schedule, path[k - 1], i)), Look::plain});
      add_row(t, std::move(row));
    }
  }
  add_figure(sec, report, "deps");
}

void add_blockers(Document& d, const Model& m, const PathAnalysis& p) {
  Section& sec = d.section("blockers", "Blockers");
  if (p.blockers.empty()) {
    sec.paragraph("Nothing on critical or near-critical work is blocked.", Look::good);
  } else {
    sec.paragraph(
        "Critical or near-critical work that cannot proceed as planned, costliest first. The days are the part of "
        "the schedule that waits on it; a day costs the initiative's value per working day.");
    Table& t =
        sec.table({"activity", "on path", "days held", "cost of delay", "why"}, {false, false, true, true, false});
    for (const Blocker& b : p.blockers)
      add_row(t, {{m.id(p.network.activity[b.activity]), Look::plain},
                  {b.critical ? "critical" : "near", b.critical ? Look::bad : Look::warn},
                  {fixed(b.delay_days, 1), Look::plain},
                  {money(b.cost_of_delay), Look::plain},
                  {b.reason, Look::plain}});
  }
}

void add_legacy_chain(Document& d, const Model& m, const PathAnalysis& p) {
  Section& sec = d.section("legacy-chain", "Longest legacy-system chain");
  const LegacyChain& c = p.legacy_by_count;
  if (c.count == 0) {
    sec.paragraph("No work runs on legacy systems.", Look::good);
  } else {
    sec.paragraph(std::to_string(c.count) + (c.count == 1 ? " legacy step, " : " legacy steps, ") +
                  fixed(c.duration, 1) + " days on legacy systems, " + fixed(c.path_duration, 1) +
                  " days from the first to the last.");
    Table& t = sec.table({"legacy step", "system", "owner", "days"}, {false, false, false, true});
    for (std::uint32_t i : c.steps) {
      const Ref r = p.network.activity[i];
      const Step& s = m.step(r);
      add_row(t, {{m.id(r), Look::plain},
                  {s.system == kNoRef ? "" : m.display_name(s.system), Look::plain},
                  {s.owner == kNoRef ? "" : m.id(s.owner), Look::plain},
                  {fixed(p.network.duration[i], 1), Look::plain}});
    }
    std::vector<Ref> chain;
    for (std::uint32_t i : c.path) chain.push_back(p.network.activity[i]);
    std::string whole;
    for (std::size_t i = 0; i < chain.size(); ++i) whole += (i ? " -> " : "") + m.id(chain[i]);
    if (chain.size() <= 40) sec.paragraph("Whole chain: " + whole + ".", Look::muted);
  }
}

void add_risk(Document& d, const Model& m, const PathAnalysis& p) {
  Section& sec = d.section("risk", "Risk and business case");
  std::vector<Fact> facts;
  facts.push_back({"PERT",
                   {"mean " + fixed(p.schedule.duration, 1) + " days, standard deviation " + fixed(p.project_sd, 1) +
                        " along the critical path",
                    Look::plain}});
  if (p.simulation)
    facts.push_back({"Monte Carlo (" + std::to_string(p.simulation->runs) + " runs)",
                     {"P50 " + fixed(p.simulation->p50, 1) + ", P80 " + fixed(p.simulation->p80, 1) + ", P95 " +
                          fixed(p.simulation->p95, 1) + " working days",
                      Look::plain}});
  sec.facts(std::move(facts));
  Table& t =
      sec.table({"initiative", "finish day", "finish date", "momentum", "P(within)", "cost per day", "payback month"},
                {false, true, false, true, true, true, true});
  const WorkCalendar cal(m.calendar);
  for (const InitiativeOutlook& o : p.initiatives) {
    const auto& mom = m.initiative(o.initiative).momentum_days;
    const bool late = mom && o.finish > *mom;
    add_row(t, {{m.id(o.initiative), Look::plain},
                {fixed(o.finish, 1), late ? Look::bad : Look::plain},
                {date_or_blank(cal, o.finish), Look::plain},
                {mom ? fixed(*mom, 0) : "", Look::plain},
                {o.p_within_momentum ? percent(*o.p_within_momentum) : "", Look::plain},
                {o.cost_per_day > 0 ? money(o.cost_per_day) : "", Look::plain},
                {o.payback_month ? std::to_string(*o.payback_month) : "", Look::plain}});
  }
}

// A gate's row: its verdict, and who fills it or why nobody can (with the suggestions).
std::vector<Cell> gate_row(const Model& m, const GateResult& g) {
  const Approval& ap = m.approval(g.gate);
  std::string who;
  for (const UnfilledSlot& u : g.check.unfilled) who += (who.empty() ? "" : "; ") + u.reason;
  for (const SlotSuggestion& s : g.suggestions) {
    std::string cands;
    for (const Candidate& x : s.candidates) cands += (cands.empty() ? "" : ", ") + m.id(x.person);
    if (!cands.empty()) who += "; suggested " + s.label + ": " + cands;
  }
  if (g.check.satisfiable) who = ids(m, g.check.approvers);
  const bool spof = !g.resilience.single_points_of_failure.empty();
  return {{m.id(g.gate), Look::plain},
          {ap.initiative == kNoRef ? "" : m.id(ap.initiative), Look::plain},
          {!g.check.satisfiable ? "cannot be granted"
           : spof               ? "needs " + ids(m, g.resilience.single_points_of_failure)
                                : "can be granted",
           !g.check.satisfiable ? Look::bad
           : spof               ? Look::warn
                                : Look::good},
          {g.check.satisfiable ? std::to_string(g.resilience.bus_factor) : "0", Look::plain},
          {who, Look::plain}};
}

}  // namespace

void add_path_sections(Document& d, const Model& m, const Analysis& a, const AnalyzeReportOptions& report) {
  add_critical_path(d, m, a.path, report);
  add_progress_section(d, m, a.path);
  add_blockers(d, m, a.path);
  add_legacy_chain(d, m, a.path);
  add_risk(d, m, a.path);
}

void add_copilot_sections(Document& d, const Model& m, const Analysis& a, const AnalyzeReportOptions& report) {
  const CopilotAnalysis& c = a.copilots;
  Section& sec = d.section("approvals", "Approvals and co-pilots");
  std::size_t blocked = 0, fragile = 0;
  for (const GateResult& g : c.gates) {
    blocked += !g.check.satisfiable;
    fragile += g.check.satisfiable && !g.resilience.single_points_of_failure.empty();
  }
  sec.paragraph(std::to_string(c.gates.size()) + " pending approval gates checked: " + std::to_string(blocked) +
                    " cannot be granted, " + std::to_string(fragile) + " hang on a single person.",
                blocked ? Look::bad : Look::plain);
  Table& gates = sec.table({"gate", "initiative", "verdict", "bus factor", "who fills it, or why not"},
                           {false, false, false, true, false});
  for (const GateResult& g : c.gates) add_row(gates, gate_row(m, g));
  Table& inits = sec.table({"initiative", "co-pilot", "single points of failure", "sole owners of critical steps"},
                           {false, false, false, false});
  for (const InitiativeResult& i : c.initiatives) {
    std::vector<Ref> owners;
    for (const SoleOwner& s : i.sole_owners) owners.push_back(s.person);
    add_row(inits, {{m.id(i.initiative), Look::plain},
                    {i.copilot.missing_side ? "missing: no " + missing_sides_text(i.copilot) + " sponsor"
                                            : "both sides sponsor it",
                     i.copilot.missing_side ? Look::bad : Look::good},
                    {ids(m, i.single_points_of_failure), i.single_points_of_failure.empty() ? Look::plain : Look::warn},
                    {ids(m, owners), Look::plain}});
  }
  std::vector<Cell> busy;
  for (const SignoffLoad& l : c.signoff_load) {
    if (busy.size() == 5) break;
    busy.push_back({m.id(l.person) + ": " + std::to_string(l.gates.size()) +
                        (l.gates.size() == 1 ? " pending gate (" : " pending gates (") + ids(m, l.gates, 4) + ")" +
                        (l.essential.empty() ? "" : ", essential to " + std::to_string(l.essential.size())) +
                        (l.bottleneck ? ": a bottleneck" : ""),
                    l.bottleneck ? Look::warn : Look::plain});
  }
  if (!busy.empty()) {
    sec.paragraph("Most sign-offs waiting on one person:");
    sec.bullets(std::move(busy));
  }
  add_figure(sec, report, "approvals");
  add_figure(sec, report, "org");
}

namespace {

// The ranking matrix: departments that rank anything, a column per initiative (at most 8),
// each cell the department's rank of it, marked where it is a conflict.
void add_ranking_matrix(Section& sec, const Model& m, const ConflictAnalysis& c) {
  std::vector<Ref> initiatives;
  for (const Initiative& i : m.initiatives()) initiatives.push_back(*m.find(i.id));
  std::sort(initiatives.begin(), initiatives.end(), [&](Ref x, Ref y) { return m.id(x) < m.id(y); });
  if (initiatives.size() > 8) return;
  std::map<std::pair<Ref, Ref>, const RankingConflict*> conflict;
  for (const RankingConflict& r : c.ranking_conflicts) conflict[{r.department, r.initiative}] = &r;
  std::vector<std::string> cols{"department"};
  std::vector<bool> numeric{false};
  for (Ref i : initiatives) {
    cols.push_back(m.id(i));
    numeric.push_back(true);
  }
  Table& t = sec.table(cols, numeric);
  std::vector<Ref> depts;
  for (const Department& dep : m.departments()) depts.push_back(*m.find(dep.id));
  std::sort(depts.begin(), depts.end(), [&](Ref x, Ref y) { return m.id(x) < m.id(y); });
  for (Ref dep : depts) {
    const Department& dd = m.department(dep);
    if (dd.priorities.empty()) continue;
    std::vector<Cell> row{{m.id(dep), Look::plain}};
    for (Ref i : initiatives) {
      const auto at = std::find(dd.priorities.begin(), dd.priorities.end(), i);
      std::string cell =
          at == dd.priorities.end() ? "-" : std::string("#").append(std::to_string(at - dd.priorities.begin() + 1));
      const auto x = conflict.find({dep, i});
      row.push_back({cell, x == conflict.end() ? Look::plain : x->second->critical ? Look::bad : Look::warn});
    }
    add_row(t, std::move(row));
  }
}

void add_priorities(Document& d, const Model& m, const Analysis& a, const AnalyzeReportOptions& report) {
  const ConflictAnalysis& c = a.conflicts;
  Section& sec = d.section("priorities", "Priorities");
  const std::size_t n = c.ranking_conflicts.size(), pairs = c.inversions.size();
  std::string summary = n == 0   ? std::string("No department")
                        : n == 1 ? std::string("1 department")
                                 : std::to_string(n) + " departments";
  summary += n == 1 || n == 0 ? " holds" : " hold";
  summary += " critical work on an initiative ranked outside its top " + std::to_string(a.conflict_options.top) +
             " (or last of several); ";
  summary += pairs == 0   ? std::string("no pair of departments waits")
             : pairs == 1 ? std::string("1 pair of departments waits")
                          : std::to_string(pairs) + " pairs of departments wait";
  summary += " for each other in opposite order.";
  sec.paragraph(summary, n ? Look::bad : Look::plain);
  add_ranking_matrix(sec, m, c);
  if (!c.ranking_conflicts.empty()) {
    Table& t = sec.table({"department", "initiative", "rank", "days at stake", "cost of delay", "critical work"},
                         {false, false, false, true, true, false});
    for (const RankingConflict& r : c.ranking_conflicts)
      add_row(t, {{m.id(r.department), Look::plain},
                  {m.id(r.initiative), Look::plain},
                  {r.rank ? std::to_string(*r.rank) + " of " + std::to_string(r.ranked) : "unranked",
                   r.critical ? Look::bad : Look::warn},
                  {fixed(r.days_at_stake, 1), Look::plain},
                  {money(r.cost_of_delay), Look::plain},
                  {ids(m, r.items), Look::plain}});
  }
  std::vector<Cell> inv;
  for (const PriorityInversion& x : c.inversions) {
    if (inv.size() == kReportRows) break;
    inv.push_back({m.id(x.departments[0]) + " ranks " + m.id(x.initiatives[0]) + " above " + m.id(x.initiatives[1]) +
                       ", " + m.id(x.departments[1]) + " the reverse",
                   Look::warn});
  }
  if (!inv.empty()) sec.bullets(std::move(inv));
  add_figure(sec, report, "conflicts");
}

void add_capacity(Document& d, const Model& m, const ConflictAnalysis& c, const AnalyzeReportOptions& report) {
  Section& sec = d.section("capacity", "People over capacity and the levelled date");
  if (c.overallocations.empty()) {
    sec.paragraph("Nobody is loaded beyond capacity in the early-start schedule.", Look::good);
  } else {
    Table& t = sec.table({"resource", "from day", "to day", "peak load", "capacity", "steps"},
                         {false, true, true, true, true, false});
    for (const Overallocation& o : c.overallocations)
      add_row(t, {{m.id(o.resource), Look::plain},
                  {fixed(o.from, 1), Look::plain},
                  {fixed(o.to, 1), Look::plain},
                  {fixed(o.load, 2), Look::warn},
                  {fixed(o.capacity, 2), Look::plain},
                  {ids(m, o.items), Look::plain}});
  }
  if (const auto& l = c.levelled) {
    sec.paragraph("Levelled so nobody is over capacity: " + fixed(l->duration, 1) + " working days against " +
                      fixed(l->cpm_duration, 1) + " by precedence alone" +
                      (l->drivers.empty() ? "." : "; held back by " + ids(m, l->drivers) + "."),
                  l->delay_days > 1e-6 ? Look::warn : Look::plain);
    Table& t = sec.table({"initiative", "CPM finish", "levelled finish", "levelled date", "later by"},
                         {false, true, true, false, true});
    const WorkCalendar cal(m.calendar);
    for (const auto& f : l->initiatives)
      add_row(t, {{m.id(f.initiative), Look::plain},
                  {fixed(f.cpm_finish, 1), Look::plain},
                  {fixed(f.levelled_finish, 1), Look::plain},
                  {date_or_blank(cal, f.levelled_finish), Look::plain},
                  {fixed(f.levelled_finish - f.cpm_finish, 1),
                   f.levelled_finish - f.cpm_finish > 1e-6 ? Look::warn : Look::plain}});
  }
  add_figure(sec, report, "timeline");
}

void add_skills(Document& d, const Model& m, const ConflictAnalysis& c) {
  Section& sec = d.section("skills", "Skills");
  if (c.skill_gaps.empty() && c.concentrations.empty()) {
    sec.paragraph("Every step's skills are held by someone available in its owning department.", Look::good);
    return;
  }
  if (!c.skill_gaps.empty()) {
    Table& t =
        sec.table({"step", "skill", "owner", "department", "on critical path"}, {false, false, false, false, false});
    for (const SkillGap& g : c.skill_gaps)
      add_row(t, {{m.id(g.step), Look::plain},
                  {g.skill, Look::bad},
                  {g.owner == kNoRef ? "" : m.id(g.owner), Look::plain},
                  {g.department == kNoRef ? "" : m.id(g.department), Look::plain},
                  {g.critical ? "yes" : "no", g.critical ? Look::bad : Look::plain}});
  }
  std::vector<Cell> conc;
  for (const SkillConcentration& x : c.concentrations) {
    if (conc.size() == kReportRows) break;
    conc.push_back({x.skill + ": only " + m.id(x.person) + " has it, needed by " + ids(m, x.steps), Look::warn});
  }
  if (!conc.empty()) sec.bullets(std::move(conc));
}

}  // namespace

void add_conflict_sections(Document& d, const Model& m, const Analysis& a, const AnalyzeReportOptions& report) {
  add_priorities(d, m, a, report);
  add_capacity(d, m, a.conflicts, report);
  add_skills(d, m, a.conflicts);
}

}  // namespace clearpath
