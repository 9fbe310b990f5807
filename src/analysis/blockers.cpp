// Blockers: critical or near-critical activities that cannot proceed as planned, each with
// the part of the schedule that waits on it and what that delay costs.
#include <algorithm>
#include <set>
#include <tuple>

#include "analysis/members.hpp"
#include "analysis/path_parts.hpp"
#include "clearpath/approval_rules.hpp"

namespace clearpath {

double cost_per_day(const Initiative& i) noexcept { return i.value_per_month * 12 / kWorkingDaysPerYear; }

namespace {

struct Reason {
  std::string code, text;
};

// The available members of the department that owns the work (the owner's, or the owner).
const std::vector<Ref>& owning_department_members(const Model& m, const Members& members, Ref owner) {
  static const std::vector<Ref> none;
  const Ref dept = m.kind(owner) == EntityKind::person ? m.person(owner).department : owner;
  return dept == kNoRef ? none : members[m.index(dept)];
}

std::vector<Reason> step_reasons(const Model& m, const Members& all_members, Ref a) {
  std::vector<Reason> out;
  const Step& s = m.step(a);
  if (s.status == StepStatus::blocked) out.push_back({"blocked", "the step is marked blocked"});
  if (s.owner == kNoRef) {
    out.push_back({"no-owner", "the step has no owner"});
    return out;
  }
  const std::vector<Ref>& members = owning_department_members(m, all_members, s.owner);
  if (m.kind(s.owner) == EntityKind::person && !m.person(s.owner).available)
    out.push_back({"owner-unavailable", "its owner " + m.id(s.owner) + " is not available"});
  if (m.kind(s.owner) == EntityKind::department && members.empty())
    out.push_back({"owner-unavailable", "its owning department " + m.id(s.owner) + " has no available member"});
  for (const std::string& skill : s.skills) {
    // The same rule as the skills gaps of `clearpath conflicts` (skill_gaps.cpp): only an
    // available person's skill counts, so an absent owner who has it leaves a gap unless a
    // colleague can step in.
    if (m.kind(s.owner) == EntityKind::person && m.person(s.owner).available && has_skill(m.person(s.owner), skill))
      continue;
    const bool someone =
        std::any_of(members.begin(), members.end(), [&](Ref p) { return has_skill(m.person(p), skill); });
    if (someone) continue;
    const Ref dept = m.kind(s.owner) == EntityKind::person ? m.person(s.owner).department : s.owner;
    std::string text = "needs " + skill + ": ";
    if (m.kind(s.owner) != EntityKind::person) text += "nobody";
    else if (has_skill(m.person(s.owner), skill))
      text += "its owner " + m.id(s.owner) + " has it but is not available, and nobody else";
    else text += "its owner " + m.id(s.owner) + " lacks it and nobody";
    text += dept != kNoRef ? " in " + m.id(dept) + " has it" : " in its department has it";
    out.push_back({"skills-gap", text});
  }
  return out;
}

}  // namespace

std::vector<Blocker> find_blockers(const Model& m, const Network& net, const Schedule& sched,
                                   const PathOptions& options, std::optional<Ref> focus) {
  std::vector<Blocker> out;
  const Members members = available_members(m);
  // Why a gate cannot be granted: the options' check, or else the gate's rule checked exactly
  // (the organisation indexed once, on the first gate that needs it).
  std::shared_ptr<const OrgIndex> index;
  auto approval_reason = [&](Ref gate) -> std::optional<std::string> {
    if (options.approval_check) return options.approval_check(m, gate);
    if (!index) index = index_organisation(m);
    const GateCheck c = check_gate(m, gate, {}, index.get());
    if (c.satisfiable) return std::nullopt;
    std::string why;
    for (const UnfilledSlot& u : c.unfilled) why += (why.empty() ? "" : "; ") + u.reason;
    return why;
  };
  for (std::uint32_t a = 0; a < net.size(); ++a) {
    const ActivityTimes& t = sched.times[a];
    if (!(t.total_float < options.near_days || t.critical)) continue;
    const Ref r = net.activity[a];
    std::vector<Reason> reasons;
    Ref initiative = kNoRef;
    if (m.kind(r) == EntityKind::step) {
      const Step& s = m.step(r);
      if (s.status == StepStatus::done) continue;
      initiative = s.initiative;
      reasons = step_reasons(m, members, r);
    } else {
      const Approval& g = m.approval(r);
      if (g.status == ApprovalStatus::granted) continue;
      initiative = g.initiative;
      if (g.status == ApprovalStatus::denied) reasons.push_back({"denied", "the approval was denied"});
      else if (auto why = approval_reason(r)) reasons.push_back({"approvers", *why});
    }
    const std::vector<Ref>& deps = m.depends_on(r);
    std::set<std::string> other;  // each other initiative once, in id order
    for (Ref d : deps) {
      const Ref di = m.initiative_of(d);
      if (initiative != kNoRef && di != kNoRef && di != initiative)
        other.insert("'" + m.id(d) + "' of initiative " + m.id(di));
    }
    for (const std::string& o : other) reasons.push_back({"cross-initiative", "depends on " + o});
    if (reasons.empty()) continue;
    const Ref costed = initiative != kNoRef ? initiative : focus.value_or(kNoRef);
    const double per_day = costed != kNoRef ? cost_per_day(m.initiative(costed)) : 0.0;
    const double delay = std::max(0.0, sched.duration - t.ls);
    for (Reason& why : reasons)
      out.push_back({a, std::move(why.code), std::move(why.text), delay, delay * per_day, t.critical});
  }
  std::sort(out.begin(), out.end(), [&](const Blocker& x, const Blocker& y) {
    if (x.cost_of_delay != y.cost_of_delay) return x.cost_of_delay > y.cost_of_delay;
    if (x.delay_days != y.delay_days) return x.delay_days > y.delay_days;
    return std::tie(x.activity, x.code, x.reason) < std::tie(y.activity, y.code, y.reason);
  });
  return out;
}

}  // namespace clearpath
