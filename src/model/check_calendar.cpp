// Checks that the dates of a schedule can be written: with a calendar start, the longest chain
// of dependencies (each step at its largest estimate, each gate at its lead time, as if nothing
// were done yet) must end by 9999-12-31, the last date of the YYYY-MM-DD format. Dates beyond
// what this bounds (a levelled schedule that serialises work) are left without a date by the
// calendar (src/analysis/calendar.cpp).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "model/checks.hpp"
#include "model/entity_pointer.hpp"
#include "util/civil_days.hpp"
#include "util/text.hpp"

namespace clearpath {
namespace {

long day_number(const std::string& iso) { return days_from_iso(iso); }

bool weekend(long z) { return ((z % 7) + 7 + 3) % 7 >= 5; }  // 1970-01-01 was a Thursday

// Working days from the calendar's start to 9999-12-31, both included.
long working_days_left(const Calendar& c) {
  const long first = day_number(c.start), last = day_number("9999-12-31");
  if (first > last) return 0;
  long n = (last - first + 1) / 7 * 5;
  for (long z = first + (last - first + 1) / 7 * 7; z <= last; ++z) n += !weekend(z);
  std::vector<long> off;
  for (const std::string& h : c.holidays) {
    const long z = day_number(h);
    if (z >= first && !weekend(z)) off.push_back(z);
  }
  std::sort(off.begin(), off.end());
  return n - static_cast<long>(std::unique(off.begin(), off.end()) - off.begin());
}

// Day numbers as the calendar reads them, snapped to the 6 decimals reports print.
double snap(double day) { return std::round(day * 1e6) / 1e6; }

// The activities (steps, then approvals, numbered 0..n-1 in that order), their durations, and
// their earliest starts and finishes. Flat arrays only: at a million steps a list per activity
// cost more than the rest of the checks together.
struct Activities {
  const Model& m;
  std::vector<Ref> ref;
  std::vector<std::uint32_t> number;  // by Ref: the activity's number, UINT32_MAX for others
  std::vector<double> days, start, finish;

  explicit Activities(const ModelBuilder& b) : m(b.model()), number(b.interned_count(), UINT32_MAX) {
    const std::size_t steps = m.steps().size(), n = steps + m.approvals().size();
    ref.reserve(n);
    days.reserve(n);
    for (std::size_t i = 0; i < steps; ++i) {
      const Duration& d = m.steps()[i].duration;
      ref.push_back(m.ref_of(EntityKind::step, i));
      days.push_back(std::max(d.pessimistic, d.expected()));
    }
    for (std::size_t i = 0; i < m.approvals().size(); ++i) {
      ref.push_back(m.ref_of(EntityKind::approval, i));
      days.push_back(m.approvals()[i].lead_time);
    }
    for (std::uint32_t i = 0; i < n; ++i) number[ref[i]] = i;
  }
  std::size_t size() const { return ref.size(); }
  // The activity a dependency names, or UINT32_MAX (not an activity, or itself: the
  // reference check reports both).
  std::uint32_t dependency(std::uint32_t i, Ref d) const {
    return d >= number.size() || number[d] == i ? UINT32_MAX : number[d];
  }

  // Earliest starts and finishes, by a depth-first search over the dependencies with an
  // explicit stack; false when there is a cycle (the cycle check reports it).
  bool schedule() {
    const std::size_t n = size();
    enum : std::uint8_t { unseen, open, done };
    std::vector<std::uint8_t> state(n, unseen);
    start.assign(n, 0);
    finish.assign(n, 0);
    std::vector<std::pair<std::uint32_t, std::uint32_t>> stack;  // activity, next dependency
    for (std::uint32_t root = 0; root < n; ++root) {
      if (state[root] != unseen) continue;
      state[root] = open;
      stack.emplace_back(root, 0);
      while (!stack.empty()) {
        auto& [v, next] = stack.back();
        const std::vector<Ref>& deps = m.depends_on(ref[v]);
        if (next < deps.size()) {
          const std::uint32_t d = dependency(v, deps[next++]);
          if (d == UINT32_MAX || state[d] == done) continue;
          if (state[d] == open) return false;
          state[d] = open;
          stack.emplace_back(d, 0);
          continue;
        }
        for (Ref r : deps)
          if (const std::uint32_t d = dependency(v, r); d != UINT32_MAX) start[v] = std::max(start[v], finish[d]);
        finish[v] = start[v] + days[v];
        state[v] = done;
        stack.pop_back();
      }
    }
    return true;
  }
};

}  // namespace

void check_calendar_fits(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  if (m.calendar.start.empty() || (m.steps().empty() && m.approvals().empty())) return;
  const long left = working_days_left(m.calendar);
  Activities a(b);
  // No chain is longer than all the work end to end: when that fits, every chain does.
  double total = 0;
  for (double d : a.days) total += d;
  if (total + 1 <= static_cast<double>(left)) return;
  if (!a.schedule()) return;
  // Work starting at day s starts on working day floor(s) + 1; work ending at day f > 0 ends on
  // working day ceil(f).
  auto fits = [&](std::size_t i) {
    const double s = snap(a.start[i]), f = snap(a.finish[i]);
    return std::floor(s) + 1 <= static_cast<double>(left) && (f <= 0 || std::ceil(f) <= static_cast<double>(left));
  };
  const std::size_t steps = m.steps().size();
  auto dependencies_fit = [&](std::uint32_t i) {
    const std::vector<Ref>& deps = m.depends_on(a.ref[i]);
    return std::all_of(deps.begin(), deps.end(), [&](Ref r) {
      const std::uint32_t d = a.dependency(i, r);
      return d == UINT32_MAX || fits(d);
    });
  };
  for (std::uint32_t i = 0; i < a.size(); ++i) {
    if (fits(i) || !dependencies_fit(i)) continue;
    const bool step = i < steps;
    const EntityBase& e = step ? static_cast<const EntityBase&>(m.steps()[i]) : m.approvals()[i - steps];
    const EntityKind kind = step ? EntityKind::step : EntityKind::approval;
    diag.error("date-overflow", entity_pointer(kind, e.source_index) + (step ? "/duration" : "/lead_time"), e.id,
               std::string(kind_name(kind)) + " " + quote_text(e.id) +
                   " would end after 9999-12-31, the last date a schedule can have: with what it depends on, it "
                   "ends " +
                   std::to_string(static_cast<long long>(std::ceil(snap(a.finish[i])))) +
                   " working days after the calendar start " + quote_text(m.calendar.start) + ", which leaves " +
                   std::to_string(left));
    return;
  }
}

}  // namespace clearpath
