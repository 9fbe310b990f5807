#pragma once
// The Boost.Graph behind a Model. Private to the library: include only from src/.
#include <boost/graph/adjacency_list.hpp>

#include "clearpath/model.hpp"

namespace clearpath {

struct VertexData {
  EntityKind kind = EntityKind::person;
  std::uint32_t index = 0;  // position in the model's list of that kind
};

struct EdgeData {
  Relation relation = Relation::depends_on;
};

// Vertex descriptors are the entities' Refs (vecS: 0..n-1 in Ref order).
using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, VertexData, EdgeData,
                                    boost::no_property, boost::vecS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;
using Edge = boost::graph_traits<Graph>::edge_descriptor;

class ModelGraph {
 public:
  Graph graph;
  std::size_t relation_counts[kRelationCount] = {};
};

// Builds the relation graph of a model whose references are all resolved.
void build_model_graph(const Model& model, ModelGraph& out);

}  // namespace clearpath
