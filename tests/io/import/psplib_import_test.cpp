// `clearpath import psplib`: reading PSPLIB .sm files (tests/data/psplib, third-party data, see
// SOURCE.md there) and the model made of them. Expected values were read off the files by hand;
// the line numbers in the bad-input cases are those of j301_1.sm (job k's precedence row is line
// 18 + k, its request row line 54 + k, the capacities line 90).
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clearpath/psplib.hpp"
#include "clearpath/save.hpp"
#include "clearpath/schedule.hpp"
#include "io/json/attributes_json.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using clearpath::test::load;
using clearpath::test::load_valid;
using clearpath::test::read_source_file;
using clearpath::test::run;
using clearpath::test::source_path;
using clearpath::test::temp_dir;

namespace {

// The model of an instance as `clearpath import psplib` writes it.
std::string psplib_json(const PsplibInstance& instance, const std::string& name) {
  return save_model(psplib_model(instance, name));
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string join_lines(const std::vector<std::string>& lines, const std::string& eol = "\n") {
  std::string out;
  for (const std::string& l : lines) out += l + eol;
  return out;
}

// j301_1.sm with line `line` (1-based) replaced.
std::string j301_with(int line, const std::string& text) {
  std::vector<std::string> lines = split_lines(read_source_file("tests/data/psplib/j301_1.sm"));
  lines.at(static_cast<std::size_t>(line - 1)) = text;
  return join_lines(lines);
}

// The message of the InputError parse_psplib throws (FAILs when it accepts the text).
std::string parse_error(const std::string& text, const std::string& file = "bad.sm") {
  try {
    parse_psplib(text, file);
  } catch (const InputError& e) {
    return e.what();
  }
  FAIL("parse_psplib accepted the input");
  return "";
}

std::vector<std::string> ids(const Model& m, const std::vector<Ref>& refs) {
  std::vector<std::string> out;
  for (Ref r : refs) out.push_back(m.id(r));
  return out;
}

const Step& step_of(const Model& m, const std::string& id) {
  const std::optional<Ref> r = m.find(id);
  REQUIRE(r);
  REQUIRE(m.kind(*r) == EntityKind::step);
  return m.step(*r);
}

// The demands of a step as (resource id, amount).
std::vector<std::pair<std::string, double>> demands_of(const Model& m, const std::string& id) {
  std::vector<std::pair<std::string, double>> out;
  for (const Demand& d : m.effective_demands(step_of(m, id))) out.emplace_back(m.id(d.resource), d.amount);
  return out;
}

using Pairs = std::vector<std::pair<std::string, double>>;
using Ids = std::vector<std::string>;

// A small well-formed instance: 3 real jobs (2 -> 4, 3 -> 4), 2 resources, written out in full.
std::string tiny(const std::string& capacities = "5 0", const std::string& job3 = "3 1 2 0 0") {
  return "************\n"
         "projects : 1\n"
         "jobs (incl. supersource/sink ): 5\n"
         "horizon : 20\n"
         "RESOURCES\n"
         "  - renewable : 2 R\n"
         "  - nonrenewable : 0 N\n"
         "  - doubly constrained : 0 D\n"
         "************\n"
         "PROJECT INFORMATION:\n"
         "pronr. #jobs rel.date duedate tardcost MPM-Time\n"
         "1 3 0 7 1 7\n"
         "************\n"
         "PRECEDENCE RELATIONS:\n"
         "jobnr. #modes #successors successors\n"
         "1 1 2 2 3\n"
         "2 1 1 4\n"
         "3 1 1 4\n"
         "4 1 1 5\n"
         "5 1 0\n"
         "************\n"
         "REQUESTS/DURATIONS:\n"
         "jobnr. mode duration R 1 R 2\n"
         "------------\n"
         "1 1 0 0 0\n"
         "2 1 4 3 0\n" +
         job3 +
         "\n"
         "4 1 3 5 0\n"
         "5 1 0 0 0\n"
         "************\n"
         "RESOURCEAVAILABILITIES:\n"
         "R 1 R 2\n" +
         capacities + "\n************\n";
}

}  // namespace

TEST_CASE("psplib import: j301_1 is read as the file states it", "[psplib][import]") {
  const PsplibInstance inst = clearpath::test::read_psplib_test_instance("j301_1.sm");
  REQUIRE(inst.jobs.size() == 32);
  CHECK(inst.horizon == 158);
  CHECK(inst.mpm_time == 38);
  CHECK(inst.capacities == std::vector<int>{12, 13, 4, 12});
  for (std::size_t k = 0; k < inst.jobs.size(); ++k) CHECK(inst.jobs[k].number == static_cast<int>(k) + 1);
  CHECK(inst.jobs[0].successors == std::vector<int>{2, 3, 4});
  CHECK(inst.jobs[0].duration == 0);
  CHECK(inst.jobs[1].successors == std::vector<int>{6, 11, 15});
  CHECK(inst.jobs[1].duration == 8);
  CHECK(inst.jobs[1].demands == std::vector<int>{4, 0, 0, 0});
  CHECK(inst.jobs[7].successors == std::vector<int>{12, 19, 27});  // job 8: 9 days, 1 of R2
  CHECK(inst.jobs[7].duration == 9);
  CHECK(inst.jobs[7].demands == std::vector<int>{0, 1, 0, 0});
  CHECK(inst.jobs[30].successors == std::vector<int>{32});
  CHECK(inst.jobs[31].successors.empty());
  CHECK(inst.jobs[31].duration == 0);
  CHECK(inst.jobs[31].demands == std::vector<int>{0, 0, 0, 0});
}

TEST_CASE("psplib import: the model of j301_1 has the resources, jobs and edges of the file", "[psplib][import]") {
  const PsplibInstance inst = clearpath::test::read_psplib_test_instance("j301_1.sm");
  const std::string json = psplib_json(inst, "PSPLIB j301_1");
  const LoadResult r = load(json);
  REQUIRE(r.model);
  CHECK(r.diagnostics.items().empty());  // no warnings either
  const Model& m = *r.model;
  CHECK(m.name == "PSPLIB j301_1");
  CHECK_THAT(m.description, Contains("PSPLIB") && Contains("MPM-Time") && Contains("38"));
  CHECK(
      json_of(m.attributes).at("psplib") ==
      nlohmann::ordered_json::parse(R"({"jobs": 32, "horizon": 158, "mpm_time": 38, "capacities": [12, 13, 4, 12]})"));

  REQUIRE(m.departments().size() == 4);
  const char* dept[] = {"r1", "r2", "r3", "r4"};
  const double capacity[] = {12, 13, 4, 12};
  for (std::size_t k = 0; k < 4; ++k) {
    CHECK(m.departments()[k].id == dept[k]);
    CHECK(m.department_capacity(*m.find(dept[k])) == capacity[k]);
  }
  REQUIRE(m.initiatives().size() == 1);
  CHECK(m.initiatives()[0].id == "project");
  CHECK(m.people().empty());

  // The 30 non-dummy jobs, in job order, with ids that sort numerically.
  REQUIRE(m.steps().size() == 30);
  CHECK(m.steps().front().id == "job-02");
  CHECK(m.steps().back().id == "job-31");
  CHECK_FALSE(m.find("job-01"));
  CHECK_FALSE(m.find("job-32"));
  CHECK(std::is_sorted(m.steps().begin(), m.steps().end(), [](const Step& a, const Step& b) { return a.id < b.id; }));
  for (const Step& s : m.steps()) {
    CHECK(m.id(s.initiative) == "project");
    CHECK(s.owner == kNoRef);
    CHECK_FALSE(s.duration.three_point);
  }

  // Predecessors read off the successor lists by hand: 20 is a successor of 5, 11 and 18;
  // 22 of 16, 17 and 18; 14 of 9 and 12; 30 of 6, 24 and 25; 2 only of the dummy source.
  CHECK(ids(m, step_of(m, "job-20").depends_on) == Ids{"job-05", "job-11", "job-18"});
  CHECK(ids(m, step_of(m, "job-22").depends_on) == Ids{"job-16", "job-17", "job-18"});
  CHECK(ids(m, step_of(m, "job-14").depends_on) == Ids{"job-09", "job-12"});
  CHECK(ids(m, step_of(m, "job-30").depends_on) == Ids{"job-06", "job-24", "job-25"});
  CHECK(step_of(m, "job-02").depends_on.empty());
  CHECK(step_of(m, "job-02").duration.likely == 8);
  CHECK(step_of(m, "job-08").duration.likely == 9);
  CHECK(demands_of(m, "job-02") == Pairs{{"r1", 4}});
  CHECK(demands_of(m, "job-08") == Pairs{{"r2", 1}});
  CHECK(demands_of(m, "job-04") == Pairs{{"r4", 3}});

  // Every edge of the file between non-dummy jobs is a depends_on, and there are no others.
  std::size_t edges = 0, links = 0;
  for (const PsplibJob& j : inst.jobs)
    for (int s : j.successors)
      if (j.number != 1 && s != 32) {
        ++edges;
        const auto& deps = step_of(m, psplib_job_id(inst, s)).depends_on;
        CHECK(std::count(deps.begin(), deps.end(), *m.find(psplib_job_id(inst, j.number))) == 1);
      }
  for (const Step& s : m.steps()) links += s.depends_on.size();
  CHECK(links == edges);
}

TEST_CASE("psplib import: j60 and j120 instances, ids padded to the largest job number", "[psplib][import]") {
  {
    const PsplibInstance inst = clearpath::test::read_psplib_test_instance("j601_1.sm");
    CHECK(inst.jobs.size() == 62);
    CHECK(inst.capacities == std::vector<int>{13, 11, 12, 13});
    const Model m = load_valid(psplib_json(inst, "j601_1"));
    CHECK(m.steps().size() == 60);
    CHECK(m.steps().front().id == "job-02");
    CHECK(m.steps().back().id == "job-61");
    // 61 follows 28, 50 and 56; 30 follows 27 and takes 4 days and 7 of R3; 2 takes 10 of R1.
    CHECK(ids(m, step_of(m, "job-61").depends_on) == Ids{"job-28", "job-50", "job-56"});
    CHECK(ids(m, step_of(m, "job-30").depends_on) == Ids{"job-27"});
    CHECK(step_of(m, "job-30").duration.likely == 4);
    CHECK(demands_of(m, "job-30") == Pairs{{"r3", 7}});
    CHECK(demands_of(m, "job-02") == Pairs{{"r1", 10}});
  }
  {
    const PsplibInstance inst = clearpath::test::read_psplib_test_instance("j1201_1.sm");
    CHECK(inst.jobs.size() == 122);
    CHECK(inst.mpm_time == 99);
    CHECK(inst.horizon == 667);
    CHECK(inst.capacities == std::vector<int>{14, 12, 13, 9});
    CHECK(psplib_job_id(inst, 2) == "job-002");
    CHECK(psplib_job_id(inst, 121) == "job-121");
    const Model m = load_valid(psplib_json(inst, "j1201_1"));
    REQUIRE(m.steps().size() == 120);
    CHECK(m.steps().front().id == "job-002");
    CHECK(m.steps()[8].id == "job-010");
    CHECK(m.steps().back().id == "job-121");
    // 110 follows 9 and 50; 99 follows 5 and 96; 121 follows 57, 108 and 117; 65 follows 2.
    CHECK(ids(m, step_of(m, "job-110").depends_on) == Ids{"job-009", "job-050"});
    CHECK(ids(m, step_of(m, "job-099").depends_on) == Ids{"job-005", "job-096"});
    CHECK(ids(m, step_of(m, "job-121").depends_on) == Ids{"job-057", "job-108", "job-117"});
    CHECK(ids(m, step_of(m, "job-065").depends_on) == Ids{"job-002"});
    CHECK(step_of(m, "job-110").duration.likely == 10);
    CHECK(demands_of(m, "job-110") == Pairs{{"r1", 7}});
    CHECK(demands_of(m, "job-099") == Pairs{{"r2", 6}});
  }
}

TEST_CASE("psplib import: CPM duration of every imported instance equals its MPM-Time", "[psplib][import][cpm]") {
  const std::vector<std::string> files = clearpath::test::psplib_test_files();
  CHECK(files.size() == 40);
  for (const std::string& file : files) {
    INFO("instance " << file);
    const PsplibInstance inst = clearpath::test::read_psplib_test_instance(file);
    const std::string json = psplib_json(inst, file);
    const LoadResult r = load(json);
    REQUIRE(r.model);
    CHECK(r.diagnostics.items().empty());
    const Model& m = *r.model;
    CHECK(m.steps().size() == inst.jobs.size() - 2);
    REQUIRE(m.departments().size() == inst.capacities.size());
    for (std::size_t k = 0; k < inst.capacities.size(); ++k)
      CHECK(m.department_capacity(m.ref_of(EntityKind::department, k)) == inst.capacities[k]);
    const Network net = build_network(m, {});
    CHECK(net.size() == inst.jobs.size() - 2);
    CHECK(compute_schedule(m, net).duration == inst.mpm_time);
    CHECK(json_of(m.attributes).at("psplib").at("mpm_time") == inst.mpm_time);

    // Deterministic, and loading the saved form gives the same model back.
    CHECK(psplib_json(inst, file) == json);
    CHECK(save_model(m) == json);
  }
}

TEST_CASE("psplib import: CRLF line ends and trailing blanks read the same", "[psplib][import]") {
  const std::string text = read_source_file("tests/data/psplib/j3010_1.sm");
  std::vector<std::string> lines = split_lines(text);
  for (std::string& l : lines) l += " \t ";
  const PsplibInstance a = parse_psplib(text, "a.sm");
  const PsplibInstance b = parse_psplib(join_lines(lines, "\r\n"), "b.sm");
  CHECK(psplib_json(a, "x") == psplib_json(b, "x"));
  // No newline at the end of the file, and blank lines between rows, are fine too.
  std::string no_eol = text;
  while (!no_eol.empty() && (no_eol.back() == '\n' || no_eol.back() == '*')) no_eol.pop_back();
  CHECK(psplib_json(parse_psplib(no_eol, "c.sm"), "x") == psplib_json(a, "x"));
  CHECK(psplib_json(parse_psplib(j301_with(21, "\n   3        1          3           7   8  13\n"), "d.sm"), "x") ==
        psplib_json(clearpath::test::read_psplib_test_instance("j301_1.sm"), "x"));
}

TEST_CASE("psplib import: jobs without demand and unused resources of capacity 0", "[psplib][import]") {
  // Job 3 requests nothing; R2 has capacity 0 and nobody requests it.
  const PsplibInstance inst = parse_psplib(tiny(), "tiny.sm");
  CHECK(inst.capacities == std::vector<int>{5, 0});
  const std::string json = psplib_json(inst, "tiny");
  const LoadResult r = load(json);
  REQUIRE(r.model);
  CHECK(r.diagnostics.items().empty());
  const Model& m = *r.model;
  const auto doc = nlohmann::json::parse(json);
  CHECK(doc["steps"][1] == nlohmann::json::parse(R"({"id": "job-3", "initiative": "project", "duration": 2})"));
  CHECK(m.effective_demands(step_of(m, "job-3")).empty());
  CHECK(doc["departments"][1].count("capacity") == 0);
  CHECK(m.department_capacity(*m.find("r2")) == 0);
  CHECK(m.department_capacity(*m.find("r1")) == 5);
  CHECK(ids(m, step_of(m, "job-4").depends_on) == Ids{"job-2", "job-3"});
  CHECK(compute_schedule(m, build_network(m, {})).duration == 7);
  // The same resource requested by a job is an error naming the job, the resource and the line.
  CHECK(parse_error(tiny("5 0", "3 1 2 0 1"), "tiny.sm") ==
        "tiny.sm:27: job 3 requests 1 of resource R2, whose capacity is 0 (line 33): the job could never run");
}

namespace {
struct MalformedCase {
  const char* what;
  std::string text;
  const char* prefix;  // "bad.sm:LINE: "
  const char* message;
};

void check_malformed(const std::vector<MalformedCase>& cases) {
  for (const MalformedCase& c : cases) {
    INFO(c.what);
    const std::string message = parse_error(c.text);
    CHECK_THAT(message, StartsWith(c.prefix) && Contains(c.message));
  }
}
}  // namespace

TEST_CASE("psplib import: malformed input is an InputError naming the file, the line and the job", "[psplib][import]") {
  const std::string j301 = read_source_file("tests/data/psplib/j301_1.sm");
  std::string no_requests = j301;
  no_requests.replace(no_requests.find("REQUESTS/DURATIONS:"), 19, "REQUESTS:");
  check_malformed({
      {"empty file", "", "bad.sm:1: ", "no PROJECT INFORMATION: section"},
      {"missing section", no_requests, "bad.sm:91: ", "no REQUESTS/DURATIONS: section after line 17"},
      {"missing header line", j301_with(7, "horizont : 158"), "bad.sm:13: ", "the header has no 'horizon' line"},
      {"header twice", j301_with(5, "horizon : 3"), "bad.sm:7: ", "header 'horizon' is given twice (first on line 5)"},
      {"header not a number", j301_with(6, "jobs (incl. supersource/sink ):  3x2"),
       "bad.sm:6: ", "header 'jobs (incl. supersource/sink )': '3x2' is not a whole number"},
      {"nonrenewable resources", j301_with(10, "  - nonrenewable              :  2   N"),
       "bad.sm:10: ", "the instance has 2 nonrenewable resources; only single-mode instances"},
      {"doubly constrained resources", j301_with(11, "  - doubly constrained        :  1   D"),
       "bad.sm:11: ", "the instance has 1 doubly constrained resources"},
      {"several projects", j301_with(5, "projects :  2"), "bad.sm:5: ", "only single-project files are supported"},
      {"project job count", j301_with(15, "    1     29      0       38       26       38"),
       "bad.sm:15: ", "the project has 29 jobs, but the header (line 6) states 32"},
      {"project row too short", j301_with(15, "    1     30      0       38"), "bad.sm:15: ", "expected 6 numbers"},
      {"successor count", j301_with(23, "   5        1          2          20"),
       "bad.sm:23: ", "job 5 states 2 successor(s) but lists 1"},
      {"non-number in a row", j301_with(23, "   5        1          1          2O"),
       "bad.sm:23: ", "job 5 in PRECEDENCE RELATIONS: '2O' is not a whole number"},
      {"row out of order", j301_with(23, "   6        1          1          30"),
       "bad.sm:23: ", "expected the precedence row of job 5, found job 6"},
      {"successor out of range", j301_with(23, "   5        1          1          33"),
       "bad.sm:23: ", "successor 33 of job 5 is not a job (jobs are numbered 1 to 32)"},
      {"successor zero", j301_with(23, "   5        1          1           0"),
       "bad.sm:23: ", "successor 0 of job 5 is not a job"},
      {"successor not above its job", j301_with(23, "   5        1          2           3  20"), "bad.sm:23: ",
       "successor 3 of job 5 is not numbered above it; PSPLIB numbers jobs so that every successor comes later"},
      {"self-loop", j301_with(23, "   5        1          1           5"),
       "bad.sm:23: ", "job 5 lists itself as its own successor (a dependency cycle)"},
      {"two-job cycle", j301_with(38, "  20        1          3           5  23  25"), "bad.sm:38: ",
       "successor 5 of job 20 is not numbered above it; PSPLIB numbers jobs so that every successor comes later; it "
       "closes "
       "the dependency cycle 20 -> 5 -> 20"},
      {"longer cycle", j301_with(41, "  23        1          2          18  24"),
       "bad.sm:41: ", "it closes the dependency cycle 23 -> 18 -> 20 -> 23"},
      {"duplicate successor", j301_with(23, "   5        1          2          20  20"),
       "bad.sm:23: ", "job 5 lists successor 20 twice"},
      {"multi-mode precedence", j301_with(23, "   5        2          1          20"),
       "bad.sm:23: ", "job 5 has 2 modes; only single-mode instances (1 mode) are supported"},
  });
  // A cycle is named only when the backward edge closes one.
  CHECK_THAT(parse_error(j301_with(23, "   5        1          2           3  20")), !Contains("cycle"));
}

TEST_CASE("psplib import: malformed requests, capacities and sizes name the file, the line and the job",
          "[psplib][import]") {
  const std::string j301 = read_source_file("tests/data/psplib/j301_1.sm");
  check_malformed({
      {"multi-mode request", j301_with(59, "  5      2     3       3    0    0    0"),
       "bad.sm:59: ", "job 5 is in mode 2; only single-mode instances (mode 1) are supported"},
      {"negative duration", j301_with(59, "  5      1    -3       3    0    0    0"),
       "bad.sm:59: ", "job 5 has a negative duration (-3)"},
      {"negative demand", j301_with(59, "  5      1     3       3    0   -2    0"),
       "bad.sm:59: ", "job 5 has a negative request (-2) of resource R3"},
      {"too few requests", j301_with(59, "  5      1     3       3    0    0"),
       "bad.sm:59: ", "job 5 has 3 resource request(s), but the header declares 4 renewable resource(s)"},
      {"request row of another job", j301_with(59, "  6      1     3       3    0    0    0"),
       "bad.sm:59: ", "expected the request row of job 5, found job 6"},
      {"source with a duration", j301_with(55, "  1      1     2       0    0    0    0"),
       "bad.sm:55: ", "job 1 is the dummy source; its duration must be 0, not 2"},
      {"sink with a request", j301_with(86, " 32      1     0       0    0    1    0"),
       "bad.sm:86: ", "job 32 is the dummy sink; it must request no resource, but requests 1 of R3"},
      {"too few capacities", j301_with(90, "   12   13    4"), "bad.sm:90: ", "expected 4 capacities"},
      {"negative capacity", j301_with(90, "   12   13   -4   12"),
       "bad.sm:90: ", "resource R3 has a negative capacity (-4)"},
      {"zero capacity requested", j301_with(90, "   12   13    0   12"),
       "bad.sm:80: ", "job 26 requests 4 of resource R3, whose capacity is 0 (line 90)"},
      // Found by the psplib fuzz target: the parser let it through and the model check called it a bug.
      {"request above the capacity", j301_with(90, "   12   13    3   12"),
       "bad.sm:80: ", "job 26 requests 4 of resource R3, whose capacity is 3 (line 90): the job could never run"},
      {"row missing", j301_with(40, "************"),
       "bad.sm:40: ", "PRECEDENCE RELATIONS ends after 21 of 32 job rows"},
      {"extra row", j301_with(51, "  33        1          0"),
       "bad.sm:51: ", "PRECEDENCE RELATIONS has more than the 32 job rows expected: '33        1          0'"},
      {"huge number", j301_with(23, "   5        1          1          99999999999999999999"),
       "bad.sm:23: ", "job 5 in PRECEDENCE RELATIONS: number '99999999999999999999' is too large"},
      {"huge job count", j301_with(6, "jobs (incl. supersource/sink ):  2000000000"),
       "bad.sm:15: ", "the project has 30 jobs, but the header (line 6) states 2000000000"},
      {"job count larger than the file",
       [&] {
         std::vector<std::string> l = split_lines(j301);
         l[5] = "jobs (incl. supersource/sink ):  2000000000";
         l[14] = "    1 1999999998 0 38 26 38";
         return join_lines(l);
       }(),
       "bad.sm:51: ", "PRECEDENCE RELATIONS ends after 32 of 2000000000 job rows"},
      {"too few jobs", j301_with(6, "jobs (incl. supersource/sink ):  1"), "bad.sm:6: ", "the header states 1 jobs"},
      {"binary junk in a row", j301_with(23, std::string("   5  \x01\xff\x00 1", 11)),
       "bad.sm:23: ", "'\\x01\\xff\\x00' is not a whole number"},
  });
}

TEST_CASE("psplib import: truncated files and junk give an InputError, never a crash", "[psplib][import]") {
  const std::string j301 = read_source_file("tests/data/psplib/j301_1.sm");
  const std::vector<std::string> lines = split_lines(j301);
  // Every file cut after a whole line, up to the capacities line, is missing something.
  for (std::size_t n = 0; n < 90; ++n) {
    INFO("the first " << n << " lines");
    const std::string cut =
        join_lines(std::vector<std::string>(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(n)));
    CHECK_THAT(parse_error(cut), StartsWith("bad.sm:"));
  }
  // Cut anywhere, or with bytes flipped: either an instance or an InputError.
  std::mt19937 rng(5);
  for (int round = 0; round < 400; ++round) {
    std::string text = j301.substr(0, std::uniform_int_distribution<std::size_t>(0, j301.size())(rng));
    if (round % 2) {
      for (int k = 0; k < 3 && !text.empty(); ++k)
        text[std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(rng)] =
            static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    }
    try {
      const PsplibInstance inst = parse_psplib(text, "cut.sm");
      CHECK(load(psplib_json(inst, "cut")).model);
    } catch (const InputError& e) {
      CHECK_THAT(std::string(e.what()), StartsWith("cut.sm:"));
    }
  }
  // Pure junk.
  for (int round = 0; round < 50; ++round) {
    std::string junk(static_cast<std::size_t>(std::uniform_int_distribution<int>(0, 5000)(rng)), '\0');
    for (char& ch : junk) ch = static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));
    CHECK_THAT(parse_error(junk, "junk.bin"), StartsWith("junk.bin:"));
  }
  // A row of 100,000 successors is checked in time, duplicates included.
  std::string header = j301_with(6, "jobs (incl. supersource/sink ):  100002");
  header = header.substr(0, header.find("PROJECT INFORMATION:"));
  std::string wide = header + "PROJECT INFORMATION:\n1 100000 0 1 1 1\nPRECEDENCE RELATIONS:\nheader\n1 1 100000";
  for (int s = 2; s <= 100'001; ++s)
    wide.append(" ").append(std::to_string(s));  // append: no GCC 12 -Wrestrict false positive
  std::string rest = "\n";
  for (int job = 2; job <= 100'002; ++job) rest += std::to_string(job) + (job < 100'002 ? " 1 1 100002\n" : " 1 0\n");
  rest += "****\n";
  CHECK(parse_error(wide + rest) ==
        "bad.sm:100019: no REQUESTS/DURATIONS: section after line 15 (the file ends here); is this a PSPLIB .sm file?");
  wide.replace(wide.find(" 3 4 5 "), 2, " 2");
  CHECK(parse_error(wide + rest) == "bad.sm:17: job 1 lists successor 2 twice");
  // One enormous line without a newline, and very many empty lines.
  CHECK_THAT(parse_error(std::string(std::size_t{4} << 20, '7')), StartsWith("bad.sm:1: no PROJECT INFORMATION:"));
  CHECK_THAT(parse_error(std::string(std::size_t{1} << 20, '\n')), StartsWith("bad.sm:1048576: "));
}

