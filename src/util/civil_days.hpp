#pragma once
// Days since 1970-01-01 of a civil date and back (Howard Hinnant's algorithms), and weekends,
// for the calendar, dates and the load-time check that dates fit. Private to the library.
#include <algorithm>
#include <bit>
#include <cstdio>
#include <string>
#include <vector>

namespace clearpath {

inline long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// The civil date YYYY-MM-DD of day z since 1970-01-01 (the same algorithm, the other way).
inline std::string civil_from_days(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
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

// The day of the week of day z (since 1970-01-01, a Thursday): 0 Monday ... 6 Sunday.
inline int weekday_of(long z) { return static_cast<int>(((z % 7) + 7 + 3) % 7); }
// Whether day z is a Saturday or a Sunday.
inline bool is_weekend(long z) { return weekday_of(z) >= 5; }

// The working days of the week as a mask (bit 0 Monday ... bit 6 Sunday).
inline constexpr unsigned kMondayToFriday = 0x1f;
inline bool works_on(unsigned weekday_mask, long z) { return (weekday_mask >> weekday_of(z)) & 1u; }
// The days in [from, to) that fall on a working day of the week, holidays aside.
inline long weekdays_in(unsigned weekday_mask, long from, long to) {
  if (to <= from) return 0;
  const long weeks = (to - from) / 7;
  long n = weeks * std::popcount(weekday_mask);
  for (long z = from + weeks * 7; z < to; ++z) n += works_on(weekday_mask, z);
  return n;
}

// The same of a date YYYY-MM-DD that has been checked to be one.
inline long days_from_iso(const std::string& iso) {
  return days_from_civil(std::stol(iso.substr(0, 4)), static_cast<unsigned>(std::stoul(iso.substr(5, 2))),
                         static_cast<unsigned>(std::stoul(iso.substr(8, 2))));
}

// The holidays (dates YYYY-MM-DD checked to be ones) that fall on a working day of the week, as
// sorted day numbers, each once: a holiday on a day not worked, or listed twice, changes nothing.
inline std::vector<long> holidays_on_working_days(unsigned weekday_mask, const std::vector<std::string>& holidays) {
  std::vector<long> off;
  for (const std::string& h : holidays) {
    const long z = days_from_iso(h);
    if (works_on(weekday_mask, z)) off.push_back(z);
  }
  std::sort(off.begin(), off.end());
  off.erase(std::unique(off.begin(), off.end()), off.end());
  return off;
}

}  // namespace clearpath
