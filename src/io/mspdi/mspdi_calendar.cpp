#include "io/mspdi/mspdi_calendar.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "io/mspdi/mspdi_values.hpp"
#include "util/civil_days.hpp"

namespace clearpath::mspdi {

namespace {

// The most days one exception may span, and all of them together: a 40-year calendar of
// holidays is far below; a hostile file is not.
constexpr long kMaxExceptionDays = 200000;

const char* const kDayNames[7] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

pugi::xml_node calendar_by_uid(pugi::xml_node project, long long uid, const Reader& r) {
  for (pugi::xml_node c : project.child("Calendars").children("Calendar"))
    if (r.integer(c, "UID") == uid) return c;
  return {};
}

// The minutes of work of a WeekDay or Exception, from its WorkingTimes.
double working_minutes(pugi::xml_node day) {
  double minutes = 0;
  for (pugi::xml_node t : day.child("WorkingTimes").children("WorkingTime")) {
    const int from = minutes_of_day(std::string("2000-01-01T") + t.child_value("FromTime"));
    int to = minutes_of_day(std::string("2000-01-01T") + t.child_value("ToTime"));
    if (to <= from) to += 24 * 60;  // to midnight
    minutes += to - from;
  }
  return minutes;
}

struct CalendarParts {
  std::array<int, 7> working{-1, -1, -1, -1, -1, -1, -1};  // -1 unknown, 0 off, 1 working
  std::array<double, 7> minutes{};
  std::array<pugi::xml_node, 7> where{};
  std::vector<pugi::xml_node> day_exceptions;  // WeekDay DayType 0 (2003 form, and 2007+ expanded)
  std::vector<pugi::xml_node> exceptions;      // Exceptions/Exception (2007+)
};

void collect(Reader& r, pugi::xml_node cal, CalendarParts& parts, int hops) {
  if (!cal) return;
  r.check_children(cal, known_calendar_element);
  if (const std::optional<long long> base = r.integer(cal, "BaseCalendarUID"); base && *base >= 0 && hops < 8)
    collect(r, calendar_by_uid(cal.parent().parent(), *base, r), parts, hops + 1);
  for (pugi::xml_node d : cal.child("WeekDays").children("WeekDay")) {
    const long long type = r.integer(d, "DayType").value_or(-1);
    if (type == 0) {
      parts.day_exceptions.push_back(d);
    } else if (type >= 1 && type <= 7) {
      const auto k = static_cast<std::size_t>(type - 1);
      parts.working[k] = r.flag(d, "DayWorking") ? 1 : 0;
      parts.minutes[k] = working_minutes(d);
      parts.where[k] = d;
    } else {
      r.fail(d.child("DayType"),
             "<DayType> " + std::to_string(type) + " is not a day: 0 (an exception) or 1-7 (Sunday-Saturday)");
    }
  }
  for (pugi::xml_node e : cal.child("Exceptions").children("Exception")) parts.exceptions.push_back(e);
}

struct DayRange {
  long from = 0, to = 0;  // days since 1970, inclusive
};

DayRange range_of(Reader& r, pugi::xml_node period_owner) {
  const pugi::xml_node period = period_owner.child("TimePeriod");
  const std::optional<Date> from = parse_date_time(period.child_value("FromDate"));
  const std::optional<Date> to = parse_date_time(period.child_value("ToDate"));
  if (!period || !from || !to)
    r.fail(period ? period : period_owner,
           "a calendar exception needs <TimePeriod> with <FromDate> and <ToDate> written YYYY-MM-DDTHH:MM:SS");
  // A period to midnight (ToDate 2027-05-31T00:00:00 after a FromDate that day) ends the day before.
  long to_day = to->days();
  if (to_day > from->days() && minutes_of_day(period.child_value("ToDate")) == 0) --to_day;
  if (to_day < from->days()) r.fail(period, "a calendar exception ends (<ToDate>) before it starts (<FromDate>)");
  if (to_day - from->days() >= kMaxExceptionDays)
    r.fail(period, "a calendar exception spans more than " + std::to_string(kMaxExceptionDays) + " days");
  return {from->days(), to_day};
}

}  // namespace

Calendar read_calendar(Reader& r, pugi::xml_node project, std::optional<long long> calendar_uid, Date start,
                       double minutes_per_day) {
  Calendar out;
  out.start = start.iso();
  CalendarParts parts;
  if (calendar_uid && *calendar_uid >= 0) {
    const pugi::xml_node cal = calendar_by_uid(project, *calendar_uid, r);
    if (!cal)
      r.warn("calendar-missing", project.child("CalendarUID"), "mspdi-calendar",
             "<CalendarUID> " + std::to_string(*calendar_uid) + " names no calendar: Monday to Friday assumed");
    collect(r, cal, parts, 0);
  }
  // Working days of the week (MSPDI: 1 Sunday ... 7 Saturday; clearpath: 0 Monday ... 6 Sunday).
  unsigned weekdays = 0;
  for (std::size_t k = 0; k < 7; ++k) {
    const bool usual = k >= 1 && k <= 5;
    const bool works = parts.working[k] < 0 ? usual : parts.working[k] == 1;
    if (works) weekdays |= 1u << ((k + 6) % 7);
    if (works && parts.working[k] == 1 && parts.minutes[k] > 0 && std::abs(parts.minutes[k] - minutes_per_day) > 0.5)
      r.warn("partial-day", parts.where[k], "mspdi-calendar",
             std::string(kDayNames[k]) + "s have " + std::to_string(static_cast<int>(parts.minutes[k])) +
                 " working minutes, not the project's " + std::to_string(static_cast<int>(minutes_per_day)) +
                 " per day: clearpath counts each working day whole");
  }
  if (weekdays == 0) {
    r.warn("no-weekday", project.child("CalendarUID"), "mspdi-calendar",
           "the project calendar works no day of the week: Monday to Friday assumed");
    weekdays = kMondayToFriday;
  }
  if (weekdays != kMondayToFriday)
    for (int k = 0; k < 7; ++k)
      if ((weekdays >> k) & 1u) out.working_days.emplace_back(kWeekdayNames[k]);
  std::set<long> holidays;
  long days_read = 0;
  const auto add_range = [&](Reader& rd, pugi::xml_node at, bool working) {
    const DayRange range = range_of(rd, at);
    days_read += range.to - range.from + 1;
    if (days_read > kMaxExceptionDays)
      rd.fail(at, "the calendar's exceptions span more than " + std::to_string(kMaxExceptionDays) + " days in all");
    for (long d = range.from; d <= range.to; ++d) {
      if (!works_on(weekdays, d)) {
        if (working)
          rd.warn("working-exception", at, "mspdi-calendar",
                  "a calendar exception makes " + Date::from_days(static_cast<std::int32_t>(d)).iso() +
                      " (a day of the week not worked) a working day: clearpath's calendar cannot, so that day is "
                      "not worked");
        continue;
      }
      if (!working) holidays.insert(d);
    }
  };
  if (!parts.day_exceptions.empty()) {
    // MS Project writes every exception this way (2007 and later also as <Exceptions>, already
    // expanded into these): the dates to take.
    for (pugi::xml_node d : parts.day_exceptions) add_range(r, d, r.flag(d, "DayWorking"));
  } else {
    for (pugi::xml_node e : parts.exceptions) {
      const long long type = r.integer(e, "Type").value_or(1);
      const long long period = r.integer(e, "Period").value_or(1);
      if (type != 1 || period != 1) {
        r.warn("recurring-exception", e, "mspdi-calendar",
               "a recurring calendar exception ('" + std::string(e.child_value("Name")) +
                   "') the file gives only as a rule: clearpath does not expand it (save the file from MS Project, "
                   "which writes its dates out)");
        continue;
      }
      add_range(r, e, r.flag(e, "DayWorking"));
    }
  }
  for (long d : holidays) out.holidays.push_back(Date::from_days(static_cast<std::int32_t>(d)).iso());
  return out;
}

std::optional<std::string> calendar_of_its_own(const Reader& reader, pugi::xml_node project, long long uid,
                                               std::optional<long long> project_uid) {
  const pugi::xml_node own = calendar_by_uid(project, uid, reader);
  if (!own) return std::nullopt;
  pugi::xml_node cal = own;
  for (int hops = 0; cal && hops < 8; ++hops) {
    const std::optional<long long> at = reader.integer(cal, "UID");
    if (project_uid && at == project_uid) return std::nullopt;
    if (cal.child("WeekDays").child("WeekDay") || cal.child("Exceptions").child("Exception"))
      return std::string(own.child_value("Name"));
    const std::optional<long long> base = reader.integer(cal, "BaseCalendarUID");
    if (!base || *base < 0) return std::nullopt;  // a base calendar of no working time of its own
    cal = calendar_by_uid(project, *base, reader);
  }
  return std::nullopt;
}

}  // namespace clearpath::mspdi
