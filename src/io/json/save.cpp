#include "clearpath/save.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/json/attributes_json.hpp"
#include "util/json_number.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

using ojson = nlohmann::ordered_json;

ojson number(double v) { return json_number(v); }

class Writer {
 public:
  Writer(const Model& m, bool normalise) : m_(m), normalise_(normalise) {}

  void common(ojson& o, const EntityBase& e) const {
    o["id"] = e.id;
    if (!e.name.empty()) o["name"] = e.name;
  }
  void attributes(ojson& o, const EntityBase& e) const {
    if (e.attributes.has_value()) o["attributes"] = json_of(e.attributes);
  }
  void ref(ojson& o, const char* key, Ref r) const {
    if (r != kNoRef) o[key] = m_.id(r);
  }
  // A list of references; `set`: its order has no meaning, so the normalised form sorts it.
  void refs(ojson& o, const char* key, const std::vector<Ref>& rs, bool set = true) const {
    if (rs.empty()) return;
    std::vector<std::string> ids;
    ids.reserve(rs.size());
    for (Ref r : rs) ids.push_back(m_.id(r));
    texts(o, key, std::move(ids), set);
  }
  // depends_on: an id for each finish-to-start link with no lag, else {"on", "type", "lag"}
  // (lag only when not 0). A set: the normalised form sorts it by id, then type and lag.
  void dependencies(ojson& o, const std::vector<Ref>& deps, const std::vector<LinkTiming>& timing) const {
    if (deps.empty()) return;
    if (std::all_of(timing.begin(), timing.end(), [](const LinkTiming& t) { return t.plain(); }))
      return refs(o, "depends_on", deps);
    std::vector<std::pair<std::string, LinkTiming>> links;
    for (std::size_t k = 0; k < deps.size(); ++k) links.emplace_back(m_.id(deps[k]), timing_at(timing, k));
    if (normalise_) std::sort(links.begin(), links.end());
    ojson list = ojson::array();
    for (auto& [id, t] : links) {
      if (t.plain()) {
        list.push_back(std::move(id));
        continue;
      }
      ojson link = {{"on", std::move(id)}, {"type", link_type_name(t.type)}};
      if (t.lag != 0) link["lag"] = number(t.lag);
      list.push_back(std::move(link));
    }
    o["depends_on"] = std::move(list);
  }
  void dates(ojson& o, const DateConstraints& d) const {
    if (!d.not_before.empty()) o["not_before"] = d.not_before.iso();
    if (!d.deadline.empty()) o["deadline"] = d.deadline.iso();
  }
  // A list of words that is a set (roles, skills, holidays).
  void texts(ojson& o, const char* key, std::vector<std::string> ts, bool set = true) const {
    if (ts.empty()) return;
    if (set && normalise_) std::sort(ts.begin(), ts.end());
    o[key] = std::move(ts);
  }

  ojson person(const Person& p) const {
    ojson o;
    common(o, p);
    ref(o, "department", p.department);
    ref(o, "reports_to", p.reports_to);
    refs(o, "dotted_line_to", p.dotted_line_to);
    if (!p.title.empty()) o["title"] = p.title;
    texts(o, "roles", p.roles);
    if (p.capacity != 1.0) o["capacity"] = number(p.capacity);
    texts(o, "skills", p.skills);
    if (!p.available) o["available"] = false;
    attributes(o, p);
    return o;
  }

  ojson department(const Department& d) const {
    ojson o;
    common(o, d);
    if (!d.side.empty()) o["side"] = d.side;
    ref(o, "head", d.head);
    refs(o, "priorities", d.priorities, false);  // a ranking: order kept
    if (d.capacity) o["capacity"] = number(*d.capacity);
    attributes(o, d);
    return o;
  }

  ojson system(const System& s) const {
    ojson o;
    common(o, s);
    if (s.legacy) o["legacy"] = true;
    ref(o, "owner", s.owner);
    attributes(o, s);
    return o;
  }

  ojson initiative(const Initiative& i) const {
    ojson o;
    common(o, i);
    refs(o, "sponsors", i.sponsors);
    if (i.value_per_month != 0) o["value_per_month"] = number(i.value_per_month);
    if (i.build_cost != 0) o["build_cost"] = number(i.build_cost);
    if (i.run_cost_per_month != 0) o["run_cost_per_month"] = number(i.run_cost_per_month);
    if (i.momentum_days) o["momentum_days"] = number(*i.momentum_days);
    attributes(o, i);
    return o;
  }

  ojson approval(const Approval& a) const {
    ojson o;
    common(o, a);
    ref(o, "initiative", a.initiative);
    refs(o, "approvers", a.approvers);
    if (a.lead_time != 0) o["lead_time"] = number(a.lead_time);
    if (a.status != ApprovalStatus::pending) o["status"] = status_name(a.status);
    dependencies(o, a.depends_on, a.link_timing);
    dates(o, a.dates);
    const Rule& r = a.rule;
    ojson rule = ojson::object();
    if (r.min_approvers != 1) rule["min_approvers"] = r.min_approvers;
    if (!r.slots.empty()) {
      ojson slots = ojson::array();
      for (const Slot& s : r.slots) {
        ojson slot = ojson::object();
        if (!s.side.empty()) slot["side"] = s.side;
        if (!s.role.empty()) slot["role"] = s.role;
        ref(slot, "department", s.department);
        slots.push_back(std::move(slot));
      }
      rule["slots"] = std::move(slots);
    }
    if (r.distinct_departments) rule["distinct_departments"] = true;
    if (r.independent) rule["independent"] = true;
    if (!rule.empty()) o["rule"] = std::move(rule);
    attributes(o, a);
    return o;
  }

