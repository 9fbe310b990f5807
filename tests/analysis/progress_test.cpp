// Progress: percent_complete, remaining, actual dates and the status date, worked by hand on a
// calendar that starts on Monday 2027-03-01 with the status date Monday 2027-03-08 (working day 5
// is over: remaining work starts at day 5).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/schedule_fixture.hpp"
#include "clearpath/path_analysis.hpp"
#include "clearpath/save.hpp"

using namespace clearpath;
using namespace clearpath::test;

namespace {

// a(5) done in the first week; a -> b(10), 40 % done; b -> c(4); d(3) started, 5 days left.
std::string tracked(const std::string& b_progress) {
  return R"({"calendar": {"start": "2027-03-01"}, "status_date": "2027-03-08",
    "initiatives": [{"id": "i", "value_per_month": 26000}],
    "steps": [
      {"id": "a", "initiative": "i", "duration": 5, "actual_start": "2027-03-01", "actual_finish": "2027-03-05"},
      {"id": "b", "initiative": "i", "duration": 10, "depends_on": ["a"], )" +
         b_progress + R"(},
      {"id": "c", "initiative": "i", "duration": 4, "depends_on": ["b"]},
      {"id": "d", "initiative": "i", "duration": 3, "remaining": 5, "actual_start": "2027-03-03"}]})";
}

std::vector<std::string> late_ids(const Model& m, const PathAnalysis& a) {
  std::vector<std::string> out;
  for (const LateItem& l : a.progress->late) out.push_back(m.id(a.network.activity[l.activity]));
  return out;
}

}  // namespace

TEST_CASE("progress: remaining work starts at the status date, done work stays done", "[cpm][progress]") {
  // Statuses follow the progress: a done (actual finish), b and d in progress.
  // Remaining: a 0, b 10 x 60 % = 6, c 4, d 5. Forecast: a 0..0; b and d wait for day 5:
  // b 5..11, d 5..10; c 11..15. Duration 15.
  const Result r = schedule(tracked(R"("percent_complete": 40)"));
  CHECK(r.model.steps()[0].status == StepStatus::done);
  CHECK(r.model.steps()[1].status == StepStatus::in_progress);
  CHECK(r.model.steps()[2].status == StepStatus::not_started);
  CHECK(r.model.steps()[3].status == StepStatus::in_progress);
  CHECK(r.s.duration == 15);
  CHECK(r.t("a").ef == 0);
  check(r, "b", 5, 11, 5, 11, 0, 0, true);
  check(r, "c", 11, 15, 11, 15, 0, 0, true);
  check(r, "d", 5, 10, 10, 15, 5, 5, false);
  // From scratch (the plan): full durations from day 0, the status date ignored.
  NetworkOptions plan;
  plan.from_scratch = true;
  const Result p = schedule(tracked(R"("percent_complete": 40)"), plan);
  CHECK(p.s.duration == 19);
  check(p, "d", 0, 3, 16, 19, 16, 16, false);
}

TEST_CASE("progress: what is late against the plan", "[path][progress]") {
  // The plan: a 0..5, b 5..15, c 15..19, d 0..3. With 40 % of b done the forecast (above) ends
  // on day 15, before the plan's 19: only d is late, by 10 - 3 = 7 days, and overdue (the plan
  // had it done by day 3, before the status date's day 5).
  Model m = load_valid(tracked(R"("percent_complete": 40)"));
  PathAnalysis a = analyze_path(m, PathOptions{});
  REQUIRE(a.progress);
  CHECK(a.progress->status_day == 5);
  CHECK(a.progress->done == 1);
  CHECK(a.progress->in_progress == 2);
  CHECK(a.progress->not_started == 1);
  CHECK(a.progress->planned_duration == 19);
  CHECK(a.progress->forecast_duration == 15);
  CHECK(late_ids(m, a) == std::vector<std::string>{"d"});
  CHECK(a.progress->late[0].planned_finish == 3);
  CHECK(a.progress->late[0].forecast_finish == 10);
  CHECK(a.progress->late[0].overdue);
  for (const Finding& f : a.findings) CHECK(f.kind != "behind-plan");

  // b re-estimated: 14 days left. b 5..19, c 19..23: the forecast ends 4 days after the plan.
  // Late: d +7, then b (15 -> 19) and c (19 -> 23) +4 each, by id.
  m = load_valid(tracked(R"("remaining": 14)"));
  a = analyze_path(m, PathOptions{});
  CHECK(a.progress->forecast_duration == 23);
  CHECK(late_ids(m, a) == std::vector<std::string>{"d", "b", "c"});
  CHECK_FALSE(a.progress->late[1].overdue);
  std::vector<Finding> behind;
  for (const Finding& f : a.findings)
    if (f.kind == "behind-plan") behind.push_back(f);
  REQUIRE(behind.size() == 1);
  CHECK(behind[0].severity == Severity::warning);
  CHECK(behind[0].days_held_back == 4);
  CHECK(behind[0].cost_of_delay == Approx(4 * 1200.0));  // 26,000 a month is 1,200 a working day
  CHECK(behind[0].message ==
        "the plan ends on working day 19.0 (2027-03-25), the forecast from the status date on working day 23.0 "
        "(2027-03-31): 4.0 working days late; slipped most: d +7.0, b +4.0, c +4.0");
  // From scratch there is no progress to report.
  PathOptions scratch;
  scratch.network.from_scratch = true;
  CHECK_FALSE(analyze_path(m, scratch).progress);
}

