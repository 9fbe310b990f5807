#include "io/mspdi/ms_project_schedule.hpp"

#include <stdexcept>

#include <pugixml.hpp>

namespace clearpath::test {

namespace {

Date date_of(const std::string& date_time) {
  const std::optional<Date> d = Date::parse(date_time.substr(0, 10));
  if (!d) throw std::runtime_error("not a date-time: " + date_time);
  return *d;
}

int minutes_of(const std::string& date_time) {
  return std::stoi(date_time.substr(11, 2)) * 60 + std::stoi(date_time.substr(14, 2));
}

bool working(int days, const std::set<std::string>& holidays) {
  const int weekday = ((days % 7) + 11) % 7;  // 0 Sunday
  return weekday != 0 && weekday != 6 && !holidays.count(Date::from_days(days).iso());
}

// Working days from `start` (its 08:00) to `at`: whole days between, and the working hours of
// the last day that have passed (08:00-12:00, 13:00-17:00).
double working_days(Date start, const std::string& at, const std::set<std::string>& holidays) {
  const Date day = date_of(at);
  double n = 0;
  for (int d = start.days(); d < day.days(); ++d) n += working(d, holidays) ? 1 : 0;
  for (int d = day.days(); d < start.days(); ++d) n -= working(d, holidays) ? 1 : 0;
  const int m = minutes_of(at);
  double hours = 0;
  if (m > 8 * 60) hours += (std::min(m, 12 * 60) - 8 * 60) / 60.0;
  if (m > 13 * 60) hours += (std::min(m, 17 * 60) - 13 * 60) / 60.0;
  return n + hours / 8;
}

}  // namespace

std::map<long long, MsProjectTask> ms_project_schedule(const std::string& path, const std::set<std::string>& holidays) {
  pugi::xml_document doc;
  if (!doc.load_file(path.c_str())) throw std::runtime_error("cannot read " + path);
  const pugi::xml_node project = doc.child("Project");
  const Date start = date_of(project.child_value("StartDate"));
  const double minutes_per_day = project.child("MinutesPerDay").text().as_double(480);
  std::map<long long, MsProjectTask> out;
  for (pugi::xml_node t : project.child("Tasks").children("Task")) {
    if (t.child("IsNull").text().as_int() == 1 || t.child("OutlineLevel").text().as_int(1) == 0) continue;
    MsProjectTask task;
    task.uid = t.child("UID").text().as_llong();
    task.name = t.child_value("Name");
    task.summary = t.child("Summary").text().as_int() == 1;
    task.manual = t.child("Manual").text().as_int() == 1;
    task.critical = t.child("Critical").text().as_int() == 1;
    task.percent_complete = t.child("PercentComplete").text().as_double();
    task.early_start = working_days(start, t.child_value("EarlyStart"), holidays);
    task.total_slack = t.child("TotalSlack").text().as_double() / 10 / minutes_per_day;
    out[task.uid] = task;
  }
  return out;
}

}  // namespace clearpath::test
