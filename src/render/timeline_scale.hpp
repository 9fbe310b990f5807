#pragma once
// The timeline's horizontal axis: a schedule's working days placed on the calendar, the days
// not worked, and the ticks of a date axis at a given scale. Private to the library.
#include <string>
#include <vector>

#include "clearpath/calendar.hpp"
#include "clearpath/entities.hpp"

namespace clearpath {

// Positions are days since 1970-01-01, fractional within a day (a step of half a day from the
// start of 2027-03-01 runs from 20878 to 20878.5). Without a calendar start there are no dates:
// positions are then the working days themselves, from 0.
class TimelineScale {
 public:
  explicit TimelineScale(const Calendar& calendar);
  bool dated() const noexcept { return dated_; }
  // Where work that starts at working day `day` begins, and where work that ends at `day` ends:
  // 0.5 days of work from day 0 on a Monday run from Monday 0:00 to Monday 12:00, 1 day to
  // Tuesday 0:00; work ending at day 5 (Friday's end) ends at Saturday 0:00, not Monday's.
  double start(double day) const;
  double finish(double day) const;
  // Whether the calendar works on this date (days since 1970); every day when undated.
  bool working(long date) const;

 private:
  WorkCalendar calendar_;
  bool dated_ = false;
  unsigned weekdays_ = 0x1f;
  std::vector<long> holidays_;  // sorted
};

struct AxisTick {
  long at = 0;         // a whole day (days since 1970, or a working day when undated)
  std::string label;   // "Mar 2027", "15", "2031", "day 40"
  bool major = false;  // a month or year boundary (a gridline through the chart), else a minor tick
};

// The ticks in [from, to] for a scale of `points_per_day`, labelled so that neighbouring labels
// do not touch: weeks (Mondays, day of the month) under months when a week is wide enough,
// months alone, or years every 1, 2, 5, 10 ... as the scale shrinks; working days 0, 5, 10 ...
// (or wider steps) when undated.
std::vector<AxisTick> axis_ticks(long from, long to, double points_per_day, bool dated);

}  // namespace clearpath
