// Dependency cycles among steps and approvals (strongly connected components, Boost.Graph,
// iterative), and reports_to cycles among people. Each cycle is printed a -> b -> a.
#include <algorithm>
#include <deque>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include "model/checks.hpp"
#include "model/entity_pointer.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

constexpr std::size_t kCycleShown = 12;  // ids printed before a long cycle is abbreviated

std::string cycle_text(const ModelBuilder& b, const std::vector<Ref>& cycle) {
  // cycle = a, b, c (closing back to a)
  std::string out;
  const std::size_t n = cycle.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (n > kCycleShown && i == kCycleShown - 2) {
      out += "... (" + std::to_string(n - kCycleShown + 1) + " more) -> ";
      i = n - 1;
    }
    out += b.id(cycle[i]) + " -> ";
  }
  return out + b.id(cycle.front());
}

bool is_work(const ModelBuilder& b, Ref r) {
  auto k = b.defined_kind(r);
  return k && (*k == EntityKind::step || *k == EntityKind::approval);
}

struct Found {
  std::string start_id;
  std::vector<Ref> cycle;  // in dependency order, from the start
};

bool by_start(const Found& x, const Found& y) { return x.start_id < y.start_id; }

// The steps and approvals (numbered 0..n-1) and their dependencies among themselves, without
// self-dependencies (the reference check reports those).
struct WorkGraph {
  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  std::vector<Ref> work;
  G g;

  WorkGraph(const ModelBuilder& b, const Model& m) : work(work_items(m)), g(work.size()) {
    std::vector<std::uint32_t> number(b.interned_count(), UINT32_MAX);
    for (std::uint32_t i = 0; i < work.size(); ++i) number[work[i]] = i;
    for (std::uint32_t i = 0; i < work.size(); ++i)
      for (Ref d : m.depends_on(work[i]))
        if (d != work[i] && is_work(b, d)) boost::add_edge(i, number[d], g);
  }

  static std::vector<Ref> work_items(const Model& m) {
    std::vector<Ref> out;
    for (std::size_t i = 0; i < m.steps().size(); ++i) out.push_back(m.ref_of(EntityKind::step, i));
    for (std::size_t i = 0; i < m.approvals().size(); ++i) out.push_back(m.ref_of(EntityKind::approval, i));
    return out;
  }
};

// The shortest cycle through `start` inside its strongly connected component (breadth-first,
// successors in id order for a stable choice among equally short cycles). `parent` is all
// UINT32_MAX on entry, and for the component's members again on return.
std::vector<Ref> shortest_cycle(const ModelBuilder& b, const WorkGraph& wg, const std::vector<std::uint32_t>& component,
                                const std::vector<std::uint32_t>& scc, std::uint32_t start,
                                std::vector<std::uint32_t>& parent) {
  auto by_id = [&](std::uint32_t x, std::uint32_t y) { return b.id(wg.work[x]) < b.id(wg.work[y]); };
  std::deque<std::uint32_t> queue{start};
  parent[start] = start;
  std::uint32_t last = UINT32_MAX;
  std::vector<std::uint32_t> next;
  while (!queue.empty() && last == UINT32_MAX) {
    const std::uint32_t v = queue.front();
    queue.pop_front();
    next.clear();
    for (auto [e, end] = boost::out_edges(v, wg.g); e != end; ++e)
      next.push_back(static_cast<std::uint32_t>(boost::target(*e, wg.g)));
    std::sort(next.begin(), next.end(), by_id);
    for (std::uint32_t w : next) {
      if (component[w] != component[start]) continue;
      if (w == start) {
        last = v;
        break;
      }
      if (parent[w] == UINT32_MAX) {
        parent[w] = v;
        queue.push_back(w);
      }
    }
  }
  std::vector<Ref> cycle;
  for (std::uint32_t v = last; v != start; v = parent[v]) cycle.push_back(wg.work[v]);
  cycle.push_back(wg.work[start]);
  std::reverse(cycle.begin(), cycle.end());
  for (std::uint32_t v : scc) parent[v] = UINT32_MAX;
  return cycle;
}

