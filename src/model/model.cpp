#include "clearpath/model.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include "model/model_impl.hpp"

namespace clearpath {

const char* kind_name(EntityKind k) noexcept {
  switch (k) {
    case EntityKind::person: return "person";
    case EntityKind::department: return "department";
    case EntityKind::system: return "system";
    case EntityKind::initiative: return "initiative";
    case EntityKind::approval: return "approval";
    case EntityKind::step: return "step";
  }
  return "entity";
}

const char* kind_array(EntityKind k) noexcept {
  switch (k) {
    case EntityKind::person: return "people";
    case EntityKind::department: return "departments";
    case EntityKind::system: return "systems";
    case EntityKind::initiative: return "initiatives";
    case EntityKind::approval: return "approvals";
    case EntityKind::step: return "steps";
  }
  return "entities";
}

const char* status_name(ApprovalStatus s) noexcept {
  switch (s) {
    case ApprovalStatus::pending: return "pending";
    case ApprovalStatus::granted: return "granted";
    case ApprovalStatus::denied: return "denied";
  }
  return "pending";
}

const char* status_name(StepStatus s) noexcept {
  switch (s) {
    case StepStatus::not_started: return "not-started";
    case StepStatus::in_progress: return "in-progress";
    case StepStatus::done: return "done";
    case StepStatus::blocked: return "blocked";
  }
  return "not-started";
}

const char* link_type_name(LinkType t) noexcept {
  switch (t) {
    case LinkType::finish_to_start: return "FS";
    case LinkType::start_to_start: return "SS";
    case LinkType::finish_to_finish: return "FF";
    case LinkType::start_to_finish: return "SF";
  }
  return "FS";
}

std::optional<LinkType> parse_link_type(std::string_view name) noexcept {
  for (LinkType t :
       {LinkType::finish_to_start, LinkType::start_to_start, LinkType::finish_to_finish, LinkType::start_to_finish})
    if (name == link_type_name(t)) return t;
  return std::nullopt;
}

std::string link_timing_text(LinkTiming t) {
  std::string text = link_type_name(t.type);
  if (t.lag == 0) return text;
  char buf[32];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, t.lag);
  return text + (t.lag > 0 ? "+" : "") + std::string(buf, ec == std::errc() ? end : buf);
}

const char* relation_name(Relation r) noexcept {
  switch (r) {
    case Relation::member_of: return "member_of";
    case Relation::reports_to: return "reports_to";
    case Relation::dotted_line_to: return "dotted_line_to";
    case Relation::head_of: return "head_of";
    case Relation::prioritizes: return "prioritizes";
    case Relation::owned_by: return "owned_by";
    case Relation::sponsored_by: return "sponsored_by";
    case Relation::part_of: return "part_of";
    case Relation::approved_by: return "approved_by";
    case Relation::depends_on: return "depends_on";
    case Relation::runs_on: return "runs_on";
    case Relation::demands: return "demands";
    case Relation::requires_department: return "requires_department";
  }
  return "relation";
}

Model::Model() : impl_(std::make_unique<Impl>()) {}
Model::~Model() = default;
Model::Model(Model&&) noexcept = default;
Model& Model::operator=(Model&&) noexcept = default;

const ModelFeatures& Model::features() const noexcept { return impl_->features; }
std::span<const Person> Model::people() const noexcept { return impl_->people; }
std::span<const Department> Model::departments() const noexcept { return impl_->departments; }
std::span<const System> Model::systems() const noexcept { return impl_->systems; }
std::span<const Initiative> Model::initiatives() const noexcept { return impl_->initiatives; }
std::span<const Approval> Model::approvals() const noexcept { return impl_->approvals; }
std::span<const Step> Model::steps() const noexcept { return impl_->steps; }

std::size_t Model::entity_count() const noexcept { return impl_->vertices.size(); }

std::optional<Ref> Model::find(std::string_view id) const {
  std::optional<Ref> r = impl_->ids.find(id);
  if (!r || !impl_->vertices[*r].defined) return std::nullopt;
  return r;
}

namespace {
const VertexSlot& slot_of(const Model::Impl& m, Ref r) {
  if (r >= m.vertices.size()) throw std::out_of_range("clearpath: no entity with that Ref");
  return m.vertices[r];
}
template <class E>
const E& typed(const std::vector<E>& list, const VertexSlot& s, EntityKind want) {
  if (!s.defined || s.kind != want)
    throw std::logic_error(std::string("clearpath: entity is not a ") + kind_name(want));
  return list[s.index];
}
}  // namespace

EntityKind Model::kind(Ref r) const { return slot_of(*impl_, r).kind; }
std::size_t Model::index(Ref r) const { return slot_of(*impl_, r).index; }
const std::string& Model::id(Ref r) const {
  slot_of(*impl_, r);
  return impl_->id_of[r];
}

