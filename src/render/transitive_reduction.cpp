// Transitive reduction by reachability bit sets, nodes taken in reverse topological order:
// O(n·m/64) time, n²/8 bytes — for the few hundred nodes a diagram draws.
#include "render/transitive_reduction.hpp"

#include <algorithm>
#include <stdexcept>

namespace clearpath {

std::vector<bool> transitive_reduction(std::size_t n, const std::vector<DagEdge>& edges) {
  std::vector<std::vector<std::uint32_t>> out(n);  // edge positions by tail
  std::vector<std::uint32_t> indegree(n, 0);
  for (std::uint32_t i = 0; i < edges.size(); ++i) {
    out[edges[i].first].push_back(i);
    ++indegree[edges[i].second];
  }
  std::vector<std::uint32_t> order;  // Kahn's topological order
  order.reserve(n);
  for (std::uint32_t v = 0; v < n; ++v)
    if (indegree[v] == 0) order.push_back(v);
  for (std::size_t i = 0; i < order.size(); ++i)
    for (std::uint32_t e : out[order[i]])
      if (--indegree[edges[e].second] == 0) order.push_back(edges[e].second);
  if (order.size() != n) throw std::invalid_argument("transitive_reduction: the graph has a cycle");
  std::vector<std::uint32_t> position(n);
  for (std::uint32_t i = 0; i < n; ++i) position[order[i]] = i;

  const std::size_t words = (n + 63) / 64;
  std::vector<std::uint64_t> reach(n * words, 0);  // reach[v]: every node reachable from v, v excluded
  auto bit = [&](std::uint32_t v, std::uint32_t w) { return (reach[v * words + w / 64] >> (w % 64)) & 1U; };
  std::vector<bool> keep(edges.size(), false);
  for (std::size_t i = n; i-- > 0;) {
    const std::uint32_t u = order[i];
    // Successors nearest first: an edge to v is implied when v is reachable from an earlier kept one.
    std::vector<std::uint32_t> succ = out[u];
    std::sort(succ.begin(), succ.end(), [&](std::uint32_t a, std::uint32_t b) {
      const auto pa = position[edges[a].second], pb = position[edges[b].second];
      return pa != pb ? pa < pb : a < b;
    });
    std::uint64_t* ru = &reach[u * words];
    for (std::uint32_t e : succ) {
      const std::uint32_t v = edges[e].second;
      if (bit(u, v)) continue;  // implied (or a duplicate)
      keep[e] = true;
      ru[v / 64] |= std::uint64_t{1} << (v % 64);
      const std::uint64_t* rv = &reach[v * words];
      for (std::size_t w = 0; w < words; ++w) ru[w] |= rv[w];
    }
  }
  return keep;
}

}  // namespace clearpath