TEST_CASE("import psplib on the command line: -o, stdout, stdin, names", "[psplib][import][cli]") {
  const std::string sm = source_path("tests/data/psplib/j301_1.sm");
  const std::string dir = temp_dir();
  auto written = run({"import", "psplib", sm, "-o", dir + "/j301_1.json"});
  CHECK(written.status == 0);
  CHECK(written.out.empty());
  CHECK(written.err.empty());
  std::ifstream in(dir + "/j301_1.json");
  std::stringstream file;
  file << in.rdbuf();
  CHECK(file.str() == psplib_json(clearpath::test::read_psplib_test_instance("j301_1.sm"), "PSPLIB j301_1"));

  auto out = run({"import", "psplib", sm});
  CHECK(out.status == 0);
  CHECK(out.out == file.str());

  auto stdin_run =
      run({"import", "psplib", "-", "--name", "Benchmark j301_1"}, read_source_file("tests/data/psplib/j301_1.sm"));
  CHECK(stdin_run.status == 0);
  CHECK(nlohmann::json::parse(stdin_run.out)["name"] == "Benchmark j301_1");
  CHECK(nlohmann::json::parse(
            run({"import", "psplib", "-"}, read_source_file("tests/data/psplib/j301_1.sm")).out)["name"] ==
        "PSPLIB instance");

  // The written model goes through validate and path: CPM duration = MPM-Time 38.
  CHECK(run({"validate", dir + "/j301_1.json"}).status == 0);
  auto path = run({"path", dir + "/j301_1.json", "--format", "json", "--fail-on", "never"});
  REQUIRE(path.status == 0);
  CHECK(nlohmann::json::parse(path.out)["duration"] == 38);
}

