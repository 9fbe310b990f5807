#pragma once
// The relation graph behind Model::related_from, related_to and relation_count: every
// reference of every entity as an edge, in compressed sparse rows both ways (a few flat arrays,
// no container per entity). Private to the library: include only from src/.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "clearpath/model.hpp"

namespace clearpath {

class ModelGraph {
 public:
  // The edges out of r (what it names) and into r (what names it), each list in the order
  // the entities' fields give them.
  std::span<const RelatedEntity> out_of(Ref r) const { return row(out_offsets_, out_, r); }
  std::span<const RelatedEntity> into(Ref r) const { return row(in_offsets_, in_, r); }
  std::size_t vertex_count() const noexcept { return out_offsets_.empty() ? 0 : out_offsets_.size() - 1; }
  std::size_t edge_count() const noexcept { return out_.size(); }
  std::size_t relation_counts[kRelationCount] = {};

 private:
  friend void build_model_graph(const Model& model, ModelGraph& out);
  static std::span<const RelatedEntity> row(const std::vector<std::uint32_t>& offsets,
                                            const std::vector<RelatedEntity>& edges, Ref r) {
    return {edges.data() + offsets[r], edges.data() + offsets[r + 1]};
  }
  std::vector<std::uint32_t> out_offsets_, in_offsets_;
  std::vector<RelatedEntity> out_, in_;
};

// Builds the relation graph of a model whose references are all resolved.
void build_model_graph(const Model& model, ModelGraph& out);

}  // namespace clearpath
