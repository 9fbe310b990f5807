// The `clearpath path` report as a listing document: summary, critical path, legacy chains,
// blockers, risk, business case, and an activity explained on request.
#include <algorithm>
#include <cmath>
#include <ostream>

#include "clearpath/calendar.hpp"
#include "report/path_report.hpp"
#include "report/report_text.hpp"

namespace clearpath {
namespace {

std::string day_and_date(const WorkCalendar& cal, double day, bool finish) {
  std::string s = "working day " + fixed(day);
  if (auto d = finish ? cal.finish_date(day) : cal.start_date(day)) s += " (" + *d + ")";
  return s;
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

std::string chain_text(const Model& m, const Network& net, const std::vector<std::uint32_t>& chain) {
  std::string out;
  for (std::uint32_t i : chain) out += (out.empty() ? "" : " -> ") + m.id(net.activity[i]);
  return out;
}

std::string tied_count(const Schedule& s) {
  return s.tied_path_count >= kTiedPathCountLimit ? "over 10^18" : fixed(s.tied_path_count, 0);
}

// The focus initiative's date, the duration, the legacy chain and blockers, then the findings.
void add_summary(Document& d, const Model& m, const PathAnalysis& a, const WorkCalendar& cal) {
  Section& sec = d.section("summary", "Summary");
  const Schedule& s = a.schedule;
  std::vector<Fact> facts;
  if (a.focus) {
    const Initiative& i = m.initiative(*a.focus);
    const auto o = std::find_if(a.initiatives.begin(), a.initiatives.end(),
                                [&](const InitiativeOutlook& x) { return x.initiative == *a.focus; });
    facts.push_back({"initiative", {entity_label(m, *a.focus), Look::plain}});
    if (o != a.initiatives.end()) {
      std::string when = day_and_date(cal, o->finish, true);
      if (i.momentum_days)
        when += "; momentum window " + fixed(*i.momentum_days, 0) + " days, " + percent(*o->p_within_momentum) +
                " chance within it";
      facts.push_back({"production expected", {when, Look::plain}});
    }
  }
  facts.push_back({"project duration",
                   {fixed(s.duration) + " working days, critical path of " + std::to_string(s.critical_path.size()) +
                        " activities" + (s.tied_path_count > 1 ? " (" + tied_count(s) + " tied critical chains)" : ""),
                    Look::plain}});
  if (a.legacy_by_count.count > 0)
    facts.push_back({"longest legacy chain",
                     {plural(a.legacy_by_count.count, "legacy step") + ", " + fixed(a.legacy_by_count.duration) +
                          " days on legacy systems",
                      Look::plain}});
  double blocked_cost = 0;
  for (const Blocker& b : a.blockers) blocked_cost = std::max(blocked_cost, b.cost_of_delay);
  facts.push_back(
      {"blockers on critical or near-critical work",
       {std::to_string(a.blockers.size()) + (a.blockers.empty() ? "" : " (the costliest: " + money(blocked_cost) + ")"),
        a.blockers.empty() ? Look::plain : Look::bad}});
  if (a.simulation)
    facts.push_back({"P80 project duration", {fixed(a.simulation->p80) + " working days", Look::plain}});
  std::size_t errors = 0, warnings = 0;
  for (const Finding& f : a.findings)
    (f.severity == Severity::error ? errors : warnings) += f.severity >= Severity::warning;
  facts.push_back(
      {"findings", {plural(errors, "error") + ", " + plural(warnings, "warning"), errors ? Look::bad : Look::plain}});
  sec.facts(std::move(facts));
  constexpr std::size_t kShown = 10;
  for (std::size_t k = 0; k < a.findings.size() && k < kShown; ++k) {
    const Finding& f = a.findings[k];
    sec.line(std::string(severity_name(f.severity)) + ": " + f.message +
                 (f.cost_of_delay > 0 ? " (cost of delay " + money(f.cost_of_delay) + ")" : ""),
             1, f.severity == Severity::error ? Look::bad : Look::warn);
  }
  if (a.findings.size() > kShown)
    sec.line("... and " + std::to_string(a.findings.size() - kShown) + " more (see BLOCKERS and RISK)", 1);
}

void add_critical_path(Document& d, const Model& m, const PathAnalysis& a, const WorkCalendar& cal) {
  const Network& net = a.network;
  const Schedule& s = a.schedule;
  Section& sec = d.section("critical-path", "Critical path", "(" + fixed(s.duration) + " working days)");
  // With links of other types than finish-to-start, or lags, a column says how each activity
  // follows the one before it.
  const bool typed = !net.plain_links();
  std::vector<Column> columns{
      {"#", 3, true},      {"id", 28, false, 2},         {"kind", 6},    {"days", 7, true}, {"start", 8, true},
      {"finish", 8, true}, {"start date", 12, false, 2}, {"finish date"}};
  if (typed) columns.insert(columns.begin() + 3, Column{"link", 7, false, 1});
  Table& t = sec.listing_table(columns);
  std::size_t k = 0;
  for (std::size_t j = 0; j < s.critical_path.size(); ++j) {
    const std::uint32_t i = s.critical_path[j];
    const Ref r = net.activity[i];
    std::vector<std::string> row{std::to_string(++k),
                                 m.id(r),
                                 m.kind(r) == EntityKind::approval ? "gate" : "step",
                                 fixed(net.duration[i]),
                                 fixed(s.times[i].es),
                                 fixed(s.times[i].ef),
                                 cal.start_date(s.times[i].es).value_or("-"),
                                 cal.finish_date(s.times[i].ef).value_or("-")};
    if (typed)
      row.insert(row.begin() + 3, j == 0 ? "-" : link_timing_text(driving_link(net, s, s.critical_path[j - 1], i)));
    t.row(std::move(row));
  }
  if (s.tied_path_count <= 1) return;
  sec.line(tied_count(s) + " critical chains tie; " +
           (s.tied_path_count > static_cast<double>(s.tied_paths.size())
                ? "the first " + std::to_string(s.tied_paths.size()) + ":"
                : "all of them:"));
  for (const auto& p : s.tied_paths) sec.line(chain_text(m, net, p), 1);
}

void add_chain(Section& sec, const Model& m, const PathAnalysis& a, const LegacyChain& c, const char* title) {
  sec.line(std::string(title) + ": " + plural(c.count, "legacy step") + ", " + fixed(c.duration) +
           " days on legacy systems, " + fixed(c.path_duration) + " days end to end");
  Table& t = sec.listing_table({{"legacy step", 28}, {"system", 24}, {"owner", 22}, {"days", 7, true}}, 1);
  for (std::uint32_t i : c.steps) {
    const Ref r = a.network.activity[i];
    const Step& s = m.step(r);
    t.row({m.id(r), m.display_name(s.system), s.owner == kNoRef ? "(none)" : m.id(s.owner),
           fixed(a.network.duration[i])});
  }
  sec.line("whole chain: " + chain_text(m, a.network, c.path), 1);
}

void add_legacy_chain(Document& d, const Model& m, const PathAnalysis& a) {
  Section& sec = d.section("legacy-chain", "Longest legacy-system chain");
  if (a.legacy_by_count.count == 0) {
    sec.line("no legacy-system work remains");
    return;
  }
  add_chain(sec, m, a, a.legacy_by_count, "most legacy steps");
  if (a.legacy_by_duration.path != a.legacy_by_count.path)
    add_chain(sec, m, a, a.legacy_by_duration, "longest time on legacy systems");
  else sec.line("the same chain also has the longest time on legacy systems");
}

void add_blockers(Document& d, const Model& m, const PathAnalysis& a, const PathOptions& options) {
  Section& sec = d.section("blockers", "Blockers");
  if (a.blockers.empty())
    sec.line("none on critical or near-critical work (float below " + fixed(options.near_days) + " days)");
  for (const Blocker& b : a.blockers) {
    sec.line(std::string(b.critical ? "critical " : "near-critical ") + m.id(a.network.activity[b.activity]) + ": " +
                 b.reason,
             0, b.critical ? Look::bad : Look::warn);
    sec.line("holds back " + fixed(b.delay_days) + " working days, cost of delay " + money(b.cost_of_delay), 1);
  }
}

// "+3.0 days", "-1.5 days", "on plan".
std::string signed_days(double d) {
  if (std::fabs(d) <= kFloatEpsilon) return "on plan";
  return (d > 0 ? "+" : "") + fixed(d) + (std::fabs(d) == 1 ? " day" : " days");
}

void add_simulation(Section& sec, const Model& m, const PathAnalysis& a, const PathOptions& options) {
  const Simulation& sim = *a.simulation;
  const Network& net = a.network;
  sec.line("Monte Carlo (" + std::to_string(sim.runs) + " runs, " +
           (options.distribution == Distribution::triangular ? "triangular" : "PERT-beta") + ", seed " +
           std::to_string(options.seed) + "): P50 " + fixed(sim.p50) + ", P80 " + fixed(sim.p80) + ", P95 " +
           fixed(sim.p95) + " working days");
  if (sim.p_within_momentum)
    sec.line("chance the focus initiative finishes within its momentum window: " + percent(*sim.p_within_momentum));
  std::vector<std::uint32_t> order(net.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return sim.criticality[x] > sim.criticality[y]; });
  sec.line("most often critical:");
  Table& t = sec.listing_table({{"activity", 32}, {"critical", 6, true}}, 1);
  t.header = Table::Header::none;
  for (std::size_t j = 0; j < std::min<std::size_t>(10, order.size()) && sim.criticality[order[j]] > 0; ++j)
    t.row({m.id(net.activity[order[j]]), percent(sim.criticality[order[j]])});
}

void add_risk(Document& d, const Model& m, const PathAnalysis& a, const PathOptions& options) {
  Section& sec = d.section("risk", "Risk");
  sec.line("PERT: project mean " + fixed(a.schedule.duration) + " days, standard deviation " + fixed(a.project_sd) +
           " along the critical path");
  for (const InitiativeOutlook& o : a.initiatives) {
    const Initiative& i = m.initiative(o.initiative);
    std::string text = " finish day " + rpad(fixed(o.finish), 7) + "  sd " + rpad(fixed(o.sd), 5);
    if (i.momentum_days) text += "  P(within " + fixed(*i.momentum_days, 0) + " days) " + percent(*o.p_within_momentum);
    sec.labelled(m.id(o.initiative), 24, text);
  }
  if (a.simulation) add_simulation(sec, m, a, options);
}

void add_business_case(Document& d, const Model& m, const PathAnalysis& a, const WorkCalendar& cal) {
  Section& sec = d.section("business-case", "Business case");
  for (const InitiativeOutlook& o : a.initiatives) {
    const Initiative& i = m.initiative(o.initiative);
    sec.line(entity_label(m, o.initiative));
    sec.line("production: " + day_and_date(cal, o.finish, true) +
                 (a.simulation && a.focus == o.initiative ? "; P80 " + day_and_date(cal, a.simulation->focus_p80, true)
                                                          : ""),
             1);
    sec.line("one day of delay costs " + money(o.cost_per_day) + " (value " + money(i.value_per_month) +
                 " a month x 12 / 260 working days)",
             1);
    if (o.payback_month) sec.line("payback: month " + std::to_string(*o.payback_month) + " after production", 1);
    else if (i.value_per_month > 0 || i.build_cost > 0) sec.line("payback: never (run cost covers the value)", 1);
  }
}

void add_explain(Document& d, const Model& m, const PathAnalysis& a, const std::string& id) {
  const Network& net = a.network;
  const std::optional<Ref> r = m.find(id);
  auto it = r ? std::find(net.activity.begin(), net.activity.end(), *r) : net.activity.end();
  Section& sec = d.section("explain", "Explain", id);
  if (it == net.activity.end()) {
    sec.line("not an activity of this network");
    return;
  }
  const std::uint32_t i = static_cast<std::uint32_t>(it - net.activity.begin());
  const ActivityTimes& x = a.schedule.times[i];
  sec.line(entity_label(m, *r) + ": " + (x.critical ? "critical" : "not critical") + ", total float " +
           fixed(x.total_float) + ", free float " + fixed(x.free_float));
  const std::string post = chain_text(m, net, limiting_successors(a, i));
  sec.line("earliest start " + fixed(x.es) + ", set by: " + chain_text(m, net, driving_predecessors(a, i)));
  sec.line("latest finish " + fixed(x.lf) + ", set by: " + (post.empty() ? "(the project end)" : post));
  if (x.critical) sec.line("any delay to it delays the project");
  else sec.line("it becomes critical if it grows by " + fixed(x.total_float) + " working days");
}

}  // namespace

// The plan against the forecast: what is done, and what will finish later than planned.
void add_progress_section(Document& d, const Model& m, const PathAnalysis& a) {
  const WorkCalendar cal(m.calendar);
  if (!a.progress) return;
  const ProgressOutlook& p = *a.progress;
  Section& sec = d.section("progress", "Progress");
  sec.line((m.status_date.empty()
                ? std::string("no status date")
                : "status date " + m.status_date.iso() + " (working day " + fixed(p.status_day) + ")") +
           "; steps: " + std::to_string(p.done) + " done, " + std::to_string(p.in_progress) + " in progress, " +
           std::to_string(p.not_started) + " not started");
  sec.line("plan (from scratch): " + fixed(p.planned_duration) + " working days; forecast: " +
           fixed(p.forecast_duration) + " (" + signed_days(p.forecast_duration - p.planned_duration) + ")");
  if (p.late.empty()) return sec.line("nothing finishes later than planned");
  constexpr std::size_t kShown = 20;
  Table& t = sec.listing_table({{"later than planned", 28},
                                {"planned", 9, true},
                                {"forecast", 9, true},
                                {"slip", 7, true},
                                {"planned finish", 0, false, 2}});
  for (std::size_t k = 0; k < p.late.size() && k < kShown; ++k) {
    const LateItem& item = p.late[k];
    // Overdue: the plan had it done by the status date.
    t.row({m.id(a.network.activity[item.activity]), fixed(item.planned_finish), fixed(item.forecast_finish),
           "+" + fixed(item.forecast_finish - item.planned_finish),
           cal.finish_date(item.planned_finish).value_or("-") + (item.overdue ? ", overdue" : "")});
  }
  if (p.late.size() > kShown) sec.line("... and " + std::to_string(p.late.size() - kShown) + " more");
}

Document path_document(const Model& m, const PathAnalysis& a, const PathOptions& options,
                       const PathReportOptions& report) {
  const WorkCalendar cal(m.calendar);
  Document d = listing_document("path", report.file, m.name);
  d.subtitle.push_back(std::to_string(a.network.size()) + " activities, " + std::to_string(a.network.link_count()) +
                       " links; durations: " + estimate_name(options.network.estimate) +
                       (options.network.from_scratch ? ", from scratch" : ", remaining work") +
                       (options.network.to.empty() ? "" : "; up to " + options.network.to));
  add_summary(d, m, a, cal);
  add_critical_path(d, m, a, cal);
  add_progress_section(d, m, a);
  add_legacy_chain(d, m, a);
  add_blockers(d, m, a, options);
  add_risk(d, m, a, options);
  add_business_case(d, m, a, cal);
  if (!report.explain.empty()) add_explain(d, m, a, report.explain);
  return d;
}

void print_path_report(std::ostream& out, const Model& m, const PathAnalysis& a, const PathOptions& options,
                       const PathReportOptions& report) {
  write_text(out, path_document(m, a, options, report), report.color);
}

void write_path_markdown(std::ostream& out, const Model& m, const PathAnalysis& a, const PathOptions& options,
                         const PathReportOptions& report) {
  write_markdown(out, path_document(m, a, options, report));
}

}  // namespace clearpath
