#pragma once
// What MS Project stored of its own schedule in an MSPDI file it saved (EarlyStart, TotalSlack,
// Critical per task), in clearpath's units, to compare clearpath's CPM with: the agreement
// tests of issue 16 point 5.
#include <map>
#include <optional>
#include <set>
#include <string>

#include "clearpath/entities.hpp"

namespace clearpath::test {

struct MsProjectTask {
  long long uid = 0;
  std::string name;
  double early_start = 0;  // working days from the project start (08:00 of StartDate)
  double total_slack = 0;  // working days
  bool critical = false;
  bool manual = false;
  bool summary = false;
  double percent_complete = 0;
};

// The tasks (not summary tasks or blank rows) of an MSPDI file by UID. Working days are counted
// on Monday to Friday without `holidays` (ISO dates), 8 working hours a day from 08:00 with an
// hour off at 12:00, as MS Project's Standard calendar has them; MinutesPerDay converts slack.
std::map<long long, MsProjectTask> ms_project_schedule(const std::string& path, const std::set<std::string>& holidays);

}  // namespace clearpath::test
