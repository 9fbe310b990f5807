// Gate satisfiability: backtracking over slots (most constrained first) with the department and
// independence constraints checked as each person is chosen; candidates in id order, so the
// assignment found is deterministic.
#include "clearpath/approval_rules.hpp"

#include <algorithm>
#include <set>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/max_cardinality_matching.hpp>

namespace clearpath {
namespace {

constexpr std::size_t kSearchBudget = 2'000'000;  // search nodes per gate

bool matches(const Model& m, Ref p, const Slot& s) {
  const Person& person = m.person(p);
  if (s.department != kNoRef && person.department != s.department) return false;
  if (!s.side.empty() && (person.department == kNoRef || m.department(person.department).side != s.side)) return false;
  if (!s.role.empty() && std::find(person.roles.begin(), person.roles.end(), s.role) == person.roles.end()) return false;
  return true;
}

// Whether a is in b's reporting chain or b in a's (iteratively, however deep).
bool in_chain(const Model& m, Ref a, Ref b) {
  for (Ref cur = m.person(a).reports_to, steps = 0; cur != kNoRef && steps <= m.people().size(); cur = m.person(cur).reports_to, ++steps)
    if (cur == b) return true;
  for (Ref cur = m.person(b).reports_to, steps = 0; cur != kNoRef && steps <= m.people().size(); cur = m.person(cur).reports_to, ++steps)
    if (cur == a) return true;
  return false;
}

struct Search {
  const Model& m;
  const Rule& rule;
  const std::vector<Ref>& candidates;                 // available approvers, by id
  std::vector<std::vector<std::size_t>> fits;         // slot -> candidate indexes that match
  std::vector<std::size_t> order;                     // slots, most constrained first
  std::size_t need = 0;
  bool check_departments, check_independence;
  std::size_t nodes = 0;
  std::vector<std::size_t> chosen;                    // candidate indexes
  std::vector<std::size_t> slot_of;                   // slot -> candidate index
  bool exhausted = false;

  bool compatible(std::size_t c) const {
    for (std::size_t other : chosen) {
      if (other == c) return false;
      const Ref a = candidates[c], b = candidates[other];
      if (check_departments && m.person(a).department != kNoRef && m.person(a).department == m.person(b).department)
        return false;
      if (check_independence && in_chain(m, a, b)) return false;
    }
    return true;
  }

  bool fill(std::size_t k) {
    if (++nodes > kSearchBudget) {
      exhausted = true;
      return false;
    }
    if (k < order.size()) {
      const std::size_t slot = order[k];
      for (std::size_t c : fits[slot]) {
        if (!compatible(c)) continue;
        chosen.push_back(c);
        slot_of[slot] = c;
        if (fill(k + 1)) return true;
        chosen.pop_back();
        if (exhausted) return false;
      }
      return false;
    }
    return extra(0);
  }