TEST_CASE("progress: the spread of work in progress is what is left of it", "[path][simulation][progress]") {
  // x: 2/4/12 (expected 5, sd 10/6), half done: 2.5 days left, sd 10/12. y: remaining given: certain.
  const Model m = load_valid(R"({"steps": [
    {"id": "x", "duration": {"optimistic": 2, "likely": 4, "pessimistic": 12}, "percent_complete": 50},
    {"id": "y", "duration": {"optimistic": 2, "likely": 4, "pessimistic": 12}, "remaining": 1, "depends_on": ["x"]}]})");
  PathOptions o;
  o.simulate = 200;
  o.threads = 1;
  const PathAnalysis a = analyze_path(m, o);
  CHECK(a.schedule.duration == Approx(3.5));
  CHECK(a.project_sd == Approx(10.0 / 12));
  REQUIRE(a.simulation);
  CHECK(a.simulation->p50 >= 1 + 1);    // x's remaining at least half of optimistic 2
  CHECK(a.simulation->p95 <= 1 + 6.0);  // and at most half of pessimistic 12
}

TEST_CASE("progress: read, saved, and every contradiction is an error", "[load][progress]") {
  const Model m = load_valid(tracked(R"("percent_complete": 40)"));
  CHECK(m.status_date.iso() == "2027-03-08");
  CHECK(m.steps()[1].progress.percent_complete == 40);
  CHECK(m.steps()[3].progress.remaining == 5);
  CHECK(m.steps()[0].progress.actual_finish.iso() == "2027-03-05");
  const std::string text = save_model(m);
  CHECK(text.find("\"status_date\": \"2027-03-08\"") != std::string::npos);
  CHECK(text.find("\"clearpath\": 2") != std::string::npos);
  CHECK(save_model(load_valid(text)) == text);

  auto error_of = [](const std::string& text_in, const std::string& code) {
    const LoadResult r = load(text_in);
    INFO(text_in);
    const std::vector<Diagnostic> found = diagnostics_with_code(r, code);
    REQUIRE(found.size() == 1);
    return found[0];
  };
  const std::string cal = R"("calendar": {"start": "2027-03-01"}, "status_date": "2027-03-08")";
  Diagnostic d = error_of("{" + cal + R"(, "steps": [{"id": "s", "duration": 4, "actual_start": "2027-03-05",
    "actual_finish": "2027-03-04"}]})",
                          "actual-order");
  CHECK(d.pointer == "/steps/0/actual_finish");
  CHECK(d.message == "actual_finish 2027-03-04 of step 's' is before its actual_start 2027-03-05");
  d = error_of("{" + cal + R"(, "steps": [{"id": "s", "duration": 4, "actual_start": "2027-03-09"}]})",
               "after-status-date");
  CHECK(d.message ==
        "actual_start 2027-03-09 of step 's' is after the status date 2027-03-08: what has happened happened by then");
  d = error_of("{" + cal + R"(, "steps": [{"id": "s", "duration": 4, "percent_complete": 10, "remaining": 2}]})",
               "progress-conflict");
  CHECK(d.pointer == "/steps/0/remaining");
  d = error_of("{" + cal + R"(, "steps": [{"id": "s", "duration": 4, "status": "done", "percent_complete": 50}]})",
               "progress-conflict");
  CHECK(d.message == "step 's' is done, yet percent_complete is 50: set status to in-progress, or the work left to 0");
  // An actual finish makes a step done: with work left it is the same conflict (the model used to
  // load, and its saved form, "done" with 50 %, did not).
  d = error_of("{" + cal + R"(, "steps": [{"id": "s", "duration": 4, "percent_complete": 50,
    "actual_start": "2027-03-01", "actual_finish": "2027-03-03"}]})",
               "progress-conflict");
  CHECK(d.pointer == "/steps/0/actual_finish");
  CHECK(d.message ==
        "step 's' has an actual_finish, so it is done, yet percent_complete is 50: set the work left to 0, or remove "
        "actual_finish");
  d = error_of(R"({"calendar": {"start": "2027-03-01"}, "status_date": "2027-02-26"})", "status-before-start");
  CHECK(d.message == "the status date 2027-02-26 is before the calendar start '2027-03-01'");
  d = error_of(R"({"status_date": "2027-03-08"})", "no-calendar-start");
  CHECK(d.pointer == "/status_date");
  d = error_of("{" + cal + R"(, "steps": [{"id": "s", "duration": 4, "percent_complete": 101}]})", "out-of-range");
  CHECK(d.pointer == "/steps/0/percent_complete");
  // 100 % makes a step done; so does remaining 0.
  const Model done = load_valid("{" + cal + R"(, "steps": [{"id": "s", "duration": 4, "percent_complete": 100},
    {"id": "t", "duration": 4, "remaining": 0}]})");
  CHECK(done.steps()[0].status == StepStatus::done);
  CHECK(done.steps()[1].status == StepStatus::done);
}
