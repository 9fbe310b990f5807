// Dependency cycles among steps and approvals (strongly connected components over a CSR,
// iterative), and reports_to cycles among people. Each cycle is printed a -> b -> a.
#include <algorithm>
#include <deque>

#include <span>
#include <vector>

#include "model/checks.hpp"
#include "model/entity_pointer.hpp"
#include "model/work_graph.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

std::string cycle_text(const ModelBuilder& b, const std::vector<Ref>& cycle) {
  return clearpath::cycle_text(cycle.size(), [&](std::size_t i) { return b.id(cycle[i]); });
}

struct Found {
  std::string start_id;
  std::vector<Ref> cycle;  // in dependency order, from the start
};

bool by_start(const Found& x, const Found& y) { return x.start_id < y.start_id; }

// Tarjan's strongly connected components with an explicit stack (a chain of a million
// dependencies would overflow the call stack). Returns the component of each vertex and sets
// `count`.
std::vector<std::uint32_t> strong_components(const WorkGraph& g, std::uint32_t& count) {
  constexpr std::uint32_t kUnseen = UINT32_MAX;
  const std::size_t n = g.size();
  std::vector<std::uint32_t> order(n, kUnseen), low(n), component(n, kUnseen), open;
  struct Frame {
    std::uint32_t v, next;  // the vertex, and the position of its next successor to visit
  };
  std::vector<Frame> calls;
  std::uint32_t visited = 0;
  count = 0;
  auto enter = [&](std::uint32_t v) {
    order[v] = low[v] = visited++;
    open.push_back(v);
    calls.push_back({v, g.offsets[v]});
  };
  for (std::uint32_t root = 0; root < n; ++root) {
    if (order[root] != kUnseen) continue;
    enter(root);
    while (!calls.empty()) {
      Frame& f = calls.back();
      const std::uint32_t v = f.v;
      if (f.next < g.offsets[v + 1]) {
        const std::uint32_t w = g.targets[f.next++];
        if (order[w] == kUnseen) enter(w);
        else if (component[w] == kUnseen) low[v] = std::min(low[v], order[w]);  // w is still open
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) low[calls.back().v] = std::min(low[calls.back().v], low[v]);
      if (low[v] != order[v]) continue;
      std::uint32_t w;
      do {
        w = open.back();
        open.pop_back();
        component[w] = count;
      } while (w != v);
      ++count;
    }
  }
  return component;
}

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
    const std::span<const std::uint32_t> successors = wg.successors(v);
    next.assign(successors.begin(), successors.end());
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
  std::uint32_t count = 0;
  const std::vector<std::uint32_t> component = strong_components(wg, count);
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
  check_dependency_cycles(b, WorkGraph(b, b.model()), diag, out);
}

void check_dependency_cycles(const ModelBuilder& b, const WorkGraph& wg, Diagnostics& diag,
                             std::vector<DependencyCycle>* out) {
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
