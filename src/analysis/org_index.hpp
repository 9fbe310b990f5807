#pragma once
// Facts about the organisation that the co-pilot analysis asks again and again, computed once
// per model: reporting-chain ancestry in O(1), seniority, who holds which role, department
// members, and the org graph (reports_to, dotted lines, department membership) for
// closest-first searches. Private to the library.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "clearpath/model.hpp"

namespace clearpath {

class OrgIndex {
 public:
  explicit OrgIndex(const Model& model);

  const Model& model() const noexcept { return model_; }

  // Whether one of the two people is in the other's reports_to chain (however deep).
  bool in_one_chain(Ref a, Ref b) const noexcept;
  // Levels below the top of the reporting tree: 0 for someone who reports to nobody.
  std::uint32_t depth(Ref person) const noexcept { return depth_[model_.index(person)]; }

  // A slot in the index's terms (interned side and role), for matching many people quickly.
  struct SlotKey {
    std::int32_t side = -1;  // -1: any; else an interned side (kNoSide: one nobody has)
    std::int32_t role = -1;  // -1: any; likewise
    Ref department = kNoRef;
    const Slot* slot = nullptr;
  };
  static constexpr std::int32_t kNoSide = -2;
  SlotKey key(const Slot& slot) const;

  // Does this person fill the slot (side of their department, one of their roles, department)?
  bool matches(Ref person, const Slot& slot) const { return matches(person, key(slot)); }
  bool matches(Ref person, const SlotKey& slot) const;
  // The people worth testing against a slot (a superset of those who match it): the holders of
  // its role, the members of its department or of its side's departments, or everyone.
  const std::vector<Ref>& slot_pool(const Slot& slot) const;

  // People in order of distance from `sources` in the org graph (people and departments are
  // its vertices, so two colleagues are 2 steps apart through their department). Calls
  // visit(person, distance) for each; stops after the level at which `done()` becomes true.
  // Not thread-safe (it reuses its visit marks).
  // `source` is the source the person was reached from (the first in `sources` order on ties).
  template <class Visit, class Done>
  void closest_first(const std::vector<Ref>& sources, Visit&& visit, Done&& done) const;

  // The length of a shortest path between one of `sources` and `target` in the same org graph,
  // with the position in `sources` of a source at that distance, or nothing when they are not
  // connected. A bidirectional search, so a far target costs about the square root of what
  // closest_first would visit to reach it. Not thread-safe either.
  struct Distance {
    std::uint32_t steps = 0;
    std::size_t source = 0;
  };
  std::optional<Distance> distance(const std::vector<Ref>& sources, Ref target) const;

 private:
  // The constructor's steps, in this order.
  void tour_reporting_forest();
  void index_people();
  void build_org_graph();
  void find_components();
  // One level of distance()'s search from the sources' side or from the target's, noting in
  // `best` where the two sides meet.
  void expand_forward(const std::vector<Ref>& level, std::vector<Ref>& next, std::optional<Distance>& best) const;
  void expand_back(const std::vector<Ref>& level, std::vector<Ref>& next, std::optional<Distance>& best) const;

  const Model& model_;
  std::vector<std::uint32_t> enter_, leave_, depth_;  // by person index: Euler tour of reports_to
  std::unordered_map<std::string, std::int32_t> side_id_, role_id_;
  std::vector<std::int32_t> side_of_;                  // by person index: interned side, -1 none
  std::vector<std::uint64_t> role_bits_;               // by person index: roles with id < 64
  std::vector<std::vector<std::int32_t>> more_roles_;  // by person index: roles with id >= 64
  std::unordered_map<std::string, std::vector<Ref>> by_role_;
  std::unordered_map<std::string, std::vector<Ref>> by_side_;  // members of that side's departments
  std::vector<std::vector<Ref>> members_;                      // by department index
  std::vector<Ref> everyone_;
  // Org graph over all entities (only people and departments have edges), CSR.
  std::vector<std::uint32_t> begin_, adjacent_;
  mutable std::vector<std::uint32_t> seen_;  // visit stamps for closest_first
  mutable std::vector<Ref> origin_;          // the source each vertex was reached from
  std::vector<std::uint32_t> component_;     // by vertex: connected component
  mutable std::vector<std::uint32_t> back_seen_, forward_steps_, back_steps_;  // for distance()
  mutable std::vector<std::size_t> source_of_;
  mutable std::uint32_t stamp_ = 0;
};

template <class Visit, class Done>
void OrgIndex::closest_first(const std::vector<Ref>& sources, Visit&& visit, Done&& done) const {
  if (++stamp_ == 0) {  // the stamps wrapped around: start afresh
    std::fill(seen_.begin(), seen_.end(), 0);
    stamp_ = 1;
  }
  std::vector<Ref> level, next;
  for (Ref s : sources)
    if (seen_[s] != stamp_) {
      seen_[s] = stamp_;
      origin_[s] = s;
      level.push_back(s);
    }
  for (std::uint32_t distance = 0; !level.empty(); ++distance) {
    for (Ref r : level)
      if (model_.kind(r) == EntityKind::person) visit(r, distance, origin_[r]);
    if (done()) return;
    next.clear();
    for (Ref r : level)
      for (std::uint32_t k = begin_[r]; k < begin_[r + 1]; ++k)
        if (seen_[adjacent_[k]] != stamp_) {
          seen_[adjacent_[k]] = stamp_;
          origin_[adjacent_[k]] = origin_[r];
          next.push_back(adjacent_[k]);
        }
    level.swap(next);
  }
}

}  // namespace clearpath
