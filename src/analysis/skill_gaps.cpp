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
  std::map<std::string, std::vector<Ref>> holders, needed;
  for (std::size_t i = 0; i < m.people().size(); ++i)
    if (m.people()[i].available)
      for (const std::string& skill : m.people()[i].skills) holders[skill].push_back(m.ref_of(EntityKind::person, i));
  for (Ref s : critical_steps)
    for (const std::string& skill : m.step(s).skills) needed[skill].push_back(s);
  std::vector<SkillConcentration> out;
  for (auto& [skill, steps] : needed) {
    auto h = holders.find(skill);
    if (h == holders.end()) continue;
    std::vector<Ref> people = h->second;
    std::sort(people.begin(), people.end());
    people.erase(std::unique(people.begin(), people.end()), people.end());
    std::sort(steps.begin(), steps.end(), [&](Ref a, Ref b) { return id_less(m, a, b); });
    steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
    if (people.size() == 1 && steps.size() >= 2) out.push_back({skill, people[0], steps});
  }
  return out;
}

}  // namespace clearpath
