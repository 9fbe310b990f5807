// Ranking conflicts, priority inversions and the disagreement matrix: the departments' priorities
// set against the critical and near-critical work they hold on each initiative.
#include <algorithm>

#include "analysis/conflict_parts.hpp"
#include "analysis/gate_solver.hpp"
#include "analysis/id_order.hpp"
#include "analysis/network_parts.hpp"
#include "clearpath/approval_rules.hpp"
#include "clearpath/path_analysis.hpp"

namespace clearpath {
namespace {

// 1-based place of an initiative in a department's priorities, if ranked.
std::optional<std::size_t> rank_of(const Department& d, Ref initiative) {
  const auto it = std::find(d.priorities.begin(), d.priorities.end(), initiative);
  if (it == d.priorities.end()) return std::nullopt;
  return static_cast<std::size_t>(it - d.priorities.begin()) + 1;
}

}  // namespace

std::vector<InitiativeWork> initiative_work(const Model& m, const std::vector<Ref>& initiatives, double near_days,
                                            const Network* focus_network, const Schedule* focus_schedule) {
  const bool focus = focus_network && initiatives.size() == 1;
  std::vector<Network> networks = focus ? std::vector<Network>{} : initiative_networks(m, initiatives);
  std::vector<InitiativeWork> out;
  for (std::size_t k = 0; k < initiatives.size(); ++k) {
    InitiativeWork w;
    w.initiative = initiatives[k];
    if (focus) {
      w.network = *focus_network;
      w.schedule = *focus_schedule;
    } else {
      w.network = std::move(networks[k]);
      w.schedule = compute_schedule(m, w.network);
    }
    for (std::uint32_t a = 0; a < w.network.size(); ++a) {
      const Ref r = w.network.activity[a];
      const bool finished = m.kind(r) == EntityKind::step ? m.step(r).status == StepStatus::done
                                                          : m.approval(r).status == ApprovalStatus::granted;
      const ActivityTimes& t = w.schedule.times[a];
      if (!finished && (t.critical || t.total_float < near_days)) w.pressing.push_back(a);
    }
    out.push_back(std::move(w));
  }
  return out;
}

Holdings pressing_work_by_department(const Model& m, const std::vector<InitiativeWork>& work) {
  Holdings out;
  const OrgIndex org(m);
  for (const InitiativeWork& w : work)
    for (std::uint32_t a : w.pressing) {
      const Ref r = w.network.activity[a];
      std::vector<Ref> departments;
      if (m.kind(r) == EntityKind::step) {
        // The owning department: the owner, or the person who owns it's department.
        const Ref owner = m.step(r).owner;
        if (owner != kNoRef)
          departments.push_back(m.kind(owner) == EntityKind::person ? m.person(owner).department : owner);
      } else {
        // A gate: the departments of the approvers it cannot be granted without.
        const GateSolver solver(org, r, {});
        for (std::size_t c : solver.single_points_of_failure())
          departments.push_back(m.person(solver.candidates()[c]).department);
      }
      std::sort(departments.begin(), departments.end());
      departments.erase(std::unique(departments.begin(), departments.end()), departments.end());
      for (Ref d : departments) {
        if (d == kNoRef) continue;
        Holding& h = out[d][w.initiative];
        h.items.push_back(r);
        h.starts.push_back(w.schedule.times[a].es);
        h.critical = h.critical || w.critical(a);
        h.days += w.network.duration[a];
      }
    }
  for (auto& [d, by_initiative] : out)
    for (auto& entry : by_initiative) {
      Holding& h = entry.second;  // not a structured binding: the lambda below captures it (C++20, not clang 14)
      std::vector<std::size_t> order(h.items.size());
      for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
      std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        if (h.starts[x] != h.starts[y]) return h.starts[x] < h.starts[y];
        return id_less(m, h.items[x], h.items[y]);
      });
      std::vector<Ref> items;
      items.reserve(order.size());
      for (std::size_t k : order) items.push_back(h.items[k]);
      h.items = std::move(items);
      std::sort(h.starts.begin(), h.starts.end());
    }
  return out;
}

std::vector<RankingConflict> ranking_conflicts(const Model& m, const Holdings& holdings, std::size_t top) {
  std::vector<RankingConflict> out;
  for (const auto& [d, by_initiative] : holdings) {
    const Department& dept = m.department(d);
    const std::size_t ranked = dept.priorities.size();
    // Ranking an initiative last is never "top": with k ranked, the top holds at most k - 1.
    const std::size_t effective_top = ranked >= 2 ? std::min(top, ranked - 1) : top;
    for (const auto& [i, h] : by_initiative) {
      const std::optional<std::size_t> rank = rank_of(dept, i);
      if (rank && *rank <= effective_top) continue;
      RankingConflict c;
      c.department = d;
      c.initiative = i;
      c.rank = rank;
      c.ranked = ranked;
      c.items = h.items;
      c.critical = h.critical;
      c.days_at_stake = h.days;
      c.cost_of_delay = h.days * cost_per_day(m.initiative(i));
      out.push_back(std::move(c));
    }
  }
  std::sort(out.begin(), out.end(), [&](const RankingConflict& a, const RankingConflict& b) {
    if (a.critical != b.critical) return a.critical;
    if (a.cost_of_delay != b.cost_of_delay) return a.cost_of_delay > b.cost_of_delay;
    if (a.department != b.department) return id_less(m, a.department, b.department);
    return id_less(m, a.initiative, b.initiative);
  });
  return out;
}

