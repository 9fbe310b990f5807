#pragma once
// The entities of a clearpath model, as plain structs. References to other entities are
// resolved indices (Ref) into the model, so analyses never look ids up again; Model::id(ref)
// gives the id back. See docs/format.md for the file format they are read from.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clearpath/attributes.hpp"

namespace clearpath {

// A vertex of the model graph: every entity (of any kind) has exactly one.
using Ref = std::uint32_t;
inline constexpr Ref kNoRef = std::numeric_limits<Ref>::max();

enum class EntityKind : std::uint8_t { person, department, system, initiative, approval, step };
inline constexpr int kEntityKindCount = 6;

// Singular name ("person") and the top-level array it lives in ("people").
const char* kind_name(EntityKind k) noexcept;
const char* kind_array(EntityKind k) noexcept;

// What every entity has.
struct EntityBase {
  std::string id;
  std::string name;                // display name; empty = use the id
  Attributes attributes;           // free-form, preserved unchanged; none when absent
  std::uint32_t source_index = 0;  // position in its array in the file (for /people/12)
};

struct Person : EntityBase {
  Ref department = kNoRef;
  Ref reports_to = kNoRef;
  std::vector<Ref> dotted_line_to;
  std::string title;
  std::vector<std::string> roles;
  double capacity = 1.0;  // share of full time, 0 < c <= 1
  std::vector<std::string> skills;
  bool available = true;
};

struct Department : EntityBase {
  std::string side;  // "it", "business", or another side name; empty = none
  Ref head = kNoRef;
  std::vector<Ref> priorities;     // initiatives, most important first
  std::optional<double> capacity;  // full-time equivalents; absent = sum of available members
};

struct System : EntityBase {
  bool legacy = false;
  Ref owner = kNoRef;  // department
};

struct Initiative : EntityBase {
  std::vector<Ref> sponsors;
  double value_per_month = 0;
  double build_cost = 0;
  double run_cost_per_month = 0;
  std::optional<double> momentum_days;  // absent = no momentum window given
};

enum class ApprovalStatus : std::uint8_t { pending, granted, denied };
enum class StepStatus : std::uint8_t { not_started, in_progress, done, blocked };

const char* status_name(ApprovalStatus s) noexcept;
const char* status_name(StepStatus s) noexcept;

// One requirement of an approval rule; a person fills it when they match every field given.
struct Slot {
  std::string side;         // side of the approver's department; empty = any
  std::string role;         // one of the approver's roles; empty = any
  Ref department = kNoRef;  // the approver's department; kNoRef = any
};

struct Rule {
  int min_approvers = 1;
  std::vector<Slot> slots;  // each filled by a different approver
  bool distinct_departments = false;
  bool independent = false;  // no chosen approver in another's reporting chain
};

struct Approval : EntityBase {
  Ref initiative = kNoRef;
  std::vector<Ref> approvers;
  double lead_time = 0;  // working days
  ApprovalStatus status = ApprovalStatus::pending;
  std::vector<Ref> depends_on;  // approvals or steps
  Rule rule;
};

// A duration in working days: one number, or a three-point estimate.
struct Duration {
  double optimistic = 0;
  double likely = 0;
  double pessimistic = 0;
  bool three_point = false;
  // PERT expected value (o + 4m + p) / 6; the number itself for a single-point duration.
  double expected() const noexcept { return three_point ? (optimistic + 4 * likely + pessimistic) / 6 : likely; }
  static Duration fixed(double d) noexcept { return {d, d, d, false}; }
};

struct Demand {
  Ref resource = kNoRef;  // a person or a department
  double amount = 0;      // full-time equivalents
};

struct Step : EntityBase {
  Ref initiative = kNoRef;
  Ref system = kNoRef;
  Ref owner = kNoRef;  // person or department
  Duration duration;
  std::vector<std::string> skills;  // required
  std::vector<Demand> demands;      // as given in the file; empty = the owner's default demand
  StepStatus status = StepStatus::not_started;
  std::vector<Ref> depends_on;  // steps or approvals
};

struct Calendar {
  std::string start;                  // ISO 8601 date, empty = none
  std::vector<std::string> holidays;  // ISO 8601 dates
};

}  // namespace clearpath
