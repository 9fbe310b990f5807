// The `clearpath conflicts` and `clearpath level` reports as listing documents: ranking
// conflicts, priority inversions, the disagreement matrix, over-allocation, the levelled
// schedule, skills and the findings.
#include <algorithm>
#include <ostream>

#include "report/conflicts_report.hpp"
#include "report/report_text.hpp"

namespace clearpath {
namespace {

constexpr std::size_t kShown = 15;  // rows per section in the text report
constexpr std::size_t kFindingsShown = 40;

std::string id_list(const Model& m, const std::vector<Ref>& refs, std::size_t shown = 4) {
  std::string out;
  for (std::size_t i = 0; i < refs.size() && i < shown; ++i) out += (i ? ", " : "") + m.id(refs[i]);
  if (refs.size() > shown) out.append(" +").append(std::to_string(refs.size() - shown));
  return out.empty() ? "-" : out;
}

std::string more_text(std::size_t all, std::size_t shown) {
  return "... and " + std::to_string(all - shown) + " more (see --format json)";
}

std::string push_back_text(const LevelledOutcome& l, const char* none) {
  return l.delay_days > 1e-6 ? ": people conflicts push production back by " + fixed(l.delay_days) + " days" : none;
}

void add_summary(Document& d, const ConflictAnalysis& a) {
  Section& sec = d.section("summary", "Summary");
  if (a.levelled) {
    const LevelledOutcome& l = *a.levelled;
    sec.facts({{"levelled duration",
                {fixed(l.duration) + " working days against " + fixed(l.cpm_duration) + " by CPM" +
                     push_back_text(l, ": no delay"),
                 l.delay_days > 1e-6 ? Look::warn : Look::plain}}});
  }
  sec.line("ranking conflicts: " + std::to_string(a.ranking_conflicts.size()) + "; priority inversions: " +
           std::to_string(a.inversions.size()) + "; over-allocations: " + std::to_string(a.overallocations.size()) +
           "; skills gaps: " + std::to_string(a.skill_gaps.size()) +
           "; skills held by one person: " + std::to_string(a.concentrations.size()));
}

void add_ranking_conflicts(Document& d, const Model& m, const ConflictAnalysis& a, const ConflictOptions& options) {
  Section& sec = d.section("ranking-conflicts", "Ranking conflicts",
                           "(critical work on an initiative the department ranks outside its top " +
                               std::to_string(options.top) + ", or last of several)");
  if (a.ranking_conflicts.empty()) {
    sec.line("none");
    return;
  }
  Table& t = sec.listing_table({{"department", 24},
                                {"initiative", 20},
                                {"rank", 8},
                                {"days", 7, true},
                                {"cost", 12, true},
                                {"items", 0, false, 2}});
  for (std::size_t k = 0; k < a.ranking_conflicts.size() && k < kShown; ++k) {
    const RankingConflict& c = a.ranking_conflicts[k];
    t.rows.push_back({{m.id(c.department), Look::plain},
                      {m.id(c.initiative), Look::plain},
                      {c.rank ? std::to_string(*c.rank) + "/" + std::to_string(c.ranked) : "none",
                       c.critical ? Look::bad : Look::warn},
                      {fixed(c.days_at_stake), Look::plain},
                      {money(c.cost_of_delay), Look::plain},
                      {(c.critical ? "" : "(near) ") + id_list(m, c.items), Look::plain}});
  }
  t.more = a.ranking_conflicts.size() - t.rows.size();
}

void add_inversions(Document& d, const Model& m, const ConflictAnalysis& a) {
  Section& sec = d.section("inversions", "Priority inversions", "(each waits for the other)");
  if (a.inversions.empty()) sec.line("none");
  for (std::size_t k = 0; k < a.inversions.size() && k < kShown; ++k) {
    const PriorityInversion& v = a.inversions[k];
    sec.line(m.id(v.departments[0]) + ": " + m.id(v.initiatives[0]) + " > " + m.id(v.initiatives[1]) + "   " +
                 m.id(v.departments[1]) + ": " + m.id(v.initiatives[1]) + " > " + m.id(v.initiatives[0]),
             0, Look::warn);
  }
  if (a.inversions.size() > kShown) sec.line(more_text(a.inversions.size(), kShown));
}

// Departments as letters A, B, ... in both directions, the department's id after its row.
void add_disagreement(Document& d, const Model& m, const Disagreement& x) {
  Section& sec =
      d.section("disagreement", "Ranking disagreement", "(normalised Kendall tau distance over shared initiatives)");
  const std::size_t n = x.departments.size();
  if (n == 0 || n > 26) {
    sec.line(n == 0 ? "no department ranks anything" : std::to_string(n) + " departments: see --format json");
    return;
  }
  std::vector<Column> columns{{"", 3, true}};
  for (std::size_t q = 0; q < n; ++q)
    columns.push_back({std::string(1, static_cast<char>('A' + q)), 5, true, q ? 0u : 1u});
  columns.push_back({"", 0, false, 3});
  Table& t = sec.listing_table(columns);
  for (std::size_t p = 0; p < n; ++p) {
    std::vector<std::string> row{std::string(1, static_cast<char>('A' + p))};
    for (std::size_t q = 0; q < n; ++q) {
      const std::optional<double> distance = x.between(p, q);
      row.push_back(p == q ? "." : distance ? fixed(*distance, 2) : "-");
    }
    row.push_back(m.id(x.departments[p]));
    t.row(std::move(row));
  }
}

void add_overallocations(Document& d, const Model& m, const ConflictAnalysis& a) {
  Section& sec = d.section("overallocations", "Over-allocation", "(early-start schedule)");
  if (a.overallocations.empty()) {
    sec.line("none");
    return;
  }
  Table& t = sec.listing_table({{"resource", 22},
                                {"from", 8, true},
                                {"to", 8, true},
                                {"load", 7, true},
                                {"cap", 6, true},
                                {"steps", 0, false, 2}});
  for (std::size_t k = 0; k < a.overallocations.size() && k < kShown; ++k) {
    const Overallocation& o = a.overallocations[k];
    t.rows.push_back({{m.id(o.resource), Look::plain},
                      {fixed(o.from), Look::plain},
                      {fixed(o.to), Look::plain},
                      {fixed(o.load, 2), Look::warn},
                      {fixed(o.capacity, 2), Look::plain},
                      {id_list(m, o.items), Look::plain}});
  }
  t.more = a.overallocations.size() - t.rows.size();
}

void add_levelled(Document& d, const Model& m, const LevelledOutcome& l) {
  Section& sec = d.section("levelled", "Levelled schedule", "(no resource over capacity)");
  sec.line("duration " + fixed(l.duration) + " against CPM " + fixed(l.cpm_duration) +
           "; drivers: " + id_list(m, l.drivers, 6));
  for (const auto& i : l.initiatives) {
    const double later = i.levelled_finish - i.cpm_finish;
    sec.labelled(m.id(i.initiative), 24,
                 "finish day " + rpad(fixed(i.cpm_finish), 7) + " -> " + rpad(fixed(i.levelled_finish), 7) +
                     (later > 1e-6 ? "  (+" + fixed(later) + ")" : ""));
  }
  std::string moved;
  for (std::size_t k = 0; k < l.moved.size() && k < 8; ++k)
    moved.append(k ? ", " : "moved: ").append(m.id(l.moved[k].activity)).append(" +").append(fixed(l.moved[k].days));
  if (l.moved.size() > 8) moved.append(", and ").append(std::to_string(l.moved.size() - 8)).append(" more");
  if (!moved.empty()) sec.wrapped(moved);
}

void add_skills(Document& d, const Model& m, const ConflictAnalysis& a) {
  Section& sec = d.section("skills", "Skills");
  if (a.skill_gaps.empty() && a.concentrations.empty())
    sec.line("no gaps, and no skill critical work needs is held by one person only");
  for (std::size_t k = 0; k < a.skill_gaps.size() && k < kShown; ++k) {
    const SkillGap& g = a.skill_gaps[k];
    sec.line("gap: " + pad(m.id(g.step), 28) + pad(g.skill, 14) + "owner " + m.id(g.owner) +
                 (g.department != kNoRef && g.department != g.owner ? " in " + m.id(g.department) : "") +
                 (g.critical ? ", critical" : ""),
             0, g.critical ? Look::bad : Look::warn);
  }
  if (a.skill_gaps.size() > kShown) sec.line(more_text(a.skill_gaps.size(), kShown));
  for (const SkillConcentration& c : a.concentrations)
    sec.line("only " + m.id(c.person) + " has " + c.skill + ": " + id_list(m, c.steps, 6), 0, Look::warn);
}

void add_findings(Document& d, const std::vector<Finding>& findings) {
  Section& sec = d.section("findings", "Findings");
  if (findings.empty()) sec.line("none");
  for (std::size_t k = 0; k < findings.size() && k < kFindingsShown; ++k) {
    const Finding& f = findings[k];
    sec.line(std::string(severity_name(f.severity)) + " " + f.kind +
                 (f.cost_of_delay > 0 ? " (cost of delay " + money(f.cost_of_delay) + ")" : ""),
             0, f.severity == Severity::error ? Look::bad : Look::warn);
    sec.wrapped(f.message, 1);
  }
  if (findings.size() > kFindingsShown) sec.line(more_text(findings.size(), kFindingsShown));
}

}  // namespace

Document conflicts_document(const Model& m, const ConflictAnalysis& a, const ConflictOptions& options,
                            const ConflictReportOptions& report) {
  Document d = listing_document("conflicts", report.file, m.name);
  d.subtitle.push_back(std::to_string(a.network.size()) + " activities; CPM duration " + fixed(a.schedule.duration) +
                       " working days; top " + std::to_string(options.top) + ", near-critical below " +
                       fixed(options.near_days) + " days of float");
  add_summary(d, a);
  add_ranking_conflicts(d, m, a, options);
  add_inversions(d, m, a);
  add_disagreement(d, m, a.disagreement);
  add_overallocations(d, m, a);
  if (a.levelled) add_levelled(d, m, *a.levelled);
  add_skills(d, m, a);
  add_findings(d, a.findings);
  return d;
}

Document levelled_document(const Model& m, const ConflictAnalysis& a, const ConflictReportOptions& report) {
  const LevelledOutcome& l = *a.levelled;
  Document d = listing_document("level", report.file, m.name);
  d.subtitle.push_back("levelled duration " + fixed(l.duration) + " working days against " + fixed(l.cpm_duration) +
                       " by CPM" + push_back_text(l, ""));
  Table& t =
      d.section("schedule", "Schedule", "(by levelled start)")
          .listing_table(
              {{"id", 30}, {"start", 8, true}, {"finish", 8, true}, {"CPM start", 11, true}, {"moved", 8, true}});
  // By start, ties in network order; each start beside its activity, so that sorting a million
  // of them does not read the start times by index.
  struct Started {
    double start;
    std::uint32_t activity;
  };
  std::vector<Started> order(a.network.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = {l.start[i], i};
  std::sort(order.begin(), order.end(), [](const Started& x, const Started& y) {
    return x.start != y.start ? x.start < y.start : x.activity < y.activity;
  });
  t.rows.reserve(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    // The rows go by start, not by activity: fetch the rows a few places ahead, so that their
    // cache misses overlap (a million rows otherwise wait for each in turn).
    if (k + 16 < order.size()) {
      const std::uint32_t next = order[k + 16].activity;
      __builtin_prefetch(&a.schedule.times[next]);
      __builtin_prefetch(&a.network.activity[next]);
      __builtin_prefetch(&a.network.duration[next]);
    }
    if (k + 8 < order.size()) __builtin_prefetch(&m.id(a.network.activity[order[k + 8].activity]));
    const std::uint32_t i = order[k].activity;
    const double moved = l.start[i] - a.schedule.times[i].es;
    t.row({m.id(a.network.activity[i]), fixed(l.start[i]), fixed(l.start[i] + a.network.duration[i]),
           fixed(a.schedule.times[i].es),
           moved > 1e-6 ? std::string("+").append(fixed(moved))
                        : "" /* not "+" + ..., which g++ 12 misreads (-Wrestrict) */});
  }
  return d;
}

void print_conflicts_report(std::ostream& out, const Model& m, const ConflictAnalysis& a,
                            const ConflictOptions& options, const ConflictReportOptions& report) {
  write_text(out, conflicts_document(m, a, options, report), report.color);
}

void write_conflicts_markdown(std::ostream& out, const Model& m, const ConflictAnalysis& a,
                              const ConflictOptions& options, const ConflictReportOptions& report) {
  write_markdown(out, conflicts_document(m, a, options, report));
}

void print_levelled_schedule(std::ostream& out, const Model& m, const ConflictAnalysis& a,
                             const ConflictReportOptions& report) {
  write_text(out, levelled_document(m, a, report), report.color);
}

void write_levelled_markdown(std::ostream& out, const Model& m, const ConflictAnalysis& a,
                             const ConflictReportOptions& report) {
  write_markdown(out, levelled_document(m, a, report));
}

}  // namespace clearpath