// One cycle per strongly connected component of two or more items, from its smallest id (so
// the cycle printed does not depend on file order), sorted by that id.
std::vector<Found> find_cycles(const ModelBuilder& b, const WorkGraph& wg) {
  const std::size_t n = wg.work.size();
  std::vector<std::uint32_t> component(n);
  const std::size_t count = boost::strong_components(
      wg.g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, wg.g)));
  std::vector<std::vector<std::uint32_t>> members(count);
  for (std::uint32_t i = 0; i < n; ++i) members[component[i]].push_back(i);
  std::vector<Found> cycles;
  std::vector<std::uint32_t> parent(n, UINT32_MAX);
  for (const auto& scc : members) {
    if (scc.size() < 2) continue;
    const std::uint32_t start =
        *std::min_element(scc.begin(), scc.end(), [&](auto x, auto y) { return b.id(wg.work[x]) < b.id(wg.work[y]); });
    cycles.push_back({b.id(wg.work[start]), shortest_cycle(b, wg, component, scc, start, parent)});
  }
  std::sort(cycles.begin(), cycles.end(), by_start);
  return cycles;
}

// Every cycle in full, self-dependencies (reported by the reference check) included.
void list_cycles(const ModelBuilder& b, const WorkGraph& wg, std::vector<Found> all,
                 std::vector<DependencyCycle>& out) {
  const Model& m = b.model();
  for (Ref r : wg.work) {
    const std::vector<Ref>& deps = m.depends_on(r);
    if (std::find(deps.begin(), deps.end(), r) != deps.end()) all.push_back({b.id(r), {r}});
  }
  std::sort(all.begin(), all.end(), by_start);
  for (const Found& f : all) {
    DependencyCycle c;
    for (Ref r : f.cycle) {
      c.ids.push_back(b.id(r));
      c.names.push_back(m.entity(r).name);
    }
    out.push_back(std::move(c));
  }
}

// Placed at the start's dependency on the next item of the cycle.
void report_cycle(const ModelBuilder& b, const Found& f, Diagnostics& diag) {
  const Model& m = b.model();
  const Ref start = f.cycle.front();
  const Ref second = f.cycle.size() > 1 ? f.cycle[1] : start;
  const std::vector<Ref>& deps = m.depends_on(start);
  const std::size_t at = static_cast<std::size_t>(std::find(deps.begin(), deps.end(), second) - deps.begin());
  const std::string pointer =
      entity_pointer(m.kind(start), m.entity(start).source_index) + "/depends_on/" + std::to_string(at);
  diag.error("dependency-cycle", pointer, f.start_id,
             "dependency cycle (" + std::to_string(f.cycle.size()) +
                 " items, each depends on the next): " + cycle_text(b, f.cycle));
}

}  // namespace

void check_dependency_cycles(const ModelBuilder& b, Diagnostics& diag, std::vector<DependencyCycle>* out) {
  const WorkGraph wg(b, b.model());
  const std::vector<Found> cycles = find_cycles(b, wg);
  if (out) list_cycles(b, wg, cycles, *out);
  for (const Found& f : cycles) report_cycle(b, f, diag);
}

void check_reporting_cycles(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  const std::size_t n = m.people().size();
  auto boss = [&](std::size_t i) -> std::size_t {  // index of the manager, or n
    const Ref r = m.people()[i].reports_to;
    if (r == kNoRef || b.defined_kind(r) != EntityKind::person) return n;
    const std::size_t j = m.index(r);
    return j == i ? n : j;  // reporting to oneself is reported elsewhere
  };
  // 0 = unvisited, 1 = on the current walk, 2 = finished.
  std::vector<unsigned char> state(n, 0);
  std::vector<Found> cycles;
  std::vector<std::size_t> walk;
  for (std::size_t i = 0; i < n; ++i) {
    if (state[i]) continue;
    walk.clear();
    std::size_t v = i;
    while (v != n && state[v] == 0) {
      state[v] = 1;
      walk.push_back(v);
      v = boss(v);
    }
    if (v != n && state[v] == 1) {  // closed a new cycle at v
      const auto from = std::find(walk.begin(), walk.end(), v);
      std::vector<std::size_t> ring(from, walk.end());
      std::rotate(ring.begin(),
                  std::min_element(ring.begin(), ring.end(),
                                   [&](auto x, auto y) { return m.people()[x].id < m.people()[y].id; }),
                  ring.end());
      Found f{m.people()[ring.front()].id, {}};
      for (std::size_t p : ring) f.cycle.push_back(m.ref_of(EntityKind::person, p));
      cycles.push_back(std::move(f));
    }
    for (std::size_t w : walk) state[w] = 2;
  }
  std::sort(cycles.begin(), cycles.end(), by_start);
  for (const Found& f : cycles) {
    const Person& p = m.person(f.cycle.front());
    diag.error("reporting-cycle", entity_pointer(EntityKind::person, p.source_index) + "/reports_to", p.id,
               "reports_to cycle (" + std::to_string(f.cycle.size()) + " people): " + cycle_text(b, f.cycle));
  }
}

}  // namespace clearpath
