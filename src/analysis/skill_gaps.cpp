// Skills gaps (a step needs a skill that neither its owner nor anyone available in the owning
// department has) and concentration risk (a skill only one available person has, needed by
// several critical steps).
#include <algorithm>
#include <map>

#include "analysis/conflict_parts.hpp"
#include "analysis/id_order.hpp"
#include "analysis/members.hpp"

namespace clearpath {
std::vector<SkillGap> skill_gaps(const Model& m, const Network& net, const std::set<Ref>& critical_steps) {
  const Members members = available_members(m);
  std::vector<SkillGap> out;
  for (std::uint32_t a = 0; a < net.size(); ++a) {
    const Ref r = net.activity[a];
    if (m.kind(r) != EntityKind::step) continue;
    const Step& s = m.step(r);
    if (s.status == StepStatus::done || s.owner == kNoRef) continue;
    const Ref department = m.kind(s.owner) == EntityKind::person ? m.person(s.owner).department : s.owner;
    for (const std::string& skill : s.skills) {
      if (m.kind(s.owner) == EntityKind::person && m.person(s.owner).available && has_skill(m.person(s.owner), skill))
        continue;
      bool found = false;
      if (department != kNoRef)
        for (Ref p : members[m.index(department)]) found = found || has_skill(m.person(p), skill);
      if (!found) out.push_back({r, skill, s.owner, department, critical_steps.count(r) > 0});
    }
  }
  std::sort(out.begin(), out.end(), [&](const SkillGap& x, const SkillGap& y) {
    if (x.step != y.step) return id_less(m, x.step, y.step);
    return x.skill < y.skill;
  });
  return out;
}

std::vector<SkillConcentration> skill_concentrations(const Model& m, const std::set<Ref>& critical_steps) {
  // The skills critical steps need first (a few), then who has them: no list of holders for
  // each of the skills of every person.
  struct Need {
    std::vector<Ref> steps;
    Ref holder = kNoRef;  // the one available person who has it, while there is one
    std::size_t holders = 0;
  };
  std::map<std::string, Need> needed;
  for (Ref s : critical_steps)
    for (const std::string& skill : m.step(s).skills) needed[skill].steps.push_back(s);
  if (needed.empty()) return {};
  for (std::size_t i = 0; i < m.people().size(); ++i) {
    if (!m.people()[i].available) continue;
    const Ref person = m.ref_of(EntityKind::person, i);
    for (const std::string& skill : m.people()[i].skills) {
      const auto it = needed.find(skill);
      if (it == needed.end() || it->second.holder == person) continue;
      it->second.holder = person;
      ++it->second.holders;
    }
  }
  std::vector<SkillConcentration> out;
  for (auto& [skill, need] : needed) {
    if (need.holders != 1) continue;
    std::vector<Ref>& steps = need.steps;
    std::sort(steps.begin(), steps.end(), [&](Ref a, Ref b) { return id_less(m, a, b); });
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    if (steps.size() >= 2) out.push_back({skill, need.holder, steps});
  }
  return out;
}

}  // namespace clearpath
