#pragma once
// Every place an entity names another, with the JSON pointer it came from. Private.
#include <string>

#include "clearpath/model.hpp"

namespace clearpath {

inline constexpr unsigned kind_bit(EntityKind k) { return 1u << static_cast<unsigned>(k); }

struct ReferenceSite {
  EntityKind from_kind;
  std::size_t from_index;  // position in its kind's list
  const char* field;       // "depends_on", "rule/slots", "demands", ...
  long element;            // index in a list field; -1 for a single reference
  const char* subfield;    // "department" for rule slots; nullptr otherwise
  Ref target;
  unsigned allowed;      // kind_bit()s the target may have
  const char* expected;  // "a person", "a step or an approval", ...

  // "/steps/12/depends_on/0" (demands: "/steps/12/demands/<target id>").
  std::string pointer(const Model& m) const;
  const EntityBase& from(const Model& m) const;
};

// Calls fn(const ReferenceSite&) for every reference of every entity, in file order.
template <class Fn>
void for_each_reference(const Model& m, Fn&& fn) {
  constexpr unsigned person = kind_bit(EntityKind::person);
  constexpr unsigned department = kind_bit(EntityKind::department);
  constexpr unsigned system = kind_bit(EntityKind::system);
  constexpr unsigned initiative = kind_bit(EntityKind::initiative);
  constexpr unsigned work = kind_bit(EntityKind::step) | kind_bit(EntityKind::approval);
  auto one = [&](EntityKind k, std::size_t i, const char* field, Ref t, unsigned allowed, const char* expected) {
    if (t != kNoRef) fn(ReferenceSite{k, i, field, -1, nullptr, t, allowed, expected});
  };
  auto many = [&](EntityKind k, std::size_t i, const char* field, const std::vector<Ref>& ts, unsigned allowed,
                  const char* expected) {
    for (std::size_t j = 0; j < ts.size(); ++j)
      fn(ReferenceSite{k, i, field, static_cast<long>(j), nullptr, ts[j], allowed, expected});
  };
  for (std::size_t i = 0; i < m.people().size(); ++i) {
    const Person& p = m.people()[i];
    one(EntityKind::person, i, "department", p.department, department, "a department");
    one(EntityKind::person, i, "reports_to", p.reports_to, person, "a person");
    many(EntityKind::person, i, "dotted_line_to", p.dotted_line_to, person, "a person");
  }
  for (std::size_t i = 0; i < m.departments().size(); ++i) {
    const Department& d = m.departments()[i];
    one(EntityKind::department, i, "head", d.head, person, "a person");
    many(EntityKind::department, i, "priorities", d.priorities, initiative, "an initiative");
  }
  for (std::size_t i = 0; i < m.systems().size(); ++i)
    one(EntityKind::system, i, "owner", m.systems()[i].owner, department, "a department");
  for (std::size_t i = 0; i < m.initiatives().size(); ++i)
    many(EntityKind::initiative, i, "sponsors", m.initiatives()[i].sponsors, person, "a person");
  for (std::size_t i = 0; i < m.approvals().size(); ++i) {
    const Approval& a = m.approvals()[i];
    one(EntityKind::approval, i, "initiative", a.initiative, initiative, "an initiative");
    many(EntityKind::approval, i, "approvers", a.approvers, person, "a person");
    many(EntityKind::approval, i, "depends_on", a.depends_on, work, "a step or an approval");
    for (std::size_t j = 0; j < a.rule.slots.size(); ++j)
      if (a.rule.slots[j].department != kNoRef)
        fn(ReferenceSite{EntityKind::approval, i, "rule/slots", static_cast<long>(j), "department",
                         a.rule.slots[j].department, department, "a department"});
  }
  for (std::size_t i = 0; i < m.steps().size(); ++i) {
    const Step& s = m.steps()[i];
    one(EntityKind::step, i, "initiative", s.initiative, initiative, "an initiative");
    one(EntityKind::step, i, "system", s.system, system, "a system");
    one(EntityKind::step, i, "owner", s.owner, person | department, "a person or a department");
    for (const Demand& d : s.demands)
      fn(ReferenceSite{EntityKind::step, i, "demands", -1, nullptr, d.resource, person | department,
                       "a person or a department"});
    many(EntityKind::step, i, "depends_on", s.depends_on, work, "a step or an approval");
  }
}

}  // namespace clearpath