  // Approvers beyond the slots, up to min_approvers: any compatible candidates, in id order.
  bool extra(std::size_t from) {
    if (chosen.size() >= need) return true;
    for (std::size_t c = from; c < candidates.size(); ++c) {
      if (!compatible(c)) continue;
      chosen.push_back(c);
      if (extra(c + 1)) return true;
      chosen.pop_back();
      if (++nodes > kSearchBudget) {
        exhausted = true;
        return false;
      }
    }
    return false;
  }
};

// How many slots different approvers can fill at once: a maximum bipartite matching between
// slots and candidates (Boost.Graph). Fewer than the slots means no assignment exists, whatever
// the other constraints.
std::size_t matchable_slots(const std::vector<std::vector<std::size_t>>& fits, std::size_t candidates) {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  const std::size_t slots = fits.size();
  if (slots == 0) return 0;
  G g(slots + candidates);
  for (std::size_t k = 0; k < slots; ++k)
    for (std::size_t c : fits[k]) boost::add_edge(k, slots + c, g);
  std::vector<boost::graph_traits<G>::vertex_descriptor> mate(slots + candidates);
  boost::edmonds_maximum_cardinality_matching(g, mate.data());
  return boost::matching_size(g, mate.data());
}

std::string who(const Model& m, Ref p) {
  const Person& person = m.person(p);
  std::string out = m.id(p);
  if (person.department != kNoRef) {
    const Department& d = m.department(person.department);
    out += " (" + m.display_name(person.department) + (d.side.empty() ? "" : ", " + d.side) + ")";
  }
  return out;
}

std::string list(const Model& m, const std::vector<Ref>& people) {
  std::string out;
  for (Ref p : people) out += (out.empty() ? "" : ", ") + who(m, p);
  return out.empty() ? "nobody" : out;
}

}  // namespace

std::string slot_label(const Model& m, const Slot& s) {
  std::string out = s.side.empty() ? "" : s.side + "-side ";
  out += s.role.empty() ? "approver" : s.role;
  if (s.department != kNoRef) out += " in " + m.id(s.department);
  return out;
}

GateCheck check_gate(const Model& m, Ref gate, const std::vector<bool>& absent) {
  const Approval& g = m.approval(gate);
  GateCheck out;
  out.gate = gate;
  std::set<Ref> unique(g.approvers.begin(), g.approvers.end());
  std::vector<Ref> named(unique.begin(), unique.end()), candidates;
  std::sort(named.begin(), named.end(), [&](Ref a, Ref b) { return m.id(a) < m.id(b); });
  for (Ref p : named)
    if (m.person(p).available && (absent.empty() || !absent[p])) candidates.push_back(p);

  const Rule& rule = g.rule;
  const std::size_t need = std::max<std::size_t>(static_cast<std::size_t>(rule.min_approvers), rule.slots.size());
  auto run = [&](bool departments, bool independence) {
    Search s{m, rule, candidates, {}, {}, need, departments, independence, 0, {}, std::vector<std::size_t>(rule.slots.size()), false};
    s.fits.resize(rule.slots.size());
    for (std::size_t k = 0; k < rule.slots.size(); ++k) {
      for (std::size_t c = 0; c < candidates.size(); ++c)
        if (matches(m, candidates[c], rule.slots[k])) s.fits[k].push_back(c);
      s.order.push_back(k);
    }
    std::stable_sort(s.order.begin(), s.order.end(), [&](auto a, auto b) { return s.fits[a].size() < s.fits[b].size(); });
    const bool ok = candidates.size() >= need && matchable_slots(s.fits, candidates.size()) == rule.slots.size() &&
                    s.fill(0);
    return std::make_pair(ok, s);
  };

  auto [ok, search] = run(rule.distinct_departments, rule.independent);
  out.search_exhausted = search.exhausted;
  if (ok) {
    out.satisfiable = true;
    for (std::size_t k = 0; k < rule.slots.size(); ++k) out.assignment.push_back({k, candidates[search.slot_of[k]]});
    for (std::size_t c : search.chosen) out.approvers.push_back(candidates[c]);
    return out;
  }

  // Why not, in words a sponsor understands.
  if (candidates.size() < need) {
    out.unfilled.push_back({-1, "only " + std::to_string(candidates.size()) + " available approver" +
                                    (candidates.size() == 1 ? "" : "s") + " (" + list(m, candidates) +
                                    "), the rule needs " + std::to_string(need),
                            false});
  }
  for (std::size_t k = 0; k < rule.slots.size(); ++k) {
    if (!search.fits[k].empty()) continue;
    bool anyone = false;
    for (std::size_t i = 0; i < m.people().size() && !anyone; ++i)
      anyone = m.people()[i].available && matches(m, m.ref_of(EntityKind::person, i), rule.slots[k]);
    const std::string label = slot_label(m, rule.slots[k]);
    out.unfilled.push_back({static_cast<long>(k),
                            anyone ? "no " + label + " among the available approvers: " + list(m, candidates)
                                   : "nobody in the organisation is a " + label + ", so the rule can never be met",
                            !anyone});
  }
  const std::size_t matched = matchable_slots(search.fits, candidates.size());
  if (out.unfilled.empty() && matched < rule.slots.size()) {
    out.unfilled.push_back({-1, "the " + std::to_string(rule.slots.size()) + " slots need different people, but only " +
                                    std::to_string(matched) + " can be filled at once by " + list(m, candidates),
                            false});
  }
  if (out.unfilled.empty()) {
    // Each slot has someone: the constraints between approvers are what fail.
    auto [loose_ok, loose] = run(false, false);
    std::string why;
    if (loose_ok) {
      std::vector<Ref> people;
      for (std::size_t c : loose.chosen) people.push_back(candidates[c]);
      for (std::size_t i = 0; i < people.size(); ++i)
        for (std::size_t j = i + 1; j < people.size(); ++j) {
          const Ref a = people[i], b = people[j];
          if (rule.distinct_departments && m.person(a).department != kNoRef && m.person(a).department == m.person(b).department)
            why += (why.empty() ? "" : "; ") + m.id(a) + " and " + m.id(b) + " are both in " + m.id(m.person(a).department);
          if (rule.independent && in_chain(m, a, b))
            why += (why.empty() ? "" : "; ") + m.id(a) + " and " + m.id(b) + " are in one reporting chain, so they are not independent";
        }
    }
    if (why.empty()) why = "no choice of different approvers fills every slot";
    out.unfilled.push_back({-1, why, false});
  }
  return out;
}

GateResilience gate_resilience(const Model& m, Ref gate) {
  constexpr std::size_t kBudget = 200'000;  // gate checks per gate
  GateResilience out;
  if (!check_gate(m, gate).satisfiable) return out;
  std::set<Ref> unique(m.approval(gate).approvers.begin(), m.approval(gate).approvers.end());
  std::vector<Ref> people;
  for (Ref p : unique)
    if (m.person(p).available) people.push_back(p);
  std::sort(people.begin(), people.end(), [&](Ref a, Ref b) { return m.id(a) < m.id(b); });
  std::vector<bool> absent(m.entity_count(), false);
  for (Ref p : people) {
    absent[p] = true;
    if (!check_gate(m, gate, absent).satisfiable) out.single_points_of_failure.push_back(p);
    absent[p] = false;
  }
  if (!out.single_points_of_failure.empty()) {
    out.bus_factor = 1;
    return out;
  }
  // Subsets of size k = 2, 3, ... in lexicographic order; the first that breaks the gate.
  std::size_t checks = people.size();
  for (std::size_t k = 2; k <= people.size(); ++k) {
    std::vector<std::size_t> pick(k);
    for (std::size_t i = 0; i < k; ++i) pick[i] = i;
    for (;;) {
      if (++checks > kBudget) {
        out.exact = false;
        out.bus_factor = k;  // nothing smaller breaks it
        return out;
      }
      for (std::size_t i : pick) absent[people[i]] = true;
      const bool breaks = !check_gate(m, gate, absent).satisfiable;
      for (std::size_t i : pick) absent[people[i]] = false;
      if (breaks) {
        out.bus_factor = k;
        return out;
      }
      // Next combination.
      std::size_t i = k;
      while (i > 0 && pick[i - 1] == people.size() - k + i - 1) --i;
      if (i == 0) break;
      ++pick[i - 1];
      for (std::size_t j = i; j < k; ++j) pick[j] = pick[j - 1] + 1;
    }
  }
  out.bus_factor = people.size();  // only losing everyone breaks it (e.g. no rule at all)
  return out;
}

InitiativeCopilot check_initiative_copilot(const Model& m, Ref initiative) {
  InitiativeCopilot out;
  out.initiative = initiative;
  const Initiative& i = m.initiative(initiative);
  std::set<Ref> sponsors(i.sponsors.begin(), i.sponsors.end());
  out.single_sponsor = sponsors.size() <= 1;
  bool it = false, business = false;
  for (Ref p : sponsors) {
    const Ref d = m.person(p).department;
    if (d == kNoRef) continue;
    it = it || m.department(d).side == "it";
    business = business || m.department(d).side == "business";
  }
  if (it && !business) out.missing_side = "business";
  if (business && !it) out.missing_side = "it";
  return out;
}

}  // namespace clearpath
