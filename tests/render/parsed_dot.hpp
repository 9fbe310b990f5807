#pragma once
// DOT text read back with Graphviz's own parser (cgraph's agmemread), as plain maps, so the
// render tests check structure: which nodes and edges carry which classes, which clusters hold
// which nodes.
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace clearpath::test {

struct ParsedDot {
  using Attributes = std::map<std::string, std::string>;
  struct Edge {
    std::string tail, head;
    Attributes attributes;
  };
  Attributes graph;
  std::map<std::string, Attributes> nodes;
  std::vector<Edge> edges;
  std::map<std::string, Attributes> clusters;            // by name without "cluster_"
  std::map<std::string, std::set<std::string>> members;  // cluster -> nodes in it (directly or nested)

  // Whether the node's (or edge's) class list has `cls`.
  static bool has_class(const Attributes& a, const std::string& cls);
  std::set<std::string> nodes_with_class(const std::string& cls) const;
  const Edge* edge(const std::string& tail, const std::string& head) const;
  // Every class used by a node, edge or cluster (the legend node excluded).
  std::set<std::string> classes() const;
};

// Throws std::runtime_error when Graphviz cannot parse the text.
ParsedDot parse_dot(const std::string& dot);

// Where Graphviz drew a node in its SVG (its output coordinates, points, y downwards): the
// centre and size of its shapes, as svg_node_boxes gives them. Throws std::runtime_error when
// there is no such node.
struct SvgBox {
  double x = 0, y = 0, width = 0, height = 0;
};
SvgBox svg_box(const std::string& svg, const std::string& node);
// Every node Graphviz drew in its SVG, by its <title> (as written: '-' as &#45;), with the box
// around all its shapes (polygons, paths, ellipses; a text-only node is a point).
std::vector<std::pair<std::string, SvgBox>> svg_node_boxes(const std::string& svg);

}  // namespace clearpath::test
