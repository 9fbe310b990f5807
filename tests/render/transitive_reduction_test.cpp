#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>

#include "render/transitive_reduction.hpp"

using clearpath::DagEdge;

namespace {

// reach[u][v]: v reachable from u by one or more edges, with only the edges `use` allows.
std::vector<std::vector<bool>> closure(std::size_t n, const std::vector<DagEdge>& edges, const std::vector<bool>& use) {
  std::vector<std::vector<bool>> reach(n, std::vector<bool>(n, false));
  for (std::size_t i = 0; i < edges.size(); ++i)
    if (use[i]) reach[edges[i].first][edges[i].second] = true;
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t u = 0; u < n; ++u)
      if (reach[u][k])
        for (std::size_t v = 0; v < n; ++v)
          if (reach[k][v]) reach[u][v] = true;
  return reach;
}

}  // namespace

TEST_CASE("transitive reduction drops edges a longer chain implies", "[render][tred]") {
  // a=0 -> b=1 -> c=2, a -> c, a -> d=3
  const std::vector<DagEdge> edges{{0, 1}, {1, 2}, {0, 2}, {0, 3}, {1, 2}};
  CHECK(clearpath::transitive_reduction(4, edges) == std::vector<bool>{true, true, false, true, false});
  CHECK_THROWS_AS(clearpath::transitive_reduction(2, {{0, 1}, {1, 0}}), std::invalid_argument);
  CHECK(clearpath::transitive_reduction(0, {}).empty());
}

TEST_CASE("transitive reduction keeps reachability and nothing redundant (random DAGs)", "[render][tred][property]") {
  std::mt19937_64 rng(11);
  for (int round = 0; round < 150; ++round) {
    const std::size_t n = 1 + rng() % 16;
    std::vector<DagEdge> edges;
    const std::size_t m = rng() % (n * 3 + 1);
    for (std::size_t i = 0; i < m && n > 1; ++i) {
      std::uint32_t a = static_cast<std::uint32_t>(rng() % n), b = static_cast<std::uint32_t>(rng() % n);
      if (a == b) continue;
      if (a > b) std::swap(a, b);  // acyclic: low to high
      edges.push_back({a, b});
    }
    const std::vector<bool> keep = clearpath::transitive_reduction(n, edges);
    const std::vector<bool> all(edges.size(), true);
    REQUIRE(closure(n, edges, keep) == closure(n, edges, all));  // same reachability
    for (std::size_t i = 0; i < edges.size(); ++i) {
      if (!keep[i]) continue;
      std::vector<bool> without = keep;
      without[i] = false;
      CHECK_FALSE(closure(n, edges, without)[edges[i].first][edges[i].second]);  // each kept edge is needed
    }
  }
}
