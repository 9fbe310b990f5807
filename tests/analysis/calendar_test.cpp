#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "clearpath/calendar.hpp"

using namespace clearpath;

TEST_CASE("working days skip weekends and holidays", "[calendar]") {
  // 2027-03-01 is a Monday. Working days: Mon 1 .. Fri 5, then Mon 8, ...
  Calendar c{"2027-03-01", {"2027-03-03"}};  // a Wednesday holiday
  const WorkCalendar w(c);
  CHECK(w.start_date(0) == "2027-03-01");
  CHECK(w.finish_date(0) == "2027-03-01");
  CHECK(w.finish_date(1) == "2027-03-01");  // one day of work ends the same day
  CHECK(w.finish_date(2) == "2027-03-02");
  CHECK(w.finish_date(3) == "2027-03-04");    // the 3rd is a holiday
  CHECK(w.finish_date(5) == "2027-03-08");    // Thu 4, Fri 5, then Monday the 8th
  CHECK(w.start_date(4) == "2027-03-08");     // work from day 4 starts on the 5th working day
  CHECK(w.finish_date(2.5) == "2027-03-04");  // part of the third working day
  CHECK(w.start_date(2.5) == "2027-03-04");
}

TEST_CASE("a start on a weekend moves to the Monday and leap years count", "[calendar]") {
  const WorkCalendar w(Calendar{"2028-02-26", {}});  // a Saturday
  CHECK(w.start_date(0) == "2028-02-28");
  CHECK(w.finish_date(2) == "2028-02-29");  // 2028 is a leap year
  CHECK(w.finish_date(3) == "2028-03-01");
  // 260 working days in 52 weeks: day 260 ends on the Friday 52 weeks on.
  CHECK(w.finish_date(260) == "2029-02-23");
}

TEST_CASE("no start gives no dates and absurd days give no date", "[calendar]") {
  CHECK_FALSE(WorkCalendar(Calendar{}).finish_date(3).has_value());
  CHECK_FALSE(WorkCalendar(Calendar{"2027-03-01", {}}).finish_date(1e12).has_value());
  CHECK(finish_date(Calendar{"2027-03-01", {}}, 1) == "2027-03-01");
}

