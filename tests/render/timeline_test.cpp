// The timeline view: working days on the calendar, the date axis, every box of the minimal
// example where a hand count of its dates puts it, and large models rolled up by system.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "clearpath/render.hpp"
#include "render/parsed_dot.hpp"
#include "render/timeline_scale.hpp"
#include "render/views.hpp"
#include "support/test_support.hpp"
#include "synthetic/synthetic.hpp"

using clearpath::AxisTick;
using clearpath::Calendar;
using clearpath::Date;
using clearpath::TimelineScale;
using clearpath::test::ParsedDot;

namespace {

double day(const char* iso) { return Date::parse(iso)->days(); }

ParsedDot draw(const clearpath::Model& m, clearpath::RenderOptions o = {}) {
  o.view = clearpath::View::timeline;
  return clearpath::test::parse_dot(
      clearpath::render_diagram(clearpath::build_diagram(m, o), clearpath::DiagramFormat::dot));
}

}  // namespace

TEST_CASE("timeline scale: working days fall on calendar days, weekends and holidays skipped", "[render][timeline]") {
  Calendar c;
  c.start = "2027-03-01";  // a Monday
  c.holidays = {"2027-03-02"};
  const TimelineScale s(c);
  REQUIRE(s.dated());
  const double monday = day("2027-03-01");
  CHECK(s.start(0) == monday);
  CHECK(s.start(0.5) == monday + 0.5);      // noon on Monday
  CHECK(s.finish(0.5) == monday + 0.5);     // half a day of work ends there
  CHECK(s.finish(1) == monday + 1);         // a whole day ends at midnight, the holiday's start
  CHECK(s.start(1) == day("2027-03-03"));   // the next working day: Wednesday
  CHECK(s.finish(4) == day("2027-03-06"));  // Mon, Wed, Thu, Fri: ends at Saturday 0:00
  CHECK(s.start(4) == day("2027-03-08"));   // Monday next
  CHECK(s.finish(4.5) == day("2027-03-08") + 0.5);
  CHECK(s.finish(0) == monday);
  CHECK(s.working(static_cast<long>(day("2027-03-05"))));
  CHECK_FALSE(s.working(static_cast<long>(day("2027-03-02"))));  // the holiday
  CHECK_FALSE(s.working(static_cast<long>(day("2027-03-06"))));  // Saturday
  // Without a start there are no dates: positions are the working days.
  const TimelineScale undated{Calendar{}};
  CHECK_FALSE(undated.dated());
  CHECK(undated.start(3.5) == 3.5);
  CHECK(undated.finish(7) == 7);
  CHECK(undated.working(6));
}

TEST_CASE("timeline axis: months and Mondays, months under years, or years, as the scale allows",
          "[render][timeline]") {
  const long march = static_cast<long>(day("2027-03-01")), april30 = static_cast<long>(day("2027-04-30"));
  const std::vector<AxisTick> weeks = clearpath::axis_ticks(march, april30, 10, true);
  std::vector<std::string> labels;
  for (const AxisTick& t : weeks) labels.push_back(t.label + (t.major ? "*" : ""));
  CHECK(labels == std::vector<std::string>{"Mar 2027*", "08", "15", "22", "29", "Apr 2027*", "05", "12", "19", "26"});
  CHECK(weeks[5].at == static_cast<long>(day("2027-04-01")));

  const long dec = static_cast<long>(day("2026-12-15")), feb = static_cast<long>(day("2028-02-10"));
  labels.clear();
  for (const AxisTick& t : clearpath::axis_ticks(dec, feb, 1, true)) labels.push_back(t.label + (t.major ? "*" : ""));
  // 15 December is 17 points before the year's end: too close to label 2026 there.
  CHECK(labels == std::vector<std::string>{"2027*", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                           "Oct", "Nov", "Dec", "2028*", "Jan", "Feb"});

  // 0.02 points a day: a year is 7.3 points, so a label every 5 years (36.5 points); June 2027
  // is 19 points before 2030, too close for a label of its own.
  labels.clear();
  const long y2027 = static_cast<long>(day("2027-06-01")), y2046 = static_cast<long>(day("2046-03-01"));
  for (const AxisTick& t : clearpath::axis_ticks(y2027, y2046, 0.02, true)) labels.push_back(t.label);
  CHECK(labels == std::vector<std::string>{"2030", "2035", "2040", "2045"});
  labels.clear();
  for (const AxisTick& t : clearpath::axis_ticks(static_cast<long>(day("2026-06-01")), y2046, 0.02, true))
    labels.push_back(t.label);
  CHECK(labels == std::vector<std::string>{"2026", "2030", "2035", "2040", "2045"});  // 26 points of room

  labels.clear();
  for (const AxisTick& t : clearpath::axis_ticks(0, 40, 4, false)) labels.push_back(t.label);
  CHECK(labels == std::vector<std::string>{"day 0", "day 10", "day 20", "day 30", "day 40"});  // 10 x 4 >= 36
}

