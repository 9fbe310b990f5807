#pragma once
// What the file loader needs of a ModelBuilder besides its public interface. Private to the
// library.
#include <string_view>
#include <utility>

#include "clearpath/model_builder.hpp"
#include "model/id_index.hpp"

namespace clearpath {

struct ModelBuilderAccess {
  // Entities keep the source_index they are added with (their position in the file's array,
  // which differs from their position in the model once an element before them was refused).
  static void keep_source_index(ModelBuilder& b) noexcept { b.keep_source_index_ = true; }
  // The model as it is, unchecked: the loader has run the checks itself, with file positions.
  // Every interned id must be defined.
  static Model finish(ModelBuilder&& b) { return std::move(b).finish(); }
  // Room for `count` more entities of `kind`, so a million steps are not moved as their list
  // grows.
  static void reserve(ModelBuilder& b, EntityKind kind, std::size_t count) { b.reserve(kind, count); }
  // An intern() of the id of `probe` (IdIndex::probe, worked out on any thread) is coming: start
  // fetching what it will look at. Then that intern, and adding a step whose id's probe is `own`.
  static void prefetch(const ModelBuilder& b, const IdProbe& probe) { b.prefetch(probe); }
  static Ref intern(ModelBuilder& b, std::string_view id, const IdProbe& probe) { return b.intern(id, probe); }
  static bool add(ModelBuilder& b, Step s, const IdProbe& own) { return b.add(std::move(s), own); }
};

}  // namespace clearpath
