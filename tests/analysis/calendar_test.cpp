#include <catch2/catch.hpp>

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
