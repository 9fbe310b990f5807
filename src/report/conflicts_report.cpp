// The `clearpath conflicts` and `clearpath level` JSON (docs/conflicts.md).
#include "report/conflicts_report.hpp"

#include "report/report_text.hpp"

namespace clearpath {
namespace {

using J = nlohmann::ordered_json;

J ids(const Model& m, const std::vector<Ref>& refs) {
  J out = J::array();
  for (Ref r : refs) out.push_back(m.id(r));
  return out;
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
          {"moved", std::move(moved)},   {"drivers", ids(m, l.drivers)},        {"initiatives", std::move(finishes)}};
}

// The dense matrix only while it stays small (its cells grow with the square of the
// departments); the pairs that share two initiatives always.
constexpr std::size_t kDenseMatrixDepartments = 200;

J disagreement_json(const Model& m, const Disagreement& d) {
  const std::size_t n = d.departments.size();
  J matrix;  // null past kDenseMatrixDepartments
  if (n <= kDenseMatrixDepartments) {
    matrix = J::array();
    for (std::size_t p = 0; p < n; ++p) {
      J row = J::array();
      for (std::size_t q = 0; q < n; ++q) {
        const std::optional<double> v = d.between(p, q);
        row.push_back(v ? num(*v) : J());
      }
      matrix.push_back(std::move(row));
    }
  }
  J pairs = J::array();
  for (const Disagreement::Pair& x : d.pairs)
    if (x.row != x.column)
      pairs.push_back({{"departments", {m.id(d.departments[x.row]), m.id(d.departments[x.column])}},
                       {"distance", num(x.distance)}});
  return {{"departments", ids(m, d.departments)}, {"matrix", std::move(matrix)}, {"pairs", std::move(pairs)}};
}

}  // namespace

J conflicts_json(const Model& m, const ConflictAnalysis& a, const ConflictOptions& options,
                 const ConflictReportOptions& report) {
  J j;
  j["file"] = report.file;
  j["name"] = m.name;
  j["initiative"] = options.initiative.empty() ? J() : J(options.initiative);
  j["top"] = options.top;
  j["near_days"] = num(options.near_days);
  j["cpm_duration"] = num(a.schedule.duration);
  J conflicts = J::array();
  for (const RankingConflict& c : a.ranking_conflicts)
    conflicts.push_back({{"department", m.id(c.department)},
                         {"initiative", m.id(c.initiative)},
                         {"rank", c.rank ? J(*c.rank) : J()},
                         {"ranked", c.ranked},
                         {"items", ids(m, c.items)},
                         {"critical", c.critical},
                         {"days_at_stake", num(c.days_at_stake)},
                         {"cost_of_delay", num(c.cost_of_delay)}});
  j["ranking_conflicts"] = std::move(conflicts);
  J inversions = J::array();
  for (const PriorityInversion& v : a.inversions)
    inversions.push_back({{"departments", {m.id(v.departments[0]), m.id(v.departments[1])}},
                          {"initiatives", {m.id(v.initiatives[0]), m.id(v.initiatives[1])}}});
  j["inversions"] = std::move(inversions);
  j["disagreement"] = disagreement_json(m, a.disagreement);
  J over = J::array();
  for (const Overallocation& o : a.overallocations)
    over.push_back({{"resource", m.id(o.resource)},
                    {"from", num(o.from)},
                    {"to", num(o.to)},
                    {"load", num(o.load)},
                    {"capacity", num(o.capacity)},
                    {"items", ids(m, o.items)},
                    {"initiatives", ids(m, o.initiatives)}});
  j["overallocations"] = std::move(over);
  j["levelled"] = a.levelled ? levelled_core(m, *a.levelled) : J();
  J gaps = J::array();
  for (const SkillGap& g : a.skill_gaps)
    gaps.push_back({{"step", m.id(g.step)},
                    {"skill", g.skill},
                    {"owner", m.id(g.owner)},
                    {"department", g.department == kNoRef ? J() : J(m.id(g.department))},
                    {"critical", g.critical}});
  j["skill_gaps"] = std::move(gaps);
  J conc = J::array();
  for (const SkillConcentration& c : a.concentrations)
    conc.push_back({{"skill", c.skill}, {"person", m.id(c.person)}, {"steps", ids(m, c.steps)}});
  j["skill_concentrations"] = std::move(conc);
  j["findings"] = findings_json(a.findings);
  return j;
}

J levelled_json(const Model& m, const ConflictAnalysis& a, const ConflictOptions& options,
                const ConflictReportOptions& report) {
  J j;
  j["file"] = report.file;
  j["initiative"] = options.initiative.empty() ? J() : J(options.initiative);
  j["effort"] = options.levelling.effort;
  j["seed"] = options.levelling.seed;
  j.update(levelled_core(m, *a.levelled));
  J schedule = J::array();
  for (std::uint32_t i = 0; i < a.network.size(); ++i)
    schedule.push_back({{"id", m.id(a.network.activity[i])},
                        {"start", num(a.levelled->start[i])},
                        {"finish", num(a.levelled->start[i] + a.network.duration[i])},
                        {"cpm_start", num(a.schedule.times[i].es)}});
  j["schedule"] = std::move(schedule);
  return j;
}

}  // namespace clearpath
