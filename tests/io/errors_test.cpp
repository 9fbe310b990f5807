// Every error kind, from the files in tests/data/errors/, with its exact diagnostic: code,
// line, column, JSON pointer, entity id and the telling parts of the message.
//
// The expected line and column are the position of the offending VALUE in the file (1-based,
// columns in characters), checked by hand against the file, not copied from the tool's output.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "support/test_support.hpp"

using namespace clearpath;
using Catch::Matchers::Contains;

namespace {

const std::string kErrorDir = "tests/data/errors/";

LoadResult load_error_file(const std::string& name) {
  return clearpath::test::load(clearpath::test::read_source_file(kErrorDir + name));
}

struct Expected {
  std::string code;
  std::size_t line;
  std::size_t column;
  std::string pointer;
  std::string entity;
  std::vector<std::string> message_parts;
};

std::string describe(const Diagnostic& d) {
  std::ostringstream s;
  s << d.line << ":" << d.column << " [" << d.code << "] " << d.pointer << " (entity '" << d.entity
    << "'): " << d.message;
  return s.str();
}

// The file's one and only diagnostic, which must be an error.
Diagnostic only_error(const LoadResult& r) {
  for (const Diagnostic& d : r.diagnostics.items()) UNSCOPED_INFO(describe(d));
  CHECK_FALSE(r.model.has_value());
  REQUIRE(r.diagnostics.error_count() == 1);
  REQUIRE(r.diagnostics.warning_count() == 0);
  REQUIRE(r.diagnostics.items().size() == 1);
  const Diagnostic& d = r.diagnostics.items().front();
  CHECK(d.severity == DiagnosticSeverity::error);
  return d;
}

void check_diagnostic(const Diagnostic& d, const Expected& e) {
  INFO(describe(d));
  CHECK(d.code == e.code);
  CHECK(d.line == e.line);
  CHECK(d.column == e.column);
  CHECK(d.pointer == e.pointer);
  CHECK(d.entity == e.entity);
  for (const std::string& part : e.message_parts) CHECK_THAT(d.message, Contains(part));
}

// Loads the file, requires exactly one error and checks it completely.
void check_single_error(const std::string& file, const Expected& e) {
  INFO("file: " << kErrorDir << file);
  const LoadResult r = load_error_file(file);
  check_diagnostic(only_error(r), e);
}

std::vector<std::string> json_files_in(const std::string& relative_dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(clearpath::test::source_path(relative_dir)))
    if (entry.path().extension() == ".json") names.push_back(entry.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Syntax errors: the file is not JSON. No pointer, no entity.

TEST_CASE("syntax error: a missing comma between two members", "[errors][syntax]") {
  // Line 7 `      "id": "ben"` lacks its comma; the parser trips over the next key, the token
  // "name" that starts line 8 `      "name": "Ben Okafor"` at column 7.
  check_single_error("syntax-missing-comma.json",
                     {"syntax", 8, 7, "", "", {"syntax error", "unexpected string literal"}});
}

TEST_CASE("syntax error: a trailing comma in an array", "[errors][syntax]") {
  // Line 6 ends with `},`; the parser then meets `]` at line 7, column 3.
  check_single_error("syntax-trailing-comma.json", {"syntax", 7, 3, "", "", {"syntax error", "unexpected ']'"}});
}

TEST_CASE("syntax error: an unterminated string", "[errors][syntax]") {
  // Line 6: `    { "id": "ben", "name": "Ben Okafor }` -- the string opened at column 28 never closes
  // (the parser notices at the line feed, column 41; the error is placed at the string).
  check_single_error("syntax-unterminated-string.json", {"syntax", 6, 28, "", "", {"syntax error", "invalid string"}});
}

TEST_CASE("not an object: the root is an array", "[errors]") {
  check_single_error("not-an-object.json", {"wrong-type", 1, 1, "", "", {"must be a JSON object"}});
}

// ---------------------------------------------------------------------------------------------
// References.

TEST_CASE("unknown reference, with the closest id suggested", "[errors][references]") {
  // Line 14: `      "depends_on": ["lod-data"]` -- "lod-data" at column 22.
  check_single_error("unknown-reference.json",
                     {"unknown-reference",
                      14,
                      22,
                      "/steps/1/depends_on/0",
                      "train",
                      {"unknown reference 'lod-data'", "step 'train'", "(did you mean 'load-data'?)"}});
}

TEST_CASE("reference to an entity of the wrong kind", "[errors][references]") {
  // Line 18: `      "owner": "billing",` -- "billing" (a system) at column 16.
  check_single_error("wrong-kind.json", {"wrong-kind",
                                         18,
                                         16,
                                         "/steps/0/owner",
                                         "extract",
                                         {"owner of step 'extract'", "'billing'", "which is a system",
                                          "expected a person or a department"}});
}

TEST_CASE("duplicate id across two kinds (a person and a step)", "[errors][references]") {
  // Line 12: `      "id": "deploy",` -- the step's id at column 13; the person came first.
  check_single_error(
      "duplicate-id.json",
      {"duplicate-id", 12, 13, "/steps/1/id", "deploy", {"duplicate id 'deploy'", "person", "/people/1"}});
}

TEST_CASE("invalid id: a control character", "[errors]") {
  // Line 7: `      "id": "an\ta",` -- the id at column 13. No usable id, so no entity.
  check_single_error("bad-id.json", {"bad-id", 7, 13, "/people/1/id", "", {"'an\\x09a'", "control character"}});
}

// ---------------------------------------------------------------------------------------------
// Types, required fields, numbers.

TEST_CASE("wrong type: roles given as a string", "[errors][types]") {
  // Line 9: `      "roles": "executive"` -- the string at column 16.
  check_single_error("wrong-type.json", {"wrong-type",
                                         9,
                                         16,
                                         "/people/1/roles",
                                         "ben",
                                         {"roles of person 'ben'", "must be an array of strings", "not a string"}});
}

TEST_CASE("missing id", "[errors][types]") {
  // Line 6: the person object `{ "name": "Ben Okafor", ... }` starts at column 5.
  check_single_error("missing-id.json",
                     {"missing-field", 6, 5, "/people/1", "", {"person 2 of people", "no id", "required"}});
}

TEST_CASE("missing duration", "[errors][types]") {
  // Line 9: the step object `{ "id": "deploy", ... }` starts at column 5.
  check_single_error("missing-duration.json",
                     {"missing-field", 9, 5, "/steps/1", "deploy", {"step 'deploy'", "no duration", "required"}});
}

TEST_CASE("negative number", "[errors][numbers]") {
  // Line 12: `      "lead_time": -2` -- the number at column 20.
  check_single_error("negative-number.json", {"negative-number",
                                              12,
                                              20,
                                              "/approvals/0/lead_time",
                                              "funding",
                                              {"lead_time of approval 'funding'", "non-negative", "not -2"}});
}

TEST_CASE("non-finite number (1e999 overflows)", "[errors][numbers]") {
  // Line 8: `      "value_per_month": 1e999` -- the literal at column 26. nlohmann rejects it while
  // parsing, so it stops the parse like a syntax error, but with its own code.
  const Diagnostic d = only_error(load_error_file("non-finite-number.json"));
  INFO(describe(d));
  CHECK(d.code == "bad-number");
  CHECK(d.line == 8);
  CHECK(d.column == 26);
  CHECK(d.entity == "churn-score");
  CHECK_THAT(d.message, Contains("'1e999'"));
  CHECK_THAT(d.message, Contains("not a finite number"));
}

TEST_CASE("non-finite number names the field it is in", "[errors][numbers]") {
  // KNOWN DISCREPANCY: the diagnostic names the entity and is not a syntax error, so its pointer
  // should be that of the offending value, /initiatives/0/value_per_month. The loader leaves it
  // empty.
  const Diagnostic d = only_error(load_error_file("non-finite-number.json"));
  INFO(describe(d));
  CHECK(d.pointer == "/initiatives/0/value_per_month");
}

TEST_CASE("capacity out of range", "[errors][numbers]") {
  // Line 10: `      "capacity": 1.5` -- the number at column 19.
  check_single_error(
      "capacity-out-of-range.json",
      {"out-of-range", 10, 19, "/people/1/capacity", "dana", {"capacity of person 'dana'", "at most 1", "not 1.5"}});
}

TEST_CASE("three-point estimate: optimistic > likely", "[errors][numbers]") {
  // Line 9: `        "optimistic": 9,` -- the number at column 23.
  check_single_error("optimistic-greater-than-likely.json",
                     {"estimate-order",
                      9,
                      23,
                      "/steps/0/duration/optimistic",
                      "extract",
                      {"optimistic (9) is greater than likely (8)", "step 'extract'"}});
}

TEST_CASE("three-point estimate: likely > pessimistic", "[errors][numbers]") {
  // Line 10: `        "likely": 20,` -- the number at column 19.
  check_single_error("likely-greater-than-pessimistic.json",
                     {"estimate-order",
                      10,
                      19,
                      "/steps/0/duration/likely",
                      "extract",
                      {"likely (20) is greater than pessimistic (17)", "step 'extract'"}});
}

// ---------------------------------------------------------------------------------------------
// Enumerations, sides, slots.

TEST_CASE("unknown status of a step", "[errors][enums]") {
  // Line 10: `      "status": "finished",` -- the string at column 17.
  check_single_error("unknown-status-step.json",
                     {"unknown-status",
                      10,
                      17,
                      "/steps/1/status",
                      "train",
                      {"unknown status 'finished'", "step 'train'", "not-started, in-progress, done, blocked"}});
}

TEST_CASE("unknown status of an approval", "[errors][enums]") {
  // Line 13: `      "status": "approved"` -- the string at column 17.
  check_single_error("unknown-status-approval.json",
                     {"unknown-status",
                      13,
                      17,
                      "/approvals/0/status",
                      "funding",
                      {"unknown status 'approved'", "approval 'funding'", "pending, granted, denied"}});
}

TEST_CASE("invalid side", "[errors][enums]") {
  // Line 9: `      "side": "IT"` -- the string at column 15.
  check_single_error(
      "invalid-side.json",
      {"invalid-side", 9, 15, "/departments/1/side", "it", {"invalid side 'IT'", "department 'it'", "lower-case"}});
}

TEST_CASE("slot side that no department has, with a suggestion", "[errors][enums]") {
  // Line 22: `          { "side": "buisness", "role": "executive" }` -- "buisness" at column 21.
  check_single_error("unknown-slot-side.json", {"unknown-side",
                                                22,
                                                21,
                                                "/approvals/0/rule/slots/1/side",
                                                "funding",
                                                {"unknown side 'buisness'", "slot 2 of approval 'funding'",
                                                 "no department has that side", "(did you mean 'business'?)"}});
}

TEST_CASE("empty slot", "[errors][enums]") {
  // Line 21: `          {}` -- the empty slot object at column 11.
  check_single_error("empty-slot.json", {"empty-slot",
                                         21,
                                         11,
                                         "/approvals/0/rule/slots/1",
                                         "funding",
                                         {"slot 2 of approval 'funding'", "names none of side, role, department"}});
}

// ---------------------------------------------------------------------------------------------
// Dependencies and reporting lines.

TEST_CASE("self-dependency", "[errors][cycles]") {
  // Line 10: `      "depends_on": ["extract", "train"]` -- "train" at column 33.
  check_single_error("self-dependency.json",
                     {"self-dependency", 10, 33, "/steps/1/depends_on/1", "train", {"step 'train' depends on itself"}});
}

TEST_CASE("dependency cycle of three steps, printed a -> b -> c -> a", "[errors][cycles]") {
  // a depends on b, b on c, c on a. The cycle is reported at the dependency of the smallest id,
  // step 'a' (third in the file): line 11 `      "depends_on": ["b"]`, "b" at column 22.
  check_single_error(
      "dependency-cycle.json",
      {"dependency-cycle", 11, 22, "/steps/2/depends_on/0", "a", {"dependency cycle (3 items", "a -> b -> c -> a"}});
}

TEST_CASE("dependency cycle through an approval", "[errors][cycles]") {
  // extract -> funding (an approval) -> train -> extract; reported at extract's dependency:
  // line 15 `      "depends_on": ["funding"]`, "funding" at column 22.
  check_single_error("cycle-through-approval.json",
                     {"dependency-cycle",
                      15,
                      22,
                      "/steps/0/depends_on/0",
                      "extract",
                      {"dependency cycle (3 items", "extract -> funding -> train -> extract"}});
}

TEST_CASE("reports_to cycle", "[errors][cycles]") {
  // chen reports to dana, dana to chen; reported at chen: line 9 `      "reports_to": "dana"`,
  // "dana" at column 21.
  check_single_error("reports-to-cycle.json", {"reporting-cycle",
                                               9,
                                               21,
                                               "/people/1/reports_to",
                                               "chen",
                                               {"reports_to cycle (2 people)", "chen -> dana -> chen"}});
}

TEST_CASE("self reports_to", "[errors][cycles]") {
  // Line 9: `      "reports_to": "chen"` -- "chen" at column 21.
  check_single_error(
      "self-reports-to.json",
      {"self-reference", 9, 21, "/people/1/reports_to", "chen", {"person 'chen' reports to themselves"}});
}

TEST_CASE("duplicate priority", "[errors]") {
  // Line 16: `        "churn-score"` -- the second listing, at column 9.
  check_single_error("duplicate-priority.json",
                     {"duplicate-priority",
                      16,
                      9,
                      "/departments/0/priorities/2",
                      "it",
                      {"'churn-score' is listed more than once", "priorities of department 'it'"}});
}

// ---------------------------------------------------------------------------------------------
// Objects, calendar, version.

TEST_CASE("duplicate key in one object", "[errors]") {
  // Line 10: `      "title": "CIO"` -- the second "title" value, at column 16, in person 'ben'.
  check_single_error("duplicate-key.json",
                     {"duplicate-key", 10, 16, "/people/1/title", "ben", {"duplicate key 'title'"}});
}

TEST_CASE("bad calendar date (2027-02-30)", "[errors]") {
  // Line 5: `    "start": "2027-02-30",` -- the string at column 14.
  check_single_error("bad-date.json",
                     {"bad-date", 5, 14, "/calendar/start", "", {"calendar start '2027-02-30'", "YYYY-MM-DD"}});
}

TEST_CASE("unsupported format version", "[errors]") {
  // Line 3: `  "clearpath": 3,` -- the number at column 16.
  check_single_error(
      "unsupported-version.json",
      {"unsupported-version", 3, 16, "/clearpath", "", {"format version 3 is not supported", "versions 1 to 2"}});
}

TEST_CASE("unknown key is a warning and the file stays valid", "[errors][warnings]") {
  const LoadResult r = load_error_file("unknown-key.json");
  for (const Diagnostic& d : r.diagnostics.items()) UNSCOPED_INFO(describe(d));
  CHECK(r.model.has_value());
  CHECK(r.diagnostics.error_count() == 0);
  REQUIRE(r.diagnostics.warning_count() == 1);
  REQUIRE(r.diagnostics.items().size() == 1);
  const Diagnostic& d = r.diagnostics.items().front();
  CHECK(d.severity == DiagnosticSeverity::warning);
  // Line 12: `      "skils": ["cobol"],` -- the value at column 16.
  check_diagnostic(d, {"unknown-key",
                       12,
                       16,
                       "/steps/0/skils",
                       "extract",
                       {"unknown key 'skils'", "step 'extract'", "(ignored)", "(did you mean 'skills'?)"}});
}

// ---------------------------------------------------------------------------------------------
// Many errors in one file.

TEST_CASE("many errors: all reported in one run, sorted by line", "[errors][many]") {
  const LoadResult r = load_error_file("many-errors.json");
  for (const Diagnostic& d : r.diagnostics.items()) UNSCOPED_INFO(describe(d));
  CHECK_FALSE(r.model.has_value());
  // Each position checked by hand against many-errors.json.
  const std::vector<std::tuple<std::string, std::size_t, std::size_t, std::string, std::string>> expected{
      {"unsupported-version", 2, 16, "/clearpath", ""},
      {"bad-date", 4, 53, "/calendar/holidays/0", ""},
      {"wrong-type", 7, 71, "/people/1/roles", "ben"},
      {"self-reference", 8, 75, "/people/2/reports_to", "chen"},
      {"out-of-range", 9, 74, "/people/3/capacity", "dana"},
      {"missing-field", 10, 5, "/people/4", ""},
      {"invalid-side", 13, 41, "/departments/0/side", "it"},
      {"duplicate-priority", 14, 112, "/departments/1/priorities/1", "marketing"},
      {"unknown-reference", 17, 78, "/systems/0/owner", "billing"},
      {"negative-number", 20, 91, "/initiatives/0/value_per_month", "churn-score"},
      {"unknown-status", 23, 93, "/approvals/0/status", "funding"},
      {"empty-slot", 24, 94, "/approvals/1/rule/slots/0", "go-live"},
      {"wrong-kind", 27, 68, "/steps/0/owner", "extract"},
      {"estimate-order", 28, 94, "/steps/1/duration/optimistic", "train"},
      {"missing-field", 29, 5, "/steps/2", "deploy"},
      {"duplicate-id", 30, 13, "/steps/3/id", "ana"},
      {"dependency-cycle", 31, 71, "/steps/4/depends_on/0", "loop-a"},
      {"unknown-status", 33, 68, "/steps/6/status", "retrain"},
      {"self-dependency", 33, 95, "/steps/6/depends_on/0", "retrain"},
  };
  CHECK(r.diagnostics.error_count() == expected.size());
  CHECK(r.diagnostics.warning_count() == 0);
  const auto& items = r.diagnostics.items();
  REQUIRE(items.size() == expected.size());

  // Sorted by line, then column.
  for (std::size_t i = 1; i < items.size(); ++i) {
    INFO("diagnostic " << i << ": " << describe(items[i]));
    CHECK(std::tie(items[i - 1].line, items[i - 1].column) <= std::tie(items[i].line, items[i].column));
  }

  std::set<std::string> codes;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& [code, line, column, pointer, entity] = expected[i];
    INFO("diagnostic " << i << ": " << describe(items[i]));
    CHECK(items[i].severity == DiagnosticSeverity::error);
    CHECK(items[i].code == code);
    CHECK(items[i].line == line);
    CHECK(items[i].column == column);
    CHECK(items[i].pointer == pointer);
    CHECK(items[i].entity == entity);
    codes.insert(items[i].code);
  }
  CHECK(codes.size() >= 12);

  // A few messages in full detail.
  CHECK_THAT(items[8].message, Contains("unknown reference 'markting'"));
  CHECK_THAT(items[8].message, Contains("(did you mean 'marketing'?)"));
  CHECK_THAT(items[16].message, Contains("loop-a -> loop-b -> loop-a"));
}

// ---------------------------------------------------------------------------------------------
// The data files themselves, and the CLI on them.

TEST_CASE("every error file has exactly one error, except many-errors and unknown-key", "[errors][data]") {
  const std::vector<std::string> files = json_files_in(kErrorDir);
  CHECK(files.size() >= 30);
  for (const std::string& f : files) {
    INFO("file: " << kErrorDir << f);
    const LoadResult r = load_error_file(f);
    if (f == "unknown-key.json") {
      CHECK(r.model.has_value());
      CHECK(r.diagnostics.error_count() == 0);
      CHECK(r.diagnostics.warning_count() == 1);
    } else if (f == "many-errors.json") {
      CHECK(r.diagnostics.error_count() >= 12);
    } else {
      CHECK_FALSE(r.model.has_value());
      CHECK(r.diagnostics.error_count() == 1);
      CHECK(r.diagnostics.warning_count() == 0);
    }
    for (const Diagnostic& d : r.diagnostics.items()) {
      INFO(describe(d));
      CHECK(d.line > 0);
      CHECK(d.column > 0);
    }
  }
}

TEST_CASE("the files the schema rejects are errors for clearpath too", "[errors][data]") {
  const std::vector<std::string> files = json_files_in("tests/data/schema-invalid/");
  CHECK(files.size() >= 10);
  for (const std::string& f : files) {
    INFO("file: tests/data/schema-invalid/" << f);
    const LoadResult r = clearpath::test::load(clearpath::test::read_source_file("tests/data/schema-invalid/" + f));
    CHECK(r.diagnostics.has_errors());
    CHECK_FALSE(r.model.has_value());
  }
}

TEST_CASE("validate prints file:line:col: error: pointer: message and exits 2", "[errors][cli]") {
  const std::string path = clearpath::test::source_path(kErrorDir + "unknown-reference.json");
  const clearpath::test::CliRun run = clearpath::test::run({"validate", path});
  CHECK(run.status == 2);
  CHECK_THAT(run.err, Contains(path + ":14:22: error: /steps/1/depends_on/0: unknown reference 'lod-data'"));
  CHECK_THAT(run.err, Contains("(did you mean 'load-data'?)"));

  const std::string cycle = clearpath::test::source_path(kErrorDir + "dependency-cycle.json");
  const clearpath::test::CliRun run2 = clearpath::test::run({"validate", cycle});
  CHECK(run2.status == 2);
  CHECK_THAT(run2.err, Contains(cycle + ":11:22: error: /steps/2/depends_on/0: dependency cycle"));
  CHECK_THAT(run2.err, Contains("a -> b -> c -> a"));

  const std::string warning = clearpath::test::source_path(kErrorDir + "unknown-key.json");
  const clearpath::test::CliRun run3 = clearpath::test::run({"validate", warning});
  CHECK(run3.status == 0);
  CHECK_THAT(run3.err, Contains(warning + ":12:16: warning: /steps/0/skils: unknown key 'skils'"));
}

// ---------------------------------------------------------------------------------------------
// The list is capped: every error counted, 50 printed.

namespace {

// A valid-looking file with `n` steps, each depending on an id that does not exist.
std::string unknown_references(std::size_t n) {
  std::string text = "{\n  \"clearpath\": 1,\n  \"steps\": [\n";
  for (std::size_t i = 0; i < n; ++i) {
    text += "    { \"id\": \"step-" + std::to_string(i) + "\", \"duration\": 1, \"depends_on\": [\"missing-" +
            std::to_string(i) + "\"] }";
    text += i + 1 < n ? ",\n" : "\n";
  }
  return text + "  ]\n}\n";
}

std::size_t count_lines_containing(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    if (line.find(needle) != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST_CASE("200 unknown references: all counted, 50 printed, then the count of the rest", "[errors][cap]") {
  const std::string text = unknown_references(200);
  const LoadResult r = clearpath::test::load(text);
  CHECK_FALSE(r.model.has_value());
  CHECK(r.diagnostics.error_count() == 200);
  CHECK(r.diagnostics.warning_count() == 0);
  REQUIRE(r.diagnostics.items().size() == 200);
  // Step i is on line 4 + i; its dependency starts at column 53 for i < 10 (the text before it,
  // `    { "id": "step-0", "duration": 1, "depends_on": [`, is 52 characters), one more per extra
  // digit in the step's id.
  for (std::size_t i = 0; i < 200; ++i) {
    const Diagnostic& d = r.diagnostics.items()[i];
    INFO(describe(d));
    CHECK(d.code == "unknown-reference");
    CHECK(d.line == 4 + i);
    CHECK(d.pointer == "/steps/" + std::to_string(i) + "/depends_on/0");
    CHECK(d.entity == "step-" + std::to_string(i));
    const std::size_t digits = std::to_string(i).size();
    CHECK(d.column == 52 + digits);
  }

  const clearpath::test::CliRun run = clearpath::test::run({"validate", "-"}, text);
  INFO(run.err);
  CHECK(run.status == 2);
  CHECK(count_lines_containing(run.err, ": error: /steps/") == 50);
  CHECK(count_lines_containing(run.err, "... and 150 more") == 1);
  CHECK_THAT(run.err, Contains("<stdin>:4:53: error: /steps/0/depends_on/0: unknown reference 'missing-0'"));
  CHECK_THAT(run.err, Contains("<stdin>:53:54: error: /steps/49/depends_on/0"));
  CHECK_THAT(run.err, !Contains("/steps/50/depends_on/0"));
  CHECK_THAT(run.out, Contains("200 error(s)"));
}
