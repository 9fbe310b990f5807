// Dates of the model (clearpath/entities.hpp): parsed once, kept as day numbers.
#include "clearpath/entities.hpp"
#include "util/civil_days.hpp"

namespace clearpath {

std::optional<Date> Date::parse(std::string_view t) noexcept {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return std::nullopt;
  const int y = (t[0] - '0') * 1000 + (t[1] - '0') * 100 + (t[2] - '0') * 10 + (t[3] - '0');
  const int m = (t[5] - '0') * 10 + (t[6] - '0');
  const int d = (t[8] - '0') * 10 + (t[9] - '0');
  if (m < 1 || m > 12 || d < 1) return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (d > kDays[m - 1] + (m == 2 && leap ? 1 : 0)) return std::nullopt;
  return Date(static_cast<std::int32_t>(days_from_civil(y, static_cast<unsigned>(m), static_cast<unsigned>(d))));
}

std::string Date::iso() const { return empty() ? std::string() : civil_from_days(days_); }

std::optional<int> parse_weekday(std::string_view name) noexcept {
  for (int k = 0; k < 7; ++k)
    if (name == kWeekdayNames[k]) return k;
  return std::nullopt;
}

unsigned working_weekdays(const Calendar& calendar) noexcept {
  if (calendar.working_days.empty()) return kMondayToFriday;
  unsigned mask = 0;
  for (const std::string& d : calendar.working_days)
    if (const std::optional<int> k = parse_weekday(d)) mask |= 1u << *k;
  return mask == 0 ? kMondayToFriday : mask;
}

}  // namespace clearpath
