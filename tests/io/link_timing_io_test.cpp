// Dependencies with a type and a lag in files: both readers read them alike, save writes them
// back (as format version 2), and every mistake is a located error with a hint.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clearpath/model_builder.hpp"
#include "clearpath/save.hpp"
#include "io/json/load_in_place.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::diagnostics_with_code;
using clearpath::test::load;
using clearpath::test::load_valid;

namespace {

std::string steps(const std::string& body) { return R"({"approvals": [{"id": "gate"}], "steps": [)" + body + "]}"; }

// The one error of `text`, which must have that code.
Diagnostic only_error(const std::string& text, const std::string& code) {
  const LoadResult r = load(text);
  INFO(text);
  REQUIRE(r.diagnostics.error_count() == 1);
  const std::vector<Diagnostic> found = diagnostics_with_code(r, code);
  REQUIRE(found.size() == 1);
  return found.front();
}

}  // namespace

TEST_CASE("link timing: ids and link objects mix in one list", "[load][links]") {
  const Model m = load_valid(steps(R"(
    {"id": "a", "duration": 1},
    {"id": "b", "duration": 1},
    {"id": "c", "duration": 1, "depends_on": ["a", {"on": "b", "type": "SF", "lag": -2.5}, {"on": "gate", "type": "FF"}]})"));
  const Step& c = m.steps()[2];
  REQUIRE(c.depends_on.size() == 3);
  REQUIRE(c.link_timing.size() == 3);
  CHECK(c.link_timing[0] == LinkTiming{});
  CHECK(c.link_timing[1] == LinkTiming{LinkType::start_to_finish, -2.5});
  CHECK(c.link_timing[2] == LinkTiming{LinkType::finish_to_finish, 0});
  CHECK(m.link_timing(m.ref_of(EntityKind::step, 2)).size() == 3);
  CHECK(timing_at(m.steps()[0].link_timing, 0) == LinkTiming{});
  // The precise reader gives the same model, to the byte.
  const std::string text = save_model(m);
  CHECK(save_model(*load_model_precisely(text).model) == text);
}

TEST_CASE("link timing: save writes objects only where needed, and version 2", "[save][links]") {
  const Model plain = load_valid(steps(R"({"id": "a", "duration": 1},
    {"id": "b", "duration": 1, "depends_on": [{"on": "a"}, {"on": "gate", "type": "FS", "lag": -0}]})"));
  const std::string plain_text = save_model(plain);
  CHECK(plain_text.find("\"clearpath\": 1") != std::string::npos);
  CHECK(plain_text.find("\"on\"") == std::string::npos);

  const Model typed = load_valid(steps(R"({"id": "a", "duration": 1},
    {"id": "b", "duration": 1, "depends_on": ["gate", {"on": "a", "type": "SS", "lag": 1.5}, {"on": "a", "lag": 3}]})"));
  SaveOptions normalised;
  normalised.normalise = true;
  const std::string text = save_model(typed, normalised);
  CHECK(text.find("\"clearpath\": 2") != std::string::npos);
  // Sorted by id, then type (FS before SS): a FS+3, a SS+1.5, gate.
  const auto fs = text.find(R"("type": "FS")"), ss = text.find(R"("type": "SS")"), gate = text.find(R"("gate")", fs);
  CHECK(fs < ss);
  CHECK(ss < gate);
  CHECK(text.find(R"("lag": 3)") != std::string::npos);
  CHECK(text.find(R"("lag": 1.5)") != std::string::npos);
  // It reads back to the same file.
  CHECK(save_model(load_valid(text), normalised) == text);
}

TEST_CASE("link timing: the library's builder takes them too, one per dependency", "[builder][links]") {
  ModelBuilder b;
  Step a;
  a.id = "a";
  b.add(std::move(a));
  Step s;
  s.id = "s";
  s.depends_on = {b.intern("a")};
  s.link_timing = {{LinkType::start_to_start, 2}, {LinkType::finish_to_start, 0}};  // two for one
  b.add(std::move(s));
  const LoadResult r = std::move(b).build();
  const std::vector<Diagnostic> bad = diagnostics_with_code(r, "bad-link-timing");
  REQUIRE(bad.size() == 1);
  CHECK(bad[0].pointer == "/steps/1/depends_on");
  CHECK(bad[0].message == "step 's' gives 2 link timings for 1 dependencies (one each, or none)");
}

TEST_CASE("link timing: each mistake is a located error with a hint", "[load][links][errors]") {
  Diagnostic d = only_error(steps(R"({"id": "a", "duration": 1},
    {"id": "b", "duration": 1, "depends_on": [{"on": "a", "type": "ss"}]})"),
                            "unknown-link-type");
  CHECK(d.pointer == "/steps/1/depends_on/0/type");
  CHECK(d.entity == "b");
  CHECK(d.message ==
        "unknown link type 'ss' of dependency 1 of step 'b'; use one of FS (finish-to-start), SS (start-to-start), FF "
        "(finish-to-finish), SF (start-to-finish) (did you mean SS?)");
  CHECK(d.line == 2);

  d = only_error(steps(R"({"id": "a", "duration": 1},
    {"id": "b", "duration": 1, "depends_on": [{"on": "a", "type": "finish-to-finish"}]})"),
                 "unknown-link-type");
  CHECK(d.message.find("(did you mean FF?)") != std::string::npos);

  d = only_error(steps(R"({"id": "b", "duration": 1, "depends_on": [{"type": "SS"}]})"), "missing-field");
  CHECK(d.pointer == "/steps/0/depends_on/0");
  CHECK(d.message == "dependency 1 of step 'b' has no \"on\" (the id it depends on; required)");

  d = only_error(
      steps(R"({"id": "a", "duration": 1}, {"id": "b", "duration": 1, "depends_on": [{"on": "a", "lag": "2d"}]})"),
      "wrong-type");
  CHECK(d.pointer == "/steps/1/depends_on/0/lag");
  CHECK(d.message == "lag of dependency 1 of step 'b' must be a number, not a string");

  d = only_error(
      steps(R"({"id": "a", "duration": 1}, {"id": "b", "duration": 1, "depends_on": [{"on": "a", "lag": 2e6}]})"),
      "out-of-range");
  CHECK(d.pointer == "/steps/1/depends_on/0/lag");
  CHECK(d.message ==
        "lag of dependency 1 of step 'b' must be between -1,000,000 and 1,000,000 working days, not 2e+06");

  // With a calendar, a lag far past the bound is that one error: no chain is measured with it
  // (it was also a date overflow "ending -9223372036854775808 working days after" the start).
  for (const char* lag : {"1e300", "-1e300", "1e7"}) {
    d = only_error(std::string(R"({"calendar": {"start": "2027-03-01"}, "steps": [{"id": "a", "duration": 1},
                              {"id": "b", "duration": 1, "depends_on": [{"on": "a", "lag": )") +
                       lag + "}]}]}",
                   "out-of-range");
    CHECK(d.pointer == "/steps/1/depends_on/0/lag");
  }

  d = only_error(steps(R"({"id": "b", "duration": 1, "depends_on": [{"on": "nope", "type": "SS"}]})"),
                 "unknown-reference");
  CHECK(d.pointer == "/steps/0/depends_on/0");

  // An unknown key in a link is a warning, as anywhere else.
  const LoadResult w =
      load(steps(R"({"id": "a", "duration": 1}, {"id": "b", "duration": 1, "depends_on": [{"on": "a", "lagg": 2}]})"));
  CHECK_FALSE(w.diagnostics.has_errors());
  REQUIRE(diagnostics_with_code(w, "unknown-key").size() == 1);
  CHECK(diagnostics_with_code(w, "unknown-key")[0].pointer == "/steps/1/depends_on/0/lagg");
}

TEST_CASE("link timing: nothing goes ahead of an approval before it is granted", "[load][links][errors]") {
  // SS or SF from a gate counts from when it is requested; a lead goes ahead of its grant.
  Diagnostic d = only_error(
      steps(R"({"id": "b", "duration": 1, "depends_on": [{"on": "gate", "type": "SS", "lag": 3}]})"), "gate-link");
  CHECK(d.pointer == "/steps/0/depends_on/0/type");
  CHECK(d.message ==
        "step 'b' may go ahead before approval 'gate' is granted (an SS link counts from its start): what depends on "
        "a gate waits for its grant; use FS or FF with a lag of 0 or more");
  d = only_error(steps(R"({"id": "b", "duration": 1, "depends_on": [{"on": "gate", "lag": -2}]})"), "gate-link");
  CHECK(d.pointer == "/steps/0/depends_on/0/lag");
  CHECK(d.message.find("(a lead of 2 working days)") != std::string::npos);
  // FS or FF with a lag after the grant are fine; so is an approval that follows a step's start.
  load_valid(steps(R"({"id": "b", "duration": 1, "depends_on": [{"on": "gate", "type": "FF", "lag": 1}]})"));
  load_valid(R"({"steps": [{"id": "s", "duration": 4}],
                 "approvals": [{"id": "review", "depends_on": [{"on": "s", "type": "SS", "lag": 1}]}]})");
}

TEST_CASE("link timing: a lag counts in the check that every date fits the calendar", "[load][links][calendar]") {
  // From 2027-01-04 to 9999-12-31 there are about 2,080,000 working days. Four days of work and
  // three lags of 1,000,000 working days end past it; one such lag alone fits.
  const std::string lag = R"(, "depends_on": [{"on": "a", "lag": 1000000}]})";
  CHECK(diagnostics_with_code(load(R"({"calendar": {"start": "2027-01-04"}, "steps": [{"id": "a", "duration": 1},
    {"id": "b", "duration": 1)" + lag +
                                   "]}"),
                              "date-overflow")
            .empty());
  const LoadResult r = load(R"({"calendar": {"start": "2027-01-04"}, "steps": [{"id": "a", "duration": 1},
    {"id": "b", "duration": 1)" +
                            lag + R"(, {"id": "c", "duration": 1, "depends_on": [{"on": "b", "lag": 1000000}]},
    {"id": "d", "duration": 1, "depends_on": [{"on": "c", "lag": 1000000}]}]})");
  const std::vector<Diagnostic> overflow = diagnostics_with_code(r, "date-overflow");
  REQUIRE(overflow.size() == 1);
  CHECK(overflow[0].entity == "d");
}
