// The clean reader's entities (clean_reader.hpp): each kind's fields in one pass over its
// object, then its references interned in the order EntityDecoder interns them (the fields in
// its order, the entity's own id last), so both readers give every id the same Ref.
#include <algorithm>

#include "io/json/clean_reader.hpp"
#include "io/json/entity_decoder.hpp"
#include "model/model_builder_access.hpp"

namespace clearpath::clean {
namespace {

// A side name, or "" (no side).
bool side_of(od::value& v, std::string& out) { return text(v, out) && (out.empty() || is_side_name(out)); }

template <class Status>
bool status_of(od::value& v, Status& out, std::initializer_list<std::pair<std::string_view, Status>> names) {
  std::string_view s;
  if (!string_of(v, s)) return false;
  for (const auto& [name, value] : names)
    if (name == s) {
      out = value;
      return true;
    }
  return false;
}

// A date YYYY-MM-DD that exists.
bool date_of(od::value& v, Date& out) {
  std::string_view text;
  if (!string_of(v, text)) return false;
  const std::optional<Date> d = Date::parse(text);
  if (d) out = *d;
  return d.has_value();
}

Ref intern_if(ModelBuilder& b, std::string_view id) { return id.empty() ? kNoRef : b.intern(id); }

}  // namespace

void Reader::intern_all(const std::vector<std::string_view>& list, std::vector<Ref>& out) {
  out.reserve(list.size());
  for (std::string_view id : list) out.push_back(builder_.intern(id));
}

template <class E>
bool Reader::add(E&& e, std::string_view id, std::uint32_t index) {
  if (!entity_id(id)) return false;
  e.id.assign(id);
  e.source_index = index;
  if (builder_.add(std::forward<E>(e))) return true;
  defined_twice_ = true;
  return false;
}

bool Reader::person(od::object& o, std::uint32_t index) {
  Person p;
  std::string_view id, department, reports_to;
  ids_a_.clear();
  const bool ok = fields(o,
                         {"id", "name", "attributes", "department", "reports_to", "dotted_line_to", "title", "roles",
                          "capacity", "skills", "available"},
                         [&](std::uint32_t k, od::value& v) {
                           switch (k) {
                             case 0: return string_of(v, id);
                             case 1: return text(v, p.name);
                             case 2: return attributes(v, 3, p.attributes);
                             case 3: return id_of(v, department);
                             case 4: return id_of(v, reports_to);
                             case 5: return ids(v, ids_a_);
                             case 6: return text(v, p.title);
                             case 7: return texts(v, p.roles);
                             case 8: return number_of(v, Range{0, true, 1.0, false}, p.capacity);
                             case 9: return texts(v, p.skills);
                             default: return bool_of(v, p.available);
                           }
                         });
  if (!ok) return false;
  p.department = intern_if(builder_, department);
  p.reports_to = intern_if(builder_, reports_to);
  intern_all(ids_a_, p.dotted_line_to);
  return add(std::move(p), id, index);
}

bool Reader::department(od::object& o, std::uint32_t index) {
  Department d;
  std::string_view id, head;
  ids_a_.clear();
  const bool ok = fields(o, {"id", "name", "attributes", "side", "head", "priorities", "capacity"},
                         [&](std::uint32_t k, od::value& v) {
                           switch (k) {
                             case 0: return string_of(v, id);
                             case 1: return text(v, d.name);
                             case 2: return attributes(v, 3, d.attributes);
                             case 3: return side_of(v, d.side);
                             case 4: return id_of(v, head);
                             case 5: return ids(v, ids_a_);
                             default: return number_of(v, kPositive, d.capacity);
                           }
                         });
  if (!ok) return false;
  d.head = intern_if(builder_, head);
  intern_all(ids_a_, d.priorities);
  return add(std::move(d), id, index);
}

bool Reader::system(od::object& o, std::uint32_t index) {
  System s;
  std::string_view id, owner;
  const bool ok = fields(o, {"id", "name", "attributes", "legacy", "owner"}, [&](std::uint32_t k, od::value& v) {
    switch (k) {
      case 0: return string_of(v, id);
      case 1: return text(v, s.name);
      case 2: return attributes(v, 3, s.attributes);
      case 3: return bool_of(v, s.legacy);
      default: return id_of(v, owner);
    }
  });
  if (!ok) return false;
  s.owner = intern_if(builder_, owner);
  return add(std::move(s), id, index);
}

bool Reader::initiative(od::object& o, std::uint32_t index) {
  Initiative i;
  std::string_view id;
  ids_a_.clear();
  const bool ok = fields(
      o,
      {"id", "name", "attributes", "sponsors", "value_per_month", "build_cost", "run_cost_per_month", "momentum_days"},
      [&](std::uint32_t k, od::value& v) {
        switch (k) {
          case 0: return string_of(v, id);
          case 1: return text(v, i.name);
          case 2: return attributes(v, 3, i.attributes);
          case 3: return ids(v, ids_a_);
          case 4: return number_of(v, kNonNegative, i.value_per_month);
          case 5: return number_of(v, kNonNegative, i.build_cost);
          case 6: return number_of(v, kNonNegative, i.run_cost_per_month);
          default: return number_of(v, kNonNegative, i.momentum_days);
        }
      });
  if (!ok) return false;
  intern_all(ids_a_, i.sponsors);
  return add(std::move(i), id, index);
}

bool Reader::approval(od::object& o, std::uint32_t index) {
  Approval a;
  std::string_view id, initiative;
  ids_a_.clear();
  ids_b_.clear();
  ids_c_.clear();  // the departments of the rule's slots, "" where a slot names none
  const bool ok = fields(o,
                         {"id", "name", "attributes", "initiative", "approvers", "lead_time", "status", "depends_on",
                          "rule", "not_before", "deadline"},
                         [&](std::uint32_t k, od::value& v) {
                           switch (k) {
                             case 0: return string_of(v, id);
                             case 1: return text(v, a.name);
                             case 2: return attributes(v, 3, a.attributes);
                             case 3: return id_of(v, initiative);
                             case 4: return ids(v, ids_a_);
                             case 5: return number_of(v, kNonNegative, a.lead_time);
                             case 6:
                               return status_of(v, a.status,
                                                {{"pending", ApprovalStatus::pending},
                                                 {"granted", ApprovalStatus::granted},
                                                 {"denied", ApprovalStatus::denied}});
                             case 7: return dependencies(v, ids_b_, a.link_timing);
                             case 8: return rule(v, a.rule);
                             case 9: return date_of(v, a.dates.not_before);
                             default: return date_of(v, a.dates.deadline);
                           }
                         });
  if (!ok) return false;
  a.initiative = intern_if(builder_, initiative);
  intern_all(ids_a_, a.approvers);
  intern_all(ids_b_, a.depends_on);
  for (std::size_t i = 0; i < a.rule.slots.size(); ++i) a.rule.slots[i].department = intern_if(builder_, ids_c_[i]);
  return add(std::move(a), id, index);
}

bool Reader::rule(od::value& v, Rule& out) {
  od::object o;
  if (v.get_object().get(o)) return false;
  double min = 1;
  const bool ok = fields(
      o, {"min_approvers", "slots", "distinct_departments", "independent"}, [&](std::uint32_t k, od::value& field) {
        switch (k) {
          case 0: return number_of(field, Range{1, false, 1000, true}, min);
          case 1:
            return elements(field, [&](od::value& item) {
              od::object slot_object;
              if (item.get_object().get(slot_object)) return false;
              Slot slot;
              std::string_view department;
              bool named = false;
              const bool slot_ok =
                  fields(slot_object, {"side", "role", "department"}, [&](std::uint32_t s, od::value& sv) {
                    named = true;
                    if (s == 0) return side_of(sv, slot.side);
                    if (s == 1) return text(sv, slot.role);
                    return id_of(sv, department);
                  });
              out.slots.push_back(std::move(slot));
              ids_c_.push_back(department);
              return slot_ok && named;
            });
          case 2: return bool_of(field, out.distinct_departments);
          default: return bool_of(field, out.independent);
        }
      });
  out.min_approvers = static_cast<int>(min);
  return ok;
}

bool Reader::step(od::object& o, std::uint32_t index) {
  PendingStep& p = pending_;
  p.reset();
  p.index = index;
  return read_step(o, p) && build_step(p);
}

bool Reader::read_step(od::object& o, PendingStep& p) {
  bool has_duration = false;
  Step& s = p.step;
  const bool ok =
      fields(o,
             {"id", "name", "attributes", "initiative", "system", "owner", "duration", "skills", "demands", "status",
              "depends_on", "not_before", "deadline", "percent_complete", "remaining", "actual_start", "actual_finish"},
             [&](std::uint32_t k, od::value& v) {
               switch (k) {
                 case 0: return string_of(v, p.id);
                 case 1: return text(v, s.name);
                 case 2: return attributes(v, 3, s.attributes);
                 case 3: return id_of(v, p.initiative);
                 case 4: return id_of(v, p.system);
                 case 5: return id_of(v, p.owner);
                 case 6: has_duration = true; return duration(v, s.duration);
                 case 7: return texts(v, s.skills);
                 case 8: return demands(v, p.demand_ids, p.demand_amounts);
                 case 9:
                   return status_of(v, s.status,
                                    {{"not-started", StepStatus::not_started},
                                     {"in-progress", StepStatus::in_progress},
                                     {"done", StepStatus::done},
                                     {"blocked", StepStatus::blocked}});
                 case 10: return dependencies(v, p.depends_on, s.link_timing);
                 case 11: return date_of(v, s.dates.not_before);
                 case 12: return date_of(v, s.dates.deadline);
                 case 13: return number_of(v, Range{0, false, 100, false}, s.progress.percent_complete);
                 case 14: return number_of(v, kNonNegative, s.progress.remaining);
                 case 15: return date_of(v, s.progress.actual_start);
                 default: return date_of(v, s.progress.actual_finish);
               }
             });
  if (!ok || !has_duration) return false;
  for (std::string_view x : {p.initiative, p.system, p.owner, p.id}) p.probes.push_back(IdIndex::probe(x));
  for (std::string_view x : p.depends_on) p.probes.push_back(IdIndex::probe(x));
  for (std::string_view x : p.demand_ids) p.probes.push_back(IdIndex::probe(x));
  return true;
}

// In the order EntityDecoder interns them: initiative, system, owner, demands, depends_on, the
// step's own id last (when it is added).
bool Reader::build_step(PendingStep& p) {
  const IdProbe* probe = p.probes.data();
  for (std::size_t k = 0; k < 4 + p.depends_on.size(); ++k) ModelBuilderAccess::prefetch(builder_, probe[k]);
  auto intern = [&](std::string_view id, const IdProbe& at) {
    return id.empty() ? kNoRef : ModelBuilderAccess::intern(builder_, id, at);
  };
  Step& s = p.step;
  s.initiative = intern(p.initiative, probe[0]);
  s.system = intern(p.system, probe[1]);
  s.owner = intern(p.owner, probe[2]);
  const IdProbe* demand = probe + 4 + p.depends_on.size();
  for (std::size_t i = 0; i < p.demand_ids.size(); ++i)
    s.demands.push_back({ModelBuilderAccess::intern(builder_, p.demand_ids[i], demand[i]), p.demand_amounts[i]});
  s.depends_on.reserve(p.depends_on.size());
  for (std::size_t i = 0; i < p.depends_on.size(); ++i)
    s.depends_on.push_back(ModelBuilderAccess::intern(builder_, p.depends_on[i], probe[4 + i]));
  if (!entity_id(p.id)) return false;
  s.id.assign(p.id);
  s.source_index = p.index;
  if (ModelBuilderAccess::add(builder_, std::move(s), probe[3])) return true;
  defined_twice_ = true;
  return false;
}

bool Reader::duration(od::value& v, Duration& out) {
  od::json_type type;
  if (v.type().get(type)) return false;
  if (type == od::json_type::number) {
    double d = 0;
    if (!number_of(v, kNonNegative, d)) return false;
    out = Duration::fixed(d);
    return true;
  }
  od::object o;
  if (v.get_object().get(o)) return false;
  double point[3] = {-1, -1, -1};
  const bool ok = fields(o, {"optimistic", "likely", "pessimistic"},
                         [&](std::uint32_t k, od::value& field) { return number_of(field, kNonNegative, point[k]); });
  if (!ok || point[0] < 0 || point[1] < 0 || point[2] < 0 || point[0] > point[1] || point[1] > point[2]) return false;
  out = {point[0], point[1], point[2], true};
  return true;
}

// Resource id -> amount. Past a few hundred resources the repeated-key check would grow
// quadratic; such a step is left to the precise reader.
bool Reader::demands(od::value& v, std::vector<std::string_view>& demand_ids, std::vector<double>& demand_amounts) {
  constexpr std::size_t kMostChecked = 256;
  od::object o;
  if (v.get_object().get(o)) return false;
  for (auto result : o) {
    od::field f;
    std::string_view key;
    double amount = 0;
    if (std::move(result).get(f) || !key_of(f, key) || key.empty() || !number_of(f.value(), kPositive, amount))
      return false;
    if (demand_ids.size() >= kMostChecked || std::find(demand_ids.begin(), demand_ids.end(), key) != demand_ids.end())
      return false;
    demand_ids.push_back(key);
    demand_amounts.push_back(amount);
  }
  return true;
}

bool Reader::entity(EntityKind kind, std::uint32_t index, od::object& o) {
  switch (kind) {
    case EntityKind::person: return person(o, index);
    case EntityKind::department: return department(o, index);
    case EntityKind::system: return system(o, index);
    case EntityKind::initiative: return initiative(o, index);
    case EntityKind::approval: return approval(o, index);
    case EntityKind::step: return step(o, index);
  }
  return false;
}

}  // namespace clearpath::clean
