#include "clearpath/calendar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "util/civil_days.hpp"

namespace clearpath {
namespace {

// A civil date from days since 1970-01-01 (Howard Hinnant's algorithm; util/civil_days.hpp
// goes the other way).
std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
  return buf;
}

long parse(const std::string& iso) { return days_from_iso(iso); }

}  // namespace

WorkCalendar::WorkCalendar(const Calendar& c) : has_start_(!c.start.empty()) {
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
    if (!is_weekend(z) && !std::binary_search(holidays_.begin(), holidays_.end(), z)) working_.push_back(z);
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

std::optional<std::string> start_date(const Calendar& c, double day) { return WorkCalendar(c).start_date(day); }
std::optional<std::string> finish_date(const Calendar& c, double day) { return WorkCalendar(c).finish_date(day); }

}  // namespace clearpath
