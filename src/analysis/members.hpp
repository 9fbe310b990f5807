#pragma once
// Who can do the work: the available members of each department, and whether a person has a
// skill. Shared by the blockers, the co-pilot analysis and the skills checks. Private.
#include <algorithm>
#include <string>
#include <vector>

#include "clearpath/model.hpp"

namespace clearpath {

// Available members of each department, by department index, in file order.
using Members = std::vector<std::vector<Ref>>;
inline Members available_members(const Model& m) {
  Members out(m.departments().size());
  for (std::size_t i = 0; i < m.people().size(); ++i) {
    const Person& p = m.people()[i];
    if (p.available && p.department != kNoRef) out[m.index(p.department)].push_back(m.ref_of(EntityKind::person, i));
  }
  return out;
}

inline bool has_skill(const Person& p, const std::string& skill) {
  return std::find(p.skills.begin(), p.skills.end(), skill) != p.skills.end();
}

}  // namespace clearpath
