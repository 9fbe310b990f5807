#pragma once
// What the graph exports (GraphML and DOT) share: the order of the nodes and the list of edges,
// one per relation mention, with the data a relation carries. Private to the library.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "clearpath/model.hpp"

namespace clearpath {

struct ExportEdge {
  Ref from = kNoRef;
  Ref to = kNoRef;
  Relation relation = Relation::depends_on;
  int rank = 0;       // prioritizes: 1 = the department's first priority
  int slot = 0;       // requires_department: the rule slot (1-based) naming the department
  double amount = 0;  // demands: full-time equivalents
  LinkTiming link;    // depends_on: the link's type and lag
};

// Every entity: kinds in file order (people, departments, systems, initiatives, approvals,
// steps), each sorted by id (bytewise), as in the normalised JSON.
std::vector<Ref> export_nodes(const Model& model);

// Every relation of the model (as many as Model::relation_count()): by source in the order of
// `nodes`, then by relation (the order of the Relation enum), then within a relation in list
// order for priorities and slots and by target id for the lists that are sets.
std::vector<ExportEdge> export_edges(const Model& model, const std::vector<Ref>& nodes);

// "Person", "Department", ...: the kind as a Neo4j label.
std::string kind_label(EntityKind k);
// "DEPENDS_ON": the relation as a Neo4j relationship type.
std::string relation_type(Relation r);

// A number as the JSON export writes it: 5, 0.5, 1e+20.
std::string number_text(double v);

}  // namespace clearpath
