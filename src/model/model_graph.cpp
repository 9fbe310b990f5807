#include "model/model_graph.hpp"

#include "model/model_impl.hpp"

namespace clearpath {
namespace {

// Every edge as (from, relation, to), in the order the entities' fields give them.
struct Edge {
  Ref from;
  Relation relation;
  Ref to;
};

class EdgeAdder {
 public:
  explicit EdgeAdder(std::vector<Edge>& edges) : edges_(edges) {}
  void operator()(Ref from, Relation rel, Ref to) {
    if (to != kNoRef) edges_.push_back({from, rel, to});
  }
  void operator()(Ref from, Relation rel, const std::vector<Ref>& to) {
    for (Ref t : to) (*this)(from, rel, t);
  }

 private:
  std::vector<Edge>& edges_;
};

// Rows by `key` of each edge, each row in edge order (a stable counting sort).
template <class Key, class Other>
void fill_rows(const std::vector<Edge>& edges, std::size_t n, Key key, Other other, std::vector<std::uint32_t>& offsets,
               std::vector<RelatedEntity>& rows) {
  offsets.assign(n + 1, 0);
  for (const Edge& e : edges) ++offsets[key(e) + 1];
  for (std::size_t v = 0; v < n; ++v) offsets[v + 1] += offsets[v];
  std::vector<std::uint32_t> next(offsets.begin(), offsets.end() - 1);
  rows.resize(edges.size());
  for (const Edge& e : edges) rows[next[key(e)]++] = {e.relation, other(e)};
}

void collect_edges(const Model& model, std::vector<Edge>& all) {
  EdgeAdder edge(all);
  for (std::size_t i = 0; i < model.people().size(); ++i) {
    const Person& p = model.people()[i];
    const Ref r = model.ref_of(EntityKind::person, i);
    edge(r, Relation::member_of, p.department);
    edge(r, Relation::reports_to, p.reports_to);
    edge(r, Relation::dotted_line_to, p.dotted_line_to);
  }
  for (std::size_t i = 0; i < model.departments().size(); ++i) {
    const Department& d = model.departments()[i];
    const Ref r = model.ref_of(EntityKind::department, i);
    edge(r, Relation::head_of, d.head);
    edge(r, Relation::prioritizes, d.priorities);
  }
  for (std::size_t i = 0; i < model.systems().size(); ++i) {
    edge(model.ref_of(EntityKind::system, i), Relation::owned_by, model.systems()[i].owner);
  }
  for (std::size_t i = 0; i < model.initiatives().size(); ++i) {
    edge(model.ref_of(EntityKind::initiative, i), Relation::sponsored_by, model.initiatives()[i].sponsors);
  }
  for (std::size_t i = 0; i < model.approvals().size(); ++i) {
    const Approval& a = model.approvals()[i];
    const Ref r = model.ref_of(EntityKind::approval, i);
    edge(r, Relation::part_of, a.initiative);
    edge(r, Relation::approved_by, a.approvers);
    edge(r, Relation::depends_on, a.depends_on);
    for (const Slot& s : a.rule.slots) edge(r, Relation::requires_department, s.department);
  }
  for (std::size_t i = 0; i < model.steps().size(); ++i) {
    const Step& s = model.steps()[i];
    const Ref r = model.ref_of(EntityKind::step, i);
    edge(r, Relation::part_of, s.initiative);
    edge(r, Relation::runs_on, s.system);
    edge(r, Relation::owned_by, s.owner);
    edge(r, Relation::depends_on, s.depends_on);
    for (const Demand& d : s.demands) edge(r, Relation::demands, d.resource);
  }
}

}  // namespace

void build_model_graph(const Model& model, ModelGraph& out) {
  const std::size_t n = model.entity_count();
  std::vector<Edge> edges;
  collect_edges(model, edges);
  out = ModelGraph{};
  for (const Edge& e : edges) ++out.relation_counts[static_cast<int>(e.relation)];
  fill_rows(
      edges, n, [](const Edge& e) { return e.from; }, [](const Edge& e) { return e.to; }, out.out_offsets_, out.out_);
  fill_rows(
      edges, n, [](const Edge& e) { return e.to; }, [](const Edge& e) { return e.from; }, out.in_offsets_, out.in_);
}

}  // namespace clearpath
