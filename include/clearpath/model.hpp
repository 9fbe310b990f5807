#pragma once
// The in-memory model: typed entities plus the graph of their relations. Internally the
// relations are flat arrays (compressed sparse rows, src/model/model_graph.hpp).
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/entities.hpp"

namespace clearpath {

// Typed relation edges of the model graph. Edges point from the entity that names the
// reference to the entity it names (a step -> the step it depends on).
enum class Relation : std::uint8_t {
  member_of,            // person -> department
  reports_to,           // person -> person
  dotted_line_to,       // person -> person
  head_of,              // department -> person (the head)
  prioritizes,          // department -> initiative
  owned_by,             // system or step -> department / person
  sponsored_by,         // initiative -> person
  part_of,              // approval or step -> initiative
  approved_by,          // approval -> person
  depends_on,           // approval or step -> approval or step
  runs_on,              // step -> system
  demands,              // step -> person or department
  requires_department,  // approval (a rule slot) -> department
};
inline constexpr int kRelationCount = 13;
const char* relation_name(Relation r) noexcept;

struct RelatedEntity {
  Relation relation;
  Ref entity;
};

// What a model uses beyond a plain plan of finish-to-start links, noted while it is built: the
// analyses skip what a plan without them does not need.
struct ModelFeatures {
  bool typed_links = false;       // some step or approval gives link timings (a type or a lag)
  bool date_constraints = false;  // some step or approval has a not_before or a deadline
  bool progress = false;          // a status date, or some step's progress
};

class ModelGraph;    // private: the relation graph behind related_from and related_to
class ModelBuilder;  // clearpath/model_builder.hpp: fills a model

// A model is move-only; a moved-from Model may only be destroyed or assigned to.
class Model {
 public:
  Model();
  ~Model();
  Model(Model&&) noexcept;
  Model& operator=(Model&&) noexcept;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  // File-level data.
  std::string name;
  std::string description;
  Calendar calendar;
  Attributes attributes;
  // The data date of the progress in the file: remaining work starts no earlier than this.
  Date status_date;

  const ModelFeatures& features() const noexcept;

  // Entities by kind, in file order.
  std::span<const Person> people() const noexcept;
  std::span<const Department> departments() const noexcept;
  std::span<const System> systems() const noexcept;
  std::span<const Initiative> initiatives() const noexcept;
  std::span<const Approval> approvals() const noexcept;
  std::span<const Step> steps() const noexcept;

  // Every entity is one vertex of the graph; these map between the two.
  std::size_t entity_count() const noexcept;
  std::optional<Ref> find(std::string_view id) const;
  EntityKind kind(Ref r) const;
  std::size_t index(Ref r) const;  // position within its kind's list
  const std::string& id(Ref r) const;
  const std::string& display_name(Ref r) const;  // the name, or the id when it has none
  const EntityBase& entity(Ref r) const;
  const Person& person(Ref r) const;
  const Department& department(Ref r) const;
  const System& system(Ref r) const;
  const Initiative& initiative(Ref r) const;
  const Approval& approval(Ref r) const;
  const Step& step(Ref r) const;
  Ref ref_of(EntityKind k, std::size_t index) const;

  // Activities (steps and approvals) alike: what they depend on, and their initiative.
  const std::vector<Ref>& depends_on(Ref activity) const;
  // The type and lag of each depends_on entry: empty when all are finish-to-start with no lag
  // (timing_at(link_timing(a), k) reads entry k either way).
  const std::vector<LinkTiming>& link_timing(Ref activity) const;
  Ref initiative_of(Ref activity) const;

  // Defaults the file format defines, worked out once here so analyses do not repeat them.
  // A step's demands: as given, or else its owner's (a person at their capacity, a
  // department at 1 FTE, or at its capacity when that is less than 1 but more than 0); none when it
  // has no owner.
  std::vector<Demand> effective_demands(const Step& step) const;
  // The owner's demand that stands for a step's when it gives none (as above); none when it has
  // no owner. effective_demands(step) is step.demands, or else this.
  std::optional<Demand> default_demand(const Step& step) const;
  // A department's capacity in FTE: as given, or else the sum of its available members'.
  double department_capacity(Ref department) const;

  // Relations of an entity, outgoing (what it names) or incoming (what names it), sorted by
  // relation then by id. An entity name appearing twice in one list gives one edge per mention.
  std::vector<RelatedEntity> related_from(Ref r) const;
  std::vector<RelatedEntity> related_to(Ref r) const;
  std::size_t relation_count(Relation rel) const;
  std::size_t relation_count() const;

  // For the library's own code (src/): the relation graph, built on first use
  // (thread-safe), so loading for validation alone does not pay for it.
  const ModelGraph& graph() const;

  struct Impl;  // src/model/model_impl.hpp

 private:
  friend class ModelBuilder;  // clearpath/model_builder.hpp: how models are filled
  std::unique_ptr<Impl> impl_;
};

}  // namespace clearpath
