#pragma once
// Facts about the organisation that the co-pilot analysis asks again and again, computed once
// per model: reporting-chain ancestry in O(1), seniority, who holds which role, department
// members, and the org graph (reports_to, dotted lines, department membership) for
// closest-first searches. Private to the library.
#include <cstdint>
#include <functional>
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

  // Does this person fill the slot (side of their department, one of their roles, department)?
  bool matches(Ref person, const Slot& slot) const;
  // The people worth testing against a slot (a superset of those who match it): the holders of
  // its role, the members of its department or of its side's departments, or everyone.
  std::vector<Ref> slot_pool(const Slot& slot) const;

  // People in order of distance from `sources` in the org graph (people and departments are
  // its vertices, so two colleagues are 2 steps apart through their department). Calls
  // visit(person, distance) for each; stops after the level at which `done()` becomes true.
  // Not thread-safe (it reuses its visit marks).
  // `source` is the source the person was reached from (the first in `sources` order on ties).
  void closest_first(const std::vector<Ref>& sources, const std::function<void(Ref person, std::uint32_t distance, Ref source)>& visit,
                     const std::function<bool()>& done) const;

 private:
  const Model& model_;
  std::vector<std::uint32_t> enter_, leave_, depth_;        // by person index: Euler tour of reports_to
  std::unordered_map<std::string, std::vector<Ref>> by_role_;
  std::unordered_map<std::string, std::vector<Ref>> by_side_;  // members of that side's departments
  std::vector<std::vector<Ref>> members_;                   // by department index
  std::vector<Ref> everyone_;
  // Org graph over all entities (only people and departments have edges), CSR.
  std::vector<std::uint32_t> begin_, adjacent_;
  mutable std::vector<std::uint32_t> seen_;                 // visit stamps for closest_first
  mutable std::vector<Ref> origin_;                         // the source each vertex was reached from
  mutable std::uint32_t stamp_ = 0;
};

}  // namespace clearpath
