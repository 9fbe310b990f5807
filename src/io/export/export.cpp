// `clearpath export`: the format names, the normalised JSON, and the nodes and edges the graph
// formats share.
#include "clearpath/export.hpp"

#include <algorithm>
#include <cstdint>
#include <ostream>
#include <sstream>
#include <tuple>

#include "clearpath/mspdi.hpp"
#include "clearpath/save.hpp"
#include "io/export/export_parts.hpp"
#include "util/json_number.hpp"
#include "util/text.hpp"

namespace clearpath {

const char* export_format_name(ExportFormat f) noexcept {
  switch (f) {
    case ExportFormat::json: return "json";
    case ExportFormat::graphml: return "graphml";
    case ExportFormat::dot: return "dot";
    case ExportFormat::mspdi: return "mspdi";
  }
  return "json";
}

std::optional<ExportFormat> parse_export_format(std::string_view name) {
  for (ExportFormat f : kExportFormats)
    if (name == export_format_name(f)) return f;
  return std::nullopt;
}

std::string normalised_model_json(const Model& model) {
  SaveOptions options;
  options.normalise = true;
  return save_model(model, options);
}

void write_export(std::ostream& out, const Model& model, ExportFormat format) {
  switch (format) {
    case ExportFormat::json: out << normalised_model_json(model); return;
    case ExportFormat::graphml: write_graphml(out, model); return;
    case ExportFormat::dot: write_dot(out, model); return;
    case ExportFormat::mspdi: write_mspdi(out, model); return;
  }
}

std::string export_model(const Model& model, ExportFormat format) {
  std::ostringstream out;
  write_export(out, model, format);
  return std::move(out).str();
}

namespace {

// Sorts refs by id (bytewise). The first 8 bytes of each id, as one big-endian integer, decide
// most comparisons, so a million entities are sorted without a million string comparisons.
void sort_by_id(const Model& model, std::vector<Ref>::iterator first, std::vector<Ref>::iterator last) {
  struct Key {
    std::uint64_t prefix;
    Ref ref;
  };
  std::vector<Key> keys;
  keys.reserve(static_cast<std::size_t>(last - first));
  for (auto it = first; it != last; ++it) {
    const std::string& id = model.id(*it);
    std::uint64_t prefix = 0;
    for (std::size_t i = 0; i < 8; ++i)
      prefix = (prefix << 8) | (i < id.size() ? static_cast<unsigned char>(id[i]) : 0u);
    keys.push_back({prefix, *it});
  }
  std::sort(keys.begin(), keys.end(), [&](const Key& a, const Key& b) {
    if (a.prefix != b.prefix) return a.prefix < b.prefix;
    return model.id(a.ref) < model.id(b.ref);
  });
  for (const Key& k : keys) *first++ = k.ref;
}

}  // namespace

std::vector<Ref> export_nodes(const Model& model) {
  std::vector<Ref> nodes;
  nodes.reserve(model.entity_count());
  for (int k = 0; k < kEntityKindCount; ++k) {
    const auto kind = static_cast<EntityKind>(k);
    const std::size_t first = nodes.size();
    for (Ref r = 0; r < model.entity_count(); ++r)
      if (model.kind(r) == kind) nodes.push_back(r);
    sort_by_id(model, nodes.begin() + static_cast<std::ptrdiff_t>(first), nodes.end());
  }
  return nodes;
}

namespace {

class EdgeList {
 public:
  explicit EdgeList(const Model& m) : m_(m) {}

  void one(Ref from, Relation rel, Ref to) {
    if (to == kNoRef) return;
    ExportEdge& e = edges.emplace_back();
    e.from = from;
    e.to = to;
    e.relation = rel;
  }
  // A list that is a set: sorted by target id (duplicates kept, one edge per mention).
  void set(Ref from, Relation rel, std::vector<Ref> to) {
    std::stable_sort(to.begin(), to.end(), [&](Ref a, Ref b) { return m_.id(a) < m_.id(b); });
    for (Ref t : to) one(from, rel, t);
  }

  // depends_on: as a set, by target id (then type and lag), each edge with its link's timing.
  void links(Ref from, const std::vector<Ref>& to, const std::vector<LinkTiming>& timing) {
    if (timing.empty()) return set(from, Relation::depends_on, to);
    std::vector<std::size_t> order(to.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::tie(m_.id(to[a]), timing[a]) < std::tie(m_.id(to[b]), timing[b]);
    });
    for (std::size_t k : order) {
      one(from, Relation::depends_on, to[k]);
      edges.back().link = timing[k];
    }
  }

  std::vector<ExportEdge> edges;

 private:
  const Model& m_;
};

}  // namespace

std::vector<ExportEdge> export_edges(const Model& m, const std::vector<Ref>& nodes) {
  EdgeList e(m);
  for (Ref r : nodes) {
    switch (m.kind(r)) {
      case EntityKind::person: {
        const Person& p = m.person(r);
        e.one(r, Relation::member_of, p.department);
        e.one(r, Relation::reports_to, p.reports_to);
        e.set(r, Relation::dotted_line_to, p.dotted_line_to);
        break;
      }
      case EntityKind::department: {
        const Department& d = m.department(r);
        e.one(r, Relation::head_of, d.head);
        for (std::size_t i = 0; i < d.priorities.size(); ++i) {
          e.one(r, Relation::prioritizes, d.priorities[i]);
          e.edges.back().rank = static_cast<int>(i + 1);
        }
        break;
      }
      case EntityKind::system: e.one(r, Relation::owned_by, m.system(r).owner); break;
      case EntityKind::initiative: e.set(r, Relation::sponsored_by, m.initiative(r).sponsors); break;
      case EntityKind::approval: {
        const Approval& a = m.approval(r);
        e.one(r, Relation::part_of, a.initiative);
        e.set(r, Relation::approved_by, a.approvers);
        e.links(r, a.depends_on, a.link_timing);
        for (std::size_t i = 0; i < a.rule.slots.size(); ++i) {
          if (a.rule.slots[i].department == kNoRef) continue;
          e.one(r, Relation::requires_department, a.rule.slots[i].department);
          e.edges.back().slot = static_cast<int>(i + 1);
        }
        break;
      }
      case EntityKind::step: {
        const Step& s = m.step(r);
        e.one(r, Relation::owned_by, s.owner);
        e.one(r, Relation::part_of, s.initiative);
        e.links(r, s.depends_on, s.link_timing);
        e.one(r, Relation::runs_on, s.system);
        std::vector<Demand> demands = s.demands;
        std::stable_sort(demands.begin(), demands.end(),
                         [&](const Demand& a, const Demand& b) { return m.id(a.resource) < m.id(b.resource); });
        for (const Demand& d : demands) {
          e.one(r, Relation::demands, d.resource);
          e.edges.back().amount = d.amount;
        }
        break;
      }
    }
  }
  return std::move(e.edges);
}

std::string kind_label(EntityKind k) {
  std::string s = kind_name(k);
  if (!s.empty()) s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

std::string relation_type(Relation r) {
  std::string s = relation_name(r);
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

std::string number_text(double v) { return json_number(v).dump(); }

}  // namespace clearpath