TEST_CASE("no date after 9999-12-31, which YYYY-MM-DD cannot follow", "[calendar][hostile]") {
  // Used to print 10000-01-03: a levelled schedule can run past what the loader bounds.
  const WorkCalendar w(Calendar{"9999-12-30", {}});  // a Thursday
  CHECK(w.finish_date(2) == "9999-12-31");
  CHECK(w.start_date(1) == "9999-12-31");
  CHECK_FALSE(w.finish_date(3));
  CHECK_FALSE(w.start_date(2));
  CHECK(finish_date(Calendar{"2027-03-01", {}}, 1'999'999) == "9693-04-16");
  CHECK_FALSE(finish_date(Calendar{"9000-01-01", {}}, 300'000));  // ~1,150 years: past 9999
}

TEST_CASE("working_days: a six-day week, a Sunday-to-Thursday week, and day counts that agree with dates",
          "[calendar]") {
  // Monday 2027-03-01, working Monday to Saturday; Wednesday the 3rd a holiday, and a holiday
  // on a Sunday (not worked anyway) changes nothing.
  Calendar six{"2027-03-01", {"2027-03-03", "2027-03-07"}, {"mon", "tue", "wed", "thu", "fri", "sat"}};
  const WorkCalendar w(six);
  CHECK(w.finish_date(5) == "2027-03-06");  // Mon, Tue, Thu, Fri, Sat
  CHECK(w.finish_date(6) == "2027-03-08");  // then Monday
  CHECK(w.start_date(5) == "2027-03-08");
  CHECK(w.start_day(*Date::parse("2027-03-08")) == 5);
  CHECK(w.finish_day(*Date::parse("2027-03-06")) == 5);
  // 52 weeks of 6 days, less the one holiday on a working day: 311 working days end on the
  // Saturday 52 weeks on.
  CHECK(w.finish_date(311) == "2028-02-26");
  // A week of Sunday to Thursday, from Friday 2027-03-05: work starts on Sunday the 7th.
  const WorkCalendar gulf(Calendar{"2027-03-05", {}, {"sun", "mon", "tue", "wed", "thu"}});
  CHECK(gulf.start_date(0) == "2027-03-07");
  CHECK(gulf.finish_date(5) == "2027-03-11");
  CHECK(gulf.finish_date(6) == "2027-03-14");
  CHECK(gulf.start_day(*Date::parse("2027-03-14")) == 5);
  // The order they are given in does not matter; none means Monday to Friday.
  CHECK(working_weekdays(Calendar{"", {}, {"sat", "mon"}}) == 0x21);
  CHECK(working_weekdays(Calendar{}) == 0x1f);
}

TEST_CASE("working_days: start_day and finish_day count what start_date and finish_date place, on random weeks",
          "[calendar][property]") {
  // Property: for any mask and start, the working day n (1-based) placed by finish_date(n) is
  // the date whose finish_day is n, and start_day of the day after it is n.
  for (unsigned mask = 1; mask < 128; mask += 7) {
    Calendar c{"2027-03-03", {"2027-03-10", "2027-04-01"}, {}};
    for (int k = 0; k < 7; ++k)
      if ((mask >> k) & 1u) c.working_days.emplace_back(kWeekdayNames[k]);
    const WorkCalendar w(c);
    for (int n = 1; n <= 40; ++n) {
      INFO("mask " << mask << " day " << n);
      const std::optional<std::string> d = w.finish_date(n);
      REQUIRE(d);
      CHECK(w.finish_day(*Date::parse(*d)) == n);
      CHECK(w.start_day(Date::from_days(Date::parse(*d)->days() + 1)) == n);
    }
  }
}

namespace {
// The day numbers of the calendar's working days, from its start, found one day at a time.
std::vector<std::int32_t> walk_working_days(const Calendar& c, std::size_t count) {
  const unsigned mask = working_weekdays(c);
  std::vector<std::int32_t> off;
  for (const std::string& h : c.holidays) off.push_back(Date::parse(h)->days());
  std::vector<std::int32_t> out;
  for (std::int32_t z = Date::parse(c.start)->days(); out.size() < count; ++z) {
    const int weekday = static_cast<int>(((z % 7) + 7 + 3) % 7);  // 1970-01-01 was a Thursday
    if (((mask >> weekday) & 1u) && std::find(off.begin(), off.end(), z) == off.end()) out.push_back(z);
  }
  return out;
}
}  // namespace

TEST_CASE("finish_date and start_date place the same days as a walk through the calendar, on random calendars",
          "[calendar][property]") {
  // Property: finish_date(n) is the n-th working day and start_date(n) the (n+1)-th, for any
  // week, with holidays before the start, on days not worked, listed twice, and in runs.
  std::mt19937 rng(20261207);
  for (int trial = 0; trial < 200; ++trial) {
    Calendar c;
    const std::int32_t start = Date::parse("2027-01-01")->days() + static_cast<std::int32_t>(rng() % 3000);
    c.start = Date::from_days(start).iso();
    const auto mask = static_cast<unsigned>(1 + rng() % 127);
    for (int k = 0; k < 7; ++k)
      if ((mask >> k) & 1u) c.working_days.emplace_back(kWeekdayNames[k]);
    const int holidays = static_cast<int>(rng() % 60);
    for (int i = 0; i < holidays; ++i) {
      const std::int32_t z = start - 20 + static_cast<std::int32_t>(rng() % (i % 3 == 0 ? 40 : 400));
      c.holidays.push_back(Date::from_days(z).iso());
      if (rng() % 8 == 0) c.holidays.push_back(c.holidays.back());
      if (rng() % 8 == 0) c.holidays.push_back(Date::from_days(z + 1).iso());
    }
    const std::vector<std::int32_t> days = walk_working_days(c, 501);
    const WorkCalendar w(c);
    INFO("trial " << trial << " start " << c.start << " mask " << mask << " holidays " << c.holidays.size());
    for (std::size_t n = 1; n <= 500; ++n) {
      REQUIRE(w.finish_date(static_cast<double>(n)) == Date::from_days(days[n - 1]).iso());
      REQUIRE(w.start_date(static_cast<double>(n)) == Date::from_days(days[n]).iso());
    }
  }
}

TEST_CASE("a date two million working days on, past holidays listed twice", "[calendar][hostile]") {
  // Found by the diff fuzz target (tests/fuzz/regressions/diff/a-start-no-earlier-than-the-year-7314):
  // the calendar used to walk and keep every working day up to the one asked for, and the
  // diff's attribution asks again for each trial, so one far date took seconds. It is now
  // worked out from the week and the holidays. The 1,999,999th working day from Monday
  // 2027-03-01, Monday to Friday, with the Wednesday a holiday: 399,999 weeks and 4 days on, a Friday.
  Calendar c{"2027-03-01", {"2027-03-03", "2027-03-03", "2027-03-06"}};  // a Wednesday twice, a Saturday
  const WorkCalendar w(c);
  CHECK(w.finish_date(1'999'999) == Date::from_days(Date::parse("2027-03-01")->days() + 399'999 * 7 + 4).iso());
  CHECK(w.finish_date(1'999'998) == Date::from_days(Date::parse("2027-03-01")->days() + 399'999 * 7 + 3).iso());
}
