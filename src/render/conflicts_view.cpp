// The conflicts view: departments (grouped by side) and the initiatives they rank, the rank on
// each edge; ranking conflicts (critical work ranked low or not at all) and priority inversions
// in red; over-allocated people and departments marked with their peak load. Above the node
// budget only the departments with a conflict, inversion or over-allocation are drawn.
#include <algorithm>
#include <map>
#include <set>

#include "analysis/id_order.hpp"
#include "clearpath/conflicts.hpp"
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
          {{"color", "#d62728"},
           {"style", "dotted"},
           {"penwidth", "2"},
           {"dir", "both"},
           {"constraint", "false"},
           {"fontcolor", "#d62728"}});
  b.style("member-of", A::edge, "member of", {{"style", "dotted"}, {"arrowhead", "none"}});
  b.style("loads", A::edge, "over-allocated by this initiative's work", {{"color", "#d9480f"}, {"style", "dashed"}});
  b.style("conflict-cell", A::node, "ranking conflict: holds critical work but ranks it low (days and cost of delay)",
          {{"fillcolor", "#f8d0d0"}, {"fontcolor", "#a31515"}, {"color", "#d62728"}});
  b.style("inversion-cell", A::node, "priority inversion: ranked in the opposite order by another department",
          {{"fillcolor", "#ffe3bf"}, {"color", "#d9480f"}});
  b.style("side-row", A::node, "", {{"fillcolor", "#eeeeee"}});
  b.style("matrix", A::node, "", {});
  b.style("it-side", A::cluster, "IT-side departments", {{"color", "#3b6fb6"}});
  b.style("business-side", A::cluster, "business-side departments", {{"color", "#3c9a5f"}});
  b.style("other-side", A::cluster, "departments of another or no side", {});
}

std::string peak_text(const Overallocation& o) {
  return std::string("peak ") + short_number(o.load) + " of " + short_number(o.capacity) + " FTE, days " +
         short_number(o.from) + "-" + short_number(o.to);
}

// A matrix instead of a graph from this many rank links on (a handful reads well as a graph).
constexpr std::size_t kMatrixFrom = 12;
// Priority inversions listed under the matrix.
constexpr std::size_t kInversionsListed = 8;

ConflictAnalysis analyze_without_levelling(const Model& m, const RenderOptions& o) {
  ConflictOptions co;
  co.initiative = o.initiative;
  co.level = false;
  return analyze_conflicts(m, co);
}

// One drawing of the conflicts view: what is in scope and fits the budget, then the
// departments by side, the initiatives, the rankings and conflicts, the over-allocated people.
class ConflictsDrawing {
 public:
  ConflictsDrawing(const Model& m, const RenderOptions& o)
      : m_(m), o_(o), ca_(analyze_without_levelling(m, o)), b_(m, o) {
    // The worst over-allocation of each resource.
    for (const Overallocation& ov : ca_.overallocations) {
      auto& p = peak_[ov.resource];
      if (!p || ov.load > p->load) p = &ov;
    }
    for (const RankingConflict& c : ca_.ranking_conflicts) conflict_[{c.department, c.initiative}] = &c;
  }

  Diagram draw() {
    choose_initiatives();
    choose_departments();
    over_budget_ = departments_.size() + initiatives_.size() + people_.size() > o_.node_budget;
    if (over_budget_ && initiatives_.size() > o_.node_budget / 2) keep_involved_initiatives();
    if (over_budget_) keep_costliest();
    sort_unique_by_id(m_, departments_);
    drawn_ = std::set<Ref>(departments_.begin(), departments_.end());
    define_styles(b_);
    if (rank_links() > kMatrixFrom) {
      draw_matrix();
      draw_people(false);
      b_.title("Priorities and conflicts: each department's rank of each initiative", notes_);
      return b_.take();
    }
    b_.diagram().graph = {{"rankdir", "LR"}, {"ranksep", "1.6"}};
    draw_departments();
    for (Ref i : initiatives_)
      b_.node(m_.id(i),
              b_.entity_label(i, {small("worth " + money_text(m_.initiative(i).value_per_month) + " a month")}),
              {"initiative"});
    draw_rankings();
    draw_conflicts_and_inversions();
    draw_people(true);
    b_.title("Priorities and conflicts", notes_);
    return b_.take();
  }

