#pragma once
// Builds a Model in memory, entity by entity, for programs that make models rather than read
// them (importers, generators, tests): no JSON text in between.
//
//   ModelBuilder b;
//   b.set_name("Churn model");
//   Person ana;
//   ana.id = "ana";
//   ana.department = b.intern("data");  // may be added later
//   b.add(std::move(ana));
//   Department data;
//   data.id = "data";
//   b.add(std::move(data));
//   LoadResult r = std::move(b).build();  // r.model only when r.diagnostics has no errors
//
// References are Refs from intern(), which may name ids that are defined later. build() runs
// the checks load_model runs on a whole file (unknown references, wrong kinds,
// self-references, repeated entries, dependency and reporting cycles, rule sides) and reports
// each problem with its JSON pointer (/steps/3/depends_on/0, as save_model would write the
// model) and entity id; line and column are 0, as there is no file. The values of fields
// (capacities in range, durations in order, ids well formed) are the caller's to get right.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/load_result.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

struct ModelBuilderAccess;  // private: what the file loader needs besides this interface
struct IdProbe;             // private: an id's hash, worked out ahead of its lookup

class ModelBuilder {
 public:
  ModelBuilder();

  // File-level data.
  void set_name(std::string name);
  void set_description(std::string description);
  void set_calendar(Calendar calendar);
  void set_attributes(Attributes attributes);
  void set_status_date(Date date);

  // The Ref of `id`, given at its first mention (0, 1, 2 ... in that order), defined or not.
  Ref intern(std::string_view id);
  // Define an entity; false (and nothing stored) when its id is already defined. Its
  // source_index becomes its position among the entities of its kind.
  bool add(Person p);
  bool add(Department d);
  bool add(System s);
  bool add(Initiative i);
  bool add(Approval a);
  bool add(Step s);

  std::size_t interned_count() const noexcept;
  const std::string& id(Ref r) const;
  std::optional<EntityKind> defined_kind(Ref r) const;  // nullopt: mentioned, not yet defined
  std::optional<Ref> find(std::string_view id) const;   // defined entities only

  // The model so far. Its entity accessors work; its relation graph is not built yet.
  const Model& model() const noexcept { return model_; }

  // The checked model (see the top of this file); the builder is used up.
  LoadResult build() &&;

 private:
  friend struct ModelBuilderAccess;
  Model finish() &&;  // every interned id must be defined
  void reserve(EntityKind kind, std::size_t count);
  void prefetch(const IdProbe& probe) const;
  Ref intern(std::string_view id, const IdProbe& probe);
  bool add(Step s, const IdProbe& own);
  template <class E>
  bool define(std::vector<E>& list, EntityKind kind, E e, const IdProbe* own = nullptr);
  Model model_;
  bool keep_source_index_ = false;  // the loader gives each entity its position in the file
};

}  // namespace clearpath
