#pragma once
// The fields of each kind of entity as the file format writes them, once, for every writer of
// them: save_model's JSON (save.cpp) and the fingerprints clearpath diff compares entities by
// (normalised_parts.cpp). A field added here is saved and compared alike. Private to the library.
//
// A sink takes the fields of one object in order (keys are string_views):
//   text(key, string_view), number(key, double), integer(key, long long), boolean(key, bool),
//   texts(key, vector<string>), links(key, vector<pair<id, LinkTiming>>), attributes(Attributes),
//   object(key, fill) and objects(key, n, fill): fill(Sink& child[, index]) writes the members.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "clearpath/model.hpp"

namespace clearpath {

class EntityFields {
 public:
  // `normalise`: the lists that are sets sorted (docs/export.md), as the normalised file has them.
  EntityFields(const Model& m, bool normalise) : m_(m), normalise_(normalise) {}

  template <class S>
  void person(S& o, const Person& p) const {
    common(o, p);
    ref(o, "department", p.department);
    ref(o, "reports_to", p.reports_to);
    refs(o, "dotted_line_to", p.dotted_line_to);
    if (!p.title.empty()) o.text("title", p.title);
    texts(o, "roles", p.roles);
    if (p.capacity != 1.0) o.number("capacity", p.capacity);
    texts(o, "skills", p.skills);
    if (!p.available) o.boolean("available", false);
    attributes(o, p);
  }

  template <class S>
  void department(S& o, const Department& d) const {
    common(o, d);
    if (!d.side.empty()) o.text("side", d.side);
    ref(o, "head", d.head);
    refs(o, "priorities", d.priorities, false);  // a ranking: order kept
    if (d.capacity) o.number("capacity", *d.capacity);
    attributes(o, d);
  }

  template <class S>
  void system(S& o, const System& s) const {
    common(o, s);
    if (s.legacy) o.boolean("legacy", true);
    ref(o, "owner", s.owner);
    attributes(o, s);
  }

  template <class S>
  void initiative(S& o, const Initiative& i) const {
    common(o, i);
    refs(o, "sponsors", i.sponsors);
    if (i.value_per_month != 0) o.number("value_per_month", i.value_per_month);
    if (i.build_cost != 0) o.number("build_cost", i.build_cost);
    if (i.run_cost_per_month != 0) o.number("run_cost_per_month", i.run_cost_per_month);
    if (i.momentum_days) o.number("momentum_days", *i.momentum_days);
    attributes(o, i);
  }

  template <class S>
  void approval(S& o, const Approval& a) const {
    common(o, a);
    ref(o, "initiative", a.initiative);
    refs(o, "approvers", a.approvers);
    if (a.lead_time != 0) o.number("lead_time", a.lead_time);
    if (a.status != ApprovalStatus::pending) o.text("status", status_name(a.status));
    dependencies(o, a.depends_on, a.link_timing);
    dates(o, a.dates);
    const Rule& r = a.rule;
    if (r.min_approvers != 1 || !r.slots.empty() || r.distinct_departments || r.independent)
      o.object("rule", [&](S& rule) {
        if (r.min_approvers != 1) rule.integer("min_approvers", r.min_approvers);
        if (!r.slots.empty())
          rule.objects("slots", r.slots.size(), [&](S& slot, std::size_t k) {
            const Slot& s = r.slots[k];
            if (!s.side.empty()) slot.text("side", s.side);
            if (!s.role.empty()) slot.text("role", s.role);
            ref(slot, "department", s.department);
          });
        if (r.distinct_departments) rule.boolean("distinct_departments", true);
        if (r.independent) rule.boolean("independent", true);
      });
    attributes(o, a);
  }

