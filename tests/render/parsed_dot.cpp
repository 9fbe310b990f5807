#include "render/parsed_dot.hpp"

#include <algorithm>
#include <cctype>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <graphviz/cgraph.h>

namespace clearpath::test {
namespace {

ParsedDot::Attributes attributes_of(Agraph_t* g, void* obj, int kind) {
  ParsedDot::Attributes out;
  for (Agsym_t* sym = agnxtattr(g, kind, nullptr); sym; sym = agnxtattr(g, kind, sym)) {
    const char* v = agxget(obj, sym);
    if (v && *v) out[sym->name] = v;
  }
  return out;
}

void read_clusters(Agraph_t* root, Agraph_t* g, ParsedDot& out) {
  for (Agraph_t* sub = agfstsubg(g); sub; sub = agnxtsubg(sub)) {
    std::string name = agnameof(sub);
    if (name.rfind("cluster_", 0) == 0) {
      name = name.substr(8);
      out.clusters[name] = attributes_of(root, sub, AGRAPH);
      for (Agnode_t* n = agfstnode(sub); n; n = agnxtnode(sub, n)) out.members[name].insert(agnameof(n));
    }
    read_clusters(root, sub, out);
  }
}

}  // namespace

bool ParsedDot::has_class(const Attributes& a, const std::string& cls) {
  const auto it = a.find("class");
  if (it == a.end()) return false;
  std::istringstream words(it->second);
  for (std::string w; words >> w;)
    if (w == cls) return true;
  return false;
}

std::set<std::string> ParsedDot::nodes_with_class(const std::string& cls) const {
  std::set<std::string> out;
  for (const auto& [name, a] : nodes)
    if (has_class(a, cls)) out.insert(name);
  return out;
}

const ParsedDot::Edge* ParsedDot::edge(const std::string& tail, const std::string& head) const {
  for (const Edge& e : edges)
    if (e.tail == tail && e.head == head) return &e;
  return nullptr;
}

std::set<std::string> ParsedDot::classes() const {
  std::set<std::string> out;
  auto add = [&](const Attributes& a) {
    const auto it = a.find("class");
    if (it == a.end() || it->second == "legend") return;
    std::istringstream words(it->second);
    for (std::string w; words >> w;) out.insert(w);
  };
  for (const auto& [n, a] : nodes) add(a);
  for (const Edge& e : edges) add(e.attributes);
  for (const auto& [n, a] : clusters) add(a);
  return out;
}

ParsedDot parse_dot(const std::string& dot) {
  Agraph_t* g = agmemread(dot.c_str());
  if (!g) throw std::runtime_error("Graphviz could not parse the DOT");
  ParsedDot out;
  out.graph = attributes_of(g, g, AGRAPH);
  for (Agnode_t* n = agfstnode(g); n; n = agnxtnode(g, n)) {
    out.nodes[agnameof(n)] = attributes_of(g, n, AGNODE);
    for (Agedge_t* e = agfstout(g, n); e; e = agnxtout(g, e))
      out.edges.push_back({agnameof(agtail(e)), agnameof(aghead(e)), attributes_of(g, e, AGEDGE)});
  }
  read_clusters(g, g, out);
  agclose(g);
  return out;
}

std::vector<std::pair<std::string, SvgBox>> svg_node_boxes(const std::string& svg) {
  std::vector<std::pair<std::string, SvgBox>> out;
  const std::string open = "<g id=\"";
  for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
    const std::size_t tag_end = svg.find('>', at);
    if (svg.find("class=\"node", at) > tag_end) continue;  // a graph, cluster or edge
    const std::size_t end = svg.find("</g>", at);
    const std::size_t t0 = svg.find("<title>", at), t1 = svg.find("</title>", at);
    if (t0 > end || t1 > end) continue;
    const std::string body = svg.substr(tag_end, end - tag_end);
    std::vector<double> xs, ys;
    for (const char* attribute : {" points=\"", " d=\""})
      for (std::size_t a = body.find(attribute); a != std::string::npos; a = body.find(attribute, a + 1)) {
        const std::size_t from = body.find('"', a) + 1;
        const std::string numbers = body.substr(from, body.find('"', from) - from);
        std::vector<double> values;
        for (std::size_t i = 0; i < numbers.size();) {
          if (std::isdigit(static_cast<unsigned char>(numbers[i])) || numbers[i] == '-' || numbers[i] == '.') {
            std::size_t used = 0;
            values.push_back(std::stod(numbers.substr(i), &used));
            i += used;
          } else {
            ++i;
          }
        }
        for (std::size_t k = 0; k + 1 < values.size(); k += 2) {
          xs.push_back(values[k]);
          ys.push_back(values[k + 1]);
        }
      }
    for (std::size_t e = body.find("<ellipse"); e != std::string::npos; e = body.find("<ellipse", e + 1)) {
      const auto number = [&](const char* key) {
        const std::size_t k = body.find(key, e);
        return std::stod(body.substr(k + std::string(key).size()));
      };
      const double cx = number(" cx=\""), cy = number(" cy=\""), rx = number(" rx=\""), ry = number(" ry=\"");
      xs.insert(xs.end(), {cx - rx, cx + rx});
      ys.insert(ys.end(), {cy - ry, cy + ry});
    }
    if (xs.empty()) continue;
    const auto [x0, x1] = std::minmax_element(xs.begin(), xs.end());
    const auto [y0, y1] = std::minmax_element(ys.begin(), ys.end());
    out.emplace_back(svg.substr(t0 + 7, t1 - t0 - 7), SvgBox{(*x0 + *x1) / 2, (*y0 + *y1) / 2, *x1 - *x0, *y1 - *y0});
  }
  return out;
}

SvgBox svg_box(const std::string& svg, const std::string& node) {
  std::string escaped;  // as Graphviz writes a title: '-' as &#45;
  for (char c : node) escaped += c == '-' ? std::string("&#45;") : std::string(1, c);
  for (const auto& [title, box] : svg_node_boxes(svg))
    if (title == escaped) return box;
  throw std::runtime_error("no node " + node + " in the SVG");
}

}  // namespace clearpath::test
