#pragma once
// The data behind Model. Private to the library.
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "clearpath/model.hpp"
#include "model/id_index.hpp"
#include "model/model_graph.hpp"

namespace clearpath {

struct VertexSlot {
  EntityKind kind = EntityKind::person;
  bool defined = false;
  std::uint32_t index = 0;
};

struct Model::Impl {
  ModelFeatures features;
  std::vector<Person> people;
  std::vector<Department> departments;
  std::vector<System> systems;
  std::vector<Initiative> initiatives;
  std::vector<Approval> approvals;
  std::vector<Step> steps;

  // Ref -> kind and position; Ref -> its id; id -> Ref (keys view into id_of, whose deque
  // never moves its strings).
  std::vector<VertexSlot> vertices;
  std::deque<std::string> id_of;
  IdIndex ids{id_of};  // Impl lives on the heap and never moves, so this stays valid
  // Kind and position -> Ref.
  std::vector<Ref> refs_by_kind[kEntityKindCount];

  // Departments' default capacities (by department index), worked out on first use.
  mutable std::once_flag member_capacity_built;
  mutable std::vector<double> member_capacity;

  // The relation graph is built on first use: validation does not need it.
  mutable std::once_flag graph_built;
  mutable ModelGraph graph;
  const ModelGraph& relation_graph(const Model& m) const {
    std::call_once(graph_built, [&] { build_model_graph(m, graph); });
    return graph;
  }
};

}  // namespace clearpath