 private:
  void choose_initiatives();
  void choose_departments();
  void keep_involved_initiatives();
  void keep_costliest();
  void draw_departments();
  void draw_rankings();
  void draw_conflicts_and_inversions();
  std::size_t rank_links() const;
  void draw_matrix();
  DiagramCell matrix_cell(Ref department, Ref initiative) const;
  void draw_people(bool linked);

  const Model& m_;
  const RenderOptions& o_;
  const ConflictAnalysis ca_;
  ViewBuilder b_;
  std::map<Ref, const Overallocation*> peak_;
  std::map<std::pair<Ref, Ref>, const RankingConflict*> conflict_;
  std::vector<Ref> initiatives_;
  std::set<Ref> in_scope_;       // initiatives_ as a set
  std::map<Ref, double> score_;  // conflict cost, +1 per inversion, +load when over-allocated
  std::vector<Ref> people_;      // over-allocated people
  std::vector<Ref> departments_;
  std::set<Ref> drawn_;  // departments_ as a set
  bool over_budget_ = false;
  std::vector<std::string> notes_;
};

// Initiatives in scope: all, or the one asked for.
void ConflictsDrawing::choose_initiatives() {
  if (!o_.initiative.empty()) {
    const auto focus = m_.find(o_.initiative);
    if (!focus || m_.kind(*focus) != EntityKind::initiative)
      throw RenderError("--initiative: there is no initiative '" + o_.initiative + "'");
    initiatives_.push_back(*focus);
  } else {
    for (std::size_t i = 0; i < m_.initiatives().size(); ++i)
      initiatives_.push_back(m_.ref_of(EntityKind::initiative, i));
  }
  sort_unique_by_id(m_, initiatives_);
  in_scope_ = std::set<Ref>(initiatives_.begin(), initiatives_.end());
}

// Departments that rank one of them or hold a conflict, each with its score, and the
// over-allocated people.
void ConflictsDrawing::choose_departments() {
  for (const RankingConflict& c : ca_.ranking_conflicts) score_[c.department] += 1 + c.cost_of_delay;
  for (const PriorityInversion& inv : ca_.inversions)
    for (Ref d : inv.departments) score_[d] += 1;
  for (const auto& [r, ov] : peak_) {
    if (m_.kind(r) == EntityKind::department) score_[r] += ov->load;
    else people_.push_back(r);
  }
  for (std::size_t i = 0; i < m_.departments().size(); ++i) {
    const Ref d = m_.ref_of(EntityKind::department, i);
    const auto& pr = m_.department(d).priorities;
    if (score_.count(d) || std::any_of(pr.begin(), pr.end(), [&](Ref x) { return in_scope_.count(x) > 0; }))
      departments_.push_back(d);
  }
}

// More initiatives than half the budget: those with a conflict or an over-allocation first.
void ConflictsDrawing::keep_involved_initiatives() {
  std::set<Ref> involved;
  for (const RankingConflict& c : ca_.ranking_conflicts) involved.insert(c.initiative);
  for (const Overallocation& ov : ca_.overallocations) involved.insert(ov.initiatives.begin(), ov.initiatives.end());
  std::stable_sort(initiatives_.begin(), initiatives_.end(),
                   [&](Ref a, Ref c) { return involved.count(a) > involved.count(c); });
  notes_.push_back("only " + count_text(o_.node_budget / 2) + " of the " + count_text(initiatives_.size()) +
                   " initiatives, those with conflicts first");
  initiatives_.resize(o_.node_budget / 2);
  sort_unique_by_id(m_, initiatives_);
  in_scope_ = std::set<Ref>(initiatives_.begin(), initiatives_.end());
}

// Over the budget: the departments with the costliest conflicts first (then inversions, then
// over-allocation), and the people with the highest peaks.
void ConflictsDrawing::keep_costliest() {
  const std::size_t all_departments = departments_.size(), all_people = people_.size();
  auto by_score = [&](Ref a, Ref c) {
    const double sa = score_.count(a) ? score_[a] : 0, sc = score_.count(c) ? score_[c] : 0;
    return sa != sc ? sa > sc : m_.id(a) < m_.id(c);
  };
  std::sort(departments_.begin(), departments_.end(), by_score);
  const std::size_t room = o_.node_budget > initiatives_.size() ? o_.node_budget - initiatives_.size() : 0;
  std::size_t keep =
      std::count_if(departments_.begin(), departments_.end(), [&](Ref d) { return score_.count(d) > 0; });
  keep = std::min(keep, room / 2);
  departments_.resize(std::min(departments_.size(), keep));
  std::sort(people_.begin(), people_.end(), [&](Ref a, Ref c) {
    return peak_[a]->load != peak_[c]->load ? peak_[a]->load > peak_[c]->load : m_.id(a) < m_.id(c);
  });
  people_.resize(std::min(people_.size(), room - departments_.size()));
  notes_.push_back(std::string("only the ") + count_text(departments_.size()) + " of " + count_text(all_departments) +
                   " departments with the costliest conflicts and " + count_text(people_.size()) + " of " +
                   count_text(all_people) + " over-allocated people (over the " + count_text(o_.node_budget) +
                   "-node budget; --initiative ID narrows it); of the rankings, only the conflicting ones");
}