TEST_CASE("import psplib on the command line: bad input, unknown format, help", "[psplib][import][cli]") {
  const std::string dir = temp_dir();
  const std::string bad = j301_with(23, "   5        2          1          20");
  auto r = run({"import", "psplib", "-", "-o", dir + "/out.json"}, bad);
  CHECK(r.status == 2);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "clearpath: error: <stdin>:23: job 5 has 2 modes; only single-mode instances (1 mode) are supported\n");
  CHECK_FALSE(std::filesystem::exists(dir + "/out.json"));

  // An existing output file is left as it was.
  { std::ofstream(dir + "/keep.json") << "old"; }
  CHECK(run({"import", "psplib", "-", "-o", dir + "/keep.json"}, "garbage").status == 2);
  std::ifstream keep(dir + "/keep.json");
  std::string kept((std::istreambuf_iterator<char>(keep)), std::istreambuf_iterator<char>());
  CHECK(kept == "old");

  auto missing = run({"import", "psplib", dir + "/none.sm"});
  CHECK(missing.status == 2);
  CHECK_THAT(missing.err, StartsWith("clearpath: error: ") && Contains("none.sm"));

  auto format = run({"import", "mpsx", source_path("tests/data/psplib/j301_1.sm")});
  CHECK(format.status == 2);
  CHECK_THAT(format.err, Contains("psplib"));
  CHECK(run({"import", "psplib"}).status == 2);

  auto help = run({"import", "--help"});
  CHECK(help.status == 0);
  CHECK_THAT(help.out, Contains("clearpath import psplib tests/data/psplib/j301_1.sm -o j301_1.json") &&
                           Contains("docs/psplib.md"));
}
