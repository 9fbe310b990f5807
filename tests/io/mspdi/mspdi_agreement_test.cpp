// Issue 16 point 5: clearpath's CPM against the schedule MS Project computed and stored in the
// files it saved (tests/data/mspdi, see SOURCE.md there): early start, total float and the
// critical set of every task. Where they differ, the reason is documented in
// docs/import-mspdi.md and tested here.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "clearpath/load.hpp"
#include "clearpath/mspdi.hpp"
#include "clearpath/schedule.hpp"
#include "io/mspdi/ms_project_schedule.hpp"

using namespace clearpath;

namespace {

std::string data(const std::string& name) { return std::string(CLEARPATH_SOURCE_DIR) + "/tests/data/mspdi/" + name; }

struct Disagreement {
  long long uid;
  std::string field;
  double ms_project, clearpath;
};

// Whether `x` is the disagreement on `field` of task `uid`: MS Project's value, then clearpath's.
bool is(const Disagreement& x, long long uid, const std::string& field, double ms_project, double clearpath) {
  return x.uid == uid && x.field == field && x.ms_project == Approx(ms_project) && x.clearpath == Approx(clearpath);
}

std::string describe(const std::vector<Disagreement>& ds) {
  std::ostringstream out;
  for (const Disagreement& d : ds)
    out << "UID " << d.uid << " " << d.field << ": MS Project " << d.ms_project << ", clearpath " << d.clearpath
        << "\n";
  return out.str();
}

// Every field of every task on which clearpath's schedule of the imported file differs from
// MS Project's (floats within 1e-6 of a day agree).
std::vector<Disagreement> disagreements(const std::string& file) {
  const MspdiImportResult r = import_mspdi(read_input(data(file)), file, {MspdiIds::uids});
  REQUIRE(r.model);
  const Model& m = *r.model;
  const std::set<std::string> holidays(m.calendar.holidays.begin(), m.calendar.holidays.end());
  const auto ms = test::ms_project_schedule(data(file), holidays);
  const Network n = build_network(m, {});
  const Schedule s = compute_schedule(m, n);
  std::vector<Disagreement> out;
  std::size_t compared = 0;
  for (std::size_t a = 0; a < n.size(); ++a) {
    const std::string& id = m.id(n.activity[a]);
    REQUIRE(id.rfind("task-", 0) == 0);
    const long long uid = std::stoll(id.substr(5));
    REQUIRE(ms.count(uid));
    const test::MsProjectTask& t = ms.at(uid);
    const ActivityTimes& mine = s.times[a];
    ++compared;
    if (std::fabs(mine.es - t.early_start) > 1e-6) out.push_back({uid, "early start", t.early_start, mine.es});
    if (std::fabs(mine.total_float - t.total_slack) > 1e-6)
      out.push_back({uid, "total float", t.total_slack, mine.total_float});
    if (mine.critical != t.critical)
      out.push_back({uid, "critical", t.critical ? 1.0 : 0.0, mine.critical ? 1.0 : 0.0});
  }
  CHECK(compared == n.size());
  return out;
}

const Diagnostic* warning(const MspdiImportResult& r, const std::string& code) {
  for (const Diagnostic& d : r.diagnostics.items())
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("MSPDI agreement: early start, total float and critical flag of every task equal MS Project's",
          "[mspdi][agreement]") {
  // Saved by MS Project 2003, 2007, 2010 and 2013 (the same plan: FS, SS, FF and SF links with
  // lags in days and weeks), a chain with every link type, and a file of several calendars.
  for (const char* f :
       {"task-links-project2003-mspdi.xml", "task-links-project2007-mspdi.xml", "task-links-project2010-mspdi.xml",
        "task-links-project2013-mspdi.xml", "mspdirelations.xml", "caltest.xml"}) {
    INFO(f);
    const std::vector<Disagreement> d = disagreements(f);
    INFO(describe(d));
    CHECK(d.empty());
  }
}

TEST_CASE(
    "MSPDI agreement: manually scheduled tasks are scheduled as MS Project schedules the same plan "
    "automatically",
    "[mspdi][agreement]") {
  // Project 2016 and 2019 saved the plan with every task manual. MS Project then stores a total
  // slack of 11 days for the two successors of SS and SF links (UID 11, 13), where its
  // auto-scheduled saves of the same plan have 10 and 9; clearpath schedules manual tasks from
  // their links, so it gives the automatic figures, and says so.
  const auto automatic = disagreements("task-links-project2013-mspdi.xml");
  REQUIRE(automatic.empty());
  for (const char* f : {"task-links-project2016-mspdi.xml", "task-links-project2019-mspdi.xml"}) {
    INFO(f);
    const std::vector<Disagreement> d = disagreements(f);
    INFO(describe(d));
    REQUIRE(d.size() == 2);
    CHECK(is(d[0], 11, "total float", 11, 10));
    CHECK(is(d[1], 13, "total float", 11, 9));
    const MspdiImportResult r = import_mspdi(read_input(data(f)), f);
    const Diagnostic* manual = warning(r, "mspdi-manual");
    REQUIRE(manual);
    CHECK_THAT(manual->message, Catch::Matchers::Contains("16 in all"));
  }
  // The 2013 save of the same plan: MS Project's floats for UID 11 and 13 are clearpath's.
  const auto ms13 = test::ms_project_schedule(data("task-links-project2013-mspdi.xml"), {});
  CHECK(ms13.at(11).total_slack == Approx(10));
  CHECK(ms13.at(13).total_slack == Approx(9));
}

TEST_CASE(
    "MSPDI agreement: a resource calendar that MS Project schedules by and clearpath does not shifts the "
    "float, by exactly its difference",
    "[mspdi][agreement]") {
  // sample.xml (Project 2002): task UID 2 lasts 100 working days, but its resource's calendar
  // lets MS Project fit it into 50 days of the project calendar, and it sets the project's end.
  // clearpath schedules every step on the project calendar: every early start agrees, the
  // critical set agrees, and every other task's float is 50 days more.
  const std::vector<Disagreement> d = disagreements("sample.xml");
  INFO(describe(d));
  const MspdiImportResult r = import_mspdi(read_input(data("sample.xml")), "sample.xml");
  const Diagnostic* calendar = warning(r, "mspdi-resource-calendar");
  REQUIRE(calendar);
  CHECK_THAT(calendar->message, Catch::Matchers::Contains("'Second Resource'"));
  REQUIRE(d.size() == 15);
  for (const Disagreement& x : d) {
    INFO("UID " << x.uid);
    CHECK(x.field == "total float");
    CHECK(x.clearpath - x.ms_project == Approx(50));
  }
}

TEST_CASE("MSPDI agreement: what makes the other files differ is said by a warning of the import",
          "[mspdi][agreement]") {
  const auto import_file = [](const char* f) { return import_mspdi(read_input(data(f)), f); };
  // Elapsed durations (round the clock) are converted to working days.
  const MspdiImportResult elapsed = import_file("mspdiduration.xml");
  REQUIRE(warning(elapsed, "mspdi-elapsed"));
  CHECK_THAT(warning(elapsed, "mspdi-elapsed")->message, Catch::Matchers::Contains("5 in all"));
  // 450 minutes a day on an 8-hour calendar: MS Project's tasks start at 09:00.
  const MspdiImportResult partial = import_file("mspdinulltasks.xml");
  CHECK(warning(partial, "mspdi-calendar"));
  // Progress without a status date: the current date stands in, and remaining work starts there.
  for (const char* f :
       {"mspdiresource.xml", "mspditimephasedsegments.xml", "assignment-assignments-project2007-mspdi.xml"}) {
    const MspdiImportResult progress = import_file(f);
    CHECK(warning(progress, "mspdi-status-date"));
  }
  // Task calendars, and resources with calendars of their own.
  const MspdiImportResult calendars = import_file("mspditimephasedsegments.xml");
  CHECK(warning(calendars, "mspdi-task-calendar"));
  CHECK(warning(calendars, "mspdi-resource-calendar"));
  CHECK(warning(import_file("mspdiresource.xml"), "mspdi-resource-calendar"));
  // Split tasks: MS Project's day-by-day work stops on working days (both tasks of the file).
  const MspdiImportResult split = import_file("mspdisplittask.xml");
  REQUIRE(warning(split, "mspdi-split"));
  CHECK_THAT(warning(split, "mspdi-split")->message, Catch::Matchers::Contains("2 in all"));
  // Files without splits, resource calendars of their own or recurring tasks say nothing of them.
  for (const char* f : {"task-links-project2013-mspdi.xml", "mspdirelations.xml", "caltest.xml"}) {
    const MspdiImportResult plain = import_file(f);
    CHECK_FALSE(warning(plain, "mspdi-split"));
    CHECK_FALSE(warning(plain, "mspdi-resource-calendar"));
    CHECK_FALSE(warning(plain, "mspdi-recurring"));
  }
  // A recurring task's occurrences.
  CHECK(warning(import_file("sample.xml"), "mspdi-recurring"));
}

TEST_CASE(
    "MSPDI agreement: a task calendar's holidays move that task and its successor in MS Project, and "
    "nothing else",
    "[mspdi][agreement]") {
  // mpxj-net-sample1.xml (Project 2010): FS links, an FS+1d and an FF+2d lag. Task 6 (UID 8)
  // follows Task 5 (finishing 7 August) by FF+2d and has a calendar of its own with 7-9 August
  // off. MS Project counts the lag and the five days on that calendar: finish 11 August, start
  // 2 August (day 3); Milestone 2 (UID 10, after it) on day 11. clearpath schedules every step on
  // the project calendar: finish 9 August, start 3 August (day 4), the milestone on day 9, two
  // days more float for both. Every other task agrees, and the import says why.
  const std::vector<Disagreement> d = disagreements("mpxj-net-sample1.xml");
  INFO(describe(d));
  REQUIRE(d.size() == 4);
  CHECK(is(d[0], 10, "early start", 11, 9));
  CHECK(is(d[1], 10, "total float", 7, 9));
  CHECK(is(d[2], 8, "early start", 3, 4));
  CHECK(is(d[3], 8, "total float", 7, 9));
  const MspdiImportResult r = import_mspdi(read_input(data("mpxj-net-sample1.xml")), "mpxj-net-sample1.xml");
  const Diagnostic* calendar = warning(r, "mspdi-task-calendar");
  REQUIRE(calendar);
  CHECK(calendar->line == 1376);
}