TEST_CASE("timeline axis: neighbouring labels never touch, at any scale", "[render][timeline][property]") {
  const long from = static_cast<long>(day("2027-01-04"));
  for (double per_day : {40.0, 24.0, 8.0, 3.0, 2.0, 1.6, 1.0, 0.5, 0.2, 0.08, 0.02, 0.005, 0.001}) {
    INFO(per_day << " points a day");
    const long to = from + static_cast<long>(1200 / per_day);
    for (bool major : {true, false}) {
      long previous = -1;
      for (const AxisTick& t : clearpath::axis_ticks(from, to, per_day, true)) {
        if (t.major != major) continue;
        CHECK(t.at >= from);
        CHECK(t.at <= to);
        // A label's width at 8 points: about 5 points a character, and a gap.
        if (previous >= 0)
          CHECK(static_cast<double>(t.at - previous) * per_day >= 5.0 * static_cast<double>(t.label.size()));
        previous = t.at;
      }
    }
    // A month's line (drawn at a major tick, through both rows) never runs through a day's label:
    // the next major tick is at least the label's width (2 points in, 5 a character) after it.
    const std::vector<AxisTick> ticks = clearpath::axis_ticks(from, to, per_day, true);
    for (std::size_t k = 0; k < ticks.size(); ++k) {
      if (ticks[k].major) continue;
      for (std::size_t n = k + 1; n < ticks.size(); ++n)
        if (ticks[n].major) {
          INFO(ticks[k].label << " at " << ticks[k].at << ", the line of " << ticks[n].label << " at " << ticks[n].at);
          CHECK(static_cast<double>(ticks[n].at - ticks[k].at) * per_day >=
                2 + 5.0 * static_cast<double>(ticks[k].label.size()));
          break;
        }
    }
  }
}

