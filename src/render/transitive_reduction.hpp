#pragma once
// The transitive reduction of a DAG, as Graphviz's `tred` computes it: an edge u -> v is
// dropped when v can also be reached from u through a longer chain. Drawing the reduction keeps
// every ordering the dependencies imply and lets dot lay out large plans. Private to the library.
#include <cstdint>
#include <utility>
#include <vector>

namespace clearpath {

using DagEdge = std::pair<std::uint32_t, std::uint32_t>;  // (tail, head), node indexes

// Marks which edges of a DAG over nodes 0..n-1 the reduction keeps (by position in `edges`).
// Duplicate edges keep their first copy. Throws std::invalid_argument if the graph has a cycle.
std::vector<bool> transitive_reduction(std::size_t n, const std::vector<DagEdge>& edges);

}  // namespace clearpath
