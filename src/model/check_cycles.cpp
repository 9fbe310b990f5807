// Dependency cycles among steps and approvals (strongly connected components, Boost.Graph,
// iterative), and reports_to cycles among people. Each cycle is printed a -> b -> a.
#include <algorithm>
#include <deque>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/strong_components.hpp>

#include "model/entity_pointer.hpp"
#include "util/text.hpp"
#include "model/checks.hpp"

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

}  // namespace

void check_dependency_cycles(const ModelBuilder& b, Diagnostics& diag, std::vector<DependencyCycle>* out) {
  const Model& m = b.model();
  // Work items (steps and approvals) numbered 0..n-1.
  std::vector<Ref> work;
  for (std::size_t i = 0; i < m.steps().size(); ++i) work.push_back(m.ref_of(EntityKind::step, i));
  for (std::size_t i = 0; i < m.approvals().size(); ++i)
    work.push_back(m.ref_of(EntityKind::approval, i));
  std::vector<std::uint32_t> number(b.interned_count(), UINT32_MAX);
  for (std::uint32_t i = 0; i < work.size(); ++i) number[work[i]] = i;

  using G = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
  G g(work.size());
  for (std::uint32_t i = 0; i < work.size(); ++i)
    for (Ref d : m.depends_on(work[i]))
      if (d != work[i] && is_work(b, d)) boost::add_edge(i, number[d], g);

  std::vector<std::uint32_t> component(work.size());
  const std::size_t count = boost::strong_components(
      g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)));
  std::vector<std::vector<std::uint32_t>> members(count);
  for (std::uint32_t i = 0; i < work.size(); ++i) members[component[i]].push_back(i);

  struct Found {
    std::string start_id;
    std::vector<Ref> cycle;
  };
  std::vector<Found> cycles;
  std::vector<std::uint32_t> parent(work.size(), UINT32_MAX);
  for (const auto& scc : members) {
    if (scc.size() < 2) continue;
    // Start from the smallest id, so the cycle printed does not depend on file order.
    const std::uint32_t start = *std::min_element(scc.begin(), scc.end(), [&](auto x, auto y) {
      return b.id(work[x]) < b.id(work[y]);
    });
    // Breadth-first search inside the component for the shortest way back to start.
    const std::uint32_t c = component[start];
    std::deque<std::uint32_t> queue{start};
    parent[start] = start;
    std::uint32_t last = UINT32_MAX;
    while (!queue.empty() && last == UINT32_MAX) {
      const std::uint32_t v = queue.front();
      queue.pop_front();
      // Visit successors in id order for a stable choice among equally short cycles.
      std::vector<std::uint32_t> next;
      for (auto [e, end] = boost::out_edges(v, g); e != end; ++e) next.push_back(static_cast<std::uint32_t>(boost::target(*e, g)));
      std::sort(next.begin(), next.end(), [&](auto x, auto y) { return b.id(work[x]) < b.id(work[y]); });
      for (std::uint32_t w : next) {
        if (component[w] != c) continue;
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
    for (std::uint32_t v = last; v != start; v = parent[v]) cycle.push_back(work[v]);
    cycle.push_back(work[start]);
    std::reverse(cycle.begin(), cycle.end());
    for (std::uint32_t v : scc) parent[v] = UINT32_MAX;
    cycles.push_back({b.id(work[start]), std::move(cycle)});
  }
  std::sort(cycles.begin(), cycles.end(), [](const Found& x, const Found& y) { return x.start_id < y.start_id; });

  if (out) {
    // Every cycle in full, self-dependencies (reported by the reference check) included.
    std::vector<Found> all = cycles;
    for (Ref r : work) {
      const std::vector<Ref>& deps = m.depends_on(r);
      if (std::find(deps.begin(), deps.end(), r) != deps.end()) all.push_back({b.id(r), {r}});
    }
    std::sort(all.begin(), all.end(), [](const Found& x, const Found& y) { return x.start_id < y.start_id; });
    for (const Found& f : all) {
      DependencyCycle c;
      for (Ref r : f.cycle) {
        c.ids.push_back(b.id(r));
        c.names.push_back(m.entity(r).name);
      }
      out->push_back(std::move(c));
    }
  }

  for (const Found& f : cycles) {
    const Ref start = f.cycle.front();
    const Ref second = f.cycle.size() > 1 ? f.cycle[1] : start;
    const std::vector<Ref>& deps = m.depends_on(start);
    const std::size_t at = static_cast<std::size_t>(std::find(deps.begin(), deps.end(), second) - deps.begin());
    const EntityKind k = m.kind(start);
    const std::string pointer =
        entity_pointer(k, m.entity(start).source_index) + "/depends_on/" + std::to_string(at);
    diag.error("dependency-cycle", pointer, f.start_id,
               "dependency cycle (" + std::to_string(f.cycle.size()) + " items, each depends on the next): " +
                   cycle_text(b, f.cycle));
  }
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
  struct Found {
    std::string start_id;
    std::vector<Ref> cycle;
  };
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
      std::rotate(ring.begin(), std::min_element(ring.begin(), ring.end(), [&](auto x, auto y) {
        return m.people()[x].id < m.people()[y].id;
      }), ring.end());
      Found f{m.people()[ring.front()].id, {}};
      for (std::size_t p : ring) f.cycle.push_back(m.ref_of(EntityKind::person, p));
      cycles.push_back(std::move(f));
    }
    for (std::size_t w : walk) state[w] = 2;
  }
  std::sort(cycles.begin(), cycles.end(), [](const Found& x, const Found& y) { return x.start_id < y.start_id; });
  for (const Found& f : cycles) {
    const Person& p = m.person(f.cycle.front());
    diag.error("reporting-cycle", entity_pointer(EntityKind::person, p.source_index) + "/reports_to", p.id,
               "reports_to cycle (" + std::to_string(f.cycle.size()) + " people): " + cycle_text(b, f.cycle));
  }
}

}  // namespace clearpath