TEST_CASE("timeline of the minimal example: every box where its dates put it", "[render][timeline]") {
  // funding (10 days of lead time) -> extract (PERT 9) -> train (5) -> go-live (2) -> deploy (3),
  // from Monday 2027-03-01: funding granted at Saturday 13 March 0:00, extract 15-25 March,
  // train 26 March - 1 April, go-live 2-5 April, deploy 6-8 April. The chart runs from 1 March
  // to 10 April (40 days), so a day is min(24, 1000 / 40) = 24 points and day d of March is at
  // 245 + 24 (d - 1) (the names' column is 235 points, and a gap of 10).
  const ParsedDot d = draw(clearpath::test::load_valid(clearpath::test::read_source_file("graphs/minimal.json")));
  CHECK(d.graph.at("layout") == "nop");
  // Rows of 15 points under 34 of axis: the initiative (row 0), then funding, extract, train,
  // go-live, deploy; a row's middle is 34 + 15 r + 7.5, and y grows upwards in Graphviz.
  CHECK(d.nodes.at("funding").at("pos") == "533,-56.5");  // the diamond: 13 March, 245 + 24 x 12
  CHECK(d.nodes.at("cp:lead:funding").at("pos") == "389,-56.5");
  CHECK(d.nodes.at("cp:lead:funding").at("width") == "4");  // 12 days x 24 / 72
  CHECK(d.nodes.at("extract").at("pos") == "713,-71.5");    // 581 (15 March) to 845 (26 March)
  CHECK(d.nodes.at("extract").at("width") == "3.67");
  CHECK(d.nodes.at("train").at("pos") == "929,-86.5");      // 845 to 1013 (2 April)
  CHECK(d.nodes.at("go-live").at("pos") == "1109,-101.5");  // granted at 6 April 0:00
  CHECK(d.nodes.at("deploy").at("pos") == "1145,-116.5");   // 1109 to 1181 (9 April)
  CHECK(d.nodes.at("deploy").at("width") == "1");
  for (const char* id : {"extract", "train", "deploy"})
    CHECK(ParsedDot::has_class(d.nodes.at(id), "critical"));  // one chain: all of it critical
  CHECK(ParsedDot::has_class(d.nodes.at("extract"), "legacy-step"));
  CHECK(ParsedDot::has_class(d.nodes.at("go-live"), "gate"));
  // The first weekend, 6-7 March: 365 to 413, from the axis to the last row (34 to 124).
  CHECK(d.nodes.at("cp:off:" + std::to_string(static_cast<long>(day("2027-03-06")))).at("pos") == "389,-79");
  CHECK(d.nodes.at("cp:off:" + std::to_string(static_cast<long>(day("2027-03-06")))).at("width") == "0.67");
  // The momentum window (60 working days, to 22 May) is cut at the chart's end, 10 April.
  CHECK(d.nodes.at("cp:momentum:churn-score").at("pos") == "725,-79");  // 245 to 1205
  // The title, the production date and the axis.
  CHECK(d.graph.at("label").find("Timeline") != std::string::npos);
  CHECK(d.nodes.at("cp:production:churn-score").at("label").find("production 2027-04-08") != std::string::npos);
  CHECK(d.nodes.at("cp:tick:" + std::to_string(static_cast<long>(day("2027-04-01")))).at("label").find("Apr 2027") !=
        std::string::npos);
  CHECK(d.nodes_with_class("status-date").empty());  // no status date
}

TEST_CASE("timeline: status date, done work, levelled dates and deadlines of the fraud example", "[render][timeline]") {
  const clearpath::Model m =
      clearpath::test::load_valid(clearpath::test::read_source_file("graphs/fraud-rollout.json"));
  const ParsedDot d = draw(m);
  REQUIRE(d.nodes_with_class("status-date").size() == 1);
  // The status date, 15 March, is 14 days after the chart's start.
  const std::string status = d.nodes.at("cp:status:line").at("pos");
  const double per_day = (std::stod(d.nodes.at("extract-transactions").at("width")) * 72) /
                         (day("2027-03-13") - day("2027-03-01"));           // actual dates 1-12 March
  CHECK(std::stod(status) == Approx(235 + 10 + 14 * per_day).margin(0.5));  // the width is given to 0.01 inch
  CHECK(ParsedDot::has_class(d.nodes.at("extract-transactions"), "done"));
  CHECK(!d.nodes_with_class("deadline").empty());
  CHECK(!d.nodes_with_class("critical").empty());
}