  ojson step(const Step& s) const {
    ojson o;
    common(o, s);
    ref(o, "initiative", s.initiative);
    ref(o, "system", s.system);
    ref(o, "owner", s.owner);
    if (s.duration.three_point) {
      o["duration"] = {{"optimistic", number(s.duration.optimistic)},
                       {"likely", number(s.duration.likely)},
                       {"pessimistic", number(s.duration.pessimistic)}};
    } else {
      o["duration"] = number(s.duration.likely);
    }
    texts(o, "skills", s.skills);
    if (!s.demands.empty()) {
      std::vector<std::pair<std::string, double>> demands;
      for (const Demand& dm : s.demands) demands.emplace_back(m_.id(dm.resource), dm.amount);
      if (normalise_) std::sort(demands.begin(), demands.end());
      ojson d = ojson::object();
      for (const auto& [id, amount] : demands) d[id] = number(amount);
      o["demands"] = std::move(d);
    }
    if (s.status != StepStatus::not_started) o["status"] = status_name(s.status);
    dependencies(o, s.depends_on, s.link_timing);
    dates(o, s.dates);
    const StepProgress& p = s.progress;
    if (p.percent_complete != 0) o["percent_complete"] = number(p.percent_complete);
    if (p.has_remaining()) o["remaining"] = number(p.remaining);
    if (!p.actual_start.empty()) o["actual_start"] = p.actual_start.iso();
    if (!p.actual_finish.empty()) o["actual_finish"] = p.actual_finish.iso();
    attributes(o, s);
    return o;
  }

 private:
  const Model& m_;
  bool normalise_;
};

// The array of one kind of entity: in model order, or sorted by id when normalising.
template <class E, class F>
void add_array(ojson& root, const char* key, std::span<const E> items, bool normalise, F&& f) {
  if (items.empty()) return;
  std::vector<const E*> order;
  order.reserve(items.size());
  for (const E& e : items) order.push_back(&e);
  if (normalise) std::sort(order.begin(), order.end(), [](const E* a, const E* b) { return a->id < b->id; });
  ojson a = ojson::array();
  for (const E* e : order) a.push_back(f(*e));
  root[key] = std::move(a);
}

// The oldest file format version that holds the model: 2 once a link has a type or a lag, an
// activity has a date constraint, there is progress (a status date, a step's) or the calendar
// names its working days, so
// that an older clearpath says it cannot read the file rather than misreading it.
int format_version_of(const Model& m) {
  auto typed = [](const std::vector<LinkTiming>& timing) {
    return std::any_of(timing.begin(), timing.end(), [](const LinkTiming& t) { return !t.plain(); });
  };
  if (!m.status_date.empty() || !m.calendar.working_days.empty()) return 2;
  for (const Step& s : m.steps())
    if (typed(s.link_timing) || !s.dates.empty() || !s.progress.empty()) return 2;
  for (const Approval& a : m.approvals())
    if (typed(a.link_timing) || !a.dates.empty()) return 2;
  return 1;
}

}  // namespace

std::string save_model(const Model& m) { return save_model(m, SaveOptions{}); }

std::string save_model(const Model& m, const SaveOptions& options) {
  const bool normalise = options.normalise;
  Writer w(m, normalise);
  ojson root;
  root["clearpath"] = format_version_of(m);
  if (!m.name.empty()) root["name"] = m.name;
  if (!m.description.empty()) root["description"] = m.description;
  if (!m.calendar.start.empty() || !m.calendar.holidays.empty() || !m.calendar.working_days.empty()) {
    ojson cal = ojson::object();
    if (!m.calendar.start.empty()) cal["start"] = m.calendar.start;
    if (!m.calendar.working_days.empty()) {
      // In the order of the week, whatever order the file gave.
      ojson days = ojson::array();
      const unsigned mask = working_weekdays(m.calendar);
      for (int k = 0; k < 7; ++k)
        if ((mask >> k) & 1u) days.push_back(kWeekdayNames[k]);
      cal["working_days"] = std::move(days);
    }
    w.texts(cal, "holidays", m.calendar.holidays);
    root["calendar"] = std::move(cal);
  }
  if (!m.status_date.empty()) root["status_date"] = m.status_date.iso();
  if (m.attributes.has_value()) root["attributes"] = json_of(m.attributes);
  add_array(root, "people", m.people(), normalise, [&](const Person& p) { return w.person(p); });
  add_array(root, "departments", m.departments(), normalise, [&](const Department& d) { return w.department(d); });
  add_array(root, "systems", m.systems(), normalise, [&](const System& s) { return w.system(s); });
  add_array(root, "initiatives", m.initiatives(), normalise, [&](const Initiative& i) { return w.initiative(i); });
  add_array(root, "approvals", m.approvals(), normalise, [&](const Approval& a) { return w.approval(a); });
  add_array(root, "steps", m.steps(), normalise, [&](const Step& s) { return w.step(s); });
  return root.dump(2, ' ', false, nlohmann::json::error_handler_t::strict) + "\n";
}

}  // namespace clearpath
