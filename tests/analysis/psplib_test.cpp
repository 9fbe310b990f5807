// PSPLIB instances (tests/data/psplib, third-party data, see SOURCE.md there) as an oracle for
// the CPM project duration: every .sm file states its precedence-only critical-path length as
// MPM-Time. Jobs become steps, successor lists become depends_on; resources are ignored.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "clearpath/schedule.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::load_valid;
using clearpath::test::source_path;

namespace {

struct Instance {
  int jobs = 0;       // including the dummy source (job 1) and sink (job `jobs`)
  int mpm_time = -1;  // the stated critical-path length
  std::vector<std::vector<int>> successors;  // by job number - 1
  std::vector<int> duration;                 // by job number - 1
};

std::vector<int> numbers(const std::string& line) {
  std::istringstream in(line);
  std::vector<int> out;
  for (int v; in >> v;) out.push_back(v);
  return out;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// Parses the parts of a single-mode .sm file that a schedule needs; REQUIREs it well formed.
Instance parse_sm(const std::string& path) {
  std::ifstream file(path);
  REQUIRE(file.good());
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  Instance inst;
  std::size_t i = 0;
  const auto section = [&](const std::string& title) {
    while (i < lines.size() && !starts_with(lines[i], title)) ++i;
    REQUIRE(i < lines.size());
    ++i;
  };
  for (const std::string& line : lines)
    if (starts_with(line, "jobs (incl. supersource/sink )")) inst.jobs = numbers(line.substr(line.find(':') + 1)).at(0);
  REQUIRE(inst.jobs >= 2);
  inst.successors.resize(inst.jobs);
  inst.duration.assign(inst.jobs, -1);

  section("PROJECT INFORMATION:");
  REQUIRE(lines[i].find("MPM-Time") != std::string::npos);
  const std::vector<int> project = numbers(lines[i + 1]);
  REQUIRE(project.size() == 6);  // pronr. #jobs rel.date duedate tardcost MPM-Time
  CHECK(project[1] == inst.jobs - 2);
  inst.mpm_time = project[5];

  section("PRECEDENCE RELATIONS:");
  ++i;  // jobnr. #modes #successors successors
  for (int row = 0; row < inst.jobs; ++row, ++i) {
    const std::vector<int> v = numbers(lines.at(i));
    REQUIRE(v.size() >= 3);
    REQUIRE(v[0] == row + 1);
    REQUIRE(v[1] == 1);  // single mode
    REQUIRE(v.size() == 3 + static_cast<std::size_t>(v[2]));
    for (std::size_t k = 3; k < v.size(); ++k) {
      REQUIRE(v[k] >= 1);
      REQUIRE(v[k] <= inst.jobs);
      inst.successors[row].push_back(v[k]);
    }
  }
  REQUIRE(starts_with(lines.at(i), "****"));

  section("REQUESTS/DURATIONS:");
  i += 2;  // column titles and a line of dashes
  for (int row = 0; row < inst.jobs; ++row, ++i) {
    const std::vector<int> v = numbers(lines.at(i));
    REQUIRE(v.size() >= 3);  // jobnr. mode duration, then the resource requests
    REQUIRE(v[0] == row + 1);
    REQUIRE(v[2] >= 0);
    inst.duration[row] = v[2];
  }
  REQUIRE(starts_with(lines.at(i), "****"));
  return inst;
}

std::string job_id(int job) { return "job-" + std::to_string(job); }  // "job-10" < "job-2": ids out of job order

// The model: every job a step, listed last job first; depends_on = the jobs naming it as successor.
std::string to_model(const Instance& inst, const std::string& name) {
  std::vector<std::vector<int>> preds(inst.jobs);
  for (int j = 0; j < inst.jobs; ++j)
    for (int s : inst.successors[j]) preds[s - 1].push_back(j + 1);
  std::ostringstream out;
  out << R"({"clearpath": 1, "name": "PSPLIB )" << name << R"(", "steps": [)";
  for (int j = inst.jobs; j >= 1; --j) {
    out << (j == inst.jobs ? "" : ",") << "\n  {\"id\": \"" << job_id(j) << "\", \"duration\": " << inst.duration[j - 1];
    if (!preds[j - 1].empty()) {
      out << ", \"depends_on\": [";
      for (std::size_t k = 0; k < preds[j - 1].size(); ++k) out << (k ? ", " : "") << '"' << job_id(preds[j - 1][k]) << '"';
      out << "]";
    }
    out << "}";
  }
  out << "\n]}";
  return out.str();
}

std::vector<std::string> instance_files() {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/data/psplib")))
    if (entry.path().extension() == ".sm") files.push_back(entry.path().filename().string());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

TEST_CASE("psplib: the parser reads j301_1 as the file states it", "[cpm][psplib]") {
  // From the file: 32 jobs, MPM-Time 38; job 1 -> 2, 3, 4; job 2 (8 days) -> 6, 11, 15;
  // job 31 (2 days) -> 32; job 32 is the sink (0 days, no successors).
  const Instance inst = parse_sm(source_path("tests/data/psplib/j301_1.sm"));
  CHECK(inst.jobs == 32);
  CHECK(inst.mpm_time == 38);
  CHECK(inst.successors[0] == std::vector<int>{2, 3, 4});
  CHECK(inst.successors[1] == std::vector<int>{6, 11, 15});
  CHECK(inst.duration[1] == 8);
  CHECK(inst.successors[30] == std::vector<int>{32});
  CHECK(inst.duration[30] == 2);
  CHECK(inst.successors[31].empty());
  CHECK(inst.duration[0] == 0);
  CHECK(inst.duration[31] == 0);
}

TEST_CASE("psplib: CPM duration equals the stated MPM-Time of every copied instance", "[cpm][psplib]") {
  const std::vector<std::string> files = instance_files();
  CHECK(files.size() == 40);
  int j30 = 0, j60 = 0, j120 = 0;
  for (const std::string& file : files) {
    INFO("instance " << file);
    const Instance inst = parse_sm(source_path("tests/data/psplib/" + file));
    (inst.jobs == 32 ? j30 : inst.jobs == 62 ? j60 : j120)++;
    const Model model = load_valid(to_model(inst, file));
    const Network net = build_network(model, {});
    REQUIRE(net.size() == static_cast<std::size_t>(inst.jobs));
    const Schedule s = compute_schedule(model, net);
    CHECK(s.duration == inst.mpm_time);

    // The source starts and the sink ends every critical chain, and the chain sums to MPM-Time.
    REQUIRE_FALSE(s.critical_path.empty());
    CHECK(model.id(net.activity[s.critical_path.front()]) == job_id(1));
    CHECK(model.id(net.activity[s.critical_path.back()]) == job_id(inst.jobs));
    double length = 0;
    for (std::uint32_t a : s.critical_path) length += net.duration[a];
    CHECK(length == inst.mpm_time);
    for (const auto& chain : s.tied_paths) {
      CHECK(model.id(net.activity[chain.front()]) == job_id(1));
      CHECK(model.id(net.activity[chain.back()]) == job_id(inst.jobs));
    }
    for (const ActivityTimes& t : s.times) {
      CHECK(t.total_float >= 0);
      CHECK(t.free_float <= t.total_float);
    }

    // --to the sink is the whole project again.
    NetworkOptions to_sink;
    to_sink.to = job_id(inst.jobs);
    const Network sink_net = build_network(model, to_sink);
    CHECK(sink_net.size() == net.size());
    CHECK(compute_schedule(model, sink_net).duration == inst.mpm_time);
  }
  CHECK(j30 >= 12);
  CHECK(j60 >= 12);
  CHECK(j120 >= 12);
}