TEST_CASE("timeline: no mark sticks out over the names, also for done work before the plan's start",
          "[render][timeline]") {
  // The churn example starts with done work and a granted gate at day 0 (markers of 9 points);
  // a step done from 2027-02-15 on (two weeks before the calendar's start) widens the chart.
  std::string text = clearpath::test::read_source_file("graphs/churn-model.json");
  const std::string done = "\"id\": \"poc-model\",";
  REQUIRE(text.find(done) != std::string::npos);
  for (const bool early : {false, true}) {
    INFO((early ? "with" : "without") << " actual dates before the start");
    std::string model = text;
    if (early)
      model.insert(model.find(done) + done.size(),
                   "\"actual_start\": \"2027-02-15\", \"actual_finish\": \"2027-02-26\",");
    const ParsedDot d = draw(clearpath::test::load_valid(model));
    std::size_t marks = 0;
    for (const auto& [name, attributes] : d.nodes) {
      if (name.rfind("cp:name:", 0) == 0 || name.rfind("cp:initiative:", 0) == 0 || !attributes.count("pos") ||
          !attributes.count("width"))
        continue;
      const double left = std::stod(attributes.at("pos")) - std::stod(attributes.at("width")) * 36;
      INFO(name << " from x = " << left);
      CHECK(left >= 245 - 0.5);  // the names' column (235) and the gap (10); widths are to 0.01 inch
      ++marks;
    }
    CHECK(marks > 30);
    if (early) {  // the chart starts at the actual start: the plan's start is 14 days in
      const double bar_left =
          std::stod(d.nodes.at("poc-model").at("pos")) - std::stod(d.nodes.at("poc-model").at("width")) * 36;
      CHECK(bar_left == Approx(245).margin(0.5));
    }
  }
}

TEST_CASE("timeline of a large model: steps rolled up by system within the budget", "[render][timeline][collapse]") {
  clearpath::SyntheticOptions so;
  so.steps = 3000;
  so.people = 800;
  so.seed = 3;
  so.gates = 40;
  const clearpath::Model m = clearpath::test::load_valid(clearpath::synthetic_model(so));
  clearpath::RenderOptions o;
  o.node_budget = 300;
  const ParsedDot d = draw(m, o);
  CHECK(d.graph.at("label").find("steps rolled up by system") != std::string::npos);
  // No step has its own bar; the roll-ups count every step once.
  std::size_t counted = 0;
  for (const auto& [name, attributes] : d.nodes)
    if (name.rfind("cp:counts:", 0) == 0) {
      // "... <FONT ...>1,078 steps, 709 critical</FONT> ...": the number before " step".
      const std::string label = attributes.at("label");
      std::size_t k = label.find(" step");
      REQUIRE(k != std::string::npos);
      std::string number;
      while (k > 0 && (std::isdigit(static_cast<unsigned char>(label[k - 1])) || label[k - 1] == ','))
        if (label[--k] != ',') number.insert(number.begin(), label[k]);
      counted += std::stoul(number);
    }
  CHECK(counted == m.steps().size());
  for (const clearpath::Step& s : m.steps()) CHECK(d.nodes.count(s.id) == 0);
  // Rows: the names' column holds one name per row, and the rows fit the budget.
  std::size_t names = 0;
  for (const auto& [name, attributes] : d.nodes) names += name.rfind("cp:name:", 0) == 0;
  CHECK(names <= 300 / 3 + 3 * m.initiatives().size());
  // With room for every item, each step is its own row again.
  o.node_budget = 3 * (m.steps().size() + m.approvals().size() + m.initiatives().size());
  const ParsedDot all = draw(m, o);
  for (const clearpath::Step& s : m.steps()) CHECK(all.nodes.count(s.id) == 1);
}

TEST_CASE("timeline: options of other views are refused, --initiative narrows it", "[render][timeline][errors]") {
  const clearpath::Model m = clearpath::test::load_valid(clearpath::test::read_source_file("graphs/churn-model.json"));
  clearpath::RenderOptions o;
  o.view = clearpath::View::timeline;
  o.focus = "security-review";
  CHECK_THROWS_AS(clearpath::build_diagram(m, o), clearpath::RenderError);
  o = {};
  o.view = clearpath::View::timeline;
  o.root = "ana";
  CHECK_THROWS_AS(clearpath::build_diagram(m, o), clearpath::RenderError);
  o = {};
  o.initiative = "nope";
  o.view = clearpath::View::timeline;
  CHECK_THROWS_WITH(clearpath::build_diagram(m, o), Catch::Contains("nope"));
  o.initiative = "erp-upgrade";
  const ParsedDot d = draw(m, o);
  CHECK(d.nodes.count("erp-upgrade") == 1);
  CHECK(d.nodes.count("churn-model") == 0);
}
