#include "model/model_graph.hpp"

#include "model/model_impl.hpp"

namespace clearpath {
namespace {

class EdgeAdder {
 public:
  explicit EdgeAdder(ModelGraph& mg) : mg_(mg) {}
  void operator()(Ref from, Relation rel, Ref to) {
    if (to == kNoRef) return;
    boost::add_edge(from, to, EdgeData{rel}, mg_.graph);
    ++mg_.relation_counts[static_cast<int>(rel)];
  }
  void operator()(Ref from, Relation rel, const std::vector<Ref>& to) {
    for (Ref t : to) (*this)(from, rel, t);
  }

 private:
  ModelGraph& mg_;
};

}  // namespace

void build_model_graph(const Model& model, ModelGraph& out) {
  const std::size_t n = model.entity_count();
  out = ModelGraph{};
  out.graph = Graph(n);
  for (Ref r = 0; r < n; ++r) out.graph[r] = VertexData{model.kind(r), static_cast<std::uint32_t>(model.index(r))};

  EdgeAdder edge(out);
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

}  // namespace clearpath
