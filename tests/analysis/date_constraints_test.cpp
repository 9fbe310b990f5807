// not_before and deadline dates: worked by hand on a calendar that starts on Monday 2027-03-01
// (working day 1 is 03-01; day numbers count working days from the start, as everywhere).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/schedule_fixture.hpp"
#include "clearpath/calendar.hpp"
#include "clearpath/path_analysis.hpp"
#include "clearpath/save.hpp"

#include <nlohmann/json.hpp>

using namespace clearpath;
using namespace clearpath::test;

namespace {

std::string dated(const std::string& steps, const std::string& holidays = "") {
  return R"({"calendar": {"start": "2027-03-01", "holidays": [)" + holidays + R"(]}, "approvals": [], "steps": [)" +
         steps + "]}";
}

Date date(const char* iso) { return *Date::parse(iso); }

}  // namespace

TEST_CASE("dates: working days before a date and through it", "[calendar][dates]") {
  Calendar c;
  c.start = "2027-03-01";
  const WorkCalendar cal(c);
  CHECK(cal.start_day(date("2027-03-01")) == 0);
  CHECK(cal.start_day(date("2027-03-05")) == 4);   // Mon..Thu before it
  CHECK(cal.finish_day(date("2027-03-05")) == 5);  // through Friday
  CHECK(cal.start_day(date("2027-03-06")) == 5);   // Saturday: the next working day is Monday, day 5
  CHECK(cal.finish_day(date("2027-03-07")) == 5);  // due on Sunday: by Friday's end
  CHECK(cal.start_day(date("2027-03-10")) == 7);
  CHECK(cal.start_day(date("2027-02-26")) == -1);           // the Friday before the start
  c.holidays = {"2027-03-03", "2027-03-03", "2027-03-06"};  // a Wednesday twice, a Saturday
  CHECK(WorkCalendar(c).start_day(date("2027-03-10")) == 6);
  CHECK_FALSE(WorkCalendar(Calendar{}).start_day(date("2027-03-10")));
}

TEST_CASE("dates: a deadline that cannot be met gives its chain negative float", "[cpm][dates]") {
  // a(5) -> b(3), b due 2027-03-05 (day 5); c(2) may not start before 2027-03-10 (day 7).
  // Forward: a 0..5, b 5..8, c 7..9; duration 9.
  // Backward: c LF 9 LS 7 (float 0). b LF min(9, 5) = 5, LS 2, float 2 - 5 = -3. a LF 2, LS -3,
  // float -3. Free floats: a 0 (b starts when a ends), b 9 - 8 = 1, c 0.
  const Result r = schedule(dated(R"(
    {"id": "a", "duration": 5},
    {"id": "b", "duration": 3, "deadline": "2027-03-05", "depends_on": ["a"]},
    {"id": "c", "duration": 2, "not_before": "2027-03-10"})"));
  REQUIRE(r.net.constrained());
  CHECK(r.s.duration == 9);
  check(r, "a", 0, 5, -3, 2, -3, 0, true);
  check(r, "b", 5, 8, 2, 5, -3, 1, true);
  check(r, "c", 7, 9, 7, 9, 0, 0, true);
}

TEST_CASE("dates: a missed deadline is a finding with the chain that drives it", "[path][dates]") {
  const Model m = load_valid(R"({"calendar": {"start": "2027-03-01"},
    "initiatives": [{"id": "i", "value_per_month": 26000}],
    "steps": [{"id": "a", "initiative": "i", "duration": 5},
              {"id": "b", "initiative": "i", "duration": 3, "deadline": "2027-03-05", "depends_on": ["a"]}]})");
  const PathAnalysis a = analyze_path(m, PathOptions{});
  std::vector<Finding> missed;
  for (const Finding& f : a.findings)
    if (f.kind == "deadline-missed") missed.push_back(f);
  REQUIRE(missed.size() == 1);
  CHECK(missed[0].severity == Severity::error);
  CHECK(missed[0].subjects == std::vector<std::string>{"b", "i"});
  CHECK(missed[0].days_held_back == 3);
  CHECK(missed[0].cost_of_delay == Approx(3 * 26000.0 * 12 / 260));  // 3 days at 1,200 a day
  CHECK(missed[0].message ==
        "b finishes on working day 8.0 (2027-03-10), 3.0 working days after its deadline 2027-03-05 (float -3.0); "
        "driven by a -> b");
}

TEST_CASE("dates: done work keeps no constraint, and Monte Carlo honours not_before", "[cpm][simulation][dates]") {
  // a is done: its deadline in the past says nothing now. b may not start before day 7.
  const std::string text = dated(R"(
    {"id": "a", "duration": 5, "status": "done", "deadline": "2027-03-02"},
    {"id": "b", "duration": 2, "not_before": "2027-03-10", "depends_on": ["a"]})");
  const Result r = schedule(text);
  check(r, "a", 0, 0, 7, 7, 7, 7, false);
  check(r, "b", 7, 9, 7, 9, 0, 0, true);
  PathOptions o;
  o.simulate = 20;
  o.threads = 1;
  const PathAnalysis p = analyze_path(r.model, o);
  REQUIRE(p.simulation);
  CHECK(p.simulation->p95 == 9);
  for (const Finding& f : p.findings) CHECK(f.kind != "deadline-missed");
}

