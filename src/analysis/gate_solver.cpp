// Backtracking over slots (fewest candidates first) with the department and independence
// constraints checked as each person is chosen, behind a maximum-matching test that rules out
// most impossible cases at once. Bus factors by iterative deepening over removal sets that hit
// every valid choice, bounded above by a counting argument (Hall's theorem). Slots and people
// form a bipartite graph: its maximum matching (augmenting paths) bounds every search, so a gate
// of a thousand identical slots is settled without trying their orders.
#include "analysis/gate_solver.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <unordered_set>

namespace clearpath {
namespace {

constexpr std::size_t kSearchBudget = 2'000'000;    // search nodes per solve
constexpr std::size_t kResilienceWork = 2'000'000;  // solves x candidates per bus factor
constexpr std::size_t kHallSlots = 16;              // slot subsets are enumerated up to this many slots

bool is_removed(const std::vector<char>& removed, std::size_t c) { return !removed.empty() && removed[c]; }

// The size of a maximum matching of slots to different candidates (not removed): a greedy
// start, then augmenting paths in phases (Kuhn's algorithm), each phase one pass over the
// edges. Iterative, so a path through thousands of slots needs no deep stack.
std::size_t max_matching(const std::vector<std::vector<std::size_t>>& fits, std::size_t candidates,
                         const std::vector<char>& removed) {
  constexpr std::size_t none = GateSolver::kNone;
  std::vector<std::size_t> slot_mate(fits.size(), none), cand_mate(candidates, none);
  std::size_t size = 0;
  for (std::size_t k = 0; k < fits.size(); ++k)
    for (std::size_t c : fits[k])
      if (!is_removed(removed, c) && cand_mate[c] == none) {
        slot_mate[k] = c;
        cand_mate[c] = k;
        ++size;
        break;
      }
  std::vector<char> seen(candidates);
  std::vector<std::pair<std::size_t, std::size_t>> stack;  // slot, next edge to try
  std::vector<std::size_t> via(candidates);                // the slot a candidate was reached from
  for (bool grew = true; grew && size < fits.size();) {
    grew = false;
    std::fill(seen.begin(), seen.end(), 0);
    for (std::size_t root = 0; root < fits.size(); ++root) {
      if (slot_mate[root] != none) continue;
      stack.assign(1, {root, 0});
      while (!stack.empty()) {
        auto& [k, e] = stack.back();
        if (e == fits[k].size()) {
          stack.pop_back();
          continue;
        }
        const std::size_t c = fits[k][e++];
        if (is_removed(removed, c) || seen[c]) continue;
        seen[c] = 1;
        via[c] = k;
        if (cand_mate[c] != none) {
          stack.push_back({cand_mate[c], 0});
          continue;
        }
        for (std::size_t free = c; free != none;) {  // flip the path back to the root
          const std::size_t slot = via[free], next = slot_mate[slot];
          slot_mate[slot] = free;
          cand_mate[free] = slot;
          free = slot == root ? none : next;
        }
        ++size;
        grew = true;
        break;
      }
    }
  }
  return size;
}

}  // namespace

GateSolver::GateSolver(const OrgIndex& org, Ref gate, const std::vector<bool>& absent)
    : org_(org), rule_spec_(org.model().approval(gate).rule) {
  const Model& m = org.model();
  const Approval& g = m.approval(gate);
  rule_ = {rule_spec_.distinct_departments, rule_spec_.independent};
  std::set<Ref> unique(g.approvers.begin(), g.approvers.end());
  for (Ref p : unique)
    if (m.person(p).available && (absent.empty() || !absent[p])) candidates_.push_back(p);
  std::sort(candidates_.begin(), candidates_.end(), [&](Ref a, Ref b) { return m.id(a) < m.id(b); });
  need_ =
      std::max<std::size_t>(static_cast<std::size_t>(std::max(rule_spec_.min_approvers, 0)), rule_spec_.slots.size());
  fits_.resize(rule_spec_.slots.size());
  for (std::size_t k = 0; k < rule_spec_.slots.size(); ++k) {
    const OrgIndex::SlotKey key = org.key(rule_spec_.slots[k]);
    for (std::size_t c = 0; c < candidates_.size(); ++c)
      if (org.matches(candidates_[c], key)) fits_[k].push_back(c);
    order_.push_back(k);
  }
  std::stable_sort(order_.begin(), order_.end(), [&](auto a, auto b) { return fits_[a].size() < fits_[b].size(); });
}

bool GateSolver::conflict(std::size_t a, std::size_t b, Constraints c) const {
  if (a == b) return true;
  const Model& m = org_.model();
  const Ref x = candidates_[a], y = candidates_[b];
  if (c.departments && m.person(x).department != kNoRef && m.person(x).department == m.person(y).department)
    return true;
  return c.independence && org_.in_one_chain(x, y);
}

bool GateSolver::compatible(std::size_t candidate, const std::vector<std::size_t>& chosen, Constraints c) const {
  for (std::size_t other : chosen)
    if (conflict(candidate, other, c)) return false;
  return true;
}

bool GateSolver::compatible(std::size_t candidate, const std::vector<char>& taken,
                            const std::vector<std::size_t>& chosen, Constraints c) const {
  // Without constraints a candidate clashes only with itself: no need to look at each chosen.
  if (taken[candidate]) return false;
  return (!c.departments && !c.independence) || compatible(candidate, chosen, c);
}

bool GateSolver::fill(std::size_t k, const std::vector<char>& removed, Constraints c, Solution& s,
                      std::size_t& nodes) const {
  if (++nodes > kSearchBudget) {
    exhausted_ = true;
    return false;
  }
  if (k == order_.size()) return extra(0, removed, c, s, nodes);
  const std::size_t slot = order_[k];
  for (std::size_t cand : fits_[slot]) {
    if (++nodes > kSearchBudget) {  // every candidate examined counts
      exhausted_ = true;
      return false;
    }
    if (is_removed(removed, cand) || !compatible(cand, s.taken, s.chosen, c)) continue;
    s.chosen.push_back(cand);
    s.taken[cand] = 1;
    s.slot_of[slot] = cand;
    if (fill(k + 1, removed, c, s, nodes)) return true;
    s.taken[cand] = 0;
    s.chosen.pop_back();
    if (nodes > kSearchBudget) return false;
  }
  return false;
}

// Approvers beyond the slots, up to min_approvers: any compatible candidates, in id order.
bool GateSolver::extra(std::size_t from, const std::vector<char>& removed, Constraints c, Solution& s,
                       std::size_t& nodes) const {
  if (s.chosen.size() >= need_) return true;
  for (std::size_t cand = from; cand < candidates_.size(); ++cand) {
    if (++nodes > kSearchBudget) {  // every candidate examined counts
      exhausted_ = true;
      return false;
    }
    if (candidates_.size() - cand < need_ - s.chosen.size()) return false;  // too few left
    if (is_removed(removed, cand) || !compatible(cand, s.taken, s.chosen, c)) continue;
    s.chosen.push_back(cand);
    s.taken[cand] = 1;
    if (extra(cand + 1, removed, c, s, nodes)) return true;
    s.taken[cand] = 0;
    s.chosen.pop_back();
    if (nodes > kSearchBudget) return false;
  }
  return false;
}

std::size_t GateSolver::matchable(const std::vector<char>& removed) const {
  if (removed.empty() && matched_) return *matched_;
  const std::size_t n = max_matching(fits_, candidates_.size(), removed);
  if (removed.empty()) matched_ = n;
  return n;
}

std::optional<GateSolver::Solution> GateSolver::solve(const std::vector<char>& removed, Constraints c) const {
  std::size_t present = candidates_.size();
  if (!removed.empty()) present -= static_cast<std::size_t>(std::count(removed.begin(), removed.end(), 1));
  if (present < need_) return std::nullopt;
  // One slot needs no matching: someone fits it or not. Several: different people must fit.
  if (fits_.size() > 1 && matchable(removed) < fits_.size()) return std::nullopt;
  Solution s;
  s.slot_of.assign(fits_.size(), kNone);
  s.taken.assign(candidates_.size(), 0);
  std::size_t nodes = 0;
  if (!fill(0, removed, c, s, nodes)) return std::nullopt;
  return s;
}

std::vector<std::size_t> GateSolver::best_partial() const {
  std::vector<std::size_t> best(fits_.size(), kNone), current(fits_.size(), kNone), chosen;
  std::vector<char> taken(candidates_.size(), 0);
  std::size_t best_count = 0, nodes = 0;
  // No answer fills more slots than different people can fill at once: once one does, the
  // search is over (later answers only tie, and the first is kept).
  const std::size_t most = matchable();
  // Slots in order; each filled by a compatible candidate or left open. Filling is tried before
  // leaving open, so among equally good answers the first in id order wins.
  auto go = [&](auto&& self, std::size_t k, std::size_t filled) -> void {
    if (filled + (order_.size() - k) <= best_count || ++nodes > kSearchBudget) return;
    if (k == order_.size()) {
      best = current;
      best_count = filled;
      return;
    }
    const std::size_t slot = order_[k];
    for (std::size_t cand : fits_[slot]) {
      if (!compatible(cand, taken, chosen, rule_)) continue;
      chosen.push_back(cand);
      taken[cand] = 1;
      current[slot] = cand;
      self(self, k + 1, filled + 1);
      taken[cand] = 0;
      chosen.pop_back();
      current[slot] = kNone;
      if (best_count == most) return;
    }
    if (best_count < most) self(self, k + 1, filled);
  };
  go(go, 0, 0);
  if (nodes > kSearchBudget) exhausted_ = true;
  return best;
}

// Removing this many people surely breaks the gate: all but need - 1 of them, or, for a set T
// of slots, all but |T| - 1 of the candidates that fit any slot of T (then T cannot be filled).
std::size_t GateSolver::upper_bound() const {
  std::size_t bound = candidates_.size() - need_ + 1;
  const std::size_t slots = fits_.size();
  if (slots == 0 || slots > kHallSlots) return bound;
  std::vector<char> in(candidates_.size());
  for (std::uint32_t set = 1; set < (1u << slots); ++set) {
    std::fill(in.begin(), in.end(), 0);
    std::size_t neighbours = 0, size = 0;
    for (std::size_t k = 0; k < slots; ++k) {
      if (!(set & (1u << k))) continue;
      ++size;
      for (std::size_t c : fits_[k]) neighbours += in[c] ? 0 : (in[c] = 1);
    }
    if (neighbours + 1 >= size) bound = std::min(bound, neighbours + 1 - size);
  }
  return bound;
}

const std::optional<GateSolver::Solution>& GateSolver::solve() const {
  if (!base_) base_ = solve({}, rule_);
  return *base_;
}

std::vector<std::size_t> GateSolver::single_points_of_failure() const {
  std::vector<std::size_t> out;
  const std::optional<Solution>& base = solve();
  if (!base) return out;
  // A single point of failure is in every valid choice, so in particular in this one.
  std::vector<std::size_t> mine = base->chosen;
  std::sort(mine.begin(), mine.end());
  std::vector<char> removed(candidates_.size(), 0);
  for (std::size_t c : mine) {
    removed[c] = 1;
    if (!solve(removed)) out.push_back(c);
    removed[c] = 0;
  }
  return out;
}

GateSolver::Resilience GateSolver::resilience() const {
  Resilience out;
  const std::optional<Solution>& base = solve();
  if (!base) return out;
  std::vector<char> removed(candidates_.size(), 0);
  out.single_points_of_failure = single_points_of_failure();
  if (!out.single_points_of_failure.empty()) {
    out.bus_factor = 1;
    out.exact = !exhausted_;
    return out;
  }
  // Without constraints between approvers, the counting bound is exact: the gate holds while
  // enough people are left and different people can fill the slots (Hall's condition).
  const std::size_t bound = upper_bound();
  if (!rule_.departments && !rule_.independence) {
    out.bus_factor = bound;
    out.exact = !exhausted_;
    return out;
  }
  // Otherwise any set of absences that breaks the gate must take someone from every valid
  // choice: branch on the members of one choice, depth k = 2, 3, ..., remembering the sets
  // already tried. The budget shrinks as gates grow, so a huge gate stays fast (and inexact).
  const std::size_t budget = std::max<std::size_t>(50, kResilienceWork / (candidates_.size() + 1));
  std::size_t solves = base->chosen.size();
  for (std::size_t k = 2; k < bound; ++k) {
    std::unordered_set<std::string> tried;
    bool breaks = false, over = false;
    auto dfs = [&](auto&& self, std::size_t depth) -> void {
      if (breaks || over) return;
      if (++solves > budget) {
        over = true;
        return;
      }
      const std::optional<Solution> s = solve(removed);
      if (!s) {
        breaks = true;
        return;
      }
      if (depth == k) return;
      for (std::size_t c : s->chosen) {
        removed[c] = 1;
        if (tried.insert(std::string(removed.begin(), removed.end())).second) self(self, depth + 1);
        removed[c] = 0;
        if (breaks || over) return;
      }
    };
    dfs(dfs, 0);
    if (breaks) {
      out.bus_factor = k;
      out.exact = !exhausted_;
      return out;
    }
    if (over) {
      out.bus_factor = k;  // nothing smaller breaks it: a lower bound
      out.exact = false;
      return out;
    }
  }
  out.bus_factor = bound;
  out.exact = !exhausted_;
  return out;
}

}  // namespace clearpath
