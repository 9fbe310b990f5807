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
#include "util/text.hpp"

namespace clearpath {
namespace {

// Days since 1970-01-01 of a date YYYY-MM-DD (the reader has checked it); Howard Hinnant's
// algorithm, as in the calendar.
long day_number(const std::string& iso) {
  long y = std::stol(iso.substr(0, 4));
  const auto m = static_cast<unsigned>(std::stoul(iso.substr(5, 2)));
  const auto d = static_cast<unsigned>(std::stoul(iso.substr(8, 2)));
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

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

// The activities (steps, then approvals) in one list, with their durations and predecessors.
struct Activities {
  std::vector<double> days, start, finish;
  std::vector<std::vector<std::uint32_t>> before;
};

Activities activities_of(const ModelBuilder& b) {
  const Model& m = b.model();
  const std::size_t steps = m.steps().size();
  Activities a;
  a.before.resize(steps + m.approvals().size());
  auto node = [&](Ref r, std::uint32_t& out) {
    if (r == kNoRef) return false;
    const auto kind = b.defined_kind(r);
    if (kind != EntityKind::step && kind != EntityKind::approval) return false;
    out = static_cast<std::uint32_t>(m.index(r) + (kind == EntityKind::step ? 0 : steps));
    return true;
  };
  auto add = [&](double days, const std::vector<Ref>& deps) {
    std::vector<std::uint32_t>& before = a.before[a.days.size()];
    for (Ref r : deps)
      if (std::uint32_t n = 0; node(r, n)) before.push_back(n);
    a.days.push_back(days);
  };
  for (const Step& s : m.steps()) add(std::max(s.duration.pessimistic, s.duration.expected()), s.depends_on);
  for (const Approval& g : m.approvals()) add(g.lead_time, g.depends_on);
  return a;
}

// Earliest starts and finishes in topological order; false when there is a cycle (reported by
// the cycle check).
bool schedule(Activities& a) {
  const std::size_t n = a.days.size();
  std::vector<std::uint32_t> pending(n, 0), order;
  std::vector<std::vector<std::uint32_t>> after(n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::uint32_t p : a.before[i]) {
      after[p].push_back(static_cast<std::uint32_t>(i));
      ++pending[i];
    }
  for (std::size_t i = 0; i < n; ++i)
    if (pending[i] == 0) order.push_back(static_cast<std::uint32_t>(i));
  a.start.assign(n, 0);
  a.finish.assign(n, 0);
  for (std::size_t k = 0; k < order.size(); ++k) {
    const std::uint32_t i = order[k];
    a.finish[i] = a.start[i] + a.days[i];
    for (std::uint32_t next : after[i]) {
      a.start[next] = std::max(a.start[next], a.finish[i]);
      if (--pending[next] == 0) order.push_back(next);
    }
  }
  return order.size() == n;
}

}  // namespace

void check_calendar_fits(const ModelBuilder& b, Diagnostics& diag) {
  const Model& m = b.model();
  if (m.calendar.start.empty() || (m.steps().empty() && m.approvals().empty())) return;
  const long left = working_days_left(m.calendar);
  Activities a = activities_of(b);
  if (!schedule(a)) return;
  // Work starting at day s starts on working day floor(s) + 1; work ending at day f > 0 ends on
  // working day ceil(f).
  auto fits = [&](std::size_t i) {
    const double s = snap(a.start[i]), f = snap(a.finish[i]);
    return std::floor(s) + 1 <= static_cast<double>(left) && (f <= 0 || std::ceil(f) <= static_cast<double>(left));
  };
  const std::size_t steps = m.steps().size();
  for (std::size_t i = 0; i < a.days.size(); ++i) {
    if (fits(i) || !std::all_of(a.before[i].begin(), a.before[i].end(), fits)) continue;
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