// The departments in one cluster per side, each with its capacity and peak load.
void ConflictsDrawing::draw_departments() {
  std::map<std::string, std::vector<Ref>> by_side;
  for (Ref d : departments_) by_side[m_.department(d).side].push_back(d);
  for (const auto& [side, list] : by_side) {
    const std::string cluster = std::string("side:") + (side.empty() ? std::string("none") : side);
    b_.cluster(cluster, {bold(side_label(side))}, {side_style(side, "other-side")});
    for (Ref d : list) {
      std::vector<std::string> styles{"department"};
      DiagramLabel label =
          b_.entity_label(d, {small(std::string("capacity ") + short_number(m_.department_capacity(d)) + " FTE")});
      if (const auto it = peak_.find(d); it != peak_.end()) {
        styles.push_back("over-allocated");
        label.push_back(plain(peak_text(*it->second)));
      }
      b_.node(m_.id(d), std::move(label), std::move(styles), cluster);
    }
  }
}

// Rank edges, conflicts in red; over the budget only the conflicts.
void ConflictsDrawing::draw_rankings() {
  for (Ref d : departments_) {
    const auto& pr = m_.department(d).priorities;
    for (std::size_t k = 0; k < pr.size(); ++k) {
      if (!in_scope_.count(pr[k])) continue;
      const std::string label = std::string("#") + std::to_string(k + 1) + " of " + std::to_string(pr.size());
      const bool bad = conflict_.count({d, pr[k]}) > 0;
      if (over_budget_ && !bad) continue;
      b_.edge(m_.id(d), m_.id(pr[k]), {bad ? "ranking-conflict" : "ranks"}, label);
    }
  }
}

// Conflicts over initiatives a department does not rank, dashed; priority inversions.
void ConflictsDrawing::draw_conflicts_and_inversions() {
  for (const RankingConflict& c : ca_.ranking_conflicts)
    if (!c.rank && drawn_.count(c.department) && in_scope_.count(c.initiative))
      b_.edge(m_.id(c.department), m_.id(c.initiative), {"unranked-conflict"},
              std::string("not ranked; ") + short_number(c.days_at_stake) + " critical days");
  for (const PriorityInversion& inv : ca_.inversions)
    if (drawn_.count(inv.departments[0]) && drawn_.count(inv.departments[1]))
      b_.edge(m_.id(inv.departments[0]), m_.id(inv.departments[1]), {"inversion"},
              "opposite order: " + m_.id(inv.initiatives[0]) + " / " + m_.id(inv.initiatives[1]));
}

// The links the graph would draw: each ranking of an initiative in scope, and each conflict over
// one not ranked (over the budget, only the conflicts).
std::size_t ConflictsDrawing::rank_links() const {
  std::size_t n = 0;
  for (Ref d : departments_)
    for (Ref i : m_.department(d).priorities) n += in_scope_.count(i) && (!over_budget_ || conflict_.count({d, i}));
  for (const RankingConflict& c : ca_.ranking_conflicts) n += !c.rank && drawn_.count(c.department);
  return n;
}

