#pragma once
// The entities of a clearpath model, as plain structs. References to other entities are
// resolved indices (Ref) into the model, so analyses never look ids up again; Model::id(ref)
// gives the id back. See docs/format.md for the file format they are read from.
#include <compare>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
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

// A calendar date (YYYY-MM-DD), kept as days since 1970-01-01 in 4 bytes: a million steps
// carry several. Default-constructed: no date.
class Date {
 public:
  Date() noexcept = default;
  // A real date written YYYY-MM-DD (2027-02-30 is not); nullopt otherwise.
  static std::optional<Date> parse(std::string_view iso) noexcept;
  static Date from_days(std::int32_t days_since_1970) noexcept { return Date(days_since_1970); }
  bool empty() const noexcept { return days_ == kNone; }
  std::int32_t days() const noexcept { return days_; }  // since 1970-01-01; meaningless when empty
  std::string iso() const;                              // "2027-06-30"; "" when empty
  friend bool operator==(Date, Date) noexcept = default;
  friend auto operator<=>(Date, Date) noexcept = default;

 private:
  static constexpr std::int32_t kNone = std::numeric_limits<std::int32_t>::min();
  explicit Date(std::int32_t days) noexcept : days_(days) {}
  std::int32_t days_ = kNone;
};

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

// How a dependency ties its successor to its predecessor, as in MS Project and Primavera P6:
// finish-to-start (the successor starts once the predecessor finishes), start-to-start,
// finish-to-finish, start-to-finish. Written FS, SS, FF, SF in files.
enum class LinkType : std::uint8_t { finish_to_start, start_to_start, finish_to_finish, start_to_finish };
inline constexpr int kLinkTypeCount = 4;
const char* link_type_name(LinkType t) noexcept;  // "FS", "SS", "FF", "SF"
std::optional<LinkType> parse_link_type(std::string_view name) noexcept;

// The type and lag of one dependency. The lag is in working days, added to the predecessor's
// end the link names (negative: a lead); FS with lag 0 is the plain `depends_on: ["id"]`.
struct LinkTiming {
  LinkType type = LinkType::finish_to_start;
  double lag = 0;
  bool plain() const noexcept { return type == LinkType::finish_to_start && lag == 0; }
  friend bool operator==(const LinkTiming&, const LinkTiming&) = default;
  // By type, then lag: the order in which files and networks list links to one activity.
  friend auto operator<=>(const LinkTiming&, const LinkTiming&) = default;
};

// "SS+2", "FS-1.5", "FF": a link's type, then its lag when not 0 (as diagrams label them).
std::string link_timing_text(LinkTiming t);

// The timing of depends_on entry k of an activity whose link_timing is `timing` (see Step).
inline LinkTiming timing_at(const std::vector<LinkTiming>& timing, std::size_t k) noexcept {
  return timing.empty() ? LinkTiming{} : timing[k];
}

// What a link asks of the times of the two activities it joins (starts and finishes in working
// days from the project start). The earliest start it allows the successor, of duration
// `duration`, after a predecessor that starts and finishes at the times given:
inline double earliest_start_after(LinkTiming t, double pred_start, double pred_finish, double duration) noexcept {
  switch (t.type) {
    case LinkType::finish_to_start: return pred_finish + t.lag;
    case LinkType::start_to_start: return pred_start + t.lag;
    case LinkType::finish_to_finish: return pred_finish + t.lag - duration;
    case LinkType::start_to_finish: return pred_start + t.lag - duration;
  }
  return pred_finish + t.lag;
}
// ... and the latest finish it allows the predecessor, of duration `duration`, before a
// successor that starts and finishes at the times given.
inline double latest_finish_before(LinkTiming t, double succ_start, double succ_finish, double duration) noexcept {
  switch (t.type) {
    case LinkType::finish_to_start: return succ_start - t.lag;
    case LinkType::start_to_start: return succ_start - t.lag + duration;
    case LinkType::finish_to_finish: return succ_finish - t.lag;
    case LinkType::start_to_finish: return succ_finish - t.lag + duration;
  }
  return succ_start - t.lag;
}

// Dates that bound when an activity (a step or an approval) may run, as in MS Project: start
// no earlier than `not_before`; finish by `deadline`, else its chain shows negative float.
struct DateConstraints {
  Date not_before;
  Date deadline;
  bool empty() const noexcept { return not_before.empty() && deadline.empty(); }
};

struct Approval : EntityBase {
  Ref initiative = kNoRef;
  std::vector<Ref> approvers;
  double lead_time = 0;  // working days
  ApprovalStatus status = ApprovalStatus::pending;
  DateConstraints dates;
  std::vector<Ref> depends_on;  // approvals or steps
  // Empty: every depends_on link is finish-to-start with no lag. Otherwise one entry per
  // depends_on entry, in its order.
  std::vector<LinkTiming> link_timing;
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

// What is done of a step, as of the model's status_date. Given in the file or not, the status
// agrees with it once the model is built: an actual finish, or 100 %, makes the step done; an
// actual start, some percent or some remaining work makes a not-started step in progress.
struct StepProgress {
  double percent_complete = 0;  // of its duration done, 0-100
  double remaining = -1;        // working days left, as given; < 0: not given (then from percent_complete)
  Date actual_start, actual_finish;
  bool has_remaining() const noexcept { return remaining >= 0; }
  bool empty() const noexcept {
    return percent_complete == 0 && !has_remaining() && actual_start.empty() && actual_finish.empty();
  }
};

struct Step : EntityBase {
  Ref initiative = kNoRef;
  Ref system = kNoRef;
  Ref owner = kNoRef;  // person or department
  Duration duration;
  std::vector<std::string> skills;  // required
  std::vector<Demand> demands;      // as given in the file; empty = the owner's default demand
  StepStatus status = StepStatus::not_started;
  StepProgress progress;
  DateConstraints dates;
  std::vector<Ref> depends_on;  // steps or approvals
  // Empty: every depends_on link is finish-to-start with no lag. Otherwise one entry per
  // depends_on entry, in its order.
  std::vector<LinkTiming> link_timing;
};

struct Calendar {
  std::string start;                  // ISO 8601 date, empty = none
  std::vector<std::string> holidays;  // ISO 8601 dates
  // The days of the week that are worked, each once: "mon", "tue" ... "sun" (kWeekdayNames);
  // empty = Monday to Friday.
  std::vector<std::string> working_days = {};
};

// The days of the week as calendars name them, Monday first.
inline constexpr const char* kWeekdayNames[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
// The day (0 Monday ... 6 Sunday) a name of kWeekdayNames stands for.
std::optional<int> parse_weekday(std::string_view name) noexcept;
// A calendar's working days as a mask, bit 0 Monday ... bit 6 Sunday (0x1f: Monday to Friday).
unsigned working_weekdays(const Calendar& calendar) noexcept;

}  // namespace clearpath