const EntityBase& Model::entity(Ref r) const {
  const VertexSlot& s = slot_of(*impl_, r);
  if (!s.defined) throw std::logic_error("clearpath: entity is referenced but not defined");
  switch (s.kind) {
    case EntityKind::person: return impl_->people[s.index];
    case EntityKind::department: return impl_->departments[s.index];
    case EntityKind::system: return impl_->systems[s.index];
    case EntityKind::initiative: return impl_->initiatives[s.index];
    case EntityKind::approval: return impl_->approvals[s.index];
    case EntityKind::step: return impl_->steps[s.index];
  }
  throw std::logic_error("clearpath: bad entity kind");
}

const std::string& Model::display_name(Ref r) const {
  const EntityBase& e = entity(r);
  return e.name.empty() ? e.id : e.name;
}

const Person& Model::person(Ref r) const { return typed(impl_->people, slot_of(*impl_, r), EntityKind::person); }
const Department& Model::department(Ref r) const {
  return typed(impl_->departments, slot_of(*impl_, r), EntityKind::department);
}
const System& Model::system(Ref r) const { return typed(impl_->systems, slot_of(*impl_, r), EntityKind::system); }
const Initiative& Model::initiative(Ref r) const {
  return typed(impl_->initiatives, slot_of(*impl_, r), EntityKind::initiative);
}
const Approval& Model::approval(Ref r) const {
  return typed(impl_->approvals, slot_of(*impl_, r), EntityKind::approval);
}
const Step& Model::step(Ref r) const { return typed(impl_->steps, slot_of(*impl_, r), EntityKind::step); }

Ref Model::ref_of(EntityKind k, std::size_t index) const { return impl_->refs_by_kind[static_cast<int>(k)].at(index); }

const std::vector<Ref>& Model::depends_on(Ref a) const {
  return kind(a) == EntityKind::step ? step(a).depends_on : approval(a).depends_on;
}

const std::vector<LinkTiming>& Model::link_timing(Ref a) const {
  return kind(a) == EntityKind::step ? step(a).link_timing : approval(a).link_timing;
}

Ref Model::initiative_of(Ref a) const {
  return kind(a) == EntityKind::step ? step(a).initiative : approval(a).initiative;
}

std::vector<Demand> Model::effective_demands(const Step& step) const {
  if (!step.demands.empty()) return step.demands;
  if (const std::optional<Demand> d = default_demand(step)) return {*d};
  return {};
}

std::optional<Demand> Model::default_demand(const Step& step) const {
  if (step.owner == kNoRef) return std::nullopt;
  if (kind(step.owner) == EntityKind::person) return Demand{step.owner, person(step.owner).capacity};
  // A department: 1 FTE, or all it has when that is less (a default never asks for the
  // impossible); a department with no capacity at all still asks for 1.
  const double capacity = department_capacity(step.owner);
  return Demand{step.owner, capacity > 0 && capacity < 1 ? capacity : 1.0};
}

double Model::department_capacity(Ref r) const {
  const Department& d = department(r);
  if (d.capacity) return *d.capacity;
  std::call_once(impl_->member_capacity_built, [&] {
    impl_->member_capacity.assign(impl_->departments.size(), 0.0);
    for (const Person& p : impl_->people)
      if (p.available && p.department != kNoRef) impl_->member_capacity[index(p.department)] += p.capacity;
  });
  return impl_->member_capacity[index(r)];
}

const ModelGraph& Model::graph() const { return impl_->relation_graph(*this); }

std::size_t Model::relation_count(Relation rel) const { return graph().relation_counts[static_cast<int>(rel)]; }
std::size_t Model::relation_count() const { return graph().edge_count(); }

namespace {
void sort_related(const Model& m, std::vector<RelatedEntity>& out) {
  std::stable_sort(out.begin(), out.end(), [&](const RelatedEntity& a, const RelatedEntity& b) {
    if (a.relation != b.relation) return a.relation < b.relation;
    return m.id(a.entity) < m.id(b.entity);
  });
}
}  // namespace

std::vector<RelatedEntity> Model::related_from(Ref r) const {
  const ModelGraph& g = graph();
  if (r >= g.vertex_count()) return {};
  const std::span<const RelatedEntity> row = g.out_of(r);
  std::vector<RelatedEntity> out(row.begin(), row.end());
  sort_related(*this, out);
  return out;
}

std::vector<RelatedEntity> Model::related_to(Ref r) const {
  const ModelGraph& g = graph();
  if (r >= g.vertex_count()) return {};
  const std::span<const RelatedEntity> row = g.into(r);
  std::vector<RelatedEntity> out(row.begin(), row.end());
  sort_related(*this, out);
  return out;
}

}  // namespace clearpath
