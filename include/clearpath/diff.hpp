#pragma once
// `clearpath diff OLD NEW`: what changed between two versions of a plan, and whether it moves
// the date: production dates per initiative, the critical path, the findings, and the model's
// structure field by field. See docs/diff.md.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "clearpath/entities.hpp"
#include "clearpath/finding.hpp"
#include "clearpath/model.hpp"

namespace clearpath {

// ---- Structure: what the files say differently -------------------------------------------

// One value that differs: its JSON pointer (into the new file; into the old one for what was
// removed) and the value before and after as compact JSON ("" where absent).
struct FieldChange {
  std::string pointer;
  std::string before, after;
};

enum class ChangeKind : std::uint8_t { added, removed, changed };
const char* change_kind_name(ChangeKind k) noexcept;  // "added", "removed", "changed"

// An entity added, removed or changed (an id that changed kind is removed and added).
struct EntityChange {
  ChangeKind change = ChangeKind::changed;
  EntityKind kind = EntityKind::step;
  std::string id;
  std::string pointer;              // /steps/3: where it is (in the new file; the old one if removed)
  std::vector<FieldChange> fields;  // changed: each field, depends_on aside (see links)
};

// A dependency added or removed (a changed type or lag is both).
struct LinkChange {
  ChangeKind change = ChangeKind::added;
  std::string from, to;  // `from` depends on `to`
  LinkTiming timing;
};

struct StructureDiff {
  std::vector<FieldChange> model;      // name, description, calendar, status_date, attributes
  std::vector<EntityChange> entities;  // by kind (file order of kinds), then id
  std::vector<LinkChange> links;       // by from, then to, then removed before added
  bool empty() const noexcept { return model.empty() && entities.empty() && links.empty(); }
};

// "step train: duration, owner", "person ana added": a change as the attribution and the
// approvals section name it (a changed entity with the first segment of each field's pointer).
std::string describe_change(const EntityChange& change);

// Compares the two models as their normalised files (clearpath export --format json) read:
// entities are matched by id, lists that are sets compared as sets.
StructureDiff diff_structure(const Model& before, const Model& after);

// ---- The plan: what the changes do ----------------------------------------------------------

struct DiffOptions {
  double float_threshold = 1;  // report a float that moved by more than this (working days)
  // Attribution: each change is tried alone on the old version when there are at most this
  // many (0: never); with more, a slip is "combined".
  std::size_t attribution_budget = 200;
  std::size_t simulate = 0;  // Monte Carlo runs for the P80 of both versions; 0 = none
  std::uint64_t seed = 1;
  // 0: every core (both versions analysed side by side, attribution trials spread); 1: one thread.
  unsigned threads = 0;
};

// One change (of the structure diff) and what it alone does to an initiative's date: the old
// version with only this change, scheduled again.
struct SlipCause {
  std::string change;  // "step billing-extract-build: duration", "link deploy -> train added" ...
  double days = 0;     // the initiative's production day with this change alone, less before
};

// An initiative's production date in both versions (absent: not in that version).
struct InitiativeSlip {
  std::string id, name;
  std::optional<double> before, after;                    // CPM production day
  std::optional<std::string> before_date, after_date;     // with a calendar start
  std::optional<double> before_levelled, after_levelled;  // once nobody is over capacity
  double slip = 0;                                        // after - before, working days (0 unless in both)
  // after_date - before_date in calendar days, when both have a date (a new holiday moves the
  // date and not the working day).
  std::optional<int> calendar_slip;
  double cost_per_day = 0;  // the new version's value per working day
  double cost_of_slip = 0;  // slip x cost_per_day (negative: a gain)
  // The changes that move it on their own, most days first; `combined` when the changes were
  // not tried one by one (more than the budget) or together they move it otherwise than the
  // sum of what each does alone.
  std::vector<SlipCause> causes;
  bool combined = false;
};

struct FloatChange {
  std::string id;
  double before = 0, after = 0;  // total float, working days
};

struct CriticalPathDiff {
  double before_duration = 0, after_duration = 0;  // project duration, working days
  std::optional<double> before_p80, after_p80;     // with simulate
  std::vector<std::string> entered, left;          // activities now critical / no longer (ids)
  std::vector<FloatChange> floats;                 // moved by more than the threshold, by id
};

// Findings are matched by kind and subjects (ids), so that a new name or message is a change,
// not a new finding.
struct FindingChange {
  Finding before, after;
};
struct FindingsDiff {
  std::vector<Finding> added, resolved;  // ranked as findings are
  std::vector<FindingChange> changed;    // severity, message or cost moved
};

// An approval gate whose satisfiability, bus factor or single points of failure changed (pending
// gates, as `clearpath copilots` checks them), and the changes of the structure that touch it:
// its own fields, and the people who are or were its approvers (and their departments).
struct GateChange {
  std::string id;
  std::optional<bool> before_satisfiable, after_satisfiable;  // nullopt: not checked in that version
  std::size_t before_bus_factor = 0, after_bus_factor = 0;
  std::vector<std::string> before_single_points, after_single_points;  // people (ids)
  std::vector<std::string> why;  // "approval security-review: approvers", "person ciso: available"
};

struct PlanDiff {
  std::vector<InitiativeSlip> initiatives;  // by id
  CriticalPathDiff critical;
  FindingsDiff findings;
  std::vector<GateChange> approvals;  // by id
  StructureDiff structure;
  double worst_slip = 0;  // the largest slip of an initiative in both versions (0 if none slips)
};

// Analyses both versions (as clearpath analyze does) and compares them.
PlanDiff diff_plans(const Model& before, const Model& after, const DiffOptions& options);

// Fills the causes of each slip of `d` (diff_plans does, within options.attribution_budget).
// The trials run on `threads` threads (0: one per core); the result does not depend on it.
void attribute_slips(const Model& before, const Model& after, PlanDiff& d, std::size_t budget, unsigned threads = 0);

}  // namespace clearpath
