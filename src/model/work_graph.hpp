#pragma once
// The work of a model being checked, shared by the dependency-cycle check and the date check
// (check_model builds it once for both). Private to the library.
#include <cstdint>
#include <span>
#include <vector>

#include "clearpath/model_builder.hpp"

namespace clearpath {

// The steps and approvals (numbered 0..n-1) and their dependencies among themselves, without
// self-dependencies (the reference check reports those), as compressed sparse rows: the
// successors of v are targets[offsets[v] .. offsets[v + 1]), in the order of its depends_on.
struct WorkGraph {
  std::vector<Ref> work;
  std::vector<std::uint32_t> offsets;
  std::vector<std::uint32_t> targets;
  // Each link's type and lag beside targets; empty when all are finish-to-start with no lag.
  std::vector<LinkTiming> timing;

  WorkGraph(const ModelBuilder& b, const Model& m) : work(work_items(m)) {
    std::vector<std::uint32_t> number(b.interned_count(), UINT32_MAX);
    for (std::uint32_t i = 0; i < work.size(); ++i) number[work[i]] = i;
    offsets.reserve(work.size() + 1);
    offsets.push_back(0);
    static const std::vector<LinkTiming> kNone;
    for (std::uint32_t i = 0; i < work.size(); ++i) {
      const std::vector<Ref>& deps = m.depends_on(work[i]);
      const std::vector<LinkTiming>& given = m.features().typed_links ? m.link_timing(work[i]) : kNone;
      const bool typed = !given.empty() && given.size() == deps.size();  // else check_links reports it
      for (std::size_t k = 0; k < deps.size(); ++k) {
        const Ref d = deps[k];
        if (d == work[i] || number[d] == UINT32_MAX) continue;
        targets.push_back(number[d]);
        if (typed || !timing.empty()) {
          timing.resize(targets.size() - 1);  // the links before it, all plain
          timing.push_back(typed ? given[k] : LinkTiming{});
        }
      }
      offsets.push_back(static_cast<std::uint32_t>(targets.size()));
    }
  }
  LinkTiming timing_of(std::uint32_t v, std::size_t k) const {
    return timing.empty() ? LinkTiming{} : timing[offsets[v] + k];
  }
  std::size_t size() const { return work.size(); }
  std::span<const std::uint32_t> successors(std::uint32_t v) const {
    return {targets.data() + offsets[v], targets.data() + offsets[v + 1]};
  }

  static std::vector<Ref> work_items(const Model& m) {
    std::vector<Ref> out;
    out.reserve(m.steps().size() + m.approvals().size());
    for (std::size_t i = 0; i < m.steps().size(); ++i) out.push_back(m.ref_of(EntityKind::step, i));
    for (std::size_t i = 0; i < m.approvals().size(); ++i) out.push_back(m.ref_of(EntityKind::approval, i));
    return out;
  }
};

}  // namespace clearpath