TEST_CASE("dates: read, checked and saved back", "[load][dates]") {
  const Model m =
      load_valid(dated(R"({"id": "a", "duration": 1, "not_before": "2027-03-10", "deadline": "2027-04-30"})"));
  CHECK(m.steps()[0].dates.not_before == date("2027-03-10"));
  CHECK(m.steps()[0].dates.deadline.iso() == "2027-04-30");
  const std::string text = save_model(m);
  CHECK(text.find("\"clearpath\": 2") != std::string::npos);
  CHECK(text.find("\"not_before\": \"2027-03-10\"") != std::string::npos);
  CHECK(save_model(load_valid(text)) == text);

  LoadResult bad = load(dated(R"({"id": "a", "duration": 1, "deadline": "2027-02-30"})"));
  REQUIRE(diagnostics_with_code(bad, "bad-date").size() == 1);
  CHECK(diagnostics_with_code(bad, "bad-date")[0].pointer == "/steps/0/deadline");
  CHECK(diagnostics_with_code(bad, "bad-date")[0].message ==
        "deadline '2027-02-30' of step 'a' is not a date written YYYY-MM-DD");

  bad = load(dated(R"({"id": "a", "duration": 1, "deadline": "2027-02-26"})"));
  REQUIRE(diagnostics_with_code(bad, "deadline-before-start").size() == 1);
  CHECK(diagnostics_with_code(bad, "deadline-before-start")[0].message ==
        "deadline 2027-02-26 of step 'a' is before the calendar start '2027-03-01': nothing can finish by then");

  bad = load(R"({"approvals": [{"id": "g", "not_before": "2027-03-10"}]})");
  REQUIRE(diagnostics_with_code(bad, "no-calendar-start").size() == 1);
  CHECK(diagnostics_with_code(bad, "no-calendar-start")[0].pointer == "/approvals/0/not_before");

  bad = load(dated(R"({"id": "a", "duration": 1, "not_before": 20270310})"));
  REQUIRE(diagnostics_with_code(bad, "wrong-type").size() == 1);
  CHECK(diagnostics_with_code(bad, "wrong-type")[0].message ==
        "not_before of step 'a' must be a date written YYYY-MM-DD, not a number");
}

TEST_CASE("dates: clearpath level keeps not_before dates and the status date", "[cli][dates][levelling]") {
  // ana (capacity 1) does a (3 days, not before Wednesday 2027-03-03: day 2) and b (4 days).
  // CPM: b 0..4, a 2..5, overlapping on ana. Levelled: b first, 0..4, then a 4..7: 7 days (a
  // first, 2..5, would leave b 5..9). a may never start before day 2.
  const std::string model = R"({"calendar": {"start": "2027-03-01"}, "people": [{"id": "ana"}], "steps": [
    {"id": "a", "duration": 3, "owner": "ana", "not_before": "2027-03-03"},
    {"id": "b", "duration": 4, "owner": "ana"}]})";
  auto r = run({"level", "-", "--format", "json"}, model);
  REQUIRE(r.status == 0);
  auto j = nlohmann::json::parse(r.out);
  CHECK(j["duration"] == 7);
  CHECK(j["cpm_duration"] == 5);
  CHECK(j["schedule"][0]["start"] == 4);  // a
  CHECK(j["schedule"][1]["start"] == 0);  // b
  // With a status date of Monday 2027-03-08 (day 5) nothing left starts before day 5: b 5..9,
  // then a 9..12.
  const std::string later = R"({"calendar": {"start": "2027-03-01"}, "status_date": "2027-03-08",
    "people": [{"id": "ana"}], "steps": [
    {"id": "a", "duration": 3, "owner": "ana", "not_before": "2027-03-03"},
    {"id": "b", "duration": 4, "owner": "ana"}]})";
  r = run({"level", "-", "--format", "json"}, later);
  REQUIRE(r.status == 0);
  j = nlohmann::json::parse(r.out);
  CHECK(j["duration"] == 12);
  CHECK(j["schedule"][0]["start"] == 9);
  CHECK(j["schedule"][1]["start"] == 5);
}

TEST_CASE("dates: analyze shows the links of the critical path and the progress", "[cli][dates][progress]") {
  // graphs/fraud-rollout.json, worked by hand in its attributes: the critical path from the
  // status date runs label-cases -FS-2-> build-features -> train-model -FF+2-> validate-model.
  const auto r = run({"analyze", clearpath::test::source_path("graphs/fraud-rollout.json"), "--fail-on", "never"});
  REQUIRE(r.status == 0);
  CHECK(r.out.find("  #  id                 kind  link  days  start  finish  finish date\n"
                   "  1  label-cases        step  -      9.0   10.0    19.0  2027-03-25\n"
                   "  2  build-features     step  FS-2   8.0   17.0    25.0  2027-04-02\n") != std::string::npos);
  CHECK(r.out.find("PROGRESS\n  status date 2027-03-15 (working day 10.0); steps: 1 done, 1 in progress, 6 not "
                   "started\n  plan (from scratch): 43.0 working days; forecast: 47.0 (+4.0 days)\n") !=
        std::string::npos);
  CHECK(r.out.find("as of 2027-03-15 (status date)") != std::string::npos);
}
