#include "report/conflicts_report.hpp"

#include <ostream>

#include "report/report_text.hpp"

namespace clearpath {
namespace {

using J = nlohmann::ordered_json;

constexpr std::size_t kShown = 15;  // rows per section in the text report

J ids(const Model& m, const std::vector<Ref>& refs) {
  J out = J::array();
  for (Ref r : refs) out.push_back(m.id(r));
  return out;
}

std::string id_list(const Model& m, const std::vector<Ref>& refs, std::size_t shown = 4) {
  std::string out;
  for (std::size_t i = 0; i < refs.size() && i < shown; ++i) out += (i ? ", " : "") + m.id(refs[i]);
  if (refs.size() > shown) out.append(" +").append(std::to_string(refs.size() - shown));
  return out.empty() ? "-" : out;
}

template <class T>
void more(Text& t, const std::vector<T>& all) {
  if (all.size() > kShown) t.line() << "... and " << all.size() - kShown << " more (see --format json)\n";
}

J levelled_core(const Model& m, const LevelledOutcome& l) {
  J moved = J::array(), finishes = J::array();
  for (const auto& x : l.moved) moved.push_back({{"id", m.id(x.activity)}, {"days", num(x.days)}});
  for (const auto& i : l.initiatives)
    finishes.push_back({{"id", m.id(i.initiative)},
                        {"cpm_finish", num(i.cpm_finish)},
                        {"levelled_finish", num(i.levelled_finish)},
                        {"delay_days", num(i.levelled_finish - i.cpm_finish)}});
  return {{"duration", num(l.duration)}, {"cpm_duration", num(l.cpm_duration)}, {"delay_days", num(l.delay_days)},
          {"moved", std::move(moved)},   {"drivers", ids(m, l.drivers)},          {"initiatives", std::move(finishes)}};
}

}  // namespace

void print_conflicts_report(std::ostream& out, const Model& m, const ConflictAnalysis& a, const ConflictOptions& options,
                            const ConflictReportOptions& report) {
  Text t(out, report.color);
  out << "clearpath conflicts: " << report.file << (m.name.empty() ? "" : " - " + m.name) << "\n";
  out << "  " << a.network.size() << " activities; CPM duration " << fixed(a.schedule.duration) << " working days; top "
      << options.top << ", near-critical below " << fixed(options.near_days) << " days of float\n";

  t.heading("SUMMARY");
  if (a.levelled) {
    const LevelledOutcome& l = *a.levelled;
    t.line() << "levelled duration: " << fixed(l.duration) << " working days against " << fixed(l.cpm_duration) << " by CPM";
    out << (l.delay_days > 1e-6 ? ": people conflicts push production back by " + fixed(l.delay_days) + " days" : ": no delay") << "\n";
  }
  t.line() << "ranking conflicts: " << a.ranking_conflicts.size() << "; priority inversions: " << a.inversions.size()
           << "; over-allocations: " << a.overallocations.size() << "; skills gaps: " << a.skill_gaps.size()
           << "; skills held by one person: " << a.concentrations.size() << "\n";

  t.heading("RANKING CONFLICTS (critical work on an initiative the department ranks outside its top " + std::to_string(options.top) + ")");
  if (a.ranking_conflicts.empty()) t.line() << "none\n";
  else t.line() << pad("department", 24) << pad("initiative", 20) << pad("rank", 8) << rpad("days", 7) << rpad("cost", 12) << "  items\n";
  for (std::size_t k = 0; k < a.ranking_conflicts.size() && k < kShown; ++k) {
    const RankingConflict& c = a.ranking_conflicts[k];
    t.line() << pad(m.id(c.department), 24) << pad(m.id(c.initiative), 20)
             << pad(c.rank ? std::to_string(*c.rank) + "/" + std::to_string(c.ranked) : "none", 8) << rpad(fixed(c.days_at_stake), 7)
             << rpad(money(c.cost_of_delay), 12) << "  " << (c.critical ? "" : "(near) ") << id_list(m, c.items) << "\n";
  }
  more(t, a.ranking_conflicts);

  t.heading("PRIORITY INVERSIONS (each waits for the other)");
  if (a.inversions.empty()) t.line() << "none\n";
  for (std::size_t k = 0; k < a.inversions.size() && k < kShown; ++k) {
    const PriorityInversion& v = a.inversions[k];
    t.line() << m.id(v.departments[0]) << ": " << m.id(v.initiatives[0]) << " > " << m.id(v.initiatives[1]) << "   "
             << m.id(v.departments[1]) << ": " << m.id(v.initiatives[1]) << " > " << m.id(v.initiatives[0]) << "\n";
  }
  more(t, a.inversions);

  t.heading("RANKING DISAGREEMENT (normalised Kendall tau distance over shared initiatives)");
  const Disagreement& d = a.disagreement;
  if (d.departments.empty() || d.departments.size() > 26) {
    t.line() << (d.departments.empty() ? "no department ranks anything" : std::to_string(d.departments.size()) +
                                                                               " departments: see --format json") << "\n";
  } else {
    t.line() << "    ";
    for (std::size_t q = 0; q < d.departments.size(); ++q) out << rpad(std::string(1, static_cast<char>('A' + q)), 5);
    out << "\n";
    for (std::size_t p = 0; p < d.departments.size(); ++p) {
      t.line() << rpad(std::string(1, static_cast<char>('A' + p)), 3) << " ";
      for (std::size_t q = 0; q < d.departments.size(); ++q)
        out << rpad(p == q ? "." : d.distance[p][q] ? fixed(*d.distance[p][q], 2) : "-", 5);
      out << "   " << m.id(d.departments[p]) << "\n";
    }
  }

  t.heading("OVER-ALLOCATION (early-start schedule)");
  if (a.overallocations.empty()) t.line() << "none\n";
  else t.line() << pad("resource", 22) << rpad("from", 8) << rpad("to", 8) << rpad("load", 7) << rpad("cap", 6) << "  steps\n";
  for (std::size_t k = 0; k < a.overallocations.size() && k < kShown; ++k) {
    const Overallocation& o = a.overallocations[k];
    t.line() << pad(m.id(o.resource), 22) << rpad(fixed(o.from), 8) << rpad(fixed(o.to), 8) << rpad(fixed(o.load, 2), 7)
             << rpad(fixed(o.capacity, 2), 6) << "  " << id_list(m, o.items) << "\n";
  }
  more(t, a.overallocations);

  if (a.levelled) {
    const LevelledOutcome& l = *a.levelled;
    t.heading("LEVELLED SCHEDULE (no resource over capacity)");
    t.line() << "duration " << fixed(l.duration) << " against CPM " << fixed(l.cpm_duration) << "; drivers: " << id_list(m, l.drivers, 6) << "\n";
    for (const auto& i : l.initiatives)
      t.line() << pad(m.id(i.initiative), 24) << "finish day " << rpad(fixed(i.cpm_finish), 7) << " -> " << rpad(fixed(i.levelled_finish), 7)
               << (i.levelled_finish - i.cpm_finish > 1e-6 ? std::string("  (+").append(fixed(i.levelled_finish - i.cpm_finish)).append(")") : "") << "\n";
    std::string moved;
    for (std::size_t k = 0; k < l.moved.size() && k < 8; ++k)
      moved.append(k ? ", " : "moved: ").append(m.id(l.moved[k].activity)).append(" +").append(fixed(l.moved[k].days));
    if (l.moved.size() > 8) moved.append(", and ").append(std::to_string(l.moved.size() - 8)).append(" more");
    if (!moved.empty()) out << wrap(moved, "  ");
  }

  t.heading("SKILLS");
  if (a.skill_gaps.empty() && a.concentrations.empty()) t.line() << "no gaps, and no skill critical work needs is held by one person only\n";
  for (std::size_t k = 0; k < a.skill_gaps.size() && k < kShown; ++k) {
    const SkillGap& g = a.skill_gaps[k];
    t.line() << "gap: " << pad(m.id(g.step), 28) << pad(g.skill, 14) << "owner " << m.id(g.owner)
             << (g.department != kNoRef && g.department != g.owner ? " in " + m.id(g.department) : "") << (g.critical ? ", critical" : "") << "\n";
  }
  more(t, a.skill_gaps);
  for (const SkillConcentration& c : a.concentrations)
    t.line() << "only " << m.id(c.person) << " has " << c.skill << ": " << id_list(m, c.steps, 6) << "\n";

  t.heading("FINDINGS");
  if (a.findings.empty()) t.line() << "none\n";
  for (std::size_t k = 0; k < a.findings.size() && k < 40; ++k) {
    const Finding& f = a.findings[k];
    t.line() << severity_name(f.severity) << " " << f.kind << (f.cost_of_delay > 0 ? " (cost of delay " + money(f.cost_of_delay) + ")" : "") << "\n";
    out << wrap(f.message, "    ");
  }
  if (a.findings.size() > 40) t.line() << "... and " << a.findings.size() - 40 << " more (see --format json)\n";
}

J conflicts_json(const Model& m, const ConflictAnalysis& a, const ConflictOptions& options, const ConflictReportOptions& report) {
  J j;
  j["file"] = report.file;
  j["name"] = m.name;
  j["initiative"] = options.initiative.empty() ? J() : J(options.initiative);
  j["top"] = options.top;
  j["near_days"] = num(options.near_days);
  j["cpm_duration"] = num(a.schedule.duration);
  J conflicts = J::array();
  for (const RankingConflict& c : a.ranking_conflicts)
    conflicts.push_back({{"department", m.id(c.department)}, {"initiative", m.id(c.initiative)}, {"rank", c.rank ? J(*c.rank) : J()},
                         {"ranked", c.ranked}, {"items", ids(m, c.items)}, {"critical", c.critical},
                         {"days_at_stake", num(c.days_at_stake)}, {"cost_of_delay", num(c.cost_of_delay)}});
  j["ranking_conflicts"] = std::move(conflicts);
  J inversions = J::array();
  for (const PriorityInversion& v : a.inversions)
    inversions.push_back({{"departments", {m.id(v.departments[0]), m.id(v.departments[1])}},
                          {"initiatives", {m.id(v.initiatives[0]), m.id(v.initiatives[1])}}});
  j["inversions"] = std::move(inversions);
  J matrix = J::array();
  for (const auto& row : a.disagreement.distance) {
    J r = J::array();
    for (const auto& v : row) r.push_back(v ? num(*v) : J());
    matrix.push_back(std::move(r));
  }
  j["disagreement"] = {{"departments", ids(m, a.disagreement.departments)}, {"matrix", std::move(matrix)}};
  J over = J::array();
  for (const Overallocation& o : a.overallocations)
    over.push_back({{"resource", m.id(o.resource)}, {"from", num(o.from)}, {"to", num(o.to)}, {"load", num(o.load)},
                    {"capacity", num(o.capacity)}, {"items", ids(m, o.items)}, {"initiatives", ids(m, o.initiatives)}});
  j["overallocations"] = std::move(over);
  j["levelled"] = a.levelled ? levelled_core(m, *a.levelled) : J();
  J gaps = J::array();
  for (const SkillGap& g : a.skill_gaps)
    gaps.push_back({{"step", m.id(g.step)}, {"skill", g.skill}, {"owner", m.id(g.owner)},
                    {"department", g.department == kNoRef ? J() : J(m.id(g.department))}, {"critical", g.critical}});
  j["skill_gaps"] = std::move(gaps);
  J conc = J::array();
  for (const SkillConcentration& c : a.concentrations)
    conc.push_back({{"skill", c.skill}, {"person", m.id(c.person)}, {"steps", ids(m, c.steps)}});
  j["skill_concentrations"] = std::move(conc);
  j["findings"] = findings_json(a.findings);
  return j;
}

void print_levelled_schedule(std::ostream& out, const Model& m, const ConflictAnalysis& a, const ConflictReportOptions& report) {
  Text t(out, report.color);
  const LevelledOutcome& l = *a.levelled;
  out << "clearpath level: " << report.file << (m.name.empty() ? "" : " - " + m.name) << "\n";
  out << "  levelled duration " << fixed(l.duration) << " working days against " << fixed(l.cpm_duration) << " by CPM"
      << (l.delay_days > 1e-6 ? ": people conflicts push production back by " + fixed(l.delay_days) + " days" : "") << "\n";
  t.heading("SCHEDULE (by levelled start)");
  t.line() << pad("id", 30) << rpad("start", 8) << rpad("finish", 8) << rpad("CPM start", 11) << rpad("moved", 8) << "\n";
  std::vector<std::uint32_t> order(a.network.size());
  for (std::uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t x, std::uint32_t y) { return l.start[x] < l.start[y]; });
  for (std::uint32_t i : order) {
    const double moved = l.start[i] - a.schedule.times[i].es;
    t.line() << pad(m.id(a.network.activity[i]), 30) << rpad(fixed(l.start[i]), 8) << rpad(fixed(l.start[i] + a.network.duration[i]), 8)
             << rpad(fixed(a.schedule.times[i].es), 11) << rpad(moved > 1e-6 ? std::string("+").append(fixed(moved)) : "", 8) << "\n";
  }
}

J levelled_json(const Model& m, const ConflictAnalysis& a, const ConflictOptions& options, const ConflictReportOptions& report) {
  J j;
  j["file"] = report.file;
  j["initiative"] = options.initiative.empty() ? J() : J(options.initiative);
  j["effort"] = options.levelling.effort;
  j["seed"] = options.levelling.seed;
  j.update(levelled_core(m, *a.levelled));
  J schedule = J::array();
  for (std::uint32_t i = 0; i < a.network.size(); ++i)
    schedule.push_back({{"id", m.id(a.network.activity[i])}, {"start", num(a.levelled->start[i])},
                        {"finish", num(a.levelled->start[i] + a.network.duration[i])}, {"cpm_start", num(a.schedule.times[i].es)}});
  j["schedule"] = std::move(schedule);
  return j;
}

}  // namespace clearpath
