// `clearpath export --format mspdi`: MS Project XML that `import mspdi` reads back to the same
// model (the models MSPDI can hold), deterministic and well escaped.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>
#include <string>

#include "clearpath/export.hpp"
#include "clearpath/load.hpp"
#include "clearpath/mspdi.hpp"
#include "clearpath/schedule.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using Catch::Matchers::Contains;
using clearpath::test::load_valid;
using clearpath::test::read_source_file;

namespace {

Model round_trip(const Model& m) {
  const std::string xml = export_model(m, ExportFormat::mspdi);
  MspdiImportResult r = import_mspdi(xml, "exported.xml");
  INFO(xml);
  for (const Diagnostic& d : r.diagnostics.items()) INFO(d.code << ": " << d.message);
  REQUIRE(r.model);
  CHECK(r.diagnostics.items().empty());
  return std::move(*r.model);
}

// A model of only what MSPDI holds: steps (three-point and fixed durations, typed links with
// lags, dates, progress), people in departments, a team department, demands, the calendar.
const char* kPlan = R"({
  "clearpath": 2,
  "name": "Churn & <retention> model",
  "calendar": {"start": "2027-03-01", "holidays": ["2027-04-05", "2027-05-31"],
               "working_days": ["mon", "tue", "wed", "thu", "fri", "sat"]},
  "status_date": "2027-03-10",
  "people": [
    {"id": "ana", "name": "Ana Ruiz", "department": "data", "capacity": 0.5, "attributes": {"badge": 7}},
    {"id": "raj", "department": "platform", "available": false}
  ],
  "departments": [
    {"id": "data", "name": "Data science"},
    {"id": "platform", "name": "Platform", "capacity": 3}
  ],
  "initiatives": [{"id": "project", "name": "Churn & <retention> model"}],
  "steps": [
    {"id": "extract", "initiative": "project", "owner": "ana", "duration": 5, "demands": {"ana": 0.5},
     "percent_complete": 100, "actual_start": "2027-03-01", "actual_finish": "2027-03-05"},
    {"id": "train", "name": "Train \"v2\"", "initiative": "project", "owner": "platform",
     "duration": {"optimistic": 2, "likely": 3, "pessimistic": 7}, "demands": {"platform": 2},
     "depends_on": [{"on": "extract", "type": "SS", "lag": 2.5}], "percent_complete": 20,
     "actual_start": "2027-03-08", "attributes": {"summary": ["Build", "Model"], "ticket": "CHG-1"}},
    {"id": "deploy", "initiative": "project", "duration": 1, "not_before": "2027-03-22", "deadline": "2027-04-30",
     "depends_on": ["train", {"on": "extract", "type": "FF", "lag": -1}], "attributes": {"summary": ["Build"]}}
  ]
})";

}  // namespace

TEST_CASE("export mspdi: import mspdi reads the export back to the same model", "[mspdi][export]") {
  const Model m = load_valid(kPlan);
  const Model back = round_trip(m);
  CHECK(normalised_model_json(back) == normalised_model_json(m));
}

TEST_CASE("export mspdi: every model imported from MS Project's files survives export and import unchanged",
          "[mspdi][export]") {
  for (const auto& entry : std::filesystem::directory_iterator(test::source_path("tests/data/mspdi/golden"))) {
    if (entry.path().extension() != ".json") continue;
    INFO(entry.path().filename().string());
    const Model m = load_valid(read_source_file("tests/data/mspdi/golden/" + entry.path().filename().string()));
    CHECK(normalised_model_json(round_trip(m)) == normalised_model_json(m));
  }
}

TEST_CASE("export mspdi: a model with approvals and an org chart keeps its schedule", "[mspdi][export]") {
  // fraud-rollout: approvals become tasks (a granted one done), the org chart is left out; the
  // critical path and the project's length do not change.
  const Model m = load_valid(read_source_file("graphs/fraud-rollout.json"));
  const std::string xml = export_model(m, ExportFormat::mspdi);
  CHECK_THAT(xml, Contains("<Value>approval</Value>"));
  const MspdiImportResult r = import_mspdi(xml, "fraud.xml");
  REQUIRE(r.model);
  const auto critical = [](const Model& model) {
    const Network n = build_network(model, {});
    const Schedule s = compute_schedule(model, n);
    std::vector<std::string> ids;
    for (std::uint32_t a : s.critical_path) ids.push_back(model.id(n.activity[a]));
    return std::make_pair(s.duration, ids);
  };
  CHECK(critical(*r.model) == critical(m));
  CHECK(critical(m).first == 47);  // the forecast the file works out by hand
  // Work left given in days goes as the share done it leaves: label-cases (12 days, 25 % done:
  // 9 left, first on the critical path) given as 4.5 days left instead ends 4.5 days sooner, a
  // forecast of 42.5 days, and its export read back (62.5 % done) forecasts the same.
  std::string text = read_source_file("graphs/fraud-rollout.json");
  const std::string pct = "\"percent_complete\": 25";
  REQUIRE(text.find(pct) != std::string::npos);
  text.replace(text.find(pct), pct.size(), "\"remaining\": 4.5");
  const Model left = load_valid(text);
  const MspdiImportResult back = import_mspdi(export_model(left, ExportFormat::mspdi), "left.xml");
  REQUIRE(back.model);
  CHECK(critical(left).first == Approx(42.5));
  CHECK(critical(*back.model).first == Approx(42.5));
  CHECK(critical(*back.model).second == critical(left).second);
}

