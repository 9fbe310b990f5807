#include "render/parsed_dot.hpp"

#include <sstream>
#include <stdexcept>

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

}  // namespace clearpath::test