// More links than a handful: one table instead, a row per department (by side) and a column per
// initiative, each cell the rank; conflicts red with their days and cost, inversions orange and
// listed under the table.
void ConflictsDrawing::draw_matrix() {
  std::vector<std::vector<DiagramCell>> rows;
  std::vector<DiagramCell> head{{{bold("department")}, "", 1, true}};
  for (Ref i : initiatives_) {
    DiagramLabel label;
    add_wrapped(label, m_.display_name(i), LabelLine::Look::emphasis, 18, 2);
    label.push_back(small(money_text(m_.initiative(i).value_per_month) + " a month"));
    head.push_back({std::move(label), "", 1, false});
  }
  rows.push_back(std::move(head));
  std::map<std::string, std::vector<Ref>> by_side;
  for (Ref d : departments_) by_side[m_.department(d).side].push_back(d);
  for (const auto& [side, list] : by_side) {
    rows.push_back({{{bold(side_label(side))}, "side-row", initiatives_.size() + 1, true}});
    for (Ref d : list) {
      DiagramLabel label = b_.entity_label(d, {small("capacity " + short_number(m_.department_capacity(d)) + " FTE")});
      std::string style;
      if (const auto it = peak_.find(d); it != peak_.end()) {
        label.push_back(plain(peak_text(*it->second)));
        style = "over-allocated";
      }
      std::vector<DiagramCell> row{{std::move(label), style, 1, true}};
      for (Ref i : initiatives_) row.push_back(matrix_cell(d, i));
      rows.push_back(std::move(row));
    }
  }
  std::size_t listed = 0, inversions = 0;
  for (const PriorityInversion& inv : ca_.inversions) {
    if (!drawn_.count(inv.departments[0]) || !drawn_.count(inv.departments[1])) continue;
    ++inversions;
    if (listed == kInversionsListed) continue;
    ++listed;
    rows.push_back({{{plain(m_.id(inv.departments[0]) + " ranks " + m_.id(inv.initiatives[0]) + " above " +
                            m_.id(inv.initiatives[1]) + "; " + m_.id(inv.departments[1]) + " the reverse")},
                     "inversion-cell",
                     initiatives_.size() + 1,
                     true}});
  }
  if (inversions > listed)
    rows.push_back(
        {{{small("+" + count_text(inversions - listed) + " more inversions (clearpath conflicts lists them)")},
          "",
          initiatives_.size() + 1,
          true}});
  b_.node(b_.synthetic("matrix", "ranks"), {}, {"matrix"});
  b_.diagram().nodes.back().table = std::move(rows);
}

// One department's rank of one initiative: "#2 of 3", or "-" when unranked; a conflict with its
// critical days and cost of delay.
DiagramCell ConflictsDrawing::matrix_cell(Ref d, Ref i) const {
  const auto& pr = m_.department(d).priorities;
  const auto at = std::find(pr.begin(), pr.end(), i);
  const std::string rank = at == pr.end()
                               ? std::string("-")
                               : "#" + std::to_string(at - pr.begin() + 1) + " of " + std::to_string(pr.size());
  if (const auto c = conflict_.find({d, i}); c != conflict_.end())
    return {{bold(at == pr.end() ? std::string("not ranked") : rank),
             small(short_number(c->second->days_at_stake) + " critical days"),
             small("cost " + money_text(c->second->cost_of_delay))},
            "conflict-cell",
            1,
            false};
  for (const PriorityInversion& inv : ca_.inversions)
    for (int k = 0; k < 2; ++k)
      if (inv.departments[k] == d && (inv.initiatives[0] == i || inv.initiatives[1] == i) &&
          drawn_.count(inv.departments[1 - k]))
        return {{plain(rank)}, "inversion-cell", 1, false};
  return {{plain(rank)}, "", 1, false};
}

// Over-allocated people, by their department, with the initiatives loading them: linked to
// them in the graph, named in the label beside a matrix.
void ConflictsDrawing::draw_people(bool linked) {
  sort_unique_by_id(m_, people_);
  for (Ref r : people_) {
    const Overallocation* ov = peak_[r];
    const Person& p = m_.person(r);
    DiagramLabel label = b_.entity_label(r);
    if (!p.title.empty()) add_wrapped(label, p.title, LabelLine::Look::small, 30, 1);
    label.push_back(plain(peak_text(*ov)));
    if (!linked) {
      if (p.department != kNoRef) label.push_back(small(m_.display_name(p.department)));
      std::string by;
      for (Ref i : ov->initiatives) by += (by.empty() ? "loaded by " : ", ") + m_.id(i);
      if (!by.empty()) add_wrapped(label, by, LabelLine::Look::small, 34, 2);
    }
    b_.node(m_.id(r), std::move(label), {"over-allocated"});
    if (!linked) continue;
    if (p.department != kNoRef && drawn_.count(p.department)) b_.edge(m_.id(r), m_.id(p.department), {"member-of"});
    for (Ref i : ov->initiatives)
      if (in_scope_.count(i)) b_.edge(m_.id(r), m_.id(i), {"loads"});
  }
}

}  // namespace

Diagram conflicts_view(const Model& m, const RenderOptions& o) { return ConflictsDrawing(m, o).draw(); }

}  // namespace clearpath
