// The plain-data diagram: which of its styles are in use (what the legend lists).
#include "clearpath/diagram.hpp"

#include <set>

namespace clearpath {

std::vector<const DiagramStyle*> Diagram::used_styles() const {
  std::set<std::string> used;
  for (const DiagramNode& n : nodes) {
    used.insert(n.styles.begin(), n.styles.end());
    for (const auto& row : n.table)
      for (const DiagramCell& c : row)
        if (!c.style.empty()) used.insert(c.style);
  }
  for (const DiagramEdge& e : edges) used.insert(e.styles.begin(), e.styles.end());
  for (const DiagramCluster& c : clusters) used.insert(c.styles.begin(), c.styles.end());
  std::vector<const DiagramStyle*> out;
  for (const DiagramStyle& s : styles)
    if (used.count(s.name) && !s.legend.empty()) out.push_back(&s);
  return out;
}

const DiagramStyle* Diagram::style(const std::string& style_name) const {
  for (const DiagramStyle& s : styles)
    if (s.name == style_name) return &s;
  return nullptr;
}

}  // namespace clearpath
