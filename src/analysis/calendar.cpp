#include "clearpath/calendar.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>

#include "util/civil_days.hpp"

namespace clearpath {
namespace {

long parse(const std::string& iso) { return days_from_iso(iso); }

}  // namespace

WorkCalendar::WorkCalendar(const Calendar& c) : has_start_(!c.start.empty()), weekdays_(working_weekdays(c)) {
  if (has_start_) first_ = parse(c.start);
  for (const std::string& h : c.holidays) holidays_.push_back(parse(h));
  std::sort(holidays_.begin(), holidays_.end());
}

std::optional<std::string> WorkCalendar::nth_working_day(long n) const {
  if (!has_start_ || n < 1 || n > 2'000'000) return std::nullopt;  // beyond ~8000 years: no date
  static const long last = days_from_civil(9999, 12, 31);          // the last date YYYY-MM-DD can write
  long z = working_.empty() ? first_ - 1 : working_.back();
  while (static_cast<long>(working_.size()) < n) {
    if (++z > last) return std::nullopt;
    if (works_on(weekdays_, z) && !std::binary_search(holidays_.begin(), holidays_.end(), z)) working_.push_back(z);
  }
  return civil_from_days(working_[static_cast<std::size_t>(n - 1)]);
}

namespace {
// Day numbers are sums of fractional durations: snap to the 6 decimals reports print, so a
// finish of 5.0000001 is day 5 like the JSON says.
double snap(double day) { return std::round(day * 1e6) / 1e6; }
}  // namespace

std::optional<std::string> WorkCalendar::start_date(double day) const {
  day = snap(day);
  if (!(day <= 2e6)) return std::nullopt;
  return nth_working_day(static_cast<long>(std::floor(std::max(0.0, day))) + 1);
}

std::optional<std::string> WorkCalendar::finish_date(double day) const {
  day = snap(day);
  if (day <= 0) return start_date(0);
  if (!(day <= 2e6)) return std::nullopt;
  return nth_working_day(static_cast<long>(std::ceil(day)));
}

long WorkCalendar::working_days(long from, long to) const {
  if (to <= from) return 0;
  long n = (to - from) / 7 * std::popcount(weekdays_);
  for (long z = from + (to - from) / 7 * 7; z < to; ++z) n += works_on(weekdays_, z);
  const auto lo = std::lower_bound(holidays_.begin(), holidays_.end(), from);
  const auto hi = std::lower_bound(holidays_.begin(), holidays_.end(), to);
  long previous = from - 1;
  for (auto it = lo; it != hi; ++it) {
    if (*it != previous && works_on(weekdays_, *it)) --n;  // a holiday listed twice counts once
    previous = *it;
  }
  return n;
}

std::optional<double> WorkCalendar::start_day(Date date) const {
  if (!has_start_ || date.empty()) return std::nullopt;
  const long z = date.days();
  return static_cast<double>(z >= first_ ? working_days(first_, z) : -working_days(z, first_));
}

std::optional<double> WorkCalendar::finish_day(Date date) const {
  if (date.empty()) return std::nullopt;
  return start_day(Date::from_days(date.days() + 1));
}

std::optional<std::string> start_date(const Calendar& c, double day) { return WorkCalendar(c).start_date(day); }
std::optional<std::string> finish_date(const Calendar& c, double day) { return WorkCalendar(c).finish_date(day); }

}  // namespace clearpath
