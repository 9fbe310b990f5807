// Checks that the plan can be computed at all: no step demands more than a resource ever has,
// and durations add up to a finite number. Without them an analysis would stop half-way (levelling, schedules); here each is a
// located error of the file, whatever --initiative later selects.
#include <algorithm>
#include <cmath>
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
  const std::string at = entity_pointer(EntityKind::step, s.source_index);
  auto report = [&](const std::string& pointer, Ref r, double amount, double capacity, const char* how) {
    diag.error("over-capacity", pointer, s.id,
               "step " + quote_text(s.id) + " demands " + load_number(amount) + " of " + quote_text(b.id(r)) + how +
                   ", whose capacity is " + load_number(capacity) + ": it can never be scheduled");
  };
  for (const Demand& d : s.demands) {
    const std::optional<double> capacity = capacities.of(d.resource);
    if (capacity && !fits_capacity(d.amount, *capacity))
      report(pointer_join(at + "/demands", b.id(d.resource)), d.resource, d.amount, *capacity, "");
  }
  // The default demand of a department owner is 1, or all it has when that is less: it fails
  // only when the department has nothing at all.
  if (s.demands.empty() && is(b, s.owner, EntityKind::department)) {
    const double capacity = *capacities.of(s.owner);
    if (!(capacity > 0)) report(at + "/owner", s.owner, 1, capacity, " (its owner, by default)");
  }
}

// Every schedule is at most the sum of all durations and lead times (a step's largest estimate:
// pessimistic, or the PERT mean when 4 x likely overflows): when that sum is not a finite
// number, neither would a schedule be.
void check_duration_total(const Model& m, Diagnostics& diag) {
  double total = 0;
  auto add = [&](double days, EntityKind k, const EntityBase& e, const char* field) {
    total += days;
    if (std::isfinite(total)) return true;
    diag.error("duration-overflow", entity_pointer(k, e.source_index) + "/" + field, e.id,
               std::string("the ") + field + " of " + kind_name(k) + " " + quote_text(e.id) +
                   " makes the durations and lead times add up to more than any finite number of working days");
    return false;
  };
  for (const Step& s : m.steps())
    if (!add(std::max(s.duration.pessimistic, s.duration.expected()), EntityKind::step, s, "duration")) return;
  for (const Approval& a : m.approvals())
    if (!add(a.lead_time, EntityKind::approval, a, "lead_time")) return;
}

}  // namespace

void check_feasibility(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  const Capacities capacities(b);
  for (const Step& s : m.steps())
    if (has_work(s)) check_step_demands(b, capacities, s, diag);
  check_duration_total(m, diag);
}

}  // namespace clearpath
