// Dependency cycles against brute force on random graphs: one cycle per strongly connected
// component of two or more items, starting at its smallest id, as short as any cycle through
// that id, each item depending on the next.
#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "clearpath/model_builder.hpp"
#include "model/checks.hpp"

namespace {

using namespace clearpath;

// Breadth-first distances from `from` along dependencies (-1: unreachable).
std::vector<int> distances(const std::vector<std::vector<int>>& deps, int from) {
  std::vector<int> dist(deps.size(), -1);
  std::vector<int> queue{from};
  dist[static_cast<std::size_t>(from)] = 0;
  for (std::size_t i = 0; i < queue.size(); ++i)
    for (int w : deps[static_cast<std::size_t>(queue[i])])
      if (dist[static_cast<std::size_t>(w)] < 0) {
        dist[static_cast<std::size_t>(w)] = dist[static_cast<std::size_t>(queue[i])] + 1;
        queue.push_back(w);
      }
  return dist;
}

// "s" then the number: written by appending, as g++ 12 warns wrongly (-Wrestrict) about
// "s" + std::to_string(n).
std::string numbered(int i) {
  std::string id = "s";
  id += std::to_string(i);
  return id;
}
std::string id_of(int i) { return numbered(100 + i); }  // ids sort as numbers do

}  // namespace

TEST_CASE("dependency cycles on random graphs match brute force", "[model][cycles][property]") {
  std::mt19937 rng(15);
  for (int round = 0; round < 300; ++round) {
    const int n = 2 + static_cast<int>(rng() % 24);
    const int edges = static_cast<int>(rng() % static_cast<unsigned>(2 * n));
    std::vector<std::vector<int>> deps(static_cast<std::size_t>(n));
    for (int e = 0; e < edges; ++e) {
      const int a = static_cast<int>(rng() % static_cast<unsigned>(n)),
                b = static_cast<int>(rng() % static_cast<unsigned>(n));
      if (a != b) deps[static_cast<std::size_t>(a)].push_back(b);
    }
    ModelBuilder builder;
    for (int i = 0; i < n; ++i) builder.intern(id_of(i));
    for (int i = 0; i < n; ++i) {
      Step s;
      s.id = id_of(i);
      for (int d : deps[static_cast<std::size_t>(i)]) s.depends_on.push_back(builder.intern(id_of(d)));
      builder.add(std::move(s));
    }
    Diagnostics diag;
    std::vector<DependencyCycle> cycles;
    check_dependency_cycles(builder, diag, &cycles);

    std::vector<std::vector<int>> dist;
    for (int i = 0; i < n; ++i) dist.push_back(distances(deps, i));
    std::set<int> expected_starts;  // the smallest member of each component of two or more
    for (int i = 0; i < n; ++i) {
      bool smallest = true, on_cycle = false;
      for (int j = 0; j < n; ++j)
        if (j != i && dist[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] >= 0 &&
            dist[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)] >= 0) {
          on_cycle = true;
          if (j < i) smallest = false;
        }
      if (on_cycle && smallest) expected_starts.insert(i);
    }
    REQUIRE(cycles.size() == expected_starts.size());
    CHECK(diag.error_count() == expected_starts.size());
    auto start = expected_starts.begin();
    for (const DependencyCycle& c : cycles) {
      const int s = std::stoi(c.ids.front().substr(1)) - 100;
      CHECK(s == *start++);
      // Each depends on the next, and the last on the first.
      for (std::size_t k = 0; k < c.ids.size(); ++k) {
        const int from = std::stoi(c.ids[k].substr(1)) - 100;
        const int to = std::stoi(c.ids[(k + 1) % c.ids.size()].substr(1)) - 100;
        const auto& d = deps[static_cast<std::size_t>(from)];
        CHECK(std::find(d.begin(), d.end(), to) != d.end());
      }
      // As short as the shortest cycle through the start.
      int shortest = n + 1;
      for (int j : deps[static_cast<std::size_t>(s)])
        if (dist[static_cast<std::size_t>(j)][static_cast<std::size_t>(s)] >= 0)
          shortest = std::min(shortest, dist[static_cast<std::size_t>(j)][static_cast<std::size_t>(s)] + 1);
      CHECK(static_cast<int>(c.ids.size()) == shortest);
    }
  }
}

TEST_CASE("a dependency chain of a million steps is checked without recursion", "[model][cycles]") {
  ModelBuilder builder;
  constexpr int kSteps = 1000000;
  for (int i = 0; i < kSteps; ++i) {
    Step s;
    s.id = numbered(i);
    if (i > 0) s.depends_on.push_back(builder.intern(numbered(i - 1)));
    if (i == 0) s.depends_on.push_back(builder.intern(numbered(kSteps - 1)));  // closes the ring
    builder.add(std::move(s));
  }
  Diagnostics diag;
  std::vector<DependencyCycle> cycles;
  check_dependency_cycles(builder, diag, &cycles);
  REQUIRE(cycles.size() == 1);
  CHECK(cycles[0].ids.size() == static_cast<std::size_t>(kSteps));
  CHECK(cycles[0].ids.front() == "s0");
}
