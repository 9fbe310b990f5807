// Checks that the plan can be computed at all: no step demands more than a resource ever has,
// durations, lead times and money stay within bounds that keep every sum finite, and a
// schedule's dates stay within the calendar (9999-12-31 at the latest). Without them an
// analysis would stop half-way (levelling, schedules) or print infinities; here each is a
// located error of the file, whatever --initiative later selects.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/capacity_fit.hpp"
#include "model/checks.hpp"
#include "model/entity_pointer.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

bool is(const ModelBuilder& b, Ref r, EntityKind k) { return r != kNoRef && b.defined_kind(r) == k; }

constexpr double kMaxMoney = 1e15;  // value_per_month, build_cost, run_cost_per_month

// What each resource can give, as the analyses count it: a person's capacity, a department's
// own capacity or else the sum of its available members'. Computed here rather than by
// Model::department_capacity because references may still be unresolved or of the wrong kind.
class Capacities {
 public:
  explicit Capacities(const ModelBuilder& b) : b_(b), members_(b.model().departments().size(), 0.0) {
    const Model& m = b.model();
    for (const Person& p : m.people())
      if (p.available && is(b, p.department, EntityKind::department)) members_[m.index(p.department)] += p.capacity;
  }
  // nullopt when `r` is not a person or a department (the reference check reports that).
  std::optional<double> of(Ref r) const {
    const Model& m = b_.model();
    if (is(b_, r, EntityKind::person)) return m.person(r).capacity;
    if (!is(b_, r, EntityKind::department)) return std::nullopt;
    const Department& d = m.department(r);
    return d.capacity ? *d.capacity : members_[m.index(r)];
  }

 private:
  const ModelBuilder& b_;
  std::vector<double> members_;
};

// Only a step that still has work loads anyone: the levelling skips done and zero-length steps.
bool has_work(const Step& s) { return s.status != StepStatus::done && s.duration.expected() > 0; }

void check_step_demands(const ModelBuilder& b, const Capacities& capacities, const Step& s, Diagnostics& diag) {
  // Pointers are spelled out only for a report: a million steps each had a string made.
  auto at = [&] { return entity_pointer(EntityKind::step, s.source_index); };
  auto report = [&](const std::string& pointer, Ref r, double amount, double capacity, const char* how) {
    diag.error("over-capacity", pointer, s.id,
               "step " + quote_text(s.id) + " demands " + load_number(amount) + " of " + quote_text(b.id(r)) + how +
                   ", whose capacity is " + load_number(capacity) + ": it can never be scheduled");
  };
  for (const Demand& d : s.demands) {
    const std::optional<double> capacity = capacities.of(d.resource);
    if (capacity && !fits_capacity(d.amount, *capacity))
      report(pointer_join(at() + "/demands", b.id(d.resource)), d.resource, d.amount, *capacity, "");
  }
  // The default demand of a department owner is 1, or all it has when that is less: it fails
  // only when the department has nothing at all.
  if (s.demands.empty() && is(b, s.owner, EntityKind::department)) {
    const double capacity = *capacities.of(s.owner);
    if (!(capacity > 0)) report(at() + "/owner", s.owner, 1, capacity, " (its owner, by default)");
  }
}

// Each number of working days (a duration's points, a lead time, a momentum window) and each
// amount of money is bounded. With at most 2^32 entities, every sum of days is then below
// 4.3e15 < 2^53 (finite, and exact in whole days), and a cost of delay (money per month times
// days) below 1e31: no analysis meets an infinity.
bool check_bound(double v, double bound, const char* unit, const std::string& pointer, const EntityBase& e,
                 const std::string& what, Diagnostics& diag) {
  if (v <= bound) return true;
  diag.error(
      "out-of-range", pointer, e.id,
      what + " must be at most " + (bound == kMaxDays ? "1,000,000" : "1e15") + unit + ", not " + load_number(v));
  return false;
}

bool check_days(double v, const std::string& pointer, const EntityBase& e, const std::string& what, Diagnostics& diag) {
  return check_bound(v, kMaxDays, " working days", pointer, e, what, diag);
}

bool check_step_duration(const Step& s, Diagnostics& diag) {
  const Duration& d = s.duration;
  if (d.optimistic <= kMaxDays && d.likely <= kMaxDays && d.pessimistic <= kMaxDays) return true;
  const std::string at = entity_pointer(EntityKind::step, s.source_index) + "/duration";
  const std::string of = " of step " + quote_text(s.id);
  if (!s.duration.three_point) return check_days(s.duration.likely, at, s, "duration" + of, diag);
  // optimistic <= likely <= pessimistic: the largest point over the bound is reported.
  if (!(d.pessimistic <= kMaxDays)) return check_days(d.pessimistic, at + "/pessimistic", s, "pessimistic" + of, diag);
  if (!(d.likely <= kMaxDays)) return check_days(d.likely, at + "/likely", s, "likely" + of, diag);
  return check_days(d.optimistic, at + "/optimistic", s, "optimistic" + of, diag);
}

bool check_initiative_numbers(const Initiative& i, Diagnostics& diag) {
  const std::string at = entity_pointer(EntityKind::initiative, i.source_index) + "/";
  const std::string of = " of initiative " + quote_text(i.id);
  bool ok = true;
  for (const auto& [field, value] : {std::pair<const char*, double>{"value_per_month", i.value_per_month},
                                     {"build_cost", i.build_cost},
                                     {"run_cost_per_month", i.run_cost_per_month}})
    ok &= check_bound(value, kMaxMoney, "", at + field, i, field + of, diag);
  if (i.momentum_days) ok &= check_days(*i.momentum_days, at + "momentum_days", i, "momentum_days" + of, diag);
  return ok;
}

// Whether every number is within its bound (each one that is not is reported).
bool check_bounds(const Model& m, Diagnostics& diag) {
  bool ok = true;
  for (const Step& s : m.steps()) ok &= check_step_duration(s, diag);
  for (const Approval& a : m.approvals())
    if (!(a.lead_time <= kMaxDays))
      ok &= check_days(a.lead_time, entity_pointer(EntityKind::approval, a.source_index) + "/lead_time", a,
                       "lead_time of approval " + quote_text(a.id), diag);
  for (const Initiative& i : m.initiatives()) ok &= check_initiative_numbers(i, diag);
  return ok;
}

}  // namespace

void check_feasibility(const ModelBuilder& b, Diagnostics& diag) { check_feasibility(b, nullptr, diag); }

void check_feasibility(const ModelBuilder& b, const WorkGraph* work, Diagnostics& diag) {
  const Model& m = b.model();
  const Capacities capacities(b);
  for (const Step& s : m.steps())
    if (has_work(s)) check_step_demands(b, capacities, s, diag);
  // A chain is measured only with every number within its bound: a lag beyond it (check_links
  // reports it) would make its days too large for the count of working days.
  if (check_bounds(m, diag) && lags_within_bounds(m)) check_calendar_fits(b, work, diag);
}

}  // namespace clearpath
