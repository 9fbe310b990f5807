// PSPLIB instances (tests/data/psplib, third-party data, see SOURCE.md there) as an oracle for
// the CPM project duration: every .sm file states its precedence-only critical-path length as
// MPM-Time. The files are read with parse_psplib (the `clearpath import psplib` parser); here
// every job, dummies included, becomes a step, successor lists become depends_on; resources are
// ignored.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "clearpath/psplib.hpp"
#include "clearpath/schedule.hpp"
#include "support/test_support.hpp"

using namespace clearpath;
using clearpath::test::load_valid;
using clearpath::test::read_source_file;
using clearpath::test::source_path;

namespace {

std::string job_id(int job) { return "job-" + std::to_string(job); }  // "job-10" < "job-2": ids out of job order

// The model: every job a step, the dummies included, listed last job first; depends_on = the
// jobs naming it as successor. Resources are ignored. (`clearpath import psplib` makes another
// model of the same instance, checked in tests/io/psplib_import_test.cpp.)
std::string to_model(const PsplibInstance& inst, const std::string& name) {
  const int jobs = static_cast<int>(inst.jobs.size());
  std::vector<std::vector<int>> preds(inst.jobs.size());
  for (const PsplibJob& j : inst.jobs)
    for (int s : j.successors) preds[s - 1].push_back(j.number);
  std::ostringstream out;
  out << R"({"clearpath": 1, "name": "PSPLIB )" << name << R"(", "steps": [)";
  for (int j = jobs; j >= 1; --j) {
    out << (j == jobs ? "" : ",") << "\n  {\"id\": \"" << job_id(j)
        << "\", \"duration\": " << inst.jobs[j - 1].duration;
    if (!preds[j - 1].empty()) {
      out << ", \"depends_on\": [";
      for (std::size_t k = 0; k < preds[j - 1].size(); ++k)
        out << (k ? ", " : "") << '"' << job_id(preds[j - 1][k]) << '"';
      out << "]";
    }
    out << "}";
  }
  out << "\n]}";
  return out.str();
}

}  // namespace

TEST_CASE("psplib: the parser reads j301_1 as the file states it", "[cpm][psplib]") {
  // From the file: 32 jobs, MPM-Time 38; job 1 -> 2, 3, 4; job 2 (8 days) -> 6, 11, 15;
  // job 31 (2 days) -> 32; job 32 is the sink (0 days, no successors).
  const PsplibInstance inst = clearpath::test::read_psplib_test_instance("j301_1.sm");
  REQUIRE(inst.jobs.size() == 32);
  CHECK(inst.mpm_time == 38);
  CHECK(inst.jobs[0].successors == std::vector<int>{2, 3, 4});
  CHECK(inst.jobs[1].successors == std::vector<int>{6, 11, 15});
  CHECK(inst.jobs[1].duration == 8);
  CHECK(inst.jobs[30].successors == std::vector<int>{32});
  CHECK(inst.jobs[30].duration == 2);
  CHECK(inst.jobs[31].successors.empty());
  CHECK(inst.jobs[0].duration == 0);
  CHECK(inst.jobs[31].duration == 0);
}

TEST_CASE("psplib: CPM duration equals the stated MPM-Time of every copied instance", "[cpm][psplib]") {
  const std::vector<std::string> files = clearpath::test::psplib_test_files();
  CHECK(files.size() == 40);
  int j30 = 0, j60 = 0, j120 = 0;
  for (const std::string& file : files) {
    INFO("instance " << file);
    const PsplibInstance inst = clearpath::test::read_psplib_test_instance(file);
    const int jobs = static_cast<int>(inst.jobs.size());
    (jobs == 32 ? j30 : jobs == 62 ? j60 : j120)++;
    const Model model = load_valid(to_model(inst, file));
    const Network net = build_network(model, {});
    REQUIRE(net.size() == inst.jobs.size());
    const Schedule s = compute_schedule(model, net);
    CHECK(s.duration == inst.mpm_time);

    // The source starts and the sink ends every critical chain, and the chain sums to MPM-Time.
    REQUIRE_FALSE(s.critical_path.empty());
    CHECK(model.id(net.activity[s.critical_path.front()]) == job_id(1));
    CHECK(model.id(net.activity[s.critical_path.back()]) == job_id(jobs));
    double length = 0;
    for (std::uint32_t a : s.critical_path) length += net.duration[a];
    CHECK(length == inst.mpm_time);
    for (const auto& chain : s.tied_paths) {
      CHECK(model.id(net.activity[chain.front()]) == job_id(1));
      CHECK(model.id(net.activity[chain.back()]) == job_id(jobs));
    }
    for (const ActivityTimes& t : s.times) {
      CHECK(t.total_float >= 0);
      CHECK(t.free_float <= t.total_float);
    }

    // --to the sink is the whole project again.
    NetworkOptions to_sink;
    to_sink.to = job_id(jobs);
    const Network sink_net = build_network(model, to_sink);
    CHECK(sink_net.size() == net.size());
    CHECK(compute_schedule(model, sink_net).duration == inst.mpm_time);
  }
  CHECK(j30 >= 12);
  CHECK(j60 >= 12);
  CHECK(j120 >= 12);
}