std::vector<PriorityInversion> priority_inversions(const Model& m, const Holdings& holdings) {
  // Departments in id order, and the initiatives each holds pressing work on (by id).
  std::vector<Ref> departments;
  for (const auto& [d, by_initiative] : holdings) departments.push_back(d);
  std::sort(departments.begin(), departments.end(), [&](Ref a, Ref b) { return id_less(m, a, b); });
  const std::size_t n = departments.size();
  std::vector<std::vector<Ref>> held(n);
  std::vector<std::vector<std::uint32_t>> holders(m.initiatives().size());  // rows, ascending
  for (std::uint32_t p = 0; p < n; ++p) {
    for (const auto& [i, h] : holdings.at(departments[p])) held[p].push_back(i);
    std::sort(held[p].begin(), held[p].end(), [&](Ref a, Ref b) { return id_less(m, a, b); });
    for (Ref i : held[p]) holders[m.index(i)].push_back(p);
  }
  // a ranks x above y: x ranked, and y ranked lower or not at all.
  auto above = [&](Ref d, Ref x, Ref y) {
    const auto rx = rank_of(m.department(d), x), ry = rank_of(m.department(d), y);
    return rx && (!ry || *rx < *ry);
  };
  // Each pair of departments (p < q, in id order) that both hold work on two initiatives or more.
  std::vector<PriorityInversion> out;
  std::vector<std::vector<Ref>> shared(n);  // with p: the initiatives q also holds, by id
  std::vector<std::uint32_t> met;
  for (std::uint32_t p = 0; p < n; ++p) {
    met.clear();
    for (Ref i : held[p])
      for (std::uint32_t q : holders[m.index(i)]) {
        if (q <= p) continue;
        if (shared[q].empty()) met.push_back(q);
        shared[q].push_back(i);
      }
    std::sort(met.begin(), met.end());
    for (std::uint32_t q : met) {
      const std::vector<Ref>& both = shared[q];
      for (std::size_t x = 0; x < both.size(); ++x)
        for (std::size_t y = x + 1; y < both.size(); ++y) {
          const Ref a = departments[p], b = departments[q], i = both[x], j = both[y];
          if (above(a, i, j) && above(b, j, i)) out.push_back({{a, b}, {i, j}});
          else if (above(a, j, i) && above(b, i, j)) out.push_back({{a, b}, {j, i}});
        }
      shared[q].clear();
    }
  }
  return out;
}

namespace {

// Kendall tau distance between two rankings of the same `shared` initiatives, given as their
// ranks in each (rx[k], ry[k] for shared[k]).
double kendall_distance(const std::vector<std::uint32_t>& rx, const std::vector<std::uint32_t>& ry) {
  std::size_t discordant = 0, pairs = 0;
  for (std::size_t x = 0; x < rx.size(); ++x)
    for (std::size_t y = x + 1; y < rx.size(); ++y, ++pairs) discordant += (rx[x] < rx[y]) != (ry[x] < ry[y]);
  return static_cast<double>(discordant) / static_cast<double>(pairs);
}

}  // namespace

std::optional<double> Disagreement::between(std::size_t p, std::size_t q) const {
  if (p > q) std::swap(p, q);
  const auto at = std::lower_bound(pairs.begin(), pairs.end(), std::pair(p, q), [](const Pair& x, const auto& key) {
    return std::pair<std::size_t, std::size_t>(x.row, x.column) < key;
  });
  if (at == pairs.end() || at->row != p || at->column != q) return std::nullopt;
  return at->distance;
}

Disagreement ranking_disagreement(const Model& m) {
  Disagreement out;
  for (std::size_t i = 0; i < m.departments().size(); ++i)
    if (!m.departments()[i].priorities.empty()) out.departments.push_back(m.ref_of(EntityKind::department, i));
  std::sort(out.departments.begin(), out.departments.end(), [&](Ref a, Ref b) { return id_less(m, a, b); });
  const std::size_t n = out.departments.size();
  // Who ranks each initiative, and where: (department's row, 1-based rank), rows ascending.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> rankers(m.initiatives().size());
  for (std::uint32_t p = 0; p < n; ++p) {
    const std::vector<Ref>& priorities = m.department(out.departments[p]).priorities;
    for (std::uint32_t k = 0; k < priorities.size(); ++k) rankers[m.index(priorities[k])].emplace_back(p, k + 1);
  }
  // Row p against every department sharing an initiative with it: their ranks of the shared
  // ones, in p's order (a priority list ranks each initiative once, so ranks identify them).
  std::vector<std::vector<std::uint32_t>> mine(n), theirs(n);
  std::vector<std::uint32_t> met;
  for (std::uint32_t p = 0; p < n; ++p) {
    met.clear();
    const std::vector<Ref>& priorities = m.department(out.departments[p]).priorities;
    for (std::uint32_t k = 0; k < priorities.size(); ++k)
      for (const auto& [q, rank] : rankers[m.index(priorities[k])]) {
        if (mine[q].empty()) met.push_back(q);
        mine[q].push_back(k + 1);
        theirs[q].push_back(rank);
      }
    std::sort(met.begin(), met.end());
    for (std::uint32_t q : met) {
      if (q >= p && mine[q].size() >= 2) out.pairs.push_back({p, q, kendall_distance(mine[q], theirs[q])});
      mine[q].clear();
      theirs[q].clear();
    }
  }
  return out;
}

}  // namespace clearpath