TEST_CASE("export mspdi: deterministic, escaped, in MS Project's units", "[mspdi][export]") {
  const Model m = load_valid(kPlan);
  const std::string xml = export_model(m, ExportFormat::mspdi);
  CHECK(xml == export_model(load_valid(kPlan), ExportFormat::mspdi));
  CHECK_THAT(xml, Contains("<Title>Churn &amp; &lt;retention&gt; model</Title>"));
  CHECK_THAT(xml, Contains("<Name>Train &quot;v2&quot;</Name>"));
  // train: expected duration (2 + 4 * 3 + 7) / 6 = 3.5 days = 28 hours; SS + 2.5 days = 12,000
  // tenths of a minute; deploy: FF - 1 day.
  CHECK_THAT(xml, Contains("<Duration>PT28H0M0S</Duration>"));
  CHECK_THAT(xml, Contains("<Type>3</Type>\n\t\t\t\t<CrossProject>0</CrossProject>\n\t\t\t\t<LinkLag>12000</LinkLag>"));
  CHECK_THAT(xml, Contains("<LinkLag>-4800</LinkLag>"));
  CHECK_THAT(xml, Contains("<ConstraintType>4</ConstraintType>\n\t\t\t<ConstraintDate>2027-03-22T08:00:00"));
  CHECK_THAT(xml, Contains("<Deadline>2027-04-30T17:00:00</Deadline>"));
  CHECK_THAT(xml, Contains("<StatusDate>2027-03-10T17:00:00</StatusDate>"));
  // Six days a week: Saturday (DayType 7) works, Sunday (1) does not.
  CHECK_THAT(xml, Contains("<MinutesPerWeek>2880</MinutesPerWeek>"));
  CHECK_THAT(xml, Contains("<DayType>7</DayType>\n\t\t\t\t\t<DayWorking>1</DayWorking>"));
  CHECK_THAT(xml, Contains("<DayType>1</DayType>\n\t\t\t\t\t<DayWorking>0</DayWorking>"));
  // Summary tasks: Build (level 1) holds deploy and Model (level 2), which holds train.
  CHECK_THAT(xml, Contains("<Name>Build</Name>\n\t\t\t<OutlineLevel>1</OutlineLevel>\n\t\t\t<Summary>1</Summary>"));
  CHECK_THAT(xml, Contains("<Name>Model</Name>\n\t\t\t<OutlineLevel>2</OutlineLevel>\n\t\t\t<Summary>1</Summary>"));
}

TEST_CASE("export mspdi: from the command line, written atomically", "[mspdi][export][cli]") {
  const std::string dir = test::temp_dir();
  const std::string out = dir + "/fraud.xml";
  const test::CliRun r =
      test::run({"export", test::source_path("graphs/fraud-rollout.json"), "--format", "mspdi", "-o", out});
  CHECK(r.status == 0);
  // What MSPDI cannot hold is said, once.
  CHECK(r.err ==
        "clearpath: export: MS Project XML cannot hold, so left out: 2 approvals' approvers and rules (they become "
        "tasks), 2 systems, the initiatives' value and costs (so no cost of delay) (docs/import-mspdi.md)\n");
  const test::CliRun churn = test::run({"export", test::source_path("graphs/churn-model.json"), "--format", "mspdi"});
  CHECK_THAT(churn.err, Contains("1 blocked status, 5 systems, 3 initiatives (one project)"));
  CHECK(test::run({"export", test::source_path("graphs/fraud-rollout.json"), "--format", "json"}).err.empty());
  const std::string xml = read_input(out);
  CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Project", 0) == 0);
  const test::CliRun back = test::run({"import", "mspdi", out, "-o", dir + "/fraud.json"});
  CHECK(back.status == 0);
  CHECK_THAT(back.err, Contains("imported 10 tasks (1 milestones), 11 links"));
  const test::CliRun wrong = test::run(
      {"export", test::source_path("graphs/fraud-rollout.json"), "--format", "mspdi", "-o", dir + "/fraud.graphml"});
  CHECK(wrong.status == 2);
}
