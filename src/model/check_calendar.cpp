// Checks that the dates of a schedule can be written: with a calendar start, the longest chain
// of dependencies (each step at its largest estimate, each gate at its lead time, as if nothing
// were done yet) must end by 9999-12-31, the last date of the YYYY-MM-DD format. Dates beyond
// what this bounds (a levelled schedule that serialises work) are left without a date by the
// calendar (src/analysis/calendar.cpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/capacity_fit.hpp"
#include "model/checks.hpp"
#include "model/entity_pointer.hpp"
#include "model/work_graph.hpp"
#include "util/civil_days.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

// Working days from the calendar's start to 9999-12-31, both included.
long working_days_left(const Calendar& c) {
  const long first = days_from_iso(c.start), last = days_from_iso("9999-12-31");
  if (first > last) return 0;
  const unsigned weekdays = working_weekdays(c);
  const std::vector<long> off = holidays_on_working_days(weekdays, c.holidays);
  return weekdays_in(weekdays, first, last + 1) - (off.end() - std::lower_bound(off.begin(), off.end(), first));
}

// Day numbers as the calendar reads them, snapped to the 6 decimals reports print.
double snap(double day) { return std::round(day * 1e6) / 1e6; }

// A step's largest estimate, or a gate's lead time: the days of work item v, as if nothing
// were done yet.
double days_of(const Model& m, std::uint32_t v) {
  const std::size_t steps = m.steps().size();
  if (v >= steps) return m.approvals()[v - steps].lead_time;
  const Duration& d = m.steps()[v].duration;
  return std::max(d.pessimistic, d.expected());
}

// Earliest starts and finishes of the work items, by a depth-first search over their
// dependencies with an explicit stack; false when there is a cycle (the cycle check reports it).
bool earliest_times(const Model& m, const WorkGraph& g, std::vector<double>& start, std::vector<double>& finish) {
  const std::size_t n = g.size();
  enum : std::uint8_t { unseen, open, done };
  std::vector<std::uint8_t> state(n, unseen);
  start.assign(n, 0);
  finish.assign(n, 0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // item, next dependency
  for (std::uint32_t root = 0; root < n; ++root) {
    if (state[root] != unseen) continue;
    state[root] = open;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [v, next] = stack.back();
      const auto deps = g.successors(v);
      if (next < deps.size()) {
        const std::uint32_t d = deps[next++];
        if (state[d] == done) continue;
        if (state[d] == open) return false;
        state[d] = open;
        stack.emplace_back(d, 0);
        continue;
      }
      const double days = days_of(m, v);
      for (std::size_t k = 0; k < deps.size(); ++k)
        start[v] = std::max(start[v], earliest_start_after(g.timing_of(v, k), start[deps[k]], finish[deps[k]], days));
      finish[v] = start[v] + days;
      state[v] = done;
      stack.pop_back();
    }
  }
  return true;
}

}  // namespace

void check_calendar_fits(const ModelBuilder& b, const WorkGraph* work, Diagnostics& diag) {
  const Model& m = b.model();
  if (m.calendar.start.empty() || (m.steps().empty() && m.approvals().empty())) return;
  const long left = working_days_left(m.calendar);
  // No chain is longer than all the work and all the positive lags end to end: when that
  // fits, every chain does.
  double total = 0;
  const auto items = static_cast<std::uint32_t>(m.steps().size() + m.approvals().size());
  for (std::uint32_t v = 0; v < items; ++v) total += days_of(m, v);
  auto add_lags = [&](const std::vector<LinkTiming>& timing) {
    for (const LinkTiming& t : timing) total += std::max(0.0, t.lag);
  };
  if (m.features().typed_links) {
    for (const Step& s : m.steps()) add_lags(s.link_timing);
    for (const Approval& a : m.approvals()) add_lags(a.link_timing);
  }
  if (total + 1 <= static_cast<double>(left)) return;
  std::optional<WorkGraph> own;
  if (!work) work = &own.emplace(b, m);
  const WorkGraph& g = *work;
  std::vector<double> start, finish;
  if (!earliest_times(m, g, start, finish)) return;
  // Work starting at day s starts on working day floor(s) + 1; work ending at day f > 0 ends on
  // working day ceil(f).
  auto fits = [&](std::uint32_t v) {
    const double s = snap(start[v]), f = snap(finish[v]);
    return std::floor(s) + 1 <= static_cast<double>(left) && (f <= 0 || std::ceil(f) <= static_cast<double>(left));
  };
  const std::size_t steps = m.steps().size();
  for (std::uint32_t v = 0; v < g.size(); ++v) {
    const auto deps = g.successors(v);
    if (fits(v) || !std::all_of(deps.begin(), deps.end(), fits)) continue;
    const bool step = v < steps;
    const EntityBase& e = step ? static_cast<const EntityBase&>(m.steps()[v]) : m.approvals()[v - steps];
    const EntityKind kind = step ? EntityKind::step : EntityKind::approval;
    diag.error("date-overflow", entity_pointer(kind, e.source_index) + (step ? "/duration" : "/lead_time"), e.id,
               std::string(kind_name(kind)) + " " + quote_text(e.id) +
                   " would end after 9999-12-31, the last date a schedule can have: with what it depends on, it "
                   "ends " +
                   std::to_string(static_cast<long long>(std::ceil(snap(finish[v])))) +
                   " working days after the calendar start " + quote_text(m.calendar.start) + ", which leaves " +
                   std::to_string(left));
    return;
  }
}

