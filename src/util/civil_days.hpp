#pragma once
// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm), and weekends, for the
// calendar and the load-time check that dates fit. Private to the library.
#include <string>

namespace clearpath {

inline long days_from_civil(long y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

// Whether day z (since 1970-01-01, a Thursday) is a Saturday or a Sunday.
inline bool is_weekend(long z) { return ((z % 7) + 7 + 3) % 7 >= 5; }

// The same of a date YYYY-MM-DD that has been checked to be one.
inline long days_from_iso(const std::string& iso) {
  return days_from_civil(std::stol(iso.substr(0, 4)), static_cast<unsigned>(std::stoul(iso.substr(5, 2))),
                         static_cast<unsigned>(std::stoul(iso.substr(8, 2))));
}

}  // namespace clearpath
