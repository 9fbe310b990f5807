// `clearpath export --format dot`: the model as plain Graphviz DOT, one node per entity and one
// edge per relation, for tools that read DOT (not the annotated views of `clearpath render`).
#include <ostream>
#include <string>
#include <string_view>

#include "clearpath/export.hpp"
#include "io/export/export_parts.hpp"
#include "util/dot_text.hpp"

namespace clearpath {
namespace {

// Text for a label (a Graphviz escString) inside a quoted DOT string: a backslash doubled (so
// Graphviz shows it and never expands \N, \G, ...; every run of backslashes is then even, which
// its parser reads back unchanged), a quote escaped, a newline as the escape \n, other control
// characters as spaces, U+FFFE and U+FFFF as U+FFFD.
std::string label_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    // U+FFFE and U+FFFF: Graphviz copies them into SVG, where XML forbids them.
    if (c == '\xEF' && i + 2 < s.size() && s[i + 1] == '\xBF' && (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
      out += "\xEF\xBF\xBD";
      i += 2;
      continue;
    }
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '"': out += "\\\""; break;
      case '\n': out += "\\n"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += ' ';
        else out += c;
    }
  }
  return out;
}

// A node name: the id, with '^', '%', '&', '\\' and '"' written as '^' and their hex code, as
// in the rendered diagrams (dot_name, src/util/dot_text.hpp): Graphviz 2.42 cannot read back a
// quoted name with an odd run of backslashes before a quote or at the end, takes a name starting
// with '%' for an anonymous one, and leaves '&' unescaped in SVG. Other characters are kept.
void node_name(std::ostream& out, std::string_view id) { out << '"' << dot_name(id) << '"'; }

// The edge's label and data: "prioritizes 1" with rank=1, "demands 0.5" with amount="0.5",
// "depends_on SS+2" with link_type=SS, lag="2", ...
void edge_attributes(std::ostream& out, const ExportEdge& e) {
  const char* rel = relation_name(e.relation);
  out << "relation=" << rel << ", label=\"" << rel;
  switch (e.relation) {
    case Relation::prioritizes: out << ' ' << e.rank << "\", rank=" << e.rank; break;
    case Relation::requires_department: out << " (slot " << e.slot << ")\", slot=" << e.slot; break;
    case Relation::demands:
      out << ' ' << number_text(e.amount) << "\", amount=\"" << number_text(e.amount) << '"';
      break;
    case Relation::depends_on:
      if (!e.link.plain())
        out << ' ' << link_timing_text(e.link) << "\", link_type=" << link_type_name(e.link.type) << ", lag=\""
            << number_text(e.link.lag) << '"';
      else out << '"';
      break;
    default: out << '"';
  }
}

}  // namespace

void write_dot(std::ostream& out, const Model& m) {
  out << "digraph clearpath {\n";
  if (!m.name.empty()) out << "  graph [label=\"" << label_text(m.name) << "\", labelloc=t];\n";
  out << "  node [shape=box];\n";
  const std::vector<Ref> nodes = export_nodes(m);
  for (Ref r : nodes) {
    const char* kind = kind_name(m.kind(r));
    out << "  ";
    node_name(out, m.id(r));
    out << " [kind=" << kind << ", label=\"" << label_text(m.display_name(r)) << "\\n(" << kind << ")\"];\n";
  }
  for (const ExportEdge& e : export_edges(m, nodes)) {
    out << "  ";
    node_name(out, m.id(e.from));
    out << " -> ";
    node_name(out, m.id(e.to));
    out << " [";
    edge_attributes(out, e);
    out << "];\n";
  }
  out << "}\n";
}

}  // namespace clearpath
