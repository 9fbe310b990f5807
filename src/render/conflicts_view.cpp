// The conflicts view: departments (grouped by side) and the initiatives they rank, the rank on
// each edge; ranking conflicts (critical work ranked low or not at all) and priority inversions
// in red; over-allocated people and departments marked with their peak load. Above the node
// budget only the departments with a conflict, inversion or over-allocation are drawn.
#include <algorithm>
#include <map>
#include <set>

#include "clearpath/conflicts.hpp"
#include "analysis/id_order.hpp"
#include "render/views.hpp"

namespace clearpath {
namespace {

void define_styles(ViewBuilder& b) {
  using A = DiagramStyle::Applies;
  b.style("department", A::node, "department", {{"fillcolor", "#f5f5f5"}});
  b.style("initiative", A::node, "initiative", {{"shape", "folder"}, {"fillcolor", "#eef3f8"}});
  b.style("over-allocated", A::node, "over-allocated: more work than capacity at the peak shown",
          {{"fillcolor", "#ffd8a8"}, {"color", "#d9480f"}, {"penwidth", "2.5"}});
  b.style("ranks", A::edge, "ranks the initiative (#place of how many, label underlined, linked to its edge)",
          {{"decorate", "true"}});
  b.style("ranking-conflict", A::edge, "ranking conflict: holds critical work but ranks it low",
          {{"color", "#d62728"}, {"penwidth", "3"}, {"fontcolor", "#d62728"}, {"decorate", "true"}});
  b.style("unranked-conflict", A::edge, "ranking conflict: holds critical work but does not rank it",
          {{"color", "#d62728"}, {"penwidth", "3"}, {"style", "dashed"}, {"fontcolor", "#d62728"}});
  b.style("inversion", A::edge, "priority inversion: two departments rank two initiatives in opposite order",
          {{"color", "#d62728"}, {"style", "dotted"}, {"penwidth", "2"}, {"dir", "both"}, {"constraint", "false"},
           {"fontcolor", "#d62728"}});
  b.style("member-of", A::edge, "member of", {{"style", "dotted"}, {"arrowhead", "none"}});
  b.style("loads", A::edge, "over-allocated by this initiative's work", {{"color", "#d9480f"}, {"style", "dashed"}});
  b.style("it-side", A::cluster, "IT-side departments", {{"color", "#3b6fb6"}});
  b.style("business-side", A::cluster, "business-side departments", {{"color", "#3c9a5f"}});
  b.style("other-side", A::cluster, "departments of another or no side", {});
}

std::string peak_text(const Overallocation& o) {
  return std::string("peak ") + short_number(o.load) + " of " + short_number(o.capacity) + " FTE, days " + short_number(o.from) + "-" +
         short_number(o.to);
}

}  // namespace

Diagram conflicts_view(const Model& m, const RenderOptions& o) {
  ConflictOptions co;
  co.initiative = o.initiative;
  co.level = false;
  const ConflictAnalysis ca = analyze_conflicts(m, co);

  // The worst over-allocation of each resource.
  std::map<Ref, const Overallocation*> peak;
  for (const Overallocation& ov : ca.overallocations) {
    auto& p = peak[ov.resource];
    if (!p || ov.load > p->load) p = &ov;
  }
  std::map<std::pair<Ref, Ref>, const RankingConflict*> conflict;
  for (const RankingConflict& c : ca.ranking_conflicts) conflict[{c.department, c.initiative}] = &c;

  // Initiatives in scope: all, or the one asked for.
  std::vector<Ref> initiatives;
  if (!o.initiative.empty()) {
    const auto focus = m.find(o.initiative);
    if (!focus || m.kind(*focus) != EntityKind::initiative)
      throw RenderError("--initiative: there is no initiative '" + o.initiative + "'");
    initiatives.push_back(*focus);
  } else {
    for (std::size_t i = 0; i < m.initiatives().size(); ++i) initiatives.push_back(m.ref_of(EntityKind::initiative, i));
  }
  sort_unique_by_id(m, initiatives);
  std::set<Ref> in_scope(initiatives.begin(), initiatives.end());

  // Departments that rank one of them or hold a conflict. Over the budget: those with the
  // costliest conflicts first (then inversions, then over-allocation), and the people with the
  // highest peaks.
  std::map<Ref, double> score;  // conflict cost, +1 per inversion, +load when over-allocated
  for (const RankingConflict& c : ca.ranking_conflicts) score[c.department] += 1 + c.cost_of_delay;
  for (const PriorityInversion& inv : ca.inversions)
    for (Ref d : inv.departments) score[d] += 1;
  std::vector<Ref> people;
  for (const auto& [r, ov] : peak) {
    if (m.kind(r) == EntityKind::department) score[r] += ov->load;
    else people.push_back(r);
  }
  std::vector<Ref> departments;
  for (std::size_t i = 0; i < m.departments().size(); ++i) {
    const Ref d = m.ref_of(EntityKind::department, i);
    const auto& pr = m.department(d).priorities;
    if (score.count(d) || std::any_of(pr.begin(), pr.end(), [&](Ref x) { return in_scope.count(x) > 0; }))
      departments.push_back(d);
  }
  std::vector<std::string> notes;
  const std::size_t all_departments = departments.size(), all_people = people.size();
  const bool over_budget = departments.size() + initiatives.size() + people.size() > o.node_budget;
  if (over_budget && initiatives.size() > o.node_budget / 2) {
    // More initiatives than half the budget: those with a conflict or an over-allocation first.
    std::set<Ref> involved;
    for (const RankingConflict& c : ca.ranking_conflicts) involved.insert(c.initiative);
    for (const Overallocation& ov : ca.overallocations) involved.insert(ov.initiatives.begin(), ov.initiatives.end());
    std::stable_sort(initiatives.begin(), initiatives.end(),
                     [&](Ref a, Ref c) { return involved.count(a) > involved.count(c); });
    notes.push_back("only " + count_text(o.node_budget / 2) + " of the " + count_text(initiatives.size()) +
                    " initiatives, those with conflicts first");
    initiatives.resize(o.node_budget / 2);
    sort_unique_by_id(m, initiatives);
    in_scope = std::set<Ref>(initiatives.begin(), initiatives.end());
  }
  if (over_budget) {
    auto by_score = [&](Ref a, Ref c) {
      const double sa = score.count(a) ? score[a] : 0, sc = score.count(c) ? score[c] : 0;
      return sa != sc ? sa > sc : m.id(a) < m.id(c);
    };
    std::sort(departments.begin(), departments.end(), by_score);
    const std::size_t room = o.node_budget > initiatives.size() ? o.node_budget - initiatives.size() : 0;
    std::size_t keep = std::count_if(departments.begin(), departments.end(), [&](Ref d) { return score.count(d) > 0; });
    keep = std::min(keep, room / 2);
    departments.resize(std::min(departments.size(), keep));
    std::sort(people.begin(), people.end(), [&](Ref a, Ref c) {
      return peak[a]->load != peak[c]->load ? peak[a]->load > peak[c]->load : m.id(a) < m.id(c);
    });
    people.resize(std::min(people.size(), room - departments.size()));
    notes.push_back(std::string("only the ") + count_text(departments.size()) + " of " + count_text(all_departments) +
                    " departments with the costliest conflicts and " + count_text(people.size()) + " of " +
                    count_text(all_people) + " over-allocated people (over the " + count_text(o.node_budget) +
                    "-node budget; --initiative ID narrows it); of the rankings, only the conflicting ones");
  }
  sort_unique_by_id(m, departments);
  const std::set<Ref> drawn(departments.begin(), departments.end());

  ViewBuilder b(m, o);
  define_styles(b);
  b.diagram().graph = {{"rankdir", "LR"}, {"ranksep", "1.6"}};
  std::map<std::string, std::vector<Ref>> by_side;
  for (Ref d : departments) by_side[m.department(d).side].push_back(d);
  for (const auto& [side, list] : by_side) {
    const std::string cluster = std::string("side:") + (side.empty() ? std::string("none") : side);
    b.cluster(cluster, {bold(side_label(side))}, {side_style(side, "other-side")});
    for (Ref d : list) {
      std::vector<std::string> styles{"department"};
      DiagramLabel label = b.entity_label(d, {small(std::string("capacity ") + short_number(m.department_capacity(d)) + " FTE")});
      if (const auto it = peak.find(d); it != peak.end()) {
        styles.push_back("over-allocated");
        label.push_back(plain(peak_text(*it->second)));
      }
      b.node(m.id(d), std::move(label), std::move(styles), cluster);
    }
  }
  for (Ref i : initiatives) {
    const Initiative& ini = m.initiative(i);
    b.node(m.id(i), b.entity_label(i, {small("worth " + money_text(ini.value_per_month) + " a month")}),
           {"initiative"});
  }
  // Rank edges, conflicts in red; conflicts over initiatives a department does not rank, dashed.
  for (Ref d : departments) {
    const auto& pr = m.department(d).priorities;
    for (std::size_t k = 0; k < pr.size(); ++k) {
      if (!in_scope.count(pr[k])) continue;
      const std::string label = std::string("#") + std::to_string(k + 1) + " of " + std::to_string(pr.size());
      const bool bad = conflict.count({d, pr[k]}) > 0;
      if (over_budget && !bad) continue;
      b.edge(m.id(d), m.id(pr[k]), {bad ? "ranking-conflict" : "ranks"}, label);
    }
  }
  for (const RankingConflict& c : ca.ranking_conflicts)
    if (!c.rank && drawn.count(c.department) && in_scope.count(c.initiative))
      b.edge(m.id(c.department), m.id(c.initiative), {"unranked-conflict"},
             std::string("not ranked; ") + short_number(c.days_at_stake) + " critical days");
  for (const PriorityInversion& inv : ca.inversions)
    if (drawn.count(inv.departments[0]) && drawn.count(inv.departments[1]))
      b.edge(m.id(inv.departments[0]), m.id(inv.departments[1]), {"inversion"},
             "opposite order: " + m.id(inv.initiatives[0]) + " / " + m.id(inv.initiatives[1]));
  // Over-allocated people, by their department, with the initiatives loading them.
  sort_unique_by_id(m, people);
  for (Ref r : people) {
    const Overallocation* ov = peak[r];
    const Person& p = m.person(r);
    DiagramLabel label = b.entity_label(r);
    if (!p.title.empty()) add_wrapped(label, p.title, LabelLine::Look::small, 30, 1);
    label.push_back(plain(peak_text(*ov)));
    b.node(m.id(r), std::move(label), {"over-allocated"});
    if (p.department != kNoRef && drawn.count(p.department)) b.edge(m.id(r), m.id(p.department), {"member-of"});
    for (Ref i : ov->initiatives)
      if (in_scope.count(i)) b.edge(m.id(r), m.id(i), {"loads"});
  }
  b.title("Priorities and conflicts", notes);
  return b.take();
}

}  // namespace clearpath
