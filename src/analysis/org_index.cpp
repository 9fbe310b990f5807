// The organisation index: an Euler tour of the reports_to forest for ancestry, role and side
// lookups for slot matching, and the org graph as arrays for breadth-first searches.
#include "analysis/org_index.hpp"

#include <algorithm>

namespace clearpath {

OrgIndex::OrgIndex(const Model& m) : model_(m) {
  const std::size_t n = m.people().size();
  enter_.assign(n, 0);
  leave_.assign(n, 0);
  depth_.assign(n, 0);
  members_.resize(m.departments().size());

  // Children of each person (by index), then an iterative depth-first tour from every root
  // (the loader rejects reports_to cycles, so every person is reached).
  std::vector<std::uint32_t> child_begin(n + 1, 0), children;
  for (const Person& p : m.people())
    if (p.reports_to != kNoRef) ++child_begin[m.index(p.reports_to) + 1];
  for (std::size_t i = 0; i < n; ++i) child_begin[i + 1] += child_begin[i];
  children.resize(child_begin[n]);
  std::vector<std::uint32_t> next(child_begin.begin(), child_begin.end() - 1);
  for (std::size_t i = 0; i < n; ++i)
    if (m.people()[i].reports_to != kNoRef) children[next[m.index(m.people()[i].reports_to)]++] = static_cast<std::uint32_t>(i);
  std::uint32_t clock = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // person, next child position
  for (std::size_t root = 0; root < n; ++root) {
    if (m.people()[root].reports_to != kNoRef) continue;
    stack.push_back({static_cast<std::uint32_t>(root), child_begin[root]});
    enter_[root] = ++clock;
    while (!stack.empty()) {
      auto& [p, pos] = stack.back();
      if (pos < child_begin[p + 1]) {
        const std::uint32_t c = children[pos++];
        enter_[c] = ++clock;
        depth_[c] = depth_[p] + 1;
        stack.push_back({c, child_begin[c]});
      } else {
        leave_[p] = ++clock;
        stack.pop_back();
      }
    }
  }

  for (std::size_t i = 0; i < n; ++i) {
    const Person& p = m.people()[i];
    const Ref r = m.ref_of(EntityKind::person, i);
    everyone_.push_back(r);
    for (const std::string& role : p.roles) {
      std::vector<Ref>& list = by_role_[role];
      if (list.empty() || list.back() != r) list.push_back(r);  // a role listed twice counts once
    }
    if (p.department != kNoRef) {
      members_[m.index(p.department)].push_back(r);
      const std::string& side = m.department(p.department).side;
      if (!side.empty()) by_side_[side].push_back(r);
    }
  }

  // The org graph: person - manager, person - dotted-line manager, person - department,
  // department - head; both directions.
  std::vector<std::pair<Ref, Ref>> edges;
  for (std::size_t i = 0; i < n; ++i) {
    const Person& p = m.people()[i];
    const Ref r = m.ref_of(EntityKind::person, i);
    if (p.reports_to != kNoRef) edges.push_back({r, p.reports_to});
    for (Ref d : p.dotted_line_to) edges.push_back({r, d});
    if (p.department != kNoRef) edges.push_back({r, p.department});
  }
  for (std::size_t i = 0; i < m.departments().size(); ++i)
    if (m.departments()[i].head != kNoRef) edges.push_back({m.ref_of(EntityKind::department, i), m.departments()[i].head});
  const std::size_t v = m.entity_count();
  begin_.assign(v + 1, 0);
  for (const auto& [a, b] : edges) {
    ++begin_[a + 1];
    ++begin_[b + 1];
  }
  for (std::size_t i = 0; i < v; ++i) begin_[i + 1] += begin_[i];
  adjacent_.resize(begin_[v]);
  std::vector<std::uint32_t> fill(begin_.begin(), begin_.end() - 1);
  for (const auto& [a, b] : edges) {
    adjacent_[fill[a]++] = b;
    adjacent_[fill[b]++] = a;
  }
  seen_.assign(v, 0);
  origin_.assign(v, kNoRef);
}

bool OrgIndex::in_one_chain(Ref a, Ref b) const noexcept {
  const std::size_t x = model_.index(a), y = model_.index(b);
  if (x == y) return false;
  const auto above = [&](std::size_t hi, std::size_t lo) { return enter_[hi] < enter_[lo] && leave_[lo] < leave_[hi]; };
  return above(x, y) || above(y, x);
}

bool OrgIndex::matches(Ref person, const Slot& s) const {
  const Person& p = model_.person(person);
  if (s.department != kNoRef && p.department != s.department) return false;
  if (!s.side.empty() && (p.department == kNoRef || model_.department(p.department).side != s.side)) return false;
  if (!s.role.empty() && std::find(p.roles.begin(), p.roles.end(), s.role) == p.roles.end()) return false;
  return true;
}

std::vector<Ref> OrgIndex::slot_pool(const Slot& s) const {
  static const std::vector<Ref> none;
  const std::vector<Ref>* best = &everyone_;
  auto consider = [&](const std::vector<Ref>& list) {
    if (list.size() < best->size()) best = &list;
  };
  if (!s.role.empty()) {
    auto it = by_role_.find(s.role);
    consider(it == by_role_.end() ? none : it->second);
  }
  if (!s.side.empty()) {
    auto it = by_side_.find(s.side);
    consider(it == by_side_.end() ? none : it->second);
  }
  if (s.department != kNoRef) consider(members_[model_.index(s.department)]);
  return *best;
}

void OrgIndex::closest_first(const std::vector<Ref>& sources, const std::function<void(Ref, std::uint32_t, Ref)>& visit,
                             const std::function<bool()>& done) const {
  if (++stamp_ == 0) {  // the stamps wrapped around: start afresh
    std::fill(seen_.begin(), seen_.end(), 0);
    stamp_ = 1;
  }
  std::vector<Ref> level, next;
  for (Ref s : sources)
    if (seen_[s] != stamp_) {
      seen_[s] = stamp_;
      origin_[s] = s;
      level.push_back(s);
    }
  for (std::uint32_t distance = 0; !level.empty(); ++distance) {
    for (Ref r : level)
      if (model_.kind(r) == EntityKind::person) visit(r, distance, origin_[r]);
    if (done()) return;
    next.clear();
    for (Ref r : level)
      for (std::uint32_t k = begin_[r]; k < begin_[r + 1]; ++k)
        if (seen_[adjacent_[k]] != stamp_) {
          seen_[adjacent_[k]] = stamp_;
          origin_[adjacent_[k]] = origin_[r];
          next.push_back(adjacent_[k]);
        }
    level.swap(next);
  }
}

}  // namespace clearpath
