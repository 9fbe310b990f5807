#pragma once
// Working-day arithmetic: day numbers of a schedule as calendar dates, skipping the days of the
// week the calendar does not work (Saturday and Sunday unless it says otherwise) and its holidays.
#include <optional>
#include <string>
#include <vector>

#include "clearpath/entities.hpp"

namespace clearpath {

// Day numbers count working days from the start: work that starts at day 0 starts on the first
// working day on or after calendar.start; work that ends at day d (> 0) ends on the d-th
// working day (a fractional d rounds up: the work occupies part of that day).
// Both return nothing when the calendar has no start, or the date would be after 9999-12-31.
// Each date is worked out from the week's pattern and a binary search over the holidays, so
// asking for many dates is cheap, however far away they are.
class WorkCalendar {
 public:
  explicit WorkCalendar(const Calendar& calendar);
  std::optional<std::string> start_date(double day) const;
  std::optional<std::string> finish_date(double day) const;
  // The day number at which work that may not start before `date` starts: the working days
  // from the start up to `date`, not counting it (negative before the start). nullopt without
  // a start or a date.
  std::optional<double> start_day(Date date) const;
  // The day number by which work due on `date` must finish: the working days from the start
  // up to and including `date`.
  std::optional<double> finish_day(Date date) const;

 private:
  std::optional<std::string> nth_working_day(long n) const;  // n >= 1
  long nth_weekday(long m) const;               // the m-th (>= 1) day from the start on a working day of the week
  long working_days(long from, long to) const;  // in [from, to), days since 1970
  long first_ = 0;                              // days since 1970-01-01 of the start
  bool has_start_ = false;
  unsigned weekdays_ = 0x1f;  // the working days of the week (bit 0 Monday)
  std::vector<long> off_;     // the holidays on working days of the week, sorted, each once
};

// One-off conversions.
std::optional<std::string> start_date(const Calendar& calendar, double day);
std::optional<std::string> finish_date(const Calendar& calendar, double day);

}  // namespace clearpath
