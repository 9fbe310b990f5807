#pragma once
// A diagram as plain data, before any layout: nodes, edges and clusters that carry named styles
// (the legend explains each one used), labels as text. The views (render.hpp) build one from a
// model and its analyses; the Graphviz backend lays it out and writes DOT, SVG, PNG or PDF.
// Keeping it free of Graphviz types lets tests check a view's structure directly.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace clearpath {

// Graphviz attributes, in the order they are set. Values are literal: the backend never lets
// user text reach an attribute other than a label.
using DiagramAttributes = std::vector<std::pair<std::string, std::string>>;

// A named look for nodes, edges or clusters (its name becomes the SVG class), with the words
// the legend explains it in.
struct DiagramStyle {
  enum class Applies { node, edge, cluster };
  std::string name;  // "critical", "missing-copilot"
  Applies applies = Applies::node;
  std::string legend;            // "critical path: no float"
  DiagramAttributes attributes;  // color, fillcolor, style, penwidth, shape ...
};

// One line of a label; `emphasis` lines are bold, `small` ones smaller and grey.
struct LabelLine {
  std::string text;
  enum class Look { normal, emphasis, small } look = Look::normal;
};
using DiagramLabel = std::vector<LabelLine>;

// A cell of a node drawn as a table (a matrix): its lines, and the style whose colours it takes
// ("fillcolor" as its background, "fontcolor" for its text; the legend explains it like any other).
struct DiagramCell {
  DiagramLabel text;
  std::string style;     // "" = plain
  std::size_t span = 1;  // columns it covers
  bool left = false;     // left-aligned (else centred)
};

struct DiagramNode {
  std::string name;                 // stable id: entity ids, or "missing:<gate>:<slot>" and the like
  std::string cluster;              // "" = top level
  std::vector<std::string> styles;  // names of DiagramStyle, applied in order
  DiagramLabel label;
  // A pinned diagram's node: its centre ("pos": "x,y" in points, y upwards) and size ("width",
  // "height" in inches, with "fixedsize"), and any other attribute that overrides its styles
  // (a text's "shape" of "plaintext"): literal values the view chose, never user text. Its
  // label is left-aligned in that box.
  DiagramAttributes geometry;
  // Not empty: the node is this table (rows of cells) instead of its label, with no outline.
  std::vector<std::vector<DiagramCell>> table;
};

struct DiagramEdge {
  std::string tail, head;  // node names
  std::vector<std::string> styles;
  std::string label;  // "" = none
};

struct DiagramCluster {
  std::string name;    // without Graphviz's "cluster_" prefix
  std::string parent;  // "" = top level
  std::vector<std::string> styles;
  DiagramLabel label;
};

struct Diagram {
  std::string name;                  // the graph's name (the model's)
  std::vector<std::string> title;    // first line bold: model name; then view, date, what was collapsed
  DiagramAttributes graph;           // rankdir and the like
  std::vector<DiagramStyle> styles;  // every style a node, edge or cluster may name
  std::vector<DiagramCluster> clusters;
  std::vector<DiagramNode> nodes;
  std::vector<DiagramEdge> edges;
  // false: Graphviz's dot places the nodes (ranks). true: every node is where its geometry
  // says, as on a timeline, and Graphviz only draws (its "nop" layout, named in the DOT so that
  // Graphviz's own tools draw the DOT alike); the legend's centre is then `legend_pos`.
  bool pinned = false;
  std::string legend_pos;
  std::size_t legend_columns = 1;  // a wide, short legend (under a timeline) in several columns

  // The styles some node, edge or cluster uses, in the order of `styles`: what the legend lists.
  std::vector<const DiagramStyle*> used_styles() const;
  const DiagramStyle* style(const std::string& style_name) const;
};

}  // namespace clearpath
