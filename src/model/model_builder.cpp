// ModelBuilder (include/clearpath/model_builder.hpp): fills a Model's data directly, and
// build() checks it as load_model checks a file.
#include "clearpath/model_builder.hpp"

#include <stdexcept>
#include <utility>

#include "model/checks.hpp"
#include "model/model_builder_access.hpp"
#include "model/model_impl.hpp"

namespace clearpath {

ModelBuilder::ModelBuilder() = default;

void ModelBuilder::prefetch(const IdProbe& probe) const { model_.impl_->ids.prefetch(probe); }

Ref ModelBuilder::intern(std::string_view id) { return intern(id, IdIndex::probe(id)); }

Ref ModelBuilder::intern(std::string_view id, const IdProbe& probe) {
  Model::Impl& m = *model_.impl_;
  const Ref fresh = static_cast<Ref>(m.vertices.size());
  const Ref r = m.ids.find_or_add(id, probe, fresh);
  if (r == fresh) {
    m.id_of.emplace_back(id);
    m.vertices.push_back({});
  }
  return r;
}

template <class E>
bool ModelBuilder::define(std::vector<E>& list, EntityKind kind, E e, const IdProbe* own) {
  Model::Impl& m = *model_.impl_;
  const Ref r = own ? intern(e.id, *own) : intern(e.id);
  VertexSlot& slot = m.vertices[r];
  if (slot.defined) return false;
  slot = {kind, true, static_cast<std::uint32_t>(list.size())};
  if (!keep_source_index_) e.source_index = slot.index;
  m.refs_by_kind[static_cast<int>(kind)].push_back(r);
  list.push_back(std::move(e));
  return true;
}

bool ModelBuilder::add(Person p) { return define(model_.impl_->people, EntityKind::person, std::move(p)); }
bool ModelBuilder::add(Department d) { return define(model_.impl_->departments, EntityKind::department, std::move(d)); }
bool ModelBuilder::add(System s) { return define(model_.impl_->systems, EntityKind::system, std::move(s)); }
bool ModelBuilder::add(Initiative i) { return define(model_.impl_->initiatives, EntityKind::initiative, std::move(i)); }
namespace {

void note_features(ModelFeatures& f, const Approval& a) {
  f.typed_links = f.typed_links || !a.link_timing.empty();
  f.date_constraints = f.date_constraints || !a.dates.empty();
}

void note_features(ModelFeatures& f, const Step& s) {
  f.typed_links = f.typed_links || !s.link_timing.empty();
  f.date_constraints = f.date_constraints || !s.dates.empty();
  f.progress = f.progress || !s.progress.empty();
}

}  // namespace

bool ModelBuilder::add(Approval a) {
  note_features(model_.impl_->features, a);
  return define(model_.impl_->approvals, EntityKind::approval, std::move(a));
}
bool ModelBuilder::add(Step s, const IdProbe& own) {
  note_features(model_.impl_->features, s);
  return define(model_.impl_->steps, EntityKind::step, std::move(s), &own);
}
bool ModelBuilder::add(Step s) {
  note_features(model_.impl_->features, s);
  return define(model_.impl_->steps, EntityKind::step, std::move(s));
}

std::size_t ModelBuilder::interned_count() const noexcept { return model_.impl_->vertices.size(); }
const std::string& ModelBuilder::id(Ref r) const { return model_.impl_->id_of.at(r); }
std::optional<EntityKind> ModelBuilder::defined_kind(Ref r) const {
  const VertexSlot& s = model_.impl_->vertices.at(r);
  if (!s.defined) return std::nullopt;
  return s.kind;
}
std::optional<Ref> ModelBuilder::find(std::string_view id) const { return model_.find(id); }

void ModelBuilder::set_name(std::string name) { model_.name = std::move(name); }
void ModelBuilder::set_description(std::string description) { model_.description = std::move(description); }
void ModelBuilder::set_calendar(Calendar calendar) { model_.calendar = std::move(calendar); }
void ModelBuilder::set_attributes(Attributes attributes) { model_.attributes = std::move(attributes); }
void ModelBuilder::set_status_date(Date date) {
  model_.status_date = date;
  model_.impl_->features.progress = model_.impl_->features.progress || !date.empty();
}

void ModelBuilder::reserve(EntityKind kind, std::size_t count) {
  Model::Impl& m = *model_.impl_;
  auto more = [count](auto& list) { list.reserve(list.size() + count); };
  switch (kind) {
    case EntityKind::person: more(m.people); break;
    case EntityKind::department: more(m.departments); break;
    case EntityKind::system: more(m.systems); break;
    case EntityKind::initiative: more(m.initiatives); break;
    case EntityKind::approval: more(m.approvals); break;
    case EntityKind::step: more(m.steps); break;
  }
  more(m.refs_by_kind[static_cast<int>(kind)]);
  more(m.vertices);
}

LoadResult ModelBuilder::build() && {
  LoadResult result;
  check_model(*this, result.diagnostics, &result.cycles);
  result.diagnostics.sort();
  if (!result.diagnostics.has_errors()) result.model = std::move(*this).finish();
  return result;
}

namespace {

// The status a step's progress implies (check_progress has refused a done step with work left).
StepStatus status_with_progress(const Step& s) {
  const StepProgress& p = s.progress;
  if (s.status == StepStatus::done || p.empty()) return s.status;
  const bool finished = !p.actual_finish.empty() || p.percent_complete >= 100 || p.remaining == 0;
  if (finished) return StepStatus::done;
  return s.status == StepStatus::not_started ? StepStatus::in_progress : s.status;
}

}  // namespace

Model ModelBuilder::finish() && {
  for (const VertexSlot& s : model_.impl_->vertices)
    if (!s.defined) throw std::logic_error("clearpath: a model with an undefined reference");
  if (model_.impl_->features.progress)
    for (Step& s : model_.impl_->steps) s.status = status_with_progress(s);
  return std::move(model_);
}

}  // namespace clearpath