  template <class S>
  void step(S& o, const Step& s) const {
    common(o, s);
    ref(o, "initiative", s.initiative);
    ref(o, "system", s.system);
    ref(o, "owner", s.owner);
    if (s.duration.three_point) {
      o.object("duration", [&](S& d) {
        d.number("optimistic", s.duration.optimistic);
        d.number("likely", s.duration.likely);
        d.number("pessimistic", s.duration.pessimistic);
      });
    } else {
      o.number("duration", s.duration.likely);
    }
    texts(o, "skills", s.skills);
    if (!s.demands.empty()) {
      std::vector<std::pair<std::string, double>> demands;
      demands.reserve(s.demands.size());
      for (const Demand& dm : s.demands) demands.emplace_back(m_.id(dm.resource), dm.amount);
      if (normalise_) std::sort(demands.begin(), demands.end());
      o.object("demands", [&](S& d) {
        for (const auto& [id, amount] : demands) d.number(id, amount);
      });
    }
    if (s.status != StepStatus::not_started) o.text("status", status_name(s.status));
    dependencies(o, s.depends_on, s.link_timing);
    dates(o, s.dates);
    const StepProgress& p = s.progress;
    if (p.percent_complete != 0) o.number("percent_complete", p.percent_complete);
    if (p.has_remaining()) o.number("remaining", p.remaining);
    if (!p.actual_start.empty()) o.text("actual_start", p.actual_start.iso());
    if (!p.actual_finish.empty()) o.text("actual_finish", p.actual_finish.iso());
    attributes(o, s);
  }

  // The entity `r`, whatever its kind.
  template <class S>
  void entity(S& o, Ref r) const {
    switch (m_.kind(r)) {
      case EntityKind::person: return person(o, m_.person(r));
      case EntityKind::department: return department(o, m_.department(r));
      case EntityKind::system: return system(o, m_.system(r));
      case EntityKind::initiative: return initiative(o, m_.initiative(r));
      case EntityKind::approval: return approval(o, m_.approval(r));
      case EntityKind::step: return step(o, m_.step(r));
    }
  }

  // A list of words that is a set (roles, skills, holidays).
  template <class S>
  void texts(S& o, const char* key, std::vector<std::string> ts, bool set = true) const {
    if (ts.empty()) return;
    if (set && normalise_) std::sort(ts.begin(), ts.end());
    o.texts(key, std::move(ts));
  }

 private:
  template <class S>
  void common(S& o, const EntityBase& e) const {
    o.text("id", e.id);
    if (!e.name.empty()) o.text("name", e.name);
  }
  template <class S>
  void attributes(S& o, const EntityBase& e) const {
    if (e.attributes.has_value()) o.attributes(e.attributes);
  }
  template <class S>
  void ref(S& o, const char* key, Ref r) const {
    if (r != kNoRef) o.text(key, m_.id(r));
  }
  // A list of references; `set`: its order has no meaning, so the normalised form sorts it.
  template <class S>
  void refs(S& o, const char* key, const std::vector<Ref>& rs, bool set = true) const {
    if (rs.empty()) return;
    std::vector<std::string> ids;
    ids.reserve(rs.size());
    for (Ref r : rs) ids.push_back(m_.id(r));
    texts(o, key, std::move(ids), set);
  }
  // depends_on: the ids when every link is finish-to-start with no lag, else each link with its
  // type and lag. A set: the normalised form sorts it by id, then type and lag.
  template <class S>
  void dependencies(S& o, const std::vector<Ref>& deps, const std::vector<LinkTiming>& timing) const {
    if (deps.empty()) return;
    if (std::all_of(timing.begin(), timing.end(), [](const LinkTiming& t) { return t.plain(); }))
      return refs(o, "depends_on", deps);
    std::vector<std::pair<std::string, LinkTiming>> links;
    links.reserve(deps.size());
    for (std::size_t k = 0; k < deps.size(); ++k) links.emplace_back(m_.id(deps[k]), timing_at(timing, k));
    if (normalise_) std::sort(links.begin(), links.end());
    o.links("depends_on", links);
  }
  template <class S>
  void dates(S& o, const DateConstraints& d) const {
    if (!d.not_before.empty()) o.text("not_before", d.not_before.iso());
    if (!d.deadline.empty()) o.text("deadline", d.deadline.iso());
  }

  const Model& m_;
  bool normalise_;
};

}  // namespace clearpath
