// The organisation index: an Euler tour of the reports_to forest for ancestry, role and side
// lookups for slot matching, and the org graph as arrays for breadth-first searches.
#include "analysis/org_index.hpp"

#include <algorithm>

namespace clearpath {

namespace {

// Each person's direct reports (person indexes), as arrays: those of person i are
// list[begin[i]] .. list[begin[i + 1] - 1], in file order.
struct Reports {
  std::vector<std::uint32_t> begin, list;
};

Reports direct_reports(const Model& m) {
  const std::size_t n = m.people().size();
  Reports r{std::vector<std::uint32_t>(n + 1, 0), {}};
  for (const Person& p : m.people())
    if (p.reports_to != kNoRef) ++r.begin[m.index(p.reports_to) + 1];
  for (std::size_t i = 0; i < n; ++i) r.begin[i + 1] += r.begin[i];
  r.list.resize(r.begin[n]);
  std::vector<std::uint32_t> next(r.begin.begin(), r.begin.end() - 1);
  for (std::size_t i = 0; i < n; ++i)
    if (m.people()[i].reports_to != kNoRef)
      r.list[next[m.index(m.people()[i].reports_to)]++] = static_cast<std::uint32_t>(i);
  return r;
}

// The org graph's edges: person - manager, person - dotted-line manager, person - department,
// department - head.
std::vector<std::pair<Ref, Ref>> org_edges(const Model& m) {
  std::vector<std::pair<Ref, Ref>> edges;
  for (std::size_t i = 0; i < m.people().size(); ++i) {
    const Person& p = m.people()[i];
    const Ref r = m.ref_of(EntityKind::person, i);
    if (p.reports_to != kNoRef) edges.push_back({r, p.reports_to});
    for (Ref d : p.dotted_line_to) edges.push_back({r, d});
    if (p.department != kNoRef) edges.push_back({r, p.department});
  }
  for (std::size_t i = 0; i < m.departments().size(); ++i)
    if (m.departments()[i].head != kNoRef)
      edges.push_back({m.ref_of(EntityKind::department, i), m.departments()[i].head});
  return edges;
}

// Keeps the shorter of two meetings, on a tie the one from the earlier source.
void meet(std::optional<OrgIndex::Distance>& best, std::uint32_t steps, std::size_t source) {
  if (!best || steps < best->steps || (steps == best->steps && source < best->source))
    best = OrgIndex::Distance{steps, source};
}

}  // namespace

OrgIndex::OrgIndex(const Model& m) : model_(m) {
  tour_reporting_forest();
  index_people();
  build_org_graph();
  find_components();
}

// An iterative depth-first tour from every root (the loader rejects reports_to cycles, so every
// person is reached): entry and exit times for ancestry, and depths.
void OrgIndex::tour_reporting_forest() {
  const Model& m = model_;
  const std::size_t n = m.people().size();
  enter_.assign(n, 0);
  leave_.assign(n, 0);
  depth_.assign(n, 0);
  const Reports reports = direct_reports(m);
  std::uint32_t clock = 0;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // person, next child position
  for (std::size_t root = 0; root < n; ++root) {
    if (m.people()[root].reports_to != kNoRef) continue;
    stack.push_back({static_cast<std::uint32_t>(root), reports.begin[root]});
    enter_[root] = ++clock;
    while (!stack.empty()) {
      auto& [p, pos] = stack.back();
      if (pos < reports.begin[p + 1]) {
        const std::uint32_t c = reports.list[pos++];
        enter_[c] = ++clock;
        depth_[c] = depth_[p] + 1;
        stack.push_back({c, reports.begin[c]});
      } else {
        leave_[p] = ++clock;
        stack.pop_back();
      }
    }
  }
}

// Interned sides and roles of each person, and who holds each role, side and department.
void OrgIndex::index_people() {
  const Model& m = model_;
  const std::size_t n = m.people().size();
  members_.resize(m.departments().size());
  side_of_.assign(n, -1);
  role_bits_.assign(n, 0);
  more_roles_.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Person& p = m.people()[i];
    const Ref r = m.ref_of(EntityKind::person, i);
    everyone_.push_back(r);
    if (p.department != kNoRef && !m.department(p.department).side.empty())
      side_of_[i] = side_id_.try_emplace(m.department(p.department).side, static_cast<std::int32_t>(side_id_.size()))
                        .first->second;
    for (const std::string& role : p.roles) {
      const std::int32_t id = role_id_.try_emplace(role, static_cast<std::int32_t>(role_id_.size())).first->second;
      if (id < 64) role_bits_[i] |= std::uint64_t{1} << id;
      else more_roles_[i].push_back(id);
    }
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
}

// The org graph as arrays, both directions of every edge, and the searches' scratch space.
void OrgIndex::build_org_graph() {
  const std::vector<std::pair<Ref, Ref>> edges = org_edges(model_);
  const std::size_t v = model_.entity_count();
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
  back_seen_.assign(v, 0);
  forward_steps_.assign(v, 0);
  back_steps_.assign(v, 0);
  source_of_.assign(v, 0);
}

// Connected components, so that distance() answers "not connected" at once.
void OrgIndex::find_components() {
  const std::size_t v = model_.entity_count();
  component_.assign(v, UINT32_MAX);
  std::vector<std::uint32_t> pending;
  for (std::uint32_t start = 0, next_id = 0; start < v; ++start) {
    if (component_[start] != UINT32_MAX) continue;
    component_[start] = next_id;
    pending.push_back(start);
    while (!pending.empty()) {
      const std::uint32_t x = pending.back();
      pending.pop_back();
      for (std::uint32_t k = begin_[x]; k < begin_[x + 1]; ++k)
        if (component_[adjacent_[k]] == UINT32_MAX) {
          component_[adjacent_[k]] = next_id;
          pending.push_back(adjacent_[k]);
        }
    }
    ++next_id;
  }
}

bool OrgIndex::in_one_chain(Ref a, Ref b) const noexcept {
  const std::size_t x = model_.index(a), y = model_.index(b);
  if (x == y) return false;
  const auto above = [&](std::size_t hi, std::size_t lo) { return enter_[hi] < enter_[lo] && leave_[lo] < leave_[hi]; };
  return above(x, y) || above(y, x);
}

OrgIndex::SlotKey OrgIndex::key(const Slot& s) const {
  SlotKey k;
  k.slot = &s;
  k.department = s.department;
  if (!s.side.empty()) {
    auto it = side_id_.find(s.side);
    k.side = it == side_id_.end() ? kNoSide : it->second;
  }
  if (!s.role.empty()) {
    auto it = role_id_.find(s.role);
    k.role = it == role_id_.end() ? kNoSide : it->second;
  }
  return k;
}

bool OrgIndex::matches(Ref person, const SlotKey& s) const {
  const std::size_t i = model_.index(person);
  if (s.department != kNoRef && model_.person(person).department != s.department) return false;
  if (s.side != -1 && side_of_[i] != s.side) return false;
  if (s.role == -1) return true;
  if (s.role < 0) return false;
  if (s.role < 64) return (role_bits_[i] >> s.role) & 1u;
  const auto& more = more_roles_[i];
  return std::find(more.begin(), more.end(), s.role) != more.end();
}

const std::vector<Ref>& OrgIndex::slot_pool(const Slot& s) const {
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

std::optional<OrgIndex::Distance> OrgIndex::distance(const std::vector<Ref>& sources, Ref target) const {
  if (++stamp_ == 0) {
    std::fill(seen_.begin(), seen_.end(), 0);
    std::fill(back_seen_.begin(), back_seen_.end(), 0);
    stamp_ = 1;
  }
  std::vector<Ref> forward, back, next;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const Ref s = sources[i];
    if (s == target) return Distance{0, i};
    if (component_[s] != component_[target] || seen_[s] == stamp_) continue;
    seen_[s] = stamp_;
    forward_steps_[s] = 0;
    source_of_[s] = i;
    forward.push_back(s);
  }
  if (forward.empty()) return std::nullopt;
  back_seen_[target] = stamp_;
  back_steps_[target] = 0;
  back.push_back(target);
  // Expand whole levels of the smaller side; the first level in which the sides meet holds a
  // shortest path (the smallest total, then the smallest source position, of those found).
  while (!forward.empty() && !back.empty()) {
    std::optional<Distance> best;
    next.clear();
    if (forward.size() <= back.size()) {
      expand_forward(forward, next, best);
      forward.swap(next);
    } else {
      expand_back(back, next, best);
      back.swap(next);
    }
    if (best) return best;
  }
  return std::nullopt;
}

void OrgIndex::expand_forward(const std::vector<Ref>& level, std::vector<Ref>& next,
                              std::optional<Distance>& best) const {
  for (Ref u : level)
    for (std::uint32_t k = begin_[u]; k < begin_[u + 1]; ++k) {
      const Ref x = adjacent_[k];
      if (back_seen_[x] == stamp_) meet(best, forward_steps_[u] + 1 + back_steps_[x], source_of_[u]);
      if (seen_[x] != stamp_) {
        seen_[x] = stamp_;
        forward_steps_[x] = forward_steps_[u] + 1;
        source_of_[x] = source_of_[u];
        next.push_back(x);
      } else if (forward_steps_[x] == forward_steps_[u] + 1) {
        source_of_[x] = std::min(source_of_[x], source_of_[u]);
      }
    }
}

void OrgIndex::expand_back(const std::vector<Ref>& level, std::vector<Ref>& next, std::optional<Distance>& best) const {
  for (Ref u : level)
    for (std::uint32_t k = begin_[u]; k < begin_[u + 1]; ++k) {
      const Ref x = adjacent_[k];
      if (seen_[x] == stamp_) meet(best, forward_steps_[x] + 1 + back_steps_[u], source_of_[x]);
      if (back_seen_[x] != stamp_) {
        back_seen_[x] = stamp_;
        back_steps_[x] = back_steps_[u] + 1;
        next.push_back(x);
      }
    }
}

}  // namespace clearpath
