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

WorkCalendar::WorkCalendar(const Calendar& c)
    : has_start_(!c.start.empty()), weekdays_(working_weekdays(c)),
      off_(holidays_on_working_days(weekdays_, c.holidays)) {
  if (has_start_) first_ = parse(c.start);
}

long WorkCalendar::nth_weekday(long m) const {
  // Each run of 7 days holds the same number of working days of the week.
  const long per_week = std::popcount(weekdays_);
  const long weeks = (m - 1) / per_week;
  long left = m - weeks * per_week;  // 1 .. per_week
  long z = first_ + weeks * 7;
  while (!works_on(weekdays_, z) || --left > 0) ++z;
  return z;
}

std::optional<std::string> WorkCalendar::nth_working_day(long n) const {
  if (!has_start_ || n < 1 || n > 2'000'000) return std::nullopt;  // beyond ~8000 years: no date
  static const long last = days_from_civil(9999, 12, 31);          // the last date YYYY-MM-DD can write
  // With j holidays before it, the n-th working day is the (n + j)-th day on a working day of
  // the week. j is the fewest holidays for which that day comes before the next holiday, h[j]:
  // a binary search, since once the day comes before h[j] it comes before every later one.
  const auto h = std::lower_bound(off_.begin(), off_.end(), first_);
  long lo = 0, hi = static_cast<long>(off_.end() - h);
  while (lo < hi) {
    const long j = lo + (hi - lo) / 2;
    if (nth_weekday(n + j) < h[j]) hi = j;
    else lo = j + 1;
  }
  const long z = nth_weekday(n + lo);
  if (z > last) return std::nullopt;
  return civil_from_days(z);
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
  const auto holidays =
      std::lower_bound(off_.begin(), off_.end(), to) - std::lower_bound(off_.begin(), off_.end(), from);
  return weekdays_in(weekdays_, from, to) - static_cast<long>(holidays);
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
