#pragma once
// A checked model with the problems found in it: what load_model (load.hpp) and
// ModelBuilder::build (model_builder.hpp) give.
#include <optional>
#include <vector>

#include "clearpath/diagnostic.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

struct LoadResult {
  std::optional<Model> model;           // present only when there are no errors
  Diagnostics diagnostics;              // errors and warnings, sorted by location
  std::vector<DependencyCycle> cycles;  // one per strongly connected component, by first id
};

}  // namespace clearpath