namespace {

// A date (`what`, at `pointer`) in a file with no calendar start: nothing to count days from.
void no_calendar_start(const std::string& pointer, const std::string& entity, const std::string& what,
                       Diagnostics& diag) {
  diag.error("no-calendar-start", pointer, entity,
             what +
                 " is a date, and the file has no calendar start to count working days from (add "
                 "\"calendar\": {\"start\": \"YYYY-MM-DD\"})");
}

template <class Activity>
void check_dates_of(EntityKind kind, const Activity& a, const Calendar& cal, Diagnostics& diag) {
  if (a.dates.empty()) return;
  const std::string at = entity_pointer(kind, a.source_index);
  const std::string what = std::string(kind_name(kind)) + " " + quote_text(a.id);
  const char* field = !a.dates.deadline.empty() ? "deadline" : "not_before";
  if (cal.start.empty()) {
    no_calendar_start(at + "/" + field, a.id, std::string(field) + " of " + what, diag);
    return;
  }
  if (!a.dates.deadline.empty() && a.dates.deadline.days() < days_from_iso(cal.start))
    diag.error("deadline-before-start", at + "/deadline", a.id,
               "deadline " + a.dates.deadline.iso() + " of " + what + " is before the calendar start " +
                   quote_text(cal.start) + ": nothing can finish by then");
}

}  // namespace

void check_activity_dates(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  if (!m.features().date_constraints) return;
  for (const Step& s : m.steps()) check_dates_of(EntityKind::step, s, m.calendar, diag);
  for (const Approval& a : m.approvals()) check_dates_of(EntityKind::approval, a, m.calendar, diag);
}

namespace {

void check_step_progress(const Step& s, const Model& m, Diagnostics& diag) {
  const StepProgress& p = s.progress;
  if (p.empty()) return;
  const std::string at = entity_pointer(EntityKind::step, s.source_index);
  const std::string what = "step " + quote_text(s.id);
  if (p.percent_complete > 0 && p.has_remaining())
    diag.error("progress-conflict", at + "/remaining", s.id,
               what +
                   " gives both percent_complete and remaining: give one (remaining, when the work was "
                   "re-estimated)");
  const bool work_left = (p.percent_complete > 0 && p.percent_complete < 100) || p.remaining > 0;
  const std::string left = p.remaining > 0 ? "remaining is " + load_number(p.remaining) + " working days"
                                           : "percent_complete is " + load_number(p.percent_complete);
  if (s.status == StepStatus::done && work_left)
    diag.error("progress-conflict", at + "/status", s.id,
               what + " is done, yet " + left + ": set status to in-progress, or the work left to 0");
  // An actual finish makes the step done (ModelBuilder::finish), and it would be saved so.
  else if (!p.actual_finish.empty() && work_left)
    diag.error("progress-conflict", at + "/actual_finish", s.id,
               what + " has an actual_finish, so it is done, yet " + left +
                   ": set the work left to 0, or remove actual_finish");
  for (const auto& [field, date] :
       {std::pair<const char*, Date>{"actual_start", p.actual_start}, {"actual_finish", p.actual_finish}}) {
    if (date.empty()) continue;
    if (m.calendar.start.empty()) {
      no_calendar_start(at + "/" + field, s.id, std::string(field) + " of " + what, diag);
    } else if (!m.status_date.empty() && date > m.status_date) {
      diag.error("after-status-date", at + "/" + field, s.id,
                 std::string(field) + " " + date.iso() + " of " + what + " is after the status date " +
                     m.status_date.iso() + ": what has happened happened by then");
    }
  }
  if (!p.actual_start.empty() && !p.actual_finish.empty() && p.actual_finish < p.actual_start)
    diag.error("actual-order", at + "/actual_finish", s.id,
               "actual_finish " + p.actual_finish.iso() + " of " + what + " is before its actual_start " +
                   p.actual_start.iso());
}

}  // namespace

void check_progress(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  if (!m.status_date.empty()) {
    if (m.calendar.start.empty()) no_calendar_start("/status_date", "", "the status date", diag);
    else if (m.status_date.days() < days_from_iso(m.calendar.start))
      diag.error(
          "status-before-start", "/status_date", "",
          "the status date " + m.status_date.iso() + " is before the calendar start " + quote_text(m.calendar.start));
  }
  if (m.features().progress)
    for (const Step& s : m.steps()) check_step_progress(s, m, diag);
}

}  // namespace clearpath
