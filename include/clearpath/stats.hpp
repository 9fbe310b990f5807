#pragma once
#include <array>
#include <cstddef>

#include "clearpath/model.hpp"

namespace clearpath {

// Counts of a model, for `clearpath stats` and summaries.
struct ModelStats {
  std::array<std::size_t, kEntityKindCount> entities{};  // indexed by EntityKind
  std::array<std::size_t, kRelationCount> relations{};   // indexed by Relation
  std::size_t entity_total = 0;
  std::size_t relation_total = 0;
  std::size_t legacy_systems = 0;
  std::size_t three_point_steps = 0;
  std::size_t open_steps = 0;  // not done
  std::size_t pending_approvals = 0;
};

ModelStats compute_stats(const Model& model);
// Only the entity counts and the per-kind figures; relations stay zero (cheaper: no graph).
ModelStats compute_entity_stats(const Model& model);

}  // namespace clearpath
