// The timeline's axis (timeline_scale.hpp): working days to calendar positions, and date ticks.
#include "render/timeline_scale.hpp"

#include <algorithm>
#include <cmath>

namespace clearpath {

namespace {

struct Civil {
  long year = 0;
  int month = 0, day = 0;  // 1-based
};

// The calendar date of a day number (days since 1970-01-01), proleptic Gregorian: the
// well-known days-to-civil conversion over 400-year eras.
Civil civil(long days) {
  const long z = days + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2 ? 1 : 0), m, d};
}

constexpr const char* kMonths[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// 0 Monday ... 6 Sunday (1970-01-01 was a Thursday).
int weekday(long days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

double position_of(const std::optional<std::string>& iso) {
  const std::optional<Date> d = iso ? Date::parse(*iso) : std::nullopt;
  return d ? d->days() : 0;
}

// The smallest of 1, 2, 5, 10, 20, 50 ... with step x unit >= needed.
long nice_step(double unit, double needed) {
  for (long base = 1;; base *= 10)
    for (long k : {1L, 2L, 5L})
      if (static_cast<double>(k * base) * unit >= needed || k * base >= 1000000000L) return k * base;
}

constexpr double kMonthLabel = 44;  // "Sep 2027" at 8 points, with a gap
constexpr double kShortLabel = 22;  // "Sep", "2031"
constexpr double kDayLabel = 14;    // "15"

// Days from `date` to the first of the next month.
double days_to_next_month(long date) {
  long d = date + 1;
  while (civil(d).day != 1) ++d;
  return static_cast<double>(d - date);
}

}  // namespace

TimelineScale::TimelineScale(const Calendar& calendar) : calendar_(calendar) {
  dated_ = Date::parse(calendar.start).has_value();
  weekdays_ = working_weekdays(calendar);
  for (const std::string& h : calendar.holidays)
    if (const std::optional<Date> d = Date::parse(h)) holidays_.push_back(d->days());
  std::sort(holidays_.begin(), holidays_.end());
}

double TimelineScale::start(double day) const {
  if (!dated_) return day;
  const double whole = std::floor(day);
  return position_of(calendar_.start_date(day)) + (day - whole);
}

double TimelineScale::finish(double day) const {
  if (!dated_) return day;
  if (day <= 0) return start(0);
  const double whole = std::ceil(day);
  // The d-th working day ends at its midnight; part of a day ends within it.
  return position_of(calendar_.finish_date(day)) + 1 - (whole - day);
}

bool TimelineScale::working(long date) const {
  if (!dated_) return true;
  if (!((weekdays_ >> weekday(date)) & 1u)) return false;
  return !std::binary_search(holidays_.begin(), holidays_.end(), date);
}

std::vector<AxisTick> axis_ticks(long from, long to, double points_per_day, bool dated) {
  std::vector<AxisTick> out;
  if (to < from || points_per_day <= 0) return out;
  if (!dated) {
    const long step = nice_step(points_per_day, 36);
    for (long d = (from + step - 1) / step * step; d <= to; d += step)
      out.push_back({d, std::string("day ").append(std::to_string(d)), true});
    return out;
  }
  const bool weeks = 7 * points_per_day >= kDayLabel && 28 * points_per_day >= kMonthLabel;
  const bool months = !weeks && 28 * points_per_day >= kShortLabel;
  const long years = weeks || months ? 1 : nice_step(365.25 * points_per_day, kShortLabel + 8);
  // The period under way at `from` is labelled at `from` unless its next boundary comes too soon.
  const Civil first = civil(from);
  double room = 0;  // points to the next boundary
  for (long d = from + 1; d <= to + 1; ++d) {
    const Civil c = civil(d);
    const bool boundary = weeks ? c.day == 1 : (c.month == 1 && c.day == 1 && c.year % years == 0);
    if (boundary || d == to + 1) {
      room = static_cast<double>(d - from) * points_per_day;
      break;
    }
  }
  for (long d = from; d <= to; ++d) {
    const Civil c = civil(d);
    if (weeks) {
      if (c.day == 1 || (d == from && room >= kMonthLabel))
        out.push_back({d, std::string(kMonths[c.month - 1]) + " " + std::to_string(c.year), true});
      else if (weekday(d) == 0 && days_to_next_month(d) * points_per_day >= kDayLabel)  // not across its line
        out.push_back({d, std::string(c.day < 10 ? "0" : "").append(std::to_string(c.day)), false});
    } else if (months) {
      if ((c.month == 1 && c.day == 1) || (d == from && room >= kShortLabel))
        out.push_back({d, std::to_string(c.year), true});
      if (c.day == 1) out.push_back({d, kMonths[c.month - 1], false});
    } else if ((c.month == 1 && c.day == 1 && c.year % years == 0) || (d == from && room >= kShortLabel)) {
      out.push_back({d, std::to_string(d == from ? first.year : c.year), true});
    }
  }
  return out;
}

}  // namespace clearpath
