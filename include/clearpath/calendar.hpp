#pragma once
// Working-day arithmetic: day numbers of a schedule as calendar dates, skipping weekends and
// the calendar's holidays.
#include <optional>
#include <string>

#include "clearpath/entities.hpp"

namespace clearpath {

// Day numbers count working days from the start: work that starts at day 0 starts on the first
// working day on or after calendar.start; work that ends at day d (> 0) ends on the d-th
// working day (a fractional d rounds up: the work occupies part of that day).
// Both return nothing when the calendar has no start.
std::optional<std::string> start_date(const Calendar& calendar, double day);
std::optional<std::string> finish_date(const Calendar& calendar, double day);

}  // namespace clearpath
